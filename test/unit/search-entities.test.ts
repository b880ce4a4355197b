/**
 * Organizations and places of the knowledge graph in search, built from the
 * real corpus as the refresh builds it: returned as hits, ranked above the
 * claims that merely mention them, their aliases expanding queries, and
 * claims' subjects feeding the aboutId filter.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../functions/search/query-syntax.js';
import { buildSearchIndex, searchIndexHash } from '../../functions/search/search-index-build.js';
import type { SearchableItem, SearchIndex } from '../../functions/search/search-model.js';
import { loadSearchIndex } from '../../functions/search/search-query.js';
import { seedSearchableItems } from '../../scripts/harness/search-relevance.js';

let index: SearchIndex;
let seed: SearchableItem[];

beforeAll(async () => {
  seed = await seedSearchableItems();
  index = await loadSearchIndex(buildSearchIndex(seed));
});

const ids = async (query: string, filters: Parameters<SearchIndex['search']>[1] = { kinds: new Set() }) =>
  (await (await index.search(parseQuery(query), filters)).page(0, 50)).map((m) => `${m.kind}:${m.id}`);

describe('organizations and places', () => {
  it('are indexed from the people table beside persons', async () => {
    const kinds = new Set(seed.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['DOCUMENT', 'PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'CLAIM']));
  });

  it('rank above the claims that merely mention them, by name or alias', async () => {
    expect((await ids('Yerevan'))[0]).toBe('PLACE:yerevan');
    expect((await ids('NATO'))[0]).toBe('ORGANIZATION:nato');
    expect((await ids('North Atlantic Treaty Organization'))[0]).toBe('ORGANIZATION:nato');
    expect((await ids('Ереван'))[0]).toBe('PLACE:yerevan');
    expect((await ids('Shushi'))[0]).toBe('PLACE:shusha');
  });

  it('are returned only for their own types when types are given', async () => {
    const places = await (await index.search(parseQuery('Yerevan'), { kinds: new Set(['PLACE']) })).page(0, 50);
    expect(places.map((m) => m.kind)).toEqual(places.map(() => 'PLACE'));
    expect(places.length).toBeGreaterThan(0);
  });

  it('feed the aboutId filter from claims’ subjects', async () => {
    const about = await ids('declaration', { kinds: new Set(['CLAIM']), aboutId: 'turkey' });
    expect(about.length).toBeGreaterThan(0);
    const aboutTurkey = new Set(
      seed.filter((i) => i.kind === 'CLAIM' && i.aboutIds.includes('turkey')).map((i) => `CLAIM:${i.id}`),
    );
    for (const id of about) expect(aboutTurkey.has(id), id).toBe(true);
  });

  it('change the content hash when their names change', async () => {
    const renamed = seed.map((i) =>
      i.kind === 'PLACE' && i.id === 'yerevan' ? { ...i, aliases: [...i.aliases, 'Erivan'] } : i,
    );
    expect(searchIndexHash(seed)).not.toBe(searchIndexHash(renamed));
    expect(await ids('Erivan')).not.toContain('PLACE:yerevan');
    expect(
      (
        await (
          await (await loadSearchIndex(buildSearchIndex(renamed))).search(parseQuery('Erivan'), { kinds: new Set() })
        ).page(0, 5)
      ).map((m) => m.id),
    ).toContain('yerevan');
  });
});
