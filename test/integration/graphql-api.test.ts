/**
 * The GraphQL contract served by the real Lambda handler over the real local
 * DynamoDB engine, seeded with the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { DocumentsDeepDocument } from '../../schema/__generated__/operations.js';
import { CursorCodec } from '../../functions/graphql/cursor-codec.js';
import type { Corpus } from '../../functions/refresh/corpus-schema.js';
import { LOCAL_CURSOR_KEY } from '../../functions/shared/env.js';
import { seedCorpus } from '../../scripts/harness/seed-corpus.js';

const serverCursors = CursorCodec.fromSecrets(LOCAL_CURSOR_KEY);
const encodeCursor = serverCursors.encode.bind(serverCursors);
import {
  allClaims,
  gql,
  handlerFor,
  startEngine,
  walkConnection,
  type GraphQLResponse,
  type Handler,
  type TestEngine,
  type Json,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let handler: Handler;
/** What the API must serve: the corpus files the engine was seeded with. */
let corpus: Corpus;

beforeAll(async () => {
  env = await startEngine();
  // This file publishes one version: the pointer, read once, stays cached, so the request counts below are the queries' own.
  handler = handlerFor(env.ds, { versionCacheMs: 3_600_000 });
  corpus = await seedCorpus();
});
afterAll(() => env.close());

/** Ids of nodes or corpus entries, sorted: the same set whatever order each lists them in. */
const sortedIds = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();

async function walkAll(query: string, path: (data: Json) => Json, variables: Record<string, unknown> = {}) {
  const { nodes, pages } = await walkConnection(handler, query, path, variables, 100);
  return { ids: nodes.map((n: { id: string }) => n.id), pages };
}

describe('lookups', () => {
  it('returns a document by id with its text, authors, people and events', async () => {
    const res = await gql(
      handler,
      `{ document(id: "russtrat-moscow-baku-strategic-partners") {
      id title publisher publishedOn { value precision } text authors { id } people { id name } events { id date { value } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const doc = res.data!.document;
    expect(doc.publishedOn).toEqual({ value: '2022-02-27', precision: 'DAY' });
    expect(doc.text).toContain('forty-eighth time');
    expect(doc.people.map((p: { id: string }) => p.id)).toContain('ilham-aliyev');
    expect(doc.events.length).toBeGreaterThan(0);
  });

  it('answers null for unknown ids', async () => {
    const res = await gql(
      handler,
      `{ document(id: "nope") { id } person(id: "nope") { id } event(id: "nope") { id } claim(id: "nope") { id } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ document: null, person: null, event: null, claim: null });
  });
});

