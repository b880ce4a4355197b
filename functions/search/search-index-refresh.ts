/** The refresh's side of search: build the index of a version from its items, only when no stored index has that content. */
import { claimItemSchema, documentItemSchema, eventItemSchema, subjectItemSchema } from '../data/item-schemas.js';
import type { SearchIndexStore } from '../data/search-index-store.js';
import { keys } from '../data/keys.js';
import type { EntityTable } from '../data/tables.js';
import { buildSearchIndex, searchIndexHash } from './search-index-build.js';
import type { SearchableItem } from './search-model.js';

export interface SearchIndexReport {
  /** `unchanged`: an index with this content hash is already stored (an earlier version's) and was not written. */
  status: 'written' | 'unchanged';
  location: string;
  hash: string;
  items: number;
  /** Size of the serialized index; only when written. */
  bytes?: number;
  durationMs: number;
}

function searchableItem(table: EntityTable, item: Record<string, unknown>): SearchableItem | undefined {
  switch (table) {
    case 'documents':
      return documentItemSchema.parse(item);
    case 'events':
      return eventItemSchema.parse(item);
    case 'claims':
      return claimItemSchema.parse(item);
    case 'people':
      // Topics are not searched as entities: search(topicId) filters hits by them.
      return item.kind === 'TOPIC' ? undefined : subjectItemSchema.parse(item);
    default:
      return undefined;
  }
}

/** The entity items among a table's items (relationship and count items are not searched). */
export function searchableItems(
  tables: Readonly<Record<EntityTable, readonly Record<string, unknown>[]>>,
): SearchableItem[] {
  return (Object.keys(tables) as EntityTable[]).flatMap((table) =>
    tables[table].filter((item) => keys.isEntity(item, table)).flatMap((item) => searchableItem(table, item) ?? []),
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
  // Indexes are named by content: an unchanged searchable content is already stored.
  if (await store.has(hash)) return done('unchanged');
  const built = buildSearchIndex(items);
  await store.put(built);
  return done('written', built.body.byteLength);
}
