/**
 * The explorer in a real browser (headless Chromium driven by playwright-core)
 * against the local stack and the seeded corpus: every view at its own URL,
 * reloads, keyboard use, downloads, citations, narrow and wide screens, errors
 * and unknown URLs, axe-core's check, and a strict Content-Security-Policy.
 * Expectations come from the corpus files or the API, never from the corpus's size.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchChromium } from '../../scripts/chromium.js';
import { buildExplorer } from '../../scripts/build-explorer.js';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack.js';
import { CORPUS_DIR } from '../../seed/paths.js';

const ARTIFACTS = 'artifacts/explorer';
/** A policy as strict as a page of this kind can have: everything from the page's own origin, nothing inline. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

interface CorpusClaim {
  id: string;
  document: string;
  quote: string;
  speaker: string | null;
  relations?: { kind: string; claim: string; note?: string }[];
}
interface Corpus {
  documents: { id: string; title: string }[];
  claims: CorpusClaim[];
  people: { id: string; name: string }[];
  organizations: { id: string; name: string }[];
  places: { id: string; name: string }[];
}

let stack: LocalStack;
let origin: string;
let browser: Browser;
let corpus: Corpus;
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  const read = async (name: string) => parse(await readFile(join(CORPUS_DIR, `${name}.yaml`), 'utf8')) as never;
  corpus = {
    documents: await read('documents'),
    claims: await read('claims'),
    people: await read('people'),
    organizations: await read('organizations'),
    places: await read('places'),
  };
  await buildExplorer();
  stack = await startLocalStack({ port: 0 });
  origin = new URL(stack.url).origin;
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

interface Visit {
  page: Page;
  context: BrowserContext;
  requests: string[];
  problems: string[];
}

/** Opens a path of the explorer under the strict CSP, recording every request and every error or violation. */
async function visit(path: string, width = 1440): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const requests: string[] = [];
  const problems: string[] = [];
  await context.route(
    (url) => url.origin === origin && !url.pathname.startsWith('/graphql'),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers(), 'content-security-policy': STRICT_CSP };
      await route.fulfill({ response, headers });
    },
  );
  const page = await context.newPage();
  context.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(origin + path);
  return { page, context, requests, problems };
}