describe('lists and paging', () => {
  it('lists every document of the corpus, newest first, dated before undated', async () => {
    const { nodes, totals } = await walkConnection(
      handler,
      `query($after: String) { documents(after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id publishedOn { value } } } }`,
      (d) => d.documents,
    );
    const dates = nodes.map((d: { publishedOn: { value: string } | null }) => d.publishedOn?.value ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(sortedIds(nodes)).toEqual(sortedIds(corpus.documents));
    expect(totals).toEqual([corpus.documents.length]);
  });

  it('lists every person of the corpus by name', async () => {
    const { nodes } = await walkConnection(
      handler,
      `query($after: String) { people(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id name } } }`,
      (d) => d.people,
    );
    expect(sortedIds(nodes)).toEqual(sortedIds(corpus.people));
    const names = nodes.map((p: { name: string }) => p.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('walks every list page by page with the contract default of 20', async () => {
    const all = await gql(handler, `{ claims(first: 1) { totalCount } }`);
    const expected = (await allClaims<{ id: string }>(handler, 'id')).map((n) => n.id);
    expect(expected.length).toBe(all.data!.claims.totalCount);
    expect(sortedIds(expected.map((id) => ({ id })))).toEqual(sortedIds(corpus.claims));
    const walked = await walkAll(
      `query($after: String) { claims(after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`,
      (d) => d.claims,
    );
    expect(walked.ids).toEqual(expected);
    expect(walked.pages).toBe(Math.ceil(expected.length / 20));
  });

  it('pages nested connections with cursors', async () => {
    const query = `query($after: String) { person(id: "ilham-aliyev") { claims(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`;
    const walked = await walkAll(query, (d) => d.person.claims);
    const all = await gql(handler, `{ person(id: "ilham-aliyev") { claims(first: 100) { totalCount nodes { id } } } }`);
    expect(walked.ids).toEqual(all.data!.person.claims.nodes.map((n: { id: string }) => n.id));
    expect(walked.ids.length).toBe(all.data!.person.claims.totalCount);
  });

  it('returns an empty page for first: 0', async () => {
    const res = await gql(handler, `{ events(first: 0) { nodes { id } pageInfo { hasNextPage endCursor } } }`);
    expect(res.data!.events).toEqual({ nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
  });

  it.each([-1, 101, 1000])('refuses first: %i with BAD_USER_INPUT', async (first) => {
    const res = await gql(handler, `query($first: Int) { documents(first: $first) { nodes { id } } }`, { first });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/between 0 and 100/);
  });

  it('refuses forged cursors and cursors issued for another list', async () => {
    const people = await gql(handler, `{ people(first: 1) { pageInfo { endCursor } } }`);
    const peopleCursor = people.data!.people.pageInfo.endCursor as string;
    const forged =
      Buffer.from(JSON.stringify({ l: 'documents', k: { pk: 'x', sk: '#' } })).toString('base64url') +
      '.AAAAAAAAAAAAAAAAAAAAAA';
    // Signed with the server's key, but naming another index partition or extra attributes.
    const otherPartition = encodeCursor({
      version: 1,
      list: 'documents',
      position: { key: { pk: 'v000001#x', sk: '#', listPk: 'v000001#PERSON', order: 'a' } },
    });
    const extraAttribute = encodeCursor({
      version: 1,
      list: 'documents',
      position: { key: { pk: 'v000001#x', sk: '#', listPk: 'v000001#DOCUMENT', order: 'a', more: 'b' } },
    });
    const offsetInKeyedList = encodeCursor({ version: 1, list: 'documents', position: { offset: 1 } });
    for (const after of [peopleCursor, forged, otherPartition, extraAttribute, offsetInKeyedList, 'not-a-cursor', '']) {
      const res = await gql(handler, `query($after: String) { documents(after: $after) { nodes { id } } }`, { after });
      expect(res.errors?.[0]?.extensions?.code, after).toBe('BAD_USER_INPUT');
    }
  });
});

describe('events by date range', () => {
  /** Every event in the range, page by page, with the one totalCount the pages reported. */
  async function eventsIn(from?: string, to?: string) {
    const { nodes, totals } = await walkConnection(
      handler,
      `query($from: String, $to: String, $after: String) { events(from: $from, to: $to, first: 100, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id date { value } } } }`,
      (d) => d.events,
      { from, to },
    );
    expect(totals).toHaveLength(1);
    return { totalCount: totals[0]!, nodes: nodes as { id: string; date: { value: string } }[] };
  }

  it('lists every event of the corpus chronologically', async () => {
    const all = await eventsIn();
    // By the first day each date covers (a YEAR starts on 1 January), then id.
    const starts = all.nodes.map(
      (e) =>
        `${e.date.value.length === 4 ? `${e.date.value}-01-01` : e.date.value.length === 7 ? `${e.date.value}-01` : e.date.value}#${e.id}`,
    );
    expect(starts).toEqual([...starts].sort());
    expect(all.totalCount).toBe(all.nodes.length);
    expect(sortedIds(all.nodes)).toEqual(sortedIds(corpus.events));
  });

  it('uses overlap semantics for partial dates on both sides', async () => {
    const all = (await eventsIn()).nodes;
    const covers = (value: string): [string, string] => {
      if (value.length === 4) return [`${value}-01-01`, `${value}-12-31`];
      if (value.length === 7) return [`${value}-01`, `${value}-31`];
      return [value, value];
    };
    for (const [from, to, fromDay, toDay] of [
      ['2022-02', '2022-02', '2022-02-01', '2022-02-28'],
      ['2022-02-22', '2022-02-22', '2022-02-22', '2022-02-22'],
      ['1992', '2000', '1992-01-01', '2000-12-31'],
      ['2021-06-15', '2022', '2021-06-15', '2022-12-31'],
    ] as const) {
      const expected = all.filter((e) => {
        const [start, end] = covers(e.date.value);
        return start <= toDay && end >= fromDay;
      });
      const got = await eventsIn(from, to);
      expect(
        got.nodes.map((e) => e.id),
        `${from}..${to}`,
      ).toEqual(expected.map((e) => e.id));
      expect(got.totalCount).toBe(expected.length);
    }
    // A YEAR or MONTH event overlaps a single day inside it.
    const day = await eventsIn('2020-11-10', '2020-11-10');
    expect(day.nodes.some((e) => e.date.value === '2020-11')).toBe(true);
  });

  it('pages across the precision partitions in chronological order', async () => {
    const all = await eventsIn('1990', '2030');
    for (const size of [1, 4, 7]) {
      const walked = await walkAll(
        `query($after: String) { events(first: ${size}, after: $after, from: "1990", to: "2030") { pageInfo { hasNextPage endCursor } nodes { id } } }`,
        (d) => d.events,
      );
      expect(walked.ids).toEqual(all.nodes.map((e) => e.id));
    }
  });

  it('counts a date range from what the page read, and from single-item rank reads past it', async () => {
    env.counter.reset();
    const whole = await gql(
      handler,
      `{ events(from: "2020-11", to: "2022-02-22", first: 20) { totalCount nodes { id } } }`,
    );
    expect(whole.data!.events.totalCount).toBe(whole.data!.events.nodes.length);
    // One page per precision partition; each reached the end of its range, so that is the count.
    expect(env.counter.byCommand()).toEqual({ QueryCommand: 3 });

    const all = (await eventsIn('1990', '2030')).nodes.length;
    env.counter.reset();
    const partial = await gql(
      handler,
      `{ events(from: "1990", to: "2030", first: 1) { totalCount pageInfo { endCursor } } }`,
    );
    expect(partial.data!.events.totalCount).toBe(all);
    // Partitions with more than the page add one rank read each (the last event up to the range's end).
    expect(env.counter.byCommand()).toEqual({ QueryCommand: 6 });

    // A later page counts the same, reading both ranks where it no longer starts at the range's start.
    const later = await gql(
      handler,
      `query($after: String) { events(from: "1990", to: "2030", first: 1, after: $after) { totalCount } }`,
      {
        after: partial.data!.events.pageInfo.endCursor,
      },
    );
    expect(later.data!.events.totalCount).toBe(all);
  });

  it.each([
    ['2022-13', undefined],
    ['2022-02-30', undefined],
    ['22-02-2022', undefined],
    ['yesterday', undefined],
    [undefined, '2021-02-29'],
    ['2023', '2022'],
  ])('refuses from=%s to=%s with BAD_USER_INPUT', async (from, to) => {
    const res = await gql(
      handler,
      `query($from: String, $to: String) { events(from: $from, to: $to) { nodes { id } } }`,
      { from, to },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('claims and filters', () => {
  const claimsQuery = `query($s: ID, $d: ID, $e: ID, $after: String) { claims(first: 7, after: $after, speakerId: $s, documentId: $d, eventId: $e) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id speaker { id } document { id } events { id } } } }`;

  it('combines filters with AND and counts consistently with paging', async () => {
    const claims = await allClaims<{
      id: string;
      speaker: { id: string } | null;
      document: { id: string };
      events: { id: string }[];
    }>(handler, 'id speaker { id } document { id } events { id }');
    const filters = [
      { s: 'ilham-aliyev' },
      { d: 'jamestown-moscow-declaration-balancing' },
      { e: 'moscow-declaration-signed' },
      { s: 'ilham-aliyev', e: 'moscow-declaration-signed' },
      { d: 'azerbaijan-russia-alliance-key-points-comments', s: 'ilham-aliyev' },
      { d: 'azerbaijan-russia-alliance-key-points-comments', e: 'moscow-declaration-signed' },
      { s: 'nobody-at-all' },
      { s: '' },
      { d: '', e: 'moscow-declaration-signed' },
    ];
    for (const f of filters) {
      const expected = claims
        .filter(
          (c) =>
            (f.s === undefined || c.speaker?.id === f.s) &&
            (f.d === undefined || c.document.id === f.d) &&
            (f.e === undefined || c.events.some((e) => e.id === f.e)),
        )
        .map((c) => c.id);
      let after: string | null = null;
      const walked: string[] = [];
      let totalCount: number;
      do {
        const res: GraphQLResponse = await gql(handler, claimsQuery, { ...f, after });
        expect(res.errors).toBeUndefined();
        totalCount = res.data!.claims.totalCount;
        walked.push(...res.data!.claims.nodes.map((n: { id: string }) => n.id));
        after = res.data!.claims.pageInfo.hasNextPage ? res.data!.claims.pageInfo.endCursor : null;
      } while (after !== null);
      expect(walked, JSON.stringify(f)).toEqual(expected);
      expect(totalCount, JSON.stringify(f)).toBe(expected.length);
    }
  });

  it('still validates paging for a filter id no item can have', async () => {
    const res = await gql(handler, `{ claims(speakerId: "", first: 1000) { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves every claim with a quote that is exactly the span of its document text', async () => {
    const documents = await gql(handler, `{ documents(first: 100) { nodes { id text } } }`);
    const texts = new Map<string, string>(
      documents.data!.documents.nodes.map((d: { id: string; text: string }) => [d.id, d.text]),
    );
    const claims = await allClaims<{
      id: string;
      quote: string;
      span: { start: number; end: number };
      document: { id: string };
    }>(handler, 'id quote span { start end } document { id }');
    expect(sortedIds(claims)).toEqual(sortedIds(corpus.claims));
    for (const c of claims) expect(texts.get(c.document.id)?.slice(c.span.start, c.span.end), c.id).toBe(c.quote);
  });
});

describe('batching', () => {
  it('issues DynamoDB requests by depth, not by item count', async () => {
    env.counter.reset();
    const res = await gql(handler, print(DocumentsDeepDocument), { first: 5 });
    expect(res.errors).toBeUndefined();
    const docs = res.data!.documents.nodes;
    const claims = docs.flatMap((d: { claims: { nodes: unknown[] } }) => d.claims.nodes);
    expect(claims.length).toBeGreaterThan(20);
    // documents (Query) → claims (BatchGet) → speakers (BatchGet) → their claims (BatchGet) → events (BatchGet)
    expect(env.counter.byCommand()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 4 });
  });

  it('reads several tables at one level in one BatchGetItem', async () => {
    env.counter.reset();
    const res = await gql(
      handler,
      `{ event(id: "moscow-declaration-signed") {
      participants { name } claims(first: 50) { nodes { speaker { name } document { title } events { title } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.event.claims.nodes.length).toBeGreaterThan(5);
    // event → (participants + claims) → (speakers + documents + events)
    expect(env.counter.byCommand()).toEqual({ BatchGetItemCommand: 3 });
  });

  it('takes the totals of unfiltered lists from the version record: no read beside each page', async () => {
    await gql(handler, '{ documents(first: 1) { totalCount } }');
    env.counter.reset();
    const res = await gql(
      handler,
      `{
      documents(first: 1) { totalCount } people(first: 1) { totalCount } organizations(first: 1) { totalCount }
      places(first: 1) { totalCount } events(first: 1) { totalCount } claims(first: 1) { totalCount } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(
      Object.fromEntries(
        Object.entries(res.data!).map(([list, connection]) => [
          list,
          (connection as { totalCount: number }).totalCount,
        ]),
      ),
    ).toEqual({
      documents: corpus.documents.length,
      people: corpus.people.length,
      organizations: corpus.organizations.length,
      places: corpus.places.length,
      events: corpus.events.length,
      claims: corpus.claims.length,
    });
    // The page reads alone (events read their three date-precision partitions): no GetItem of a count.
    expect(env.counter.byCommand()).toEqual({ QueryCommand: 8 });
  });

  it("answers a document's authors asked for id and name from the document, and reads people for any other field", async () => {
    const list = (selection: string) => `{ documents(first: 20) { nodes { id authors { ${selection} } } } }`;
    env.counter.reset();
    const summaries = await gql(handler, list('__typename id name'));
    expect(summaries.errors).toBeUndefined();
    expect(env.counter.byCommand()).toEqual({ QueryCommand: 1 });

    env.counter.reset();
    const full = await gql(handler, list('__typename id name description'));
    expect(full.errors).toBeUndefined();
    expect(env.counter.byCommand()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
    type Doc = { id: string; authors: { __typename: string; id: string; name: string; description?: string | null }[] };
    const fullDocs = full.data!.documents.nodes as Doc[];
    expect(fullDocs.some((d) => d.authors.length > 0)).toBe(true);
    // The same authors, names and order either way.
    expect(summaries.data!.documents.nodes).toEqual(
      fullDocs.map((d) => ({ id: d.id, authors: d.authors.map(({ description: _d, ...summary }) => summary) })),
    );

    // Fields reached through fragments count too.
    env.counter.reset();
    const summaryFragment = await gql(
      handler,
      `${list('... on Person { id } ...Named')} fragment Named on Person { name }`,
    );
    expect(summaryFragment.data!.documents.nodes).toEqual(
      fullDocs.map((d) => ({ id: d.id, authors: d.authors.map(({ id, name }) => ({ id, name })) })),
    );
    expect(env.counter.byCommand()).toEqual({ QueryCommand: 1 });
    env.counter.reset();
    const extraFragment = await gql(handler, `${list('...Extra')} fragment Extra on Person { name aliases }`);
    expect(extraFragment.errors).toBeUndefined();
    expect(env.counter.byCommand()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
  });

  it('makes one request per level for a depth-3 query', async () => {
    env.counter.reset();
    // Every document × 10 claims: one BatchGetItem of claims, one of speakers.
    const res = await gql(handler, `{ documents { nodes { claims(first: 10) { nodes { speaker { name } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(env.counter.total()).toBe(3);
  });
});
