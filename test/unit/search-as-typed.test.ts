/**
 * Searching the way people type (issue 24), over the real corpus as the
 * refresh indexes it: outlets and authors find their documents, a person's
 * name finds their claims, dates find the items of that date, an exclusion
 * ignores descriptions, and a date filter keeps undated documents after the
 * dated hits. Expectations come from the corpus items, never from counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../functions/search/query-syntax.js';
import { buildSearchIndex } from '../../functions/search/search-index-build.js';
import type { SearchableItem, SearchFilters, SearchIndex } from '../../functions/search/search-model.js';
import { loadSearchIndex } from '../../functions/search/search-query.js';
import { foldText } from '../../functions/shared/text-normalization.js';
import { seedSearchableItems } from '../../scripts/harness/search-relevance.js';

let index: SearchIndex;
let seed: SearchableItem[];

beforeAll(async () => {
  seed = await seedSearchableItems();
  index = await loadSearchIndex(buildSearchIndex(seed));
});

const hits = async (query: string, filters: Partial<SearchFilters> = {}, size = 20) =>
  (await (await index.search(parseQuery(query), { kinds: new Set(), ...filters })).page(0, size)).map(
    (m) => `${m.kind}:${m.id}`,
  );

const documents = () => seed.filter((i) => i.kind === 'DOCUMENT');
const claims = () => seed.filter((i) => i.kind === 'CLAIM');

describe('documents by outlet and author', () => {
  // The outlet is an organization too (Document.publisherOrganization): it may come first, its articles next.
  it('finds every document in the first two by its publisher, and in the first three by each author', async () => {
    for (const doc of documents()) {
      if (doc.publisher !== null)
        expect((await hits(doc.publisher)).slice(0, 2), doc.publisher).toContain(`DOCUMENT:${doc.id}`);
      for (const author of doc.authors ?? [])
        expect((await hits(author.name)).slice(0, 3)).toContain(`DOCUMENT:${doc.id}`);
    }
  });

  it('finds a Cyrillic outlet by its Latin spelling', async () => {
    const russtrat = documents().find((d) => d.publisher?.includes('РУССТРАТ'));
    expect(russtrat).toBeDefined();
    expect((await hits('RUSSTRAT')).slice(0, 2)).toContain(`DOCUMENT:${russtrat!.id}`);
  });
});

describe("a person's name", () => {
  it('ranks the profile first and the claims they made on the first page', async () => {
    const speakers = new Set(claims().flatMap((c) => (c.speakerId === undefined ? [] : [c.speakerId])));
    for (const person of seed.filter((i) => i.kind === 'PERSON' && speakers.has(i.id))) {
      if (person.kind !== 'PERSON') continue;
      const page = await hits(person.name);
      expect(page[0], person.name).toBe(`PERSON:${person.id}`);
      const theirs = claims().filter((c) => c.speakerId === person.id);
      expect(
        page.some((h) => theirs.some((c) => h === `CLAIM:${c.id}`)),
        person.name,
      ).toBe(true);
    }
  });
});

describe('dates', () => {
  it('finds the events of a day by its ISO and its written form, before anything else', async () => {
    const day = '2022-02-22';
    const events = seed.filter((i) => i.kind === 'EVENT' && i.date === day).map((e) => `EVENT:${e.id}`);
    expect(events.length).toBeGreaterThan(0);
    for (const query of [day, '22 February 2022', 'February 22, 2022']) {
      expect(new Set((await hits(query)).slice(0, events.length)), query).toEqual(new Set(events));
    }
  });

  it('finds the claims stated that day', async () => {
    const stated = claims().filter((c) => c.statedOn === '2022-02-22');
    expect(stated.length).toBeGreaterThan(0);
    const all = await hits('2022-02-22', {}, 1000);
    for (const claim of stated) expect(all).toContain(`CLAIM:${claim.id}`);
  });

  it('keeps a year exact: 2025 finds nothing dated 2020', async () => {
    const dated2020 = seed.filter((i) => i.kind === 'EVENT' && i.date.startsWith('2020')).map((e) => `EVENT:${e.id}`);
    const found = await hits('2025', {}, 1000);
    expect(found.filter((h) => dated2020.includes(h))).toEqual([]);
  });
});

describe('exclusions', () => {
  it('do not drop an entity because its description mentions the word', async () => {
    const turkey = seed.find((i) => i.kind === 'ORGANIZATION' && i.id === 'turkey');
    expect(turkey?.kind === 'ORGANIZATION' && foldText(turkey.description ?? '').includes('shusha')).toBe(true);
    const found = await hits('Turkey -Shusha', {}, 1000);
    expect(found[0]).toBe('ORGANIZATION:turkey');
    // What says the word is still left out.
    for (const claim of claims().filter((c) => foldText(c.text).includes('shusha')))
      expect(found).not.toContain(`CLAIM:${claim.id}`);
  });
});

describe('a date filter and undated documents', () => {
  it('keeps an undated document and its undated claims, after every dated hit', async () => {
    const undated = documents().find((d) => d.publishedOn === null && foldText(d.text).includes('israel'));
    expect(undated).toBeDefined();
    const filters = { fromDay: '2022-01-01' };
    const found = await hits('Israel', filters, 1000);
    expect(found).toContain(`DOCUMENT:${undated!.id}`);
    const isUndated = (h: string) =>
      h === `DOCUMENT:${undated!.id}` ||
      claims().some(
        (c) => h === `CLAIM:${c.id}` && c.documentId === undated!.id && c.eventIds.length === 0 && c.statedOn === null,
      );
    const firstUndated = found.findIndex(isUndated);
    expect(found.slice(firstUndated).every(isUndated)).toBe(true);
  });

  it('leaves people, organizations and places out: they have no date to test', async () => {
    expect(
      (await hits('Israel', { fromDay: '2022-01-01' }, 1000)).filter((h) => h.startsWith('ORGANIZATION:')),
    ).toEqual([]);
  });
});

describe('words for names', () => {
  it('finds a country by its adjective, and a region its places', async () => {
    expect((await hits('Turkish'))[0]).toBe('ORGANIZATION:turkey');
    expect((await hits('Ukrainian'))[0]).toBe('ORGANIZATION:ukraine');
    expect((await hits('Armenian'))[0]).toBe('ORGANIZATION:armenia');
    expect((await hits('Azerbaijani'))[0]).toBe('ORGANIZATION:azerbaijan');
    expect((await hits('Russian'))[0]).toBe('ORGANIZATION:russia');
    expect(new Set((await hits('Donbas')).slice(0, 2))).toEqual(new Set(['PLACE:donetsk', 'PLACE:luhansk']));
  });

  it('joins a compound typed as two words', async () => {
    expect((await hits('peace keepers')).slice(0, 5).some((h) => h.includes('peacekeep'))).toBe(true);
  });
});
