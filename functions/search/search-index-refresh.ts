/** The refresh's side of search: build the index of a version from its items, only when no stored index has that content. */
import { claimItemSchema, documentItemSchema, eventItemSchema, subjectItemSchema } from '../data/item-schemas.js';
import type { SearchIndexStore } from '../data/search-index-store.js';
import { keys } from '../data/keys.js';
import type { EntityTable } from '../data/tables.js';
import { buildSearchIndex, searchIndexHash } from './search-index-build.js';
import { IndexFormatError, PREFIX_BYTES, readPrefix } from './search-index-format.js';
import { FORMAT_NUMBER } from './search-index-layout.js';
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

/**
 * Whether the index stored under `hash` exists and is in the format this code
 * reads (its fixed prefix, one ranged read): an index written by older code is
 * rebuilt by the refresh (`updateSearchIndex(…, hash)`), never misread.
 */
export async function searchIndexReadable(store: SearchIndexStore, hash: string): Promise<boolean> {
  const prefix = await store.read(hash, [{ start: 0, end: PREFIX_BYTES }]);
  if (prefix === undefined) return false;
  try {
    readPrefix(prefix[0]!, FORMAT_NUMBER);
    return true;
  } catch (error) {
    if (error instanceof IndexFormatError) return false;
    throw error;
  }
}

/**
 * Builds and stores the index of these tables' items unless one with their
 * content hash is stored. `replace`: the name of an index to rewrite in the
 * current format (the current version names it, and it is missing or older).
 */
export async function updateSearchIndex(
  store: SearchIndexStore,
  tables: Readonly<Record<EntityTable, readonly Record<string, unknown>[]>>,
  replace?: string,
): Promise<SearchIndexReport> {
  const started = performance.now();
  const items = searchableItems(tables);
  const hash = replace ?? searchIndexHash(items);
  const done = (status: SearchIndexReport['status'], bytes?: number): SearchIndexReport => ({
    status,
    location: store.location,
    hash,
    items: items.length,
    ...(bytes === undefined ? {} : { bytes }),
    durationMs: Math.round(performance.now() - started),
  });
  // Indexes are named by content: an unchanged searchable content is already stored.
  if (replace === undefined && (await store.has(hash))) return done('unchanged');
  const built = buildSearchIndex(items);
  await store.put({ hash, body: built.body });
  return done('written', built.body.byteLength);
}
