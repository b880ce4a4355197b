/**
 * The refresh's pure steps between reading the tables and writing: which
 * versions a publication keeps, what the new version still needs written,
 * and how its entities differ from the current version's (the report).
 */
import { claimItemSchema } from '../data/item-schemas.js';
import { keys } from '../data/keys.js';
import type { WriteRequest } from '../data/refresh-store.js';
import { TABLES, TABLE_LIST, type EntityTable } from '../data/tables.js';
import type { VersionPointer, VersionRecord } from '../data/version-store.js';
import { entityIds } from './changes.js';
import { ShrinkRefusedError } from '../shared/errors.js';
import { shrinkProblems } from './guards.js';
import type { PreviousClaimAnchor } from './item-builder.js';

export type Item = Record<string, unknown>;
export type HashedItem = Item & { hash: string };
export type Tables<T> = Record<EntityTable, T>;

export const perTable = <T>(make: (table: EntityTable) => T): Tables<T> =>
  Object.fromEntries(TABLE_LIST.map((t) => [t.name, make(t.name)])) as Tables<T>;

/** Where an item is, without its version: two versions' items are compared on it. */
export const logicalKey = (table: EntityTable, item: Item) =>
  `${keys.logical(String(item[TABLES[table].partitionKey]))}\u0000${String(item[TABLES[table].sortKey])}`;

export const deleteOf = (table: EntityTable, item: Item): WriteRequest => ({
  DeleteRequest: {
    Key: {
      [TABLES[table].partitionKey]: item[TABLES[table].partitionKey],
      [TABLES[table].sortKey]: item[TABLES[table].sortKey],
    },
  },
});

/** The versions around a publication: what it replaces, what it adds, and what retention keeps or spares. */
export interface VersionPlan {
  previous: VersionRecord | undefined;
  target: number;
  /** Versions kept once the target is published. */
  keptAfter: ReadonlySet<number>;
  /** Kept versions this publication drops. */
  droppedNow: readonly VersionRecord[];
  /** Dropped versions still within their grace: retention leaves their items. */
  protectedRetired: ReadonlySet<number>;
}

export function versionPlan(
  pointer: VersionPointer | undefined,
  keep: number,
  hasGrace: boolean,
  isDue: (retired: { at: number }) => boolean,
): VersionPlan {
  const previous = pointer?.kept[0];
  const target = (previous?.number ?? 0) + 1;
  const keptAfter = new Set([target, ...(pointer?.kept ?? []).map((v) => v.number)].slice(0, keep));
  const droppedNow = (pointer?.kept ?? []).filter((v) => !keptAfter.has(v.number));
  const protectedRetired = new Set([
    ...(pointer?.retired ?? []).filter((r) => !isDue(r)).map((r) => r.number),
    ...(hasGrace ? droppedNow.map((v) => v.number) : []),
  ]);
  return { previous, target, keptAfter, droppedNow, protectedRetired };
}

/** The stored anchors of the current version's claims: a claim is re-anchored from where it was. */
export function previousAnchors(claims: readonly Item[]): Map<string, PreviousClaimAnchor> {
  const anchors = new Map<string, PreviousClaimAnchor>();
  for (const item of claims) {
    if (!keys.isEntity(item, 'claims')) continue;
    const claim = claimItemSchema.safeParse(item);
    if (claim.success)
      anchors.set(claim.data.id, {
        start: claim.data.start,
        end: claim.data.end,
        prefix: claim.data.anchor.prefix,
        suffix: claim.data.anchor.suffix,
        status: claim.data.anchor.status,
      });
  }
  return anchors;
}

/** Refuses a corpus that removes too much of a table, or empties one. */
export function guardShrink(before: Tables<readonly Item[]>, after: Tables<readonly Item[]>, maxShrink: number): void {
  const problems = shrinkProblems(
    TABLE_LIST.map(({ name }) => {
      const was = entityIds(before, name);
      const is = entityIds(after, name);
      return { table: name, before: was.size, after: is.size, removed: [...was].filter((id) => !is.has(id)).length };
    }),
    maxShrink,
  );
  if (problems.length > 0) throw new ShrinkRefusedError(problems);
}

/** The writes of one table that the target version still lacks. */
export interface TablePlan {
  table: EntityTable;
  puts: WriteRequest[];
  deletes: WriteRequest[];
}

/**
 * What the target version still needs: every wanted item not already there
 * with the same hash (a killed run's items are kept), and the deletion of
 * items a killed run wrote that are no longer wanted.
 */
export function planWrites(
  target: number,
  pending: Tables<ReadonlyMap<string, { item: Item; hash: unknown }>>,
  wanted: Tables<readonly HashedItem[]>,
): { plans: TablePlan[]; resumed: boolean } {
  const plans = TABLE_LIST.map(({ name: table }): TablePlan => {
    const already = pending[table];
    const puts: WriteRequest[] = [];
    const keep = new Set<string>();
    for (const item of wanted[table]) {
      const key = logicalKey(table, item);
      keep.add(key);
      if (already.get(key)?.hash !== item.hash) puts.push({ PutRequest: { Item: keys.stored(table, item, target) } });
    }
    const deletes = [...already].filter(([key]) => !keep.has(key)).map(([, { item }]) => deleteOf(table, item));
    return { table, puts, deletes };
  });
  return { plans, resumed: TABLE_LIST.some(({ name }) => pending[name].size > 0) };
}

export interface TableCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export const noCounts = (): TableCounts => ({ created: 0, updated: 0, deleted: 0, unchanged: 0 });

/**
 * Entities of each table against the previous version, by item hash.
 * Relationship items and change pages are not entities: a one-claim change
 * reports one claim updated, not the pages of the previous change list.
 */
export function entityCounts(
  before: Tables<readonly Item[]>,
  after: Tables<readonly HashedItem[]>,
): Tables<TableCounts> {
  return perTable((table) => {
    // Topics are the editors' controlled list: like the change feed and the version record, the counts leave them out.
    const entities = <T extends Item>(items: readonly T[]) =>
      items.filter((item) => keys.isEntity(item, table) && item.kind !== 'TOPIC');
    const old = new Map(entities(before[table]).map((item) => [logicalKey(table, item), item.hash]));
    const counts = noCounts();
    const now = new Set<string>();
    for (const item of entities(after[table])) {
      const key = logicalKey(table, item);
      now.add(key);
      const hash = old.get(key);
      counts[hash === undefined ? 'created' : hash === item.hash ? 'unchanged' : 'updated']++;
    }
    counts.deleted = [...old.keys()].filter((key) => !now.has(key)).length;
    return counts;
  });
}

export const sumCounts = (counts: readonly TableCounts[]): TableCounts =>
  counts.reduce(
    (s, c) => ({
      created: s.created + c.created,
      updated: s.updated + c.updated,
      deleted: s.deleted + c.deleted,
      unchanged: s.unchanged + c.unchanged,
    }),
    noCounts(),
  );

/** A kept version's entities per table, from its record (an unchanged run reads no item). */
export const recordedEntities = (record: VersionRecord): Tables<number> => ({
  documents: record.documents,
  people: record.people + record.organizations + record.places,
  events: record.events,
  claims: record.claims,
});
