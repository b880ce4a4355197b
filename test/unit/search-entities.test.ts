/**
 * Organizations and places of the knowledge graph, and claims' aboutIds, as
 * the graph work will write them: indexed now, their names and aliases
 * expanding queries, their hits held back until SearchType has their kinds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSearchableItems } from '../../bench/search-bench.js';
import { parseQuery } from '../../functions/search/query-syntax.js';
import { buildSearchIndex, loadSearchIndex, type SearchableItem } from '../../functions/search/search-engine.js';
import { searchableItems } from '../../functions/search/search-index-refresh.js';
import type { SearchIndex } from '../../functions/search/search-model.js';
import { ENTITY_SK } from '../../functions/data/tables.js';

const graphItems = [
  { pk: 'yerevan', sk: ENTITY_SK, kind: 'PLACE', id: 'yerevan', name: 'Yerevan', aliases: ['Ереван', 'Erivan'], description: 'Capital of Armenia' },
  { pk: 'csto', sk: ENTITY_SK, kind: 'ORGANIZATION', id: 'csto', name: 'Collective Security Treaty', aliases: ['CSTO', 'ОДКБ'], description: null },
];

let index: SearchIndex;
let seed: SearchableItem[];

beforeAll(async () => {
  // Prepare: the seed corpus plus graph entities read from the people table as the refresh reads it.
  seed = await seedSearchableItems();
  const entities = searchableItems({ documents: [], people: graphItems, events: [], claims: [] });
  const claims = seed.map((item) => (item.kind === 'CLAIM' && item.id === 'russtrat-yerevan-lacks-such-level' ? { ...item, aboutIds: ['yerevan'] } : item));
  index = loadSearchIndex(buildSearchIndex([...claims, ...entities]));
});

const ids = (query: string, filters: Parameters<SearchIndex['search']>[1] = { kinds: new Set() }) =>
  index.search(parseQuery(query), filters).page(0, 50).map((m) => `${m.kind}:${m.id}`);

describe('organizations and places', () => {
  it('are read from the people table beside persons', () => {
    expect(searchableItems({ documents: [], people: graphItems, events: [], claims: [] }).map((i) => i.kind)).toEqual(['PLACE', 'ORGANIZATION']);
  });

  it('are not returned while SearchType lacks their kinds', () => {
    expect(ids('Yerevan').some((id) => id.startsWith('PLACE:'))).toBe(false);
    expect(ids('NATO').some((id) => id.startsWith('ORGANIZATION:'))).toBe(false);
  });

  it('lend their aliases to queries: a Cyrillic or exonym alias finds the claims that use the name', () => {
    // Erivan is no spelling rule's output: only the place's alias links it to Yerevan.
    expect(ids('Erivan')).toContain('CLAIM:russtrat-yerevan-lacks-such-level');
    expect(ids('Ереван')).toContain('CLAIM:russtrat-yerevan-lacks-such-level');
    // An alias in Cyrillic finds the Latin abbreviation and the full name.
    expect(ids('ОДКБ')).toEqual(expect.arrayContaining(['CLAIM:wpr-csto-sidestepped', 'EVENT:azerbaijan-leaves-collective-security-treaty-1999']));
  });

  it('feed the aboutId filter from claims’ aboutIds', () => {
    expect(ids('relations', { kinds: new Set(), aboutId: 'yerevan' })).toEqual(['CLAIM:russtrat-yerevan-lacks-such-level']);
  });

  it('change the content hash when their names change', async () => {
    const { searchIndexHash } = await import('../../functions/search/search-engine.js');
    const entities = searchableItems({ documents: [], people: graphItems, events: [], claims: [] });
    const renamed = searchableItems({ documents: [], people: [{ ...graphItems[0]!, aliases: ['Erivan'] }, graphItems[1]!], events: [], claims: [] });
    expect(searchIndexHash([...seed, ...entities])).not.toBe(searchIndexHash([...seed, ...renamed]));
  });
});
