/**
 * Items as a read takes them from a page or a batch. A version written in
 * the current item format (ITEM_FORMAT: the refresh checked every item against
 * the schemas before it published) is used as read; any other version is
 * parsed with the schemas, which load with the first such read.
 */
import { ITEM_FORMAT, type StoredItems } from './items.js';
import type { StoredItemKind } from './item-schemas.js';
import type { Snapshot } from './table-store.js';

let loading: Promise<typeof import('./item-schemas.js')> | undefined;

/** The item schemas, imported once, on first need. */
export const itemSchemas = (): Promise<typeof import('./item-schemas.js')> => (loading ??= import('./item-schemas.js'));

/** Whether the refresh checked every item of this version against the current schemas. */
export const isCheckedVersion = (snap: Snapshot): boolean => snap.record.itemFormat === ITEM_FORMAT;

export type ItemReader<K extends StoredItemKind> = (raw: Record<string, unknown>) => StoredItems[K];

/** How to take raw items of `snap` as `kind`: as read in a checked version, else parsed (an item that does not parse throws). */
export async function itemReader<K extends StoredItemKind>(snap: Snapshot, kind: K): Promise<ItemReader<K>> {
  if (isCheckedVersion(snap)) return (raw) => raw as StoredItems[K];
  const schema = (await itemSchemas()).STORED_ITEM_SCHEMAS[kind];
  return (raw) => schema.parse(raw) as StoredItems[K];
}
