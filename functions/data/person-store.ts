import type { DataSources } from './client.js';
import { personItemSchema, type PersonItem } from './items.js';
import { queryPage, resumeKey, resumeKeyMatches, tableCount, type StoredKey } from './table-store.js';
import { INDEX } from './tables.js';

/** All people, by name. */
export async function listPeople(ds: DataSources, first: number, after?: StoredKey) {
  const page = await queryPage(ds, {
    table: 'people',
    index: INDEX.peopleByName,
    keyCondition: '#kind = :kind',
    names: { '#kind': 'kind' },
    values: { ':kind': 'PERSON' },
    forward: true,
    first,
    after,
  });
  return { items: page.items.map((i) => personItemSchema.parse(i)), hasNextPage: page.hasNextPage };
}

export const personResumeKeyAccepted = (key: StoredKey) => resumeKeyMatches('people', INDEX.peopleByName, key, 'PERSON');

export const personResumeKey = (item: PersonItem) => resumeKey('people', INDEX.peopleByName, item);

export const countPeople = (ds: DataSources) => tableCount(ds, 'people');
