import DataLoader from 'dataloader';
import type { DataSources } from './client.js';
import { getClaims } from './claim-store.js';
import { getDocuments } from './document-store.js';
import { getEvents } from './event-store.js';
import type { ClaimItem, DocumentItem, EventItem, PersonItem } from './items.js';
import { getPeople } from './person-store.js';

/**
 * Per-request loaders: every id asked for in one tick of execution becomes one
 * BatchGetItem (chunked at 100 keys), and each item is read at most once per request.
 */
export interface Loaders {
  document: DataLoader<string, DocumentItem | null>;
  person: DataLoader<string, PersonItem | null>;
  event: DataLoader<string, EventItem | null>;
  claim: DataLoader<string, ClaimItem | null>;
}

export function createLoaders(ds: DataSources): Loaders {
  return {
    document: new DataLoader((ids) => getDocuments(ds, ids)),
    person: new DataLoader((ids) => getPeople(ds, ids)),
    event: new DataLoader((ids) => getEvents(ds, ids)),
    claim: new DataLoader((ids) => getClaims(ds, ids)),
  };
}

/** Loads many ids, keeping order and dropping ids whose item no longer exists. */
export async function loadExisting<T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  const items = await loader.loadMany(ids);
  return items.filter((item): item is T => {
    if (item instanceof Error) throw item;
    return item !== null;
  });
}

/** Like loadExisting but keeps a null where an id is missing (for id-list paging). */
export async function loadInOrder<T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<(T | null)[]> {
  const items = await loader.loadMany(ids);
  return items.map((item) => {
    if (item instanceof Error) throw item;
    return item;
  });
}
