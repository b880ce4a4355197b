/**
 * Search through the real Lambda handler over the real local engine and the
 * real corpus, with the index the seed refresh built into a local store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSearchIndexStore, type SearchIndexStore } from '../../functions/data/search-index-store.js';
import { foldWord } from '../../functions/shared/text-normalization.js';
import { memorySource } from '../../functions/refresh/corpus-source.js';
import { refresh } from '../../functions/refresh/refresh.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import {
  gql,
  handlerFor,
  startEngine,
  type GraphQLResponse,
  type Handler,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let handler: Handler;
let indexDir: string;

beforeAll(async () => {
  // Prepare: the refresh in startEngine writes the index to the store the environment names; the handler reads it.
  indexDir = await mkdtemp(join(tmpdir(), 'search-test-'));
  process.env.SEARCH_INDEX_DIR = indexDir;
  process.env.SEARCH_INDEX_CHECK_SECONDS = '0';
  env = await startEngine();
  // The lifecycle tests publish versions and search them at once: this handler reads the pointer on every request.
  handler = handlerFor(env.ds, { versionCacheMs: 0 });
});
afterAll(async () => {
  await env.close();
  await rm(indexDir, { recursive: true, force: true });
});

const SEARCH = `query($query: String!, $types: [SearchType!], $first: Int, $after: String, $documentId: ID, $speakerId: ID, $aboutId: ID, $from: String, $to: String) {
  search(query: $query, types: $types, first: $first, after: $after, documentId: $documentId, speakerId: $speakerId, aboutId: $aboutId, from: $from, to: $to) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor }
    nodes {
      score
      highlights { field span { start end } }
      node {
        __typename
        ... on Document { id title text }
        ... on Person { id name aliases description }
        ... on Organization { id name aliases description }
        ... on Place { id name aliases description }
        ... on Event { id title aliases description }
        ... on Claim { id text quote }
      }
    }
  }
}`;

interface Hit {
  score: number;
  highlights: { field: string; span: { start: number; end: number } }[];
  node: Record<string, unknown> & { __typename: string; id: string };
}
interface SearchPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string }[];
  nodes: Hit[];
}

async function search(variables: Record<string, unknown>): Promise<SearchPage> {
  const res: GraphQLResponse = await gql(handler, SEARCH, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.search as SearchPage;
}

const ids = (page: SearchPage) => page.nodes.map((h) => h.node.id);

/** Reads a highlight's field off the node: `name`, or `aliases[1]` for an entry of a list field. */
function fieldText(node: Hit['node'], field: string): string {
  const entry = /^(\w+)\[(\d+)\]$/.exec(field);
  const value = entry === null ? node[field] : (node[entry[1]!] as string[])[Number(entry[2])];
  if (typeof value !== 'string')
    throw new Error(`highlight names ${field}, which is not a string field of ${node.__typename}`);
  return value;
}

