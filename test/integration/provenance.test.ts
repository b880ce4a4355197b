/**
 * Provenance an analyst can trust: anchors, re-anchoring on refresh, source
 * links, disputed dates and counts, through the real handler and local engine.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { memorySource } from '../../functions/refresh/corpus-source.js';
import { parsePartialDate, type DayRange } from '../../functions/shared/dates.js';
import { refresh } from '../../functions/refresh/refresh.js';
import type { ClaimEntry, EventEntry } from '../../functions/refresh/corpus-schema.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import { gql, handlerFor, startEngine, type TestEngine, type Json } from '../../scripts/harness/local-engine.js';

let files: Record<string, string>;
let env: TestEngine | undefined;

beforeAll(async () => {
  files = await corpusFiles();
});
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const claimFields = `id quote span { start end } anchor { exact prefix suffix codePointStart codePointEnd status } sourceLink document { text url }`;

describe('anchors', () => {
  it('anchors every claim exactly, with context and code point positions', async () => {
    env = await startEngine({ corpus: memorySource(files) });
    const res = await gql(handlerFor(env.ds), `{ claims(first: 100) { totalCount nodes { ${claimFields} } } }`);
    expect(res.errors).toBeUndefined();
    for (const c of res.data!.claims.nodes) {
      const text: string = c.document.text;
      expect(c.anchor.exact).toBe(c.quote);
      expect(c.anchor.status).toBe('EXACT');
      expect(text.slice(c.span.start, c.span.end)).toBe(c.quote);
      expect(Array.from(text).slice(c.anchor.codePointStart, c.anchor.codePointEnd).join('')).toBe(c.quote);
      expect(text.slice(0, c.span.start).endsWith(c.anchor.prefix)).toBe(true);
      expect(text.slice(c.span.end).startsWith(c.anchor.suffix)).toBe(true);
      expect(Array.from(c.anchor.prefix).length).toBe(Math.min(32, Array.from(text.slice(0, c.span.start)).length));
    }
  });

  it('re-anchors on refresh: RELOCATED when text moves, ORPHANED when the words are gone', async () => {
    env = await startEngine({ corpus: memorySource(files) });
    const claims = parse(files['claims.yaml']!) as ClaimEntry[];
    const events = parse(files['events.yaml']!) as EventEntry[];
    const docId = 'jamestown-moscow-declaration-balancing';
    const textFile = `documents/${docId}.txt`;
    const original = files[textFile]!;
    const datedWords = events
      .flatMap((e) => e.reportedDates)
      .filter((r) => r.document === docId)
      .map((r) => r.quote);
    const inDoc = claims.filter((c) => c.document === docId);
    // Delete the words of one claim that no reported date relies on.
    const victim = inDoc.find(
      (c) =>
        !datedWords.some((w) => c.quote.includes(w) || w.includes(c.quote)) && original.split(c.quote).length === 2,
    )!;
    expect(victim).toBeDefined();
    const edited = `A paragraph inserted before everything else.\n\n${original.replace(victim.quote, '')}`;

    // Orphans are a choice: refused, with nothing written, unless allowed.
    const before = await gql(handlerFor(env.ds), `{ corpusVersion { number } }`);
    await expect(refresh(env.ds, memorySource({ ...files, [textFile]: edited }))).rejects.toMatchObject({
      name: 'OrphansRefusedError',
      issues: [expect.objectContaining({ file: 'claims.yaml', entry: victim.id, line: expect.any(Number) })],
    });
    expect(await gql(handlerFor(env.ds), `{ corpusVersion { number } }`)).toEqual(before);

    const report = await refresh(env.ds, memorySource({ ...files, [textFile]: edited }), { allowOrphans: true });
    expect(report.anchors.orphaned).toEqual([victim.id]);
    expect(report.anchors.relocated.sort()).toEqual(
      inDoc
        .filter((c) => c.id !== victim.id)
        .map((c) => c.id)
        .sort(),
    );
    expect(report.anchors.exact).toBe(claims.length - inDoc.length);

    const res = await gql(
      handlerFor(env.ds),
      `{ claims(documentId: "${docId}", first: 100) { nodes { ${claimFields} } } }`,
    );
    for (const c of res.data!.claims.nodes) {
      if (c.id === victim.id) {
        expect(c.anchor.status).toBe('ORPHANED');
        continue;
      }
      expect(c.anchor.status).toBe('RELOCATED');
      expect(edited.slice(c.span.start, c.span.end)).toBe(c.quote);
      expect(Array.from(edited).slice(c.anchor.codePointStart, c.anchor.codePointEnd).join('')).toBe(c.quote);
    }

    // The next refresh that builds a version (any change: here another document's title) finds every moved quote
    // where it now is; a claim already orphaned stays so without being allowed again.
    const retitled = stringify(
      (parse(files['documents.yaml']!) as Json[]).map((d) =>
        d.id === docId ? d : { ...d, title: `${d.title as string}.` },
      ),
    );
    const again = await refresh(env.ds, memorySource({ ...files, [textFile]: edited, 'documents.yaml': retitled }));
    expect(again.anchors.relocated).toEqual([]);
    expect(again.anchors.orphaned).toEqual([victim.id]);
  });
});

describe('source links', () => {
  it('opens the source at the quote where the document has a URL, and is null otherwise', async () => {
    env = await startEngine({ corpus: memorySource(files) });
    const res = await gql(handlerFor(env.ds), `{ claims(first: 100) { nodes { ${claimFields} } } }`);
    const nodes = res.data!.claims.nodes;
    const withUrl = nodes.filter((c: { document: { url: string | null } }) => c.document.url !== null);
    expect(withUrl.length).toBeGreaterThan(0);
    for (const c of nodes) {
      if (c.document.url === null) {
        expect(c.sourceLink).toBeNull();
        continue;
      }
      expect(c.sourceLink.startsWith(`${c.document.url.split('#')[0]}#:~:text=`)).toBe(true);
      const directive = c.sourceLink.split('#:~:text=')[1] as string;
      // Each term decodes to words of the quote or its context; the syntax characters stay encoded.
      for (const term of directive.split(',')) {
        const decoded = decodeURIComponent(term.replace(/^-|-$/g, ''));
        expect(decoded.includes(',') ? term : '').not.toMatch(/,/);
        expect(c.document.text.replace(/\s+/g, ' ')).toContain(decoded.trim());
      }
    }
  });
});

describe('disputed dates', () => {
  it('lists every date the documents give, with their words, and flags disagreements', async () => {
    env = await startEngine({ corpus: memorySource(files) });
    // Each document's text once, not once per reported date, and apart from the events: the cost bounds the
    // reply, and a hundred texts at their largest are most of it.
    const handler = handlerFor(env.ds);
    const docs = await gql(handler, '{ documents(first: 100) { nodes { id text } } }');
    const res = await gql(
      handler,
      `{ ceasefire: event(id: "karabakh-ceasefire-statement-2020") { description }
      events(first: 100) { nodes { id date { value } disputed
      reportedDates { date { value precision } quote span { start end } document { id } } } } }`,
    );
    expect(docs.errors).toBeUndefined();
    expect(res.errors).toBeUndefined();
    const texts = new Map<string, string>(
      docs.data!.documents.nodes.map((d: { id: string; text: string }) => [d.id, d.text]),
    );
    const events = res.data!.events.nodes;
    const eventEntries = parse(files['events.yaml']!) as EventEntry[];
    expect(events.length).toBe(eventEntries.length);
    for (const e of events) {
      expect(e.reportedDates.length).toBeGreaterThan(0);
      for (const r of e.reportedDates) expect(texts.get(r.document.id)?.slice(r.span.start, r.span.end)).toBe(r.quote);
      const values = new Set(e.reportedDates.map((r: { date: { value: string } }) => r.date.value));
      // Disputed: stated dates (in the corpus file) that cannot both be right.
      const stated = eventEntries
        .find((x) => x.id === e.id)!
        .reportedDates.filter((r) => r.inferred !== true)
        .map((r) => parsePartialDate(r.date) as DayRange);
      const clash = stated.some((a) => stated.some((b) => a.end < b.start || b.end < a.start));
      expect(e.disputed, e.id).toBe(clash);
      expect([...values]).toContain(e.date.value);
    }
    const disputed = events.filter((e: { disputed: boolean }) => e.disputed).map((e: { id: string }) => e.id);
    expect(disputed).toContain('karabakh-ceasefire-statement-2020');
    // Dates that differ only in precision, or are inferred, dispute nothing.
    const agreeing = eventEntries.filter(
      (x) => new Set(x.reportedDates.map((r) => r.date)).size > 1 && !disputed.includes(x.id),
    );
    expect(agreeing.length).toBeGreaterThan(0);
    const ceasefire = events.find((e: { id: string }) => e.id === 'karabakh-ceasefire-statement-2020');
    const given = ceasefire.reportedDates.map((r: { date: { value: string } }) => r.date.value);
    expect(given).toEqual(expect.arrayContaining(['2020-11-09', '2020-11-10']));
    expect(res.data!.ceasefire.description).toMatch(/November 9|9 November|2020-11-09/);
  });
});

describe('counts', () => {
  it('gives totalCount equal to the sum of the pages for every list', async () => {
    env = await startEngine({ corpus: memorySource(files) });
    const handler = handlerFor(env.ds);
    const lists: [string, (d: Json) => Json][] = [
      [
        `query($after: String) { documents(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        (d) => d.documents,
      ],
      [
        `query($after: String) { people(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        (d) => d.people,
      ],
      [
        `query($after: String) { events(first: 6, after: $after, from: "2020", to: "2022") { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        (d) => d.events,
      ],
      [
        `query($after: String) { person(id: "vladimir-putin") { mentionedIn(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`,
        (d) => d.person.mentionedIn,
      ],
      [
        `query($after: String) { event(id: "moscow-declaration-signed") { documents(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`,
        (d) => d.event.documents,
      ],
      [
        `query($after: String) { event(id: "moscow-declaration-signed") { claims(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`,
        (d) => d.event.claims,
      ],
      [
        `query($after: String) { document(id: "jamestown-moscow-declaration-balancing") { claims(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`,
        (d) => d.document.claims,
      ],
    ];
    for (const [query, pick] of lists) {
      let after: string | null = null;
      let seen = 0;
      let total: number;
      do {
        const res: Awaited<ReturnType<typeof gql>> = await gql(handler, query, { after });
        expect(res.errors, query).toBeUndefined();
        const connection = pick(res.data);
        total = connection.totalCount;
        seen += (connection.nodes as unknown[]).length;
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      } while (after !== null);
      expect(seen, query).toBe(total);
      expect(total, query).toBeGreaterThan(0);
    }
  });
});
