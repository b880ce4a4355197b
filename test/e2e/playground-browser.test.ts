/**
 * The playground in a real browser (headless Chromium driven by
 * playwright-core) against the local stack: the example tabs run against the
 * seeded corpus, under the page's CSP, and no request leaves the page's origin.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.js';
import { buildPlayground } from '../../scripts/build-playground.js';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack.js';

const SCREENSHOT = 'artifacts/playground.png';

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  await buildPlayground();
  stack = await startLocalStack({ port: 0 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

interface PageRecord {
  requests: string[];
  failures: string[];
  errors: string[];
  cspViolations: string[];
}

async function openPlayground(): Promise<{ page: Page; record: PageRecord }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const record: PageRecord = { requests: [], failures: [], errors: [], cspViolations: [] };
  // The context sees the page's requests and its workers' (and Monaco's lazy chunks).
  context.on('request', (request) => record.requests.push(request.url()));
  context.on('requestfailed', (request) =>
    record.failures.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`),
  );
  context.on('response', (response) => {
    if (response.status() >= 400) record.failures.push(`${response.url()}: ${response.status()}`);
  });
  page.on('pageerror', (error) => record.errors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) record.cspViolations.push(message.text());
  });
  await page.goto(stack.url);
  // Monaco loads after the first render; the first example in the editor means the editors are live.
  await waitForText(page, '.graphiql-query-editor', 'query Search');
  return { page, record };
}

/** Waits until the element's text (Monaco draws spaces as no-break spaces) contains the given text. */
async function waitForText(page: Page, selector: string, text: string): Promise<string> {
  await page.waitForFunction(
    ([sel, expected]) => (document.querySelector(sel)?.textContent ?? '').replace(/\u00a0/g, ' ').includes(expected),
    [selector, text] as const,
  );
  return (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
}

async function runTab(page: Page, operationName: string, expected: string): Promise<string> {
  await page.getByRole('tab', { name: operationName }).click();
  // The run button sends what the editor holds: wait for the tab's operation to be in it.
  await waitForText(page, '.graphiql-query-editor', `query ${operationName}`);
  await page.locator('.graphiql-execute-button').click();
  return waitForText(page, '.graphiql-response', expected);
}

describe('the playground in Chromium', () => {
  it('opens with the example operations as tabs, runs them against the corpus, and loads nothing from elsewhere', async () => {
    // Prepare
    const { page, record } = await openPlayground();
    const origin = new URL(stack.url).origin;

    // Act
    const tabs = await page.getByRole('tab').allInnerTexts();
    const profile = await runTab(page, 'PersonProfile', 'Ilham Aliyev');
    const variables = await waitForText(page, '.graphiql-editor-tool', 'ilham-aliyev');
    // Monaco renders only the lines in view and wraps long ones: expect short values from the top of each result.
    const reader = await runTab(page, 'DocumentReader', '"id": "jamestown-moscow-declaration-balancing"');
    const timeline = await runTab(page, 'Timeline', '"second-karabakh-war-2020"');
    const search = await runTab(page, 'Search', '"totalCount"');
    const disagreements = await runTab(page, 'Disagreements', '"note"');
    const organization = await runTab(page, 'OrganizationProfile', '"name": "Turkey"');
    const place = await runTab(page, 'PlaceProfile', '"name": "Nagorno-Karabakh"');
    // The variables are checked against the operation in the editor: no error marks once the tab's operation is in place.
    await page.waitForFunction(() => document.querySelectorAll('.graphiql-editor-tool .squiggly-error').length === 0);
    await mkdir('artifacts', { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // Assess
    expect(tabs.map((t) => t.trim())).toEqual(
      expect.arrayContaining([
        'Search',
        'Disagreements',
        'Timeline',
        'PersonProfile',
        'OrganizationProfile',
        'PlaceProfile',
        'DocumentReader',
        'EventClaims',
        'ClaimsPage',
      ]),
    );
    expect(tabs[0]?.trim()).toBe('Search');
    expect(search).toContain('"highlights"');
    expect(disagreements).toContain('"claim"');
    expect(organization).toContain('"kind": "STATE"');
    expect(place).toContain('"aliases"');
    expect(profile).toContain('President of Azerbaijan');
    expect(variables).toContain('"id": "ilham-aliyev"');
    expect(reader).toContain('"publisher"');
    expect(timeline).toContain('"participants"');
    const offOrigin = record.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
    expect(offOrigin).toEqual([]);
    // Monaco's three workers come from the project's own assets, not blob: or a CDN; Monaco starts some of them lazily.
    const workers = () =>
      new Set(
        record.requests.flatMap((url) => /\/graphql\/assets\/(editor|json|graphql)\.worker-/.exec(url)?.[1] ?? []),
      );
    await expect.poll(() => [...workers()].sort(), { timeout: 20_000 }).toEqual(['editor', 'graphql', 'json']);
    expect(record.cspViolations).toEqual([]);
    expect(record.failures).toEqual([]);
    expect(record.errors).toEqual([]);
  });
});
