/**
 * The seed refresh: validate the whole corpus, compare it with what the tables
 * hold (a content hash per item), write only what is new or changed and delete
 * what the corpus no longer has. Used by `npm start`, `npm run seed` and the
 * scheduled function in AWS.
 */
import { randomUUID } from 'node:crypto';
import type { DataSources } from '../data/client.js';
import { claimItemSchema } from '../data/items.js';
import {
  acquireRefreshLock,
  batchWrite,
  isLockItem,
  releaseRefreshLock,
  scanTable,
  type WriteRequest,
} from '../data/refresh-store.js';
import { searchIndexStoreFromEnv, type SearchIndexStore } from '../data/search-index-store.js';
import { keys } from '../data/keys.js';
import { TABLES, TABLE_LIST, type EntityTable } from '../data/tables.js';
import { updateSearchIndex, type SearchIndexReport } from '../search/search-index-refresh.js';
import { InvalidCorpusError, readCorpus } from './corpus-reader.js';
import { buildItems, type AnchorReport, type PreviousClaimAnchor } from './item-builder.js';
import type { CorpusSource } from './corpus-source.js';

export interface TableCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface RefreshReport extends TableCounts {
  /** Items written (puts and deletes): 0 when the tables already equal the corpus. */
  writes: number;
  tables: Record<EntityTable, TableCounts>;
  anchors: AnchorReport;
  /** Present when a search index store is in use. */
  searchIndex?: SearchIndexReport;
  durationMs: number;
}

export interface RefreshOptions {
  /** Identifies this run in the lock item. */
  owner?: string;
  /** A crashed run's lock expires after this long. */
  lockTtlMs?: number;
  /** Called before each batch write; tests use it to stop a run half-way. */
  beforeBatch?: (size: number) => void | Promise<void>;
  /** Where the search index built from the written items goes; defaults to the store the environment names, null for none. */
  searchIndex?: SearchIndexStore | null;
}

const keyOf = (table: EntityTable, item: Record<string, unknown>) =>
  `${String(item[TABLES[table].partitionKey])}\u0000${String(item[TABLES[table].sortKey])}`;

export async function refresh(ds: DataSources, source: CorpusSource, options: RefreshOptions = {}): Promise<RefreshReport> {
  const started = performance.now();
  const { corpus, issues } = await readCorpus(source);

  const owner = options.owner ?? randomUUID();
  await acquireRefreshLock(ds, owner, options.lockTtlMs ?? 15 * 60_000);
  try {
    const current = Object.fromEntries(
      await Promise.all(TABLE_LIST.map(async (t) => [t.name, (await scanTable(ds, t.name)).filter((i) => !isLockItem(i))] as const)),
    ) as Record<EntityTable, Record<string, unknown>[]>;

    const previous = new Map<string, PreviousClaimAnchor>();
    for (const item of current.claims) {
      if (!keys.isEntity(item, 'claims')) continue;
      const claim = claimItemSchema.safeParse(item);
      if (claim.success) {
        previous.set(claim.data.id, { start: claim.data.start, end: claim.data.end, prefix: claim.data.anchor.prefix, suffix: claim.data.anchor.suffix });
      }
    }
    // Quotes are checked against the stored anchors (a known claim whose words went is orphaned,
    // a new one is an error), so every problem is known only here; none has been written yet.
    const built = buildItems(corpus, previous);
    if (issues.length > 0 || built.issues.length > 0) throw new InvalidCorpusError([...issues, ...built.issues]);

    const tables = {} as Record<EntityTable, TableCounts>;
    const plans: { table: EntityTable; puts: WriteRequest[]; deletes: WriteRequest[] }[] = [];
    for (const def of TABLE_LIST) {
      const table = def.name;
      const existing = new Map(current[table].map((item) => [keyOf(table, item), item]));
      const wanted = new Set<string>();
      const counts: TableCounts = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
      const puts: WriteRequest[] = [];
      for (const item of built.tables[table]) {
        const key = keyOf(table, item);
        wanted.add(key);
        const old = existing.get(key);
        if (old === undefined) counts.created++;
        else if (old.hash !== item.hash) counts.updated++;
        else {
          counts.unchanged++;
          continue;
        }
        puts.push({ PutRequest: { Item: item } });
      }
      const deletes: WriteRequest[] = [];
      for (const [key, item] of existing) {
        if (wanted.has(key)) continue;
        counts.deleted++;
        deletes.push({ DeleteRequest: { Key: { [def.partitionKey]: item[def.partitionKey], [def.sortKey]: item[def.sortKey] } } });
      }
      tables[table] = counts;
      plans.push({ table, puts, deletes });
    }
    // Everything new is in place before anything stale goes, so readers never lose an item mid-run.
    for (const plan of plans) await batchWrite(ds, plan.table, plan.puts, options.beforeBatch);
    for (const plan of plans) await batchWrite(ds, plan.table, plan.deletes, options.beforeBatch);
    // Still under the lock, so two runs never race on the index; a failure fails the run, and the next run rebuilds it.
    const searchStore = options.searchIndex === undefined ? await searchIndexStoreFromEnv() : (options.searchIndex ?? undefined);
    const searchIndex = searchStore === undefined ? undefined : await updateSearchIndex(searchStore, built.tables);

    const total = Object.values(tables).reduce(
      (sum, c) => ({ created: sum.created + c.created, updated: sum.updated + c.updated, deleted: sum.deleted + c.deleted, unchanged: sum.unchanged + c.unchanged }),
      { created: 0, updated: 0, deleted: 0, unchanged: 0 },
    );
    return {
      ...total,
      writes: total.created + total.updated + total.deleted,
      tables,
      anchors: built.anchors,
      ...(searchIndex === undefined ? {} : { searchIndex }),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await releaseRefreshLock(ds, owner);
  }
}