describe('relevance', () => {
  // What an analyst would type, and the item they expect among the first three.
  const cases: [string, string, string][] = [
    ['a name', 'Putin', 'vladimir-putin'],
    ['an alias that is a transliteration variant', 'Ismail', 'togrul-ismayil'],
    ['the canonical transliteration', 'Ismayil', 'togrul-ismayil'],
    ['a name typed with a diacritic the corpus spells without', 'Erdoğan', 'recep-tayyip-erdogan'],
    ['a name in lower case', 'erdogan', 'recep-tayyip-erdogan'],
    ['a name typed without the diacritic the corpus has', 'Togrul', 'togrul-ismayil'],
    ['a phrase from a quote', 'act in tandem', 'ismayil-aliyev-erdogan-tandem'],
    ['a phrase from a quote', 'great positive experience of contacts', 'ismayil-positive-experience-erdogan-putin'],
    ['an event name', 'Shusha Declaration', 'shusha-declaration-signed'],
    ['a misspelling (missing letter)', 'Alyev', 'ilham-aliyev'],
    ['a misspelling (swapped letters)', 'Stoltenbreg', 'jens-stoltenberg'],
    ['a transliteration variant', 'Musabaev', 'rasim-musabayov'],
    ['a transliteration variant', 'Zelenskyy', 'volodymyr-zelensky'],
    ['a word being typed', 'Stolten', 'jens-stoltenberg'],
    ['a phrase being typed', 'Shusha Decl', 'shusha-declaration-signed'],
    ['a document title', 'Declaration on Allied Interaction', 'moscow-declaration-signed'],
  ];
  it.each(cases)('finds %s: "%s" → %s in the top three', async (_what, query, expected) => {
    const page = await search({ query, first: 3 });
    expect(ids(page)).toContain(expected);
  });

  it("ranks a person's name above passing mentions of it", async () => {
    const page = await search({ query: 'Putin', first: 5 });
    expect(page.nodes[0]!.node).toMatchObject({ __typename: 'Person', id: 'vladimir-putin' });
    const scores = page.nodes.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('returns every kind of result as a full object', async () => {
    const page = await search({ query: 'Aliyev', first: 100 });
    expect([...new Set(page.nodes.map((h) => h.node.__typename))]).toEqual(
      expect.arrayContaining(['Person', 'Event', 'Document', 'Claim']),
    );
    const document = page.nodes.find((h) => h.node.__typename === 'Document')!.node;
    expect(typeof document.text).toBe('string');
  });
});

describe('highlights', () => {
  it('are spans that reproduce the matched words in the field they name', async () => {
    for (const query of ['Putin', 'Ismail', 'Erdoğan', 'act in tandem', 'Shusha Decl', 'Alyev', 'Kahramanmaras']) {
      const page = await search({ query, first: 100 });
      expect(page.nodes.length).toBeGreaterThan(0);
      for (const hit of page.nodes) {
        expect(hit.highlights.length, `${query} → ${hit.node.id}`).toBeGreaterThan(0);
        for (const { field, span } of hit.highlights) {
          const word = fieldText(hit.node, field).slice(span.start, span.end);
          expect(word.length).toBeGreaterThan(0);
          // The slice is a whole word (or a part of a hyphenated one): it starts and ends with a letter or digit, with none on either side.
          const text = fieldText(hit.node, field);
          expect(/^[\p{L}\p{N}](.*[\p{L}\p{N}\p{M}])?$/u.test(word), word).toBe(true);
          expect(
            /[\p{L}\p{N}\p{M}]/u.test(text[span.start - 1] ?? ' ') || /[\p{L}\p{N}\p{M}]/u.test(text[span.end] ?? ' '),
            word,
          ).toBe(false);
        }
      }
    }
  });

  it('mark the name as written, diacritics included, and the alias entry that matched', async () => {
    const togrul = (await search({ query: 'togrul ismail', types: ['PERSON'] })).nodes[0]!;
    const words = togrul.highlights.map((h) => ({
      field: h.field,
      word: fieldText(togrul.node, h.field).slice(h.span.start, h.span.end),
    }));
    const ismail = (togrul.node.aliases as string[]).indexOf('Ismail');
    expect(words).toEqual(
      expect.arrayContaining([
        { field: 'name', word: 'Toğrul' },
        { field: `aliases[${ismail}]`, word: 'Ismail' },
      ]),
    );

    const erdogan = (await search({ query: 'ERDOĞAN', types: ['PERSON'] })).nodes[0]!;
    const name = erdogan.highlights.find((h) => h.field === 'name')!;
    expect((erdogan.node.name as string).slice(name.span.start, name.span.end)).toBe('Erdogan');
  });

  it('mark the word a misspelling or a prefix matched', async () => {
    for (const [query, word] of [
      ['Stoltenbreg', 'stoltenberg'],
      ['Stolten', 'stoltenberg'],
      ['Alyev', 'aliyev'],
    ] as const) {
      const hit = (await search({ query, types: ['PERSON'], first: 1 })).nodes[0]!;
      const name = hit.highlights.find((h) => h.field === 'name')!;
      expect(foldWord((hit.node.name as string).slice(name.span.start, name.span.end))).toBe(word);
    }
  });

  it('index document text and claim quotes', async () => {
    const page = await search({ query: 'act in tandem', first: 100 });
    const claim = page.nodes.find((h) => h.node.id === 'ismayil-aliyev-erdogan-tandem')!;
    const quoted = claim.highlights
      .filter((h) => h.field === 'quote')
      .map((h) => (claim.node.quote as string).slice(h.span.start, h.span.end));
    // Every occurrence of a matched word is marked, the phrase's and every later "in" alike.
    const quote = claim.node.quote as string;
    expect(quoted).toEqual([
      'act',
      'in',
      'tandem',
      ...(quote.slice(quote.indexOf('tandem')).match(/\bin\b/g) ?? []).map(() => 'in'),
    ]);
    const document = page.nodes.find((h) => h.node.__typename === 'Document')!;
    expect(document.highlights.some((h) => h.field === 'text')).toBe(true);
  });
});

describe('the reported failures', () => {
  const allIds = async (query: string, types?: string[]) => ids(await search({ query, types, first: 100 }));
  const texts = (page: SearchPage) =>
    page.nodes.map((h) => `${String(h.node.text)} ${String(h.node.quote)}`.toLowerCase());

  it('"peacekeepers" finds claims that say "peacekeeping", exact forms first', async () => {
    const page = await search({ query: 'peacekeepers', types: ['CLAIM'], first: 100 });
    expect(ids(page)).toEqual(
      expect.arrayContaining(['wpr-mission-lacks-mandate', 'wpr-three-years-left-peacekeepers']),
    );
    const exact = texts(page).map((t) => /\bpeacekeepers\b/.test(t));
    // Every claim with the word as typed ranks above every claim with only another form of it.
    expect(exact).toEqual([...exact].sort((a, b) => Number(b) - Number(a)));
    expect(exact).toContain(false);
  });

  it('"invade" finds the invasion', async () => {
    expect(await allIds('invade')).toEqual(
      expect.arrayContaining(['russia-invades-ukraine', 'wpr-socar-free-fuel-ukraine', 'wpr-visit-sensitive-moment']),
    );
  });

  it('"ceasefire" and "cease-fire" find each other\'s items, and highlight the compound whole', async () => {
    const closed = await allIds('ceasefire');
    const hyphenated = await allIds('cease-fire');
    expect(closed).toEqual(expect.arrayContaining(['karabakh-ceasefire-1994', 'wpr-three-years-left-peacekeepers']));
    expect(new Set(hyphenated)).toEqual(new Set(closed));
    const hit = (await search({ query: 'ceasefire', first: 100 })).nodes.find(
      (h) => h.node.id === 'wpr-three-years-left-peacekeepers',
    )!;
    const marked = hit.highlights.map((h) => fieldText(hit.node, h.field).slice(h.span.start, h.span.end));
    expect(marked).toContain('cease-fire');
  });

  it('"Kiev" finds the Kyiv visit, and "Kyiv" the claim that says Kiev', async () => {
    expect((await allIds('Kiev')).slice(0, 3)).toContain('aliyev-visit-kyiv-2022');
    expect(await allIds('Kyiv')).toContain('russtrat-aliyev-kiev-visit');
  });

  it('"Şuşa" and "Cəfərli" find Shusha and Jafarli', async () => {
    expect((await allIds('Şuşa')).slice(0, 3)).toContain('shusha-declaration-signed');
    expect((await allIds('Cəfərli'))[0]).toBe('shahin-jafarli');
    expect((await allIds('Əliyev', ['PERSON'])).slice(0, 2)).toEqual(
      expect.arrayContaining(['ilham-aliyev', 'heydar-aliyev']),
    );
  });

  it('Cyrillic "Алиев", "Путин" and "Ильхам Алиев" find the people', async () => {
    expect((await allIds('Путин'))[0]).toBe('vladimir-putin');
    expect((await allIds('Алиев', ['PERSON'])).slice(0, 2)).toEqual(
      expect.arrayContaining(['ilham-aliyev', 'heydar-aliyev']),
    );
    expect((await allIds('Ильхам Алиев'))[0]).toBe('ilham-aliyev');
  });

  it.each([
    ['2025', /\b2025\b/, /\b202[0-4]\b/],
    ['1997', /\b1997\b/, /\b(1994|1999)\b/],
  ])('the year %s matches exactly, never a near year', async (query, wanted, near) => {
    const page = await search({ query, first: 100 });
    expect(page.totalCount).toBeGreaterThan(0);
    for (const hit of page.nodes) {
      const words = hit.highlights.map((h) => fieldText(hit.node, h.field).slice(h.span.start, h.span.end));
      expect(
        words.every((w) => wanted.test(w) && !near.test(w)),
        `${hit.node.id}: ${words.join(', ')}`,
      ).toBe(true);
    }
  });

  it('"OR" is an operator, and a quoted phrase matches the phrase only', async () => {
    const either = await allIds('Elchibey OR Mutalibov', ['PERSON']);
    expect(either.slice(0, 2)).toEqual(expect.arrayContaining(['abulfaz-elchibey', 'ayaz-mutalibov']));
    const phrase = await search({ query: '"balancing act"', first: 100 });
    expect(ids(phrase)).toEqual(['jamestown-delicate-balancing-act', 'jamestown-moscow-declaration-balancing']);
  });
});

describe('query syntax', () => {
  it('highlights a quoted phrase as one span over the whole phrase', async () => {
    const hit = (await search({ query: '"act in tandem"', types: ['CLAIM'], first: 1 })).nodes[0]!;
    expect(hit.node.id).toBe('ismayil-aliyev-erdogan-tandem');
    const marked = hit.highlights.map((h) => fieldText(hit.node, h.field).slice(h.span.start, h.span.end));
    expect(marked).toEqual(['act in tandem', 'act in tandem']);
  });

  it('ANDs plain words, with near misses after every full match, all counted', async () => {
    const page = await search({ query: 'Putin Stoltenberg', first: 100 });
    expect(page.totalCount).toBe(page.nodes.length);
    // The integer part of the score counts 16 per word matched: full matches (2 words) first, then near misses (1).
    const tiers = page.nodes.map((h) => Math.floor(h.score / 16));
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    expect(new Set(tiers)).toEqual(new Set([2, 1]));
    expect(ids(page).slice(0, tiers.filter((t) => t === 2).length)).toContain(
      'russtrat-moscow-baku-strategic-partners',
    );
  });

  it('excludes -words and -"phrases"', async () => {
    const all = await allIdsOf('Shusha');
    const without = await allIdsOf('Shusha -Musabayov -Jafarli');
    expect(without).toContain('shusha-declaration-signed');
    expect(without).not.toContain('musabayov-not-turning-back-on-turkey');
    expect(without).not.toContain('jafarli-shusha-provisions-included');
    expect(all.length).toBeGreaterThan(without.length);
    const declarations = await allIdsOf('declaration -"Shusha Declaration"');
    expect(declarations).toContain('moscow-declaration-signed');
    expect(declarations).not.toContain('shusha-declaration-signed');
  });

  it.each([
    ['"Shusha Declaration', 'Shusha Declaration'],
    ['Putin "', 'Putin'],
    ['«Şuşa', 'Şuşa'],
    ['" OR -', 'OR'],
  ])('reads the malformed query %s as the words %s, never an error', async (malformed, asWords) => {
    const got = await search({ query: malformed, first: 100 });
    const expected = await search({ query: asWords, first: 100 });
    expect(expected.totalCount).toBeGreaterThan(0);
    expect(ids(got)).toEqual(ids(expected));
    expect(got.totalCount).toBe(expected.totalCount);
  });

  it('reads a lone OR as the word "or"', async () => {
    const page = await search({ query: 'OR', first: 100 });
    expect(page.totalCount).toBeGreaterThan(0);
    for (const hit of page.nodes) {
      const marked = hit.highlights.map((h) => fieldText(hit.node, h.field).slice(h.span.start, h.span.end));
      expect(
        marked.map((w) => w.toLowerCase()),
        hit.node.id,
      ).toContain('or');
    }
  });

  it('finds nothing, and says nothing is wrong, for a query of syntax alone', async () => {
    expect(await search({ query: '-"' })).toMatchObject({ totalCount: 0, nodes: [] });
  });
});

async function allIdsOf(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
  return ids(await search({ query, first: 100, ...variables }));
}

describe('filters', () => {
  it('documentId keeps the document, its claims, the events it reports and the people it names', async () => {
    const page = await search({ query: 'Aliyev', documentId: 'russtrat-moscow-baku-strategic-partners', first: 100 });
    expect(page.totalCount).toBeGreaterThan(0);
    const claims = page.nodes.filter((h) => h.node.__typename === 'Claim');
    expect(claims.length).toBeGreaterThan(0);
    const res = await gql(
      handler,
      `{ search(query: "Aliyev", documentId: "russtrat-moscow-baku-strategic-partners", types: [CLAIM], first: 100) { nodes { node { ... on Claim { document { id } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    for (const hit of res.data!.search.nodes)
      expect(hit.node.document.id).toBe('russtrat-moscow-baku-strategic-partners');
  });

  it('speakerId keeps the claims of that speaker', async () => {
    const page = await search({ query: 'declaration', speakerId: 'shahin-jafarli', first: 100 });
    expect(ids(page)).toEqual(
      expect.arrayContaining(['jafarli-declaration-restricts-sovereignty', 'jafarli-shusha-provisions-included']),
    );
    const speakers = await gql(
      handler,
      `{ ${ids(page)
        .map((id, i) => `c${i}: claim(id: "${id}") { speaker { id } }`)
        .join(' ')} }`,
    );
    expect(
      new Set(Object.values(speakers.data as Record<string, { speaker: { id: string } }>).map((c) => c.speaker.id)),
    ).toEqual(new Set(['shahin-jafarli']));
  });

  it('aboutId keeps the events an entity took part in', async () => {
    const page = await search({ query: 'visit', aboutId: 'volodymyr-zelensky', types: ['EVENT'], first: 100 });
    expect(ids(page)).toContain('aliyev-visit-kyiv-2022');
    for (const id of ids(page)) {
      const event = (await gql(handler, `query($id: ID!) { event(id: $id) { participants { id } } }`, { id })).data!
        .event;
      expect(
        event.participants.map((p: { id: string }) => p.id),
        id,
      ).toContain('volodymyr-zelensky');
    }
  });

  it('from/to keep items whose dates overlap the window (claims by their events), combined by AND', async () => {
    const all = await search({ query: 'Karabakh', first: 100 });
    const nineties = await search({ query: 'Karabakh', from: '1990', to: '1999-12', first: 100 });
    expect(ids(nineties)).toEqual(
      expect.arrayContaining([
        'karabakh-ceasefire-1994',
        'karabakh-offensive-december-1993',
        'cis-membership-no-military-success',
      ]),
    );
    expect(ids(nineties)).not.toContain('karabakh-ceasefire-statement-2020');
    expect(nineties.totalCount).toBeLessThan(all.totalCount);
    const both = await search({ query: 'Karabakh', from: '1990', to: '1999', types: ['EVENT'], first: 100 });
    expect(both.nodes.every((h) => h.node.__typename === 'Event')).toBe(true);
    const kiev = await search({ query: 'Kiev', from: '2022-01', to: '2022-01', types: ['EVENT'] });
    expect(ids(kiev)).toContain('aliyev-visit-kyiv-2022');
    // Every event kept is dated in January 2022 (a year-precision 2022 overlaps it too).
    for (const id of ids(kiev)) {
      const { value } = (await gql(handler, `query($id: ID!) { event(id: $id) { date { value } } }`, { id })).data!
        .event.date;
      expect(['2022', '2022-01'].includes(value.slice(0, 7)) || value === '2022', `${id} ${value}`).toBe(true);
    }
  });

  it('bind cursors to the filters', async () => {
    const page = await search({ query: 'Aliyev', first: 2 });
    const res = await gql(handler, SEARCH, { query: 'Aliyev', from: '2022', after: page.pageInfo.endCursor });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a malformed from', { query: 'Putin', from: '2022-13' }, /from/],
    ['a malformed to', { query: 'Putin', to: 'yesterday' }, /to/],
    ['from after to', { query: 'Putin', from: '2023', to: '2022' }, /after/],
  ])('refuses %s with BAD_USER_INPUT', async (_what, variables, message) => {
    const res = await gql(handler, SEARCH, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
  });
});

describe('types', () => {
  it('restrict the kinds returned, and the count with them', async () => {
    const all = await search({ query: 'Aliyev', first: 100 });
    const people = await search({ query: 'Aliyev', types: ['PERSON'], first: 100 });
    expect(people.nodes.map((h) => h.node.__typename)).toEqual(people.nodes.map(() => 'Person'));
    expect(ids(people)).toEqual(expect.arrayContaining(['ilham-aliyev', 'heydar-aliyev']));
    const eventsAndClaims = await search({ query: 'Aliyev', types: ['EVENT', 'CLAIM'], first: 100 });
    expect(new Set(eventsAndClaims.nodes.map((h) => h.node.__typename))).toEqual(new Set(['Event', 'Claim']));
    expect(people.totalCount + eventsAndClaims.totalCount).toBeLessThan(all.totalCount);
    // Filtering keeps the ranking: the kinds' hits are the full list's, in its order.
    expect(ids(people)).toEqual(all.nodes.filter((h) => h.node.__typename === 'Person').map((h) => h.node.id));
  });

  it('empty means every kind', async () => {
    const kinds = await gql(handler, '{ __type(name: "SearchType") { enumValues { name } } }');
    const every = kinds.data!.__type.enumValues.map((v: { name: string }) => v.name);
    const all = await search({ query: 'Aliyev', first: 100 });
    expect(all.totalCount).toBeGreaterThan(0);
    for (const types of [[], every]) {
      const page = await search({ query: 'Aliyev', types, first: 100 });
      expect(ids(page), JSON.stringify(types)).toEqual(ids(all));
      expect(page.totalCount, JSON.stringify(types)).toBe(all.totalCount);
    }
  });
});

describe('paging', () => {
  it('walks every hit page by page, consistent with totalCount', async () => {
    const all = await search({ query: 'Aliyev', first: 100 });
    expect(all.totalCount).toBe(all.nodes.length);
    expect(all.totalCount).toBeGreaterThan(10);
    const walked: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: SearchPage = await search({ query: 'aliyev ', first: 7, after });
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      walked.push(...ids(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after !== null && pages < 20);
    expect(walked).toEqual(ids(all));
    expect(pages).toBe(Math.ceil(all.totalCount / 7));
  });

  it('binds cursors to the query and the types', async () => {
    const page = await search({ query: 'Aliyev', first: 2 });
    const after = page.pageInfo.endCursor;
    expect((await search({ query: 'ALIYEV', first: 2, after })).nodes.length).toBe(2);
    for (const variables of [
      { query: 'Putin', after },
      { query: 'Aliyev', types: ['PERSON'], after },
    ]) {
      const res = await gql(handler, SEARCH, variables);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['an empty query', { query: '' }, /empty/],
    ['a whitespace query', { query: ' \t\n ' }, /empty/],
    ['a query over 200 characters', { query: 'a'.repeat(201) }, /at most 200/],
    ['first below 0', { query: 'Putin', first: -1 }, /first/],
    ['first over 100', { query: 'Putin', first: 101 }, /first/],
    ['a forged cursor', { query: 'Putin', after: 'eyJsIjoic2VhcmNoIiwibyI6MX0.forged' }, /cursor/i],
    ['a cursor of another list', { query: 'Putin', after: 'not-a-cursor' }, /cursor/i],
  ];
  it.each(cases)('refuses %s with BAD_USER_INPUT', async (_what, variables, message) => {
    const res = await gql(handler, SEARCH, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('accepts 200 characters, and a query of punctuation finds nothing', async () => {
    const longest = `Putin ${'x'.repeat(194)}`;
    expect(Array.from(longest)).toHaveLength(200);
    // The made-up word matches nothing, so every hit is a near miss on "Putin".
    const page = await search({ query: longest, first: 1 });
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.nodes[0]!.node.id).toBe('vladimir-putin');
    expect(await search({ query: '?!…' })).toMatchObject({ totalCount: 0, nodes: [] });
  });
});

describe('index lifecycle', () => {
  it('is SERVICE_UNAVAILABLE while no index has been built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'search-empty-'));
    process.env.SEARCH_INDEX_DIR = empty;
    try {
      // The handler reads where its index lives once, when it is built.
      const res = await gql(handlerFor(env.ds), SEARCH, { query: 'Putin' });
      expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      // Queries that do not search are unaffected.
      expect((await gql(handler, '{ healthy }')).data).toEqual({ healthy: true });
    } finally {
      process.env.SEARCH_INDEX_DIR = indexDir;
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('is SERVICE_UNAVAILABLE, not an internal error, when no index store is configured', async () => {
    delete process.env.SEARCH_INDEX_DIR;
    try {
      const res = await gql(handlerFor(env.ds), SEARCH, { query: 'Putin' });
      expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      process.env.SEARCH_INDEX_DIR = indexDir;
    }
  });

  it('is rewritten by a refresh that changes what is searched, and left alone by one that does not', async () => {
    // Prepare: count the writes to the index store the handler reads.
    const files = await corpusFiles();
    const store = fileSearchIndexStore(indexDir);
    let puts = 0;
    const counting: SearchIndexStore = { ...store, put: (index) => (puts++, store.put(index)) };

    // Act / Assess: the same corpus again writes nothing.
    const same = await refresh(env.ds, memorySource(files), { searchIndex: counting });
    expect(same.searchIndex?.status).toBe('unchanged');
    const before = same.searchIndex!.hash;
    expect(await store.has(before)).toBe(true);
    expect(puts).toBe(0);

    // A new alias is searchable after the next refresh.
    const people = parse(files['people.yaml']!) as { id: string; aliases: string[] }[];
    people.find((p) => p.id === 'jens-stoltenberg')!.aliases.push('Stoltenbergsson');
    const edited: Record<string, string> = { ...files, 'people.yaml': stringify(people) };
    // Before the refresh, no person has that alias: too far from any name for a misspelling.
    expect((await search({ query: 'Stoltenbergsson', types: ['PERSON'] })).totalCount).toBe(0);
    try {
      const changed = await refresh(env.ds, memorySource(edited), { searchIndex: counting });
      expect(changed.searchIndex).toMatchObject({ status: 'written' });
      expect(changed.searchIndex!.hash).not.toBe(before);
      expect(puts).toBe(1);
      const hit = (await search({ query: 'Stoltenbergsson', types: ['PERSON'] })).nodes[0]!;
      expect(hit.node.id).toBe('jens-stoltenberg');
      const added = people.find((p) => p.id === 'jens-stoltenberg')!.aliases.length - 1;
      expect(hit.highlights).toContainEqual({
        field: `aliases[${added}]`,
        span: { start: 0, end: 'Stoltenbergsson'.length },
      });

      // A change the tables take but search does not (a document's raw source file) leaves the index alone.
      const documents = parse(edited['documents.yaml']!) as { source: string }[];
      documents[0]!.source = 'renamed-source.txt';
      const sourceEdited = { ...edited, 'documents.yaml': stringify(documents) };
      const untouched = await refresh(env.ds, memorySource(sourceEdited), { searchIndex: counting });
      expect(untouched.updated).toBe(1);
      expect(untouched.searchIndex?.status).toBe('unchanged');
      expect(puts).toBe(1);
    } finally {
      // Back to the first content: its index (named by a version still within its grace) is used again, not rebuilt.
      const restored = await refresh(env.ds, memorySource(files), { searchIndex: counting });
      expect(restored.searchIndex).toMatchObject({ status: 'unchanged', hash: before });
      expect(puts).toBe(1);
    }
  });
});
