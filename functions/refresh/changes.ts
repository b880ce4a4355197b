/**
 * The change list of a version: which entities it added, updated and removed
 * against the version before it. An entity is UPDATED when anything it serves
 * changed, its ordered id lists included; storage-only attributes (keys, index
 * partitions, an event's rank in its date partition) do not count.
 */
import { keys } from '../data/keys.js';
import { TABLE_LIST, type EntityTable } from '../data/tables.js';
import { CHANGES_PER_PAGE, type ChangeEntry, type EntityType } from '../data/version-store.js';
import { contentHash } from './item-builder.js';

/**
 * Attributes that say where an item is stored, not what it serves. A claim's `textFragment` is made from its
 * document's text, which the change list already follows through the document.
 */
const STORAGE_ONLY = new Set<string>([
  'hash',
  'rank',
  'textFragment',
  ...TABLE_LIST.flatMap((t) => [t.partitionKey, t.sortKey, ...t.indexes.map((i) => i.partitionKey)]),
]);

export function entityType(table: EntityTable, item: Record<string, unknown>): EntityType {
  switch (table) {
    case 'documents':
      return 'DOCUMENT';
    case 'events':
      return 'EVENT';
    case 'claims':
      return 'CLAIM';
    case 'people':
      return item.kind === 'ORGANIZATION' ? 'ORGANIZATION' : item.kind === 'PLACE' ? 'PLACE' : 'PERSON';
  }
}

/** A hash of what an entity serves: the same in every version that serves the same thing. */
export function servedHash(item: Record<string, unknown>): string {
  return contentHash(Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE_ONLY.has(name))));
}

/** `TYPE\0id` → served hash, for the entity items of some tables (stored or logical keys alike). */
export function servedEntities(
  tables: Readonly<Record<EntityTable, readonly Record<string, unknown>[]>>,
): Map<string, string> {
  const entities = new Map<string, string>();
  for (const def of TABLE_LIST) {
    for (const item of tables[def.name]) {
      // Topics are the editors' controlled list, not an entity type of the change feed (their claims and events are).
      if (keys.isEntity(item, def.name) && item.kind !== 'TOPIC')
        entities.set(`${entityType(def.name, item)}\u0000${String(item.id)}`, servedHash(item));
    }
  }
  return entities;
}

/** What changed from `before` to `after` (maps from servedEntities), in a stable order: by type, then id. */
export function diffEntities(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): ChangeEntry[] {
  const changes: ChangeEntry[] = [];
  const entry = (c: ChangeEntry['c'], key: string): ChangeEntry => {
    const [t, id] = key.split('\u0000') as [EntityType, string];
    return { c, t, id };
  };
  for (const [key, hash] of after) {
    const old = before.get(key);
    if (old === undefined) changes.push(entry('ADDED', key));
    else if (old !== hash) changes.push(entry('UPDATED', key));
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(entry('REMOVED', key));
  return changes.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The change list as page items of the documents table (logical keys; the refresh stores them in its version). */
export function changePages(changes: readonly ChangeEntry[]): (Record<string, unknown> & { hash: string })[] {
  const pages: (Record<string, unknown> & { hash: string })[] = [];
  for (let i = 0; i * CHANGES_PER_PAGE < changes.length; i++) {
    const item = { ...keys.changePage(i), changes: changes.slice(i * CHANGES_PER_PAGE, (i + 1) * CHANGES_PER_PAGE) };
    pages.push({ ...item, hash: contentHash(item) });
  }
  return pages;
}

/** Entities per table, for the shrink guards. */
export function entityIds(
  tables: Readonly<Record<EntityTable, readonly Record<string, unknown>[]>>,
  table: EntityTable,
): Set<string> {
  return new Set(tables[table].filter((item) => keys.isEntity(item, table)).map((item) => String(item.id)));
}
