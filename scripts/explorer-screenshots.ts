/**
 * `npm run screenshots`: the README's pictures of the explorer, taken in
 * Chromium against the local stack and the seeded corpus: the document reader
 * with a claim selected, and the timeline with a disputed date.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildExplorer } from './build-explorer.js';
import { launchChromium } from './chromium.js';
import { startLocalStack } from './local-stack.js';

const IMAGES = fileURLToPath(new URL('../docs/images/', import.meta.url));

interface Json {
  data: {
    claimRelations: { nodes: { claim: { id: string; document: { id: string } } }[] };
    events: { nodes: { id: string; disputed: boolean; date: { value: string } }[] };
  };
}

/** The timeline from the year before the event to the year after, with the event's card open. */
function timelineAround(id: string, date: string): string {
  const year = Number(date.slice(0, 4));
  return `/timeline?from=${year - 1}&to=${year + 1}&event=${id}`;
}

await buildExplorer();
const stack = await startLocalStack({ port: 0 });
const browser = await launchChromium();
try {
  const origin = new URL(stack.url).origin;
  // A claim that contradicts another (its card shows both and the note), and a disputed event.
  const response = await fetch(stack.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ claimRelations(kind: CONTRADICTS, first: 1) { nodes { claim { id document { id } } } } events(first: 100) { nodes { id disputed date { value } } } }',
    }),
  });
  const { data } = (await response.json()) as Json;
  const claim = data.claimRelations.nodes[0]?.claim;
  const disputed = data.events.nodes.find((e) => e.disputed);
  const shots: [string, string][] = [
    ['explorer-reader.png', claim === undefined ? '/' : `/documents/${claim.document.id}?claim=${claim.id}`],
    ['explorer-timeline.png', disputed === undefined ? '/timeline' : timelineAround(disputed.id, disputed.date.value)],
  ];
  await mkdir(IMAGES, { recursive: true });
  for (const [file, path] of shots) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(origin + path);
    await page.locator('.claim-card, .event-details').first().waitFor();
    await page.waitForFunction(() => document.querySelector('p.status') === null);
    await page.screenshot({ path: IMAGES + file });
    await page.close();
    process.stdout.write(`docs/images/${file} (${path})\n`);
  }
} finally {
  await browser.close();
  await stack.close();
}
