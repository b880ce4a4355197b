/** The refresh's side of search: rebuild the stored index from the items just written, only when they changed. */
import { claimItemSchema, documentItemSchema, eventItemSchema, subjectItemSchema } from '../data/items.js';
import { keys } from '../data/keys.js';
import type { SearchIndexStore } from '../data/search-index-store.js';
import type { EntityTable } from '../data/tables.js';
import { buildSearchIndex, searchIndexHash, type SearchableItem } from './search-engine.js';

export interface SearchIndexReport {
  /** `unchanged`: the stored index already has this content hash and was not written. */
  status: 'written' | 'unchanged';
  location: string;
  hash: string;
  items: number;
  /** Size of the serialized index; only when written. */
  bytes?: number;
  durationMs: number;
}

const SCHEMA = { documents: documentItemSchema, people: subjectItemSchema, events: eventItemSchema, claims: claimItemSchema } as const;

/** The entity items among a table's items (relationship and count items are not searched). */
export function searchableItems(tables: Readonly<Record<EntityTable, readonly Record<string, unknown>[]>>): SearchableItem[] {
  return (Object.keys(SCHEMA) as EntityTable[]).flatMap((table) =>
    tables[table].filter((item) => keys.isEntity(item, table)).map((item): SearchableItem => SCHEMA[table].parse(item)),
  );
}

export async function updateSearchIndex(
  store: SearchIndexStore,
  tables: Readonly<Record<EntityTable, readonly Record<string, unknown>[]>>,
): Promise<SearchIndexReport> {
  const started = performance.now();
  const items = searchableItems(tables);
  const hash = searchIndexHash(items);
  const done = (status: SearchIndexReport['status'], bytes?: number): SearchIndexReport => ({
    status,
    location: store.location,
    hash,
    items: items.length,
    ...(bytes === undefined ? {} : { bytes }),
    durationMs: Math.round(performance.now() - started),
  });
  if ((await store.hash()) === hash) return done('unchanged');
  const built = buildSearchIndex(items);
  await store.put(built);
  return done('written', Buffer.byteLength(built.body));
}
