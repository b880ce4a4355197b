/** The refresh's side of search: rebuild the stored index from the items just written, only when they changed. */
import * as z from 'zod/mini';
import { claimItemSchema, documentItemSchema, eventItemSchema, personItemSchema } from '../data/items.js';
import type { SearchIndexStore } from '../data/search-index-store.js';
import { ENTITY_SK, type EntityTable } from '../data/tables.js';
import { buildSearchIndex, searchIndexHash, type NamedEntityItem, type SearchableItem } from './search-engine.js';

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

/**
 * Organizations and places of the knowledge graph live in the people table
 * beside persons; search reads only their names and description, so it does
 * not wait for their full item schema.
 */
const namedEntitySchema = z.object({
  kind: z.enum(['ORGANIZATION', 'PLACE']),
  id: z.string(),
  name: z.string(),
  aliases: z._default(z.array(z.string()), []),
  description: z._default(z.nullable(z.string()), null),
});

/** Claims gain `aboutIds` with the knowledge graph; absent until then. */
const aboutIdsSchema = z.object({ aboutIds: z.optional(z.array(z.string())) });

function searchableItem(table: EntityTable, item: Record<string, unknown>): SearchableItem | undefined {
  switch (table) {
    case 'documents':
      return documentItemSchema.parse(item);
    case 'events':
      return eventItemSchema.parse(item);
    case 'claims': {
      const { aboutIds } = aboutIdsSchema.parse(item);
      return { ...claimItemSchema.parse(item), ...(aboutIds === undefined ? {} : { aboutIds }) };
    }
    case 'people':
      if (item.kind === 'PERSON') return personItemSchema.parse(item);
      if (item.kind === 'ORGANIZATION' || item.kind === 'PLACE') return namedEntitySchema.parse(item) as NamedEntityItem;
      return undefined;
    default:
      return undefined;
  }
}

/** The entity items among a table's items (relationship and count items are not searched). */
export function searchableItems(tables: Readonly<Record<EntityTable, readonly Record<string, unknown>[]>>): SearchableItem[] {
  return (Object.keys(tables) as EntityTable[]).flatMap((table) =>
    tables[table].filter((item) => item.sk === ENTITY_SK).flatMap((item) => searchableItem(table, item) ?? []),
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
  return done('written', built.body.byteLength);
}