/** The API's answer, as untyped JSON: the assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Json = any;

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const response = await fetch(stack.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as { data: Json }).data;
}

/** No serious or critical violation of axe-core's rules on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Json> } }).axe;
    // Violations only: axe skips the details of what passed, which is most of its time on a long page.
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (results.violations as { id: string; impact: string; nodes: unknown[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

/** Shows the view whole at the width, with nothing wider than the screen outside its own scrolling boxes. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function finish(v: Visit, name: string): Promise<void> {
  await v.page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
  const offOrigin = v.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  expect(offOrigin).toEqual([]);
  expect(v.problems).toEqual([]);
  await v.context.close();
}

describe('the explorer in Chromium', () => {
  it('opens on the documents, asks the API by persisted GET only, and passes axe at 1440 and 375 px', async () => {
    // Act
    const wide = await visit('/');
    await wide.page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor();
    await wide.page.locator('.cards li').first().waitFor();
    const titles = await wide.page.locator('.cards h3').allInnerTexts();
    const heading = await wide.page.getByRole('heading', { name: /^Documents \(/ }).innerText();
    const wideViolations = await axeViolations(wide.page);
    const api = wide.requests.filter((url) => url.startsWith(stack.url));
    await finish(wide, 'home-1440');
    const narrow = await visit('/', 375);
    await narrow.page.locator('.cards li').first().waitFor();
    const narrowOverflow = await overflow(narrow.page);
    const narrowViolations = await axeViolations(narrow.page);
    await finish(narrow, 'home-375');

    // Assess
    // The first page of 100, newest first, as the API lists them; the heading counts them all.
    const listed = await graphql('{ documents(first: 100) { nodes { title } } }');
    expect(titles).toEqual(listed.documents.nodes.map((d: Json) => d.title));
    expect(heading).toContain(`(${corpus.documents.length})`);
    expect(api.length).toBeGreaterThan(0);
    for (const url of api) {
      const params = new URL(url).searchParams;
      expect(params.get('query')).toBeNull();
      expect(JSON.parse(params.get('extensions') ?? '{}').persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(wideViolations).toEqual([]);
    expect(narrowViolations).toEqual([]);
    expect(narrowOverflow).toBeLessThanOrEqual(0);
  });

  it('reads a document with every claim of the corpus marked, selects one by keyboard, and keeps it across a reload', async () => {
    // Prepare: a document with a claim that has a related claim and its note
    const claim = corpus.claims.find((c) => (c.relations ?? []).some((r) => r.note !== undefined));
    if (claim === undefined) throw new Error('The corpus has no related claims');
    const relation = claim.relations!.find((r) => r.note !== undefined)!;
    const expectedIds = new Set(corpus.claims.filter((c) => c.document === claim.document).map((c) => c.id));

    // Act
    const v = await visit(`/documents/${claim.document}`);
    const { page } = v;
    await page.waitForFunction(
      () => document.querySelector('[role="status"]')?.textContent?.includes('claims') !== true,
    );
    await page.locator('.claim-span[data-claim]').first().waitFor();
    const marked = new Set(
      await page
        .locator('.document-text [data-claim]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-claim'))),
    );
    const kinds = new Set(
      await page
        .locator('.document-text [data-claim]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('class') ?? '')),
    );
    await page.locator(`.document-text [data-claim="${claim.id}"]`).first().focus();
    await page.keyboard.press('Enter');
    await page.locator('.claim-card').waitFor();
    const urlAfterSelect = page.url();
    await page.reload();
    await page.locator('.claim-card').waitFor();
    const card = await page.locator('.claim-card').innerText();
    const violations = await axeViolations(page);
    await finish(v, 'reader');

    // Assess
    expect(marked).toEqual(expectedIds);
    expect([...kinds].some((k) => k.includes('kind-'))).toBe(true);
    expect(new URL(urlAfterSelect).searchParams.get('claim')).toBe(claim.id);
    expect(card).toContain(claim.quote.slice(0, 40));
    expect(card).toContain(relation.note);
    expect(violations).toEqual([]);
  });

  it('copies a claim as a citation and downloads a list as CSV and JSON', async () => {
    // Prepare
    const person = corpus.people.find((p) => corpus.claims.some((c) => c.speaker === p.id))!;
    const made = corpus.claims.filter((c) => c.speaker === person.id);
    const v = await visit(`/people/${person.id}`);
    await v.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const claims = v.page.getByRole('region', { name: 'Claims made' });
    await claims.locator('.claim').first().waitFor();

    // Act
    await claims.getByRole('button', { name: 'Copy citation' }).first().click();
    await claims.getByText('Copied').first().waitFor();
    const copied = await v.page.evaluate(() => navigator.clipboard.readText());
    const [csvDownload] = await Promise.all([
      v.page.waitForEvent('download'),
      claims.getByRole('button', { name: /^CSV/ }).click(),
    ]);
    const csv = await readFile(await csvDownload.path(), 'utf8');
    const [jsonDownload] = await Promise.all([
      v.page.waitForEvent('download'),
      claims.getByRole('button', { name: /^JSON/ }).click(),
    ]);
    const json = JSON.parse(await readFile(await jsonDownload.path(), 'utf8')) as { id: string }[];
    const heading = await v.page.getByRole('heading', { level: 1 }).innerText();
    await finish(v, 'person');

    // Assess
    expect(heading).toBe(person.name);
    expect(made.some((c) => copied.includes(c.quote))).toBe(true);
    expect(copied).toContain(person.name);
    expect(csv.split('\r\n')[0]).toBe('id,kind,text,quote,speaker,document,documentId,sourceLink');
    const listed = await graphql(`{ person(id: "${person.id}") { claims(first: 100) { nodes { id } } } }`);
    expect(json.map((c) => c.id)).toEqual(listed.person.claims.nodes.map((c: Json) => c.id));
    expect(csvDownload.suggestedFilename()).toBe(`claims-by-${person.id}.csv`);
  });

  it('shows organization and place pages with the claims about them', async () => {
    for (const [path, subject] of [
      ['organizations', corpus.organizations[0]!],
      ['places', corpus.places[0]!],
    ] as const) {
      // Act
      const v = await visit(`/${path}/${subject.id}`);
      const heading = await v.page.getByRole('heading', { level: 1 }).innerText();
      const about = await v.page.getByRole('region', { name: 'Claims about' }).getByRole('heading').innerText();
      const api = await graphql(
        `{ ${path === 'places' ? 'place' : 'organization'}(id: "${subject.id}") { claims { totalCount } } }`,
      );
      const violations = await axeViolations(v.page);
      await finish(v, path);

      // Assess
      expect(heading).toBe(subject.name);
      expect(about).toContain(String((api.place ?? api.organization).claims.totalCount));
      expect(violations).toEqual([]);
    }
  });

  it('searches with type filters and highlighted matches, and the URL keeps the search', async () => {
    // Act
    const v = await visit('/search');
    await v.page.getByLabel('Words').fill('peacekeepers');
    await v.page.getByLabel('Words').press('Enter');
    await v.page.getByRole('checkbox', { name: 'Claims' }).check();
    await v.page.locator('.results li').first().waitFor();
    await v.page.waitForFunction(() => new URL(location.href).searchParams.get('types') === 'CLAIM');
    await v.page.reload();
    await v.page.locator('.results li').first().waitFor();
    const types = await v.page.locator('.results .result-type').allTextContents();
    const marks = await v.page.locator('.results mark').count();
    const count = await v.page.getByRole('region', { name: 'Results' }).getByRole('heading', { level: 2 }).innerText();
    const api = await graphql('{ search(query: "peacekeepers", types: [CLAIM]) { totalCount } }');
    const violations = await axeViolations(v.page);
    await finish(v, 'search');

    // Assess
    expect(types.length).toBeGreaterThan(0);
    expect(types.filter((t) => !t.startsWith('Claim'))).toEqual([]);
    expect(marks).toBeGreaterThan(0);
    expect(count).toContain(`(${api.search.totalCount})`);
    expect(violations).toEqual([]);
  });

  it('draws the timeline with a mark per event and each source’s date for a disputed one', async () => {
    // Prepare
    const api = await graphql(
      '{ events(first: 100) { totalCount nodes { id title disputed reportedDates { quote } } } }',
    );
    const disputed = api.events.nodes.find((e: Json) => e.disputed);

    // Act
    const v = await visit(disputed === undefined ? '/timeline' : `/timeline?event=${disputed.id}`);
    await v.page.locator('svg.axis').waitFor();
    await v.page.waitForFunction(() => !document.body.textContent?.includes('Loading the events'));
    const rows = await v.page.locator('svg.axis .event-row').count();
    const reportedMarks = await v.page.locator('svg.axis .mark.reported').count();
    const details = disputed === undefined ? '' : await v.page.locator('.event-details').innerText();
    const violations = await axeViolations(v.page);
    await finish(v, 'timeline');

    // Assess
    expect(rows).toBe(api.events.totalCount);
    if (disputed !== undefined) {
      expect(reportedMarks).toBeGreaterThanOrEqual(disputed.reportedDates.length);
      expect(details).toContain(disputed.title);
      for (const reported of disputed.reportedDates) expect(details).toContain(reported.quote);
    }
    expect(violations).toEqual([]);
  });

  it('lists disagreements side by side with their note, filtered by subject and kind through the URL', async () => {
    // Prepare: a subject some contradicting pair is about
    const pairs = await graphql(
      '{ claimRelations(kind: CONTRADICTS, first: 1) { nodes { claim { about { ... on Organization { id } ... on Person { id } ... on Place { id } } } } } }',
    );
    const subject = pairs.claimRelations.nodes[0].claim.about.find((s: Json) => s.id !== undefined).id as string;
    const api = await graphql(
      `{ claimRelations(kind: CONTRADICTS, subjectId: "${subject}") { totalCount nodes { note } } }`,
    );

    // Act
    const v = await visit('/disagreements');
    await v.page.locator('#relation-subject option').nth(1).waitFor({ state: 'attached' });
    await v.page.getByLabel('About').selectOption(subject);
    await v.page.waitForFunction((id) => new URL(location.href).searchParams.get('subject') === id, subject);
    await v.page.getByRole('region', { name: 'Related claim pairs' }).waitFor();
    await v.page.waitForFunction(
      (n) => document.querySelector('[aria-label="Related claim pairs"] h2')?.textContent?.includes(`(${n})`),
      api.claimRelations.totalCount,
    );
    const sides = await v.page.locator('.pair').first().locator('.side-by-side .claim').count();
    const note = await v.page.locator('.pair .note').first().innerText();
    const violations = await axeViolations(v.page);
    await finish(v, 'disagreements');

    // Assess
    expect(sides).toBe(2);
    expect(note).toContain(api.claimRelations.nodes[0].note);
    expect(violations).toEqual([]);
  });

  it('lists the published versions and what changed since the oldest', async () => {
    // Prepare
    const api = await graphql('{ corpusVersions(first: 100) { totalCount nodes { number } } }');
    const oldest = api.corpusVersions.nodes.at(-1).number as number;
    const changes = await graphql(`{ changes(since: ${oldest - 1}) { totalCount } }`);

    // Act
    const v = await visit('/changes');
    await v.page.getByRole('region', { name: 'Changes' }).waitFor();
    const rows = await v.page.locator('tbody tr').count();
    const heading = await v.page.getByRole('region', { name: 'Changes' }).getByRole('heading').innerText();
    const violations = await axeViolations(v.page);
    await finish(v, 'changes');

    // Assess
    expect(rows).toBe(api.corpusVersions.totalCount);
    expect(heading).toContain(`(${changes.changes.totalCount})`);
    expect(violations).toEqual([]);
  });

  it('shows a not-found view for an unknown URL or id, and the API’s message and code for a refused request', async () => {
    // Act
    const unknown = await visit('/no/such/view');
    const unknownText = await unknown.page.getByRole('heading', { level: 1 }).innerText();
    await finish(unknown, 'not-found');
    const missing = await visit('/people/no-such-person');
    await missing.page.locator('.not-found').waitFor();
    const missingText = await missing.page.locator('.not-found').innerText();
    await missing.context.close();
    // A pinned version that was never published: the API refuses it.
    const refused = await visit('/?version=99999999');
    await refused.page.getByRole('alert').first().waitFor();
    const alert = await refused.page.getByRole('alert').first().innerText();
    await refused.page.screenshot({ path: `${ARTIFACTS}/api-error.png` });
    await refused.context.close();

    // Assess
    expect(unknownText).toBe('Not found');
    expect(missingText).toContain('no-such-person');
    expect(alert).toContain('BAD_USER_INPUT');
    expect(alert).toMatch(/version/i);
  });
});
