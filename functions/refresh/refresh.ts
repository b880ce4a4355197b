/**
 * The seed refresh: validate the whole corpus, build every item, and publish
 * them as a new version of the knowledge base. Used by `npm start`, `npm run
 * seed` and the scheduled function in AWS.
 *
 * 1. An unchanged corpus (its hash is the current version's) writes nothing.
 * 2. Otherwise the items of version P = current + 1 are written beside the
 *    current ones (every partition value starts with the version, keys.ts),
 *    with the list of what changed. Readers do not see them yet. Items a
 *    killed run already wrote for P are compared by hash and kept, so a rerun
 *    resumes.
 * 3. One conditional write of the pointer publishes P, over the version it
 *    replaces: readers move from the old version to the new one whole.
 * 4. Versions beyond the last `keepVersions` are deleted afterwards, once no
 *    request can still be reading them (retention).
 *
 * The refresh holds a short lease, renewed while it works, and stops writing
 * before the invocation's deadline. A refusal (invalid corpus, a shrink not
 * allowed) writes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DataSources } from '../data/client.js';
import { ITEM_FORMAT } from '../data/items.js';
import { keys } from '../data/keys.js';
import { batchWrite, scanPages, type WriteRequest } from '../data/refresh-store.js';
import { searchIndexStoreFromEnv, type SearchIndexStore } from '../data/search-index-store.js';
import { TABLES, TABLE_LIST, type EntityTable } from '../data/tables.js';
import {
  publishPointer,
  readPointer,
  updateRetired,
  type VersionPointer,
  type VersionRecord,
} from '../data/version-store.js';
import { searchIndexReadable, updateSearchIndex, type SearchIndexReport } from '../search/search-index-refresh.js';
import { DEFAULT_KEEP_VERSIONS, LEASE_MS } from '../shared/constants.js';
import { InvalidCorpusError, OrphansRefusedError } from '../shared/errors.js';
import { changePages, diffEntities, servedEntities } from './changes.js';
import type { CorpusIssue } from './corpus-issues.js';
import type { LineIndex } from './corpus-lines.js';
import { newOrphans } from './corpus-orphans.js';
import { readCorpus } from './corpus-reader.js';
import type { Corpus } from './corpus-schema.js';
import type { CorpusSource } from './corpus-source.js';
import { DEFAULT_MAX_SHRINK } from './guards.js';
import { buildItems, stableJson, withDocumentTexts, type AnchorReport } from './item-builder.js';
import { DEADLINE_RESERVE_MS, Lease } from './lease.js';
import {
  deleteOf,
  entityCounts,
  guardShrink,
  logicalKey,
  noCounts,
  perTable,
  planWrites,
  previousAnchors,
  recordedEntities,
  sumCounts,
  versionPlan,
  type HashedItem,
  type Item,
  type TableCounts,
  type TablePlan,
  type Tables,
  type VersionPlan,
} from './version-plan.js';

export type { TableCounts } from './version-plan.js';
/**
 * How long a dropped version's items stay after the publication that dropped
 * it: readers cache the pointer for 5 s and the GraphQL function times out
 * after 10 s, so after a minute no request can still be reading it.
 */
export const RETIRE_GRACE_MS = 60_000;

export interface RetentionReport {
  /** Versions whose items were deleted by this run. */
  deletedVersions: number[];
  /** Items deleted (one write each). */
  deletedItems: number;
  /** Search indexes no kept version names any more, deleted. */
  deletedSearchIndexes: number;
  durationMs: number;
}

export interface RefreshReport extends TableCounts {
  /** `published`: a new version is current; `unchanged`: the corpus is the current version's, nothing was written. */
  status: 'published' | 'unchanged';
  /** The current version after the run. */
  version: number;
  /** Whether items of the new version were already there (a run that was killed or ran out of time). */
  resumed: boolean;
  /** Items written for the new version (puts and deletes, every kind of item): 0 when the corpus is unchanged. Retention is counted apart. */
  writes: number;
  /** Entities per table compared with the previous version (people holds organizations and places). */
  tables: Record<EntityTable, TableCounts>;
  /** Entities added, updated and removed (the change feed). */
  changes: { added: number; updated: number; removed: number };
  /** Items the new version's change list takes (pages of the documents table, not documents): 0 when unchanged. */
  changePages: number;
  anchors: AnchorReport;
  /** Present when a search index store is in use. */
  searchIndex?: SearchIndexReport;
  retention: RetentionReport;
  durationMs: number;
}

export interface RefreshOptions {
  /** Identifies this run in the lease item; Lambda's request id, so its retries take the lease over at once. */
  owner?: string;
  /** How long the lease lasts without renewal (renewed every third of it). */
  leaseMs?: number;
  /** The invocation's remaining time (Lambda's context.getRemainingTimeInMillis). */
  remainingMs?: () => number;
  /** Writing stops when less than this remains (default 30 s). */
  reserveMs?: number;
  /** Versions kept for readers (default 3). */
  keepVersions?: number;
  /** Share of a table the corpus may remove (default 0.2) unless allowShrink. */
  maxShrink?: number;
  allowShrink?: boolean;
  /** Publish claims whose quote left their text as ORPHANED; without it such a run is refused (corpus-orphans.ts). */
  allowOrphans?: boolean;
  /** How long a dropped version's items outlive its dropping (default 60 s). */
  retireGraceMs?: number;
  /** Called before each batch write; a kill test reports progress from here. */
  beforeBatch?: (size: number) => void | Promise<void>;
  /** Called just before the publishing write. */
  beforePublish?: () => void | Promise<void>;
  /** Where the search index goes; defaults to the store the environment names, null for none. */
  searchIndex?: SearchIndexStore | null;
  /** The clock (tests move it to let a dead run's lease lapse). */
  now?: () => number;
}

/** A hash of the corpus content (and of the item format that stores it, so a new format rebuilds an unchanged corpus), one entry at a time. */
export function corpusHash(corpus: Corpus): string {
  const hash = createHash('sha256').update(`item-format-${String(ITEM_FORMAT)}`);
  for (const [list, entries] of Object.entries(corpus)) {
    hash.update(`\u0001${list}`);
    for (const entry of entries as unknown[]) hash.update('\u0000').update(stableJson(entry));
  }
  return hash.digest('base64url').slice(0, 32);
}

const isPointerOrLock = (item: Record<string, unknown>) => {
  const { pk, sk } = keys.current();
  return item.pk === pk && (item.sk === sk || item.sk === keys.lock().sk);
};

export async function refresh(
  ds: DataSources,
  source: CorpusSource,
  options: RefreshOptions = {},
): Promise<RefreshReport> {
  const started = performance.now();
  const now = options.now ?? Date.now;
  const { corpus, issues, lineIndex } = await readCorpus(source);
  const hash = corpusHash(corpus);
  const lease = new Lease(ds, {
    owner: options.owner ?? randomUUID(),
    leaseMs: options.leaseMs ?? LEASE_MS,
    now,
    remainingMs: options.remainingMs,
    reserveMs: options.reserveMs ?? DEADLINE_RESERVE_MS,
  });
  await lease.acquire();
  try {
    const run = new RefreshRun(ds, options, lease, now);
    const pointer = await readPointer(ds);
    const current = pointer?.kept[0];
    if (pointer !== undefined && current !== undefined && issues.length === 0 && current.contentHash === hash) {
      return { ...(await run.unchanged(pointer, current)), durationMs: Math.round(performance.now() - started) };
    }
    return {
      ...(await run.publish(corpus, issues, hash, pointer, lineIndex)),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await lease.release();
  }
}

/** What one pass over every table found. */
interface ScannedTables {
  /** The current version's items, whole. */
  current: Tables<Item[]>;
  /** Items of the target version a killed run already wrote: logical key → key and hash. */
  pending: Tables<Map<string, { item: Item; hash: unknown }>>;
  /** Deletes retention may run, and the versions they belong to. */
  garbage: Tables<WriteRequest[]>;
  garbageVersions: Set<number>;
}

class RefreshRun {
  private readonly keep: number;
  private readonly grace: number;

  constructor(
    private readonly ds: DataSources,
    private readonly options: RefreshOptions,
    private readonly lease: Lease,
    private readonly now: () => number,
  ) {
    this.keep = Math.max(1, options.keepVersions ?? DEFAULT_KEEP_VERSIONS);
    this.grace = options.retireGraceMs ?? RETIRE_GRACE_MS;
  }

  private searchStore = async () =>
    this.options.searchIndex === undefined ? await searchIndexStoreFromEnv() : (this.options.searchIndex ?? undefined);

  private isDue = (retired: { at: number }) => this.now() - retired.at >= this.grace;

  /** The corpus is the current version's: nothing to write, but retention may be due, and a lost search index is rebuilt. */
  async unchanged(pointer: VersionPointer, current: VersionRecord): Promise<Omit<RefreshReport, 'durationMs'>> {
    const store = await this.searchStore();
    // Lost, or written by code of an older index format: rebuilt under the name the version records.
    const missingIndex =
      store !== undefined &&
      current.searchIndex !== undefined &&
      !(await searchIndexReadable(store, current.searchIndex));
    const due = new Set(pointer.retired.filter(this.isDue).map((r) => r.number));
    let searchIndex: SearchIndexReport | undefined;
    let retention = emptyRetention();
    if (missingIndex || due.size > 0) {
      const currentItems = perTable<Item[]>(() => []);
      const garbage = perTable<WriteRequest[]>(() => []);
      await this.scan((table, item, version) => {
        if (version === current.number && missingIndex) currentItems[table].push(item);
        else if (version !== undefined && due.has(version)) garbage[table].push(deleteOf(table, item));
      });
      if (missingIndex)
        searchIndex = await updateSearchIndex(store, withDocumentTexts(currentItems), current.searchIndex);
      retention = await this.retain(pointer, garbage, due);
    }
    if (searchIndex === undefined && store !== undefined && current.searchIndex !== undefined) {
      const items = Object.values(recordedEntities(current)).reduce((n, count) => n + count, 0);
      searchIndex = { status: 'unchanged', location: store.location, hash: current.searchIndex, items, durationMs: 0 };
    }
    const entities = recordedEntities(current);
    const tables = perTable((t) => ({ ...noCounts(), unchanged: entities[t] }));
    return {
      status: 'unchanged',
      version: current.number,
      resumed: false,
      ...sumCounts(Object.values(tables)),
      writes: 0,
      tables,
      changes: { added: 0, updated: 0, removed: 0 },
      changePages: 0,
      anchors: { exact: 0, relocated: [], orphaned: [] },
      ...(searchIndex === undefined ? {} : { searchIndex }),
      retention,
    };
  }

  /** The corpus changed: the refresh as its steps (read, build, plan, write, index, publish, retain, report). */
  async publish(
    corpus: Corpus,
    issues: readonly CorpusIssue[],
    hash: string,
    pointer: VersionPointer | undefined,
    lineIndex?: LineIndex,
  ): Promise<Omit<RefreshReport, 'durationMs'>> {
    const versions = versionPlan(pointer, this.keep, this.grace > 0, this.isDue);
    const scanned = await this.read(versions);
    const built = this.build(corpus, issues, scanned.current, lineIndex);
    // Documents as they are served, their texts joined: a version of an earlier format compares like with like.
    const [before, after] = [withDocumentTexts(scanned.current), withDocumentTexts(built.tables)];
    const changes = diffEntities(servedEntities(before), servedEntities(after));
    const pages = changePages(changes);
    const { plans, resumed } = planWrites(versions.target, scanned.pending, {
      ...built.tables,
      documents: [...built.tables.documents, ...pages],
    });
    const { written, progress } = await this.write(versions.target, plans);
    const searchIndex = await this.index(after, progress);
    const record = this.record(versions.target, hash, built.tables, changes, searchIndex?.hash);
    const next = await this.publishPointer(pointer, versions, record, progress);
    const retention = await this.retain(
      next,
      scanned.garbage,
      new Set([...scanned.garbageVersions, ...next.retired.filter(this.isDue).map((r) => r.number)]),
    );
    const tables = entityCounts(before, after);
    return {
      status: 'published',
      version: versions.target,
      resumed,
      ...sumCounts(Object.values(tables)),
      writes: written,
      tables,
      changes: { added: record.added, updated: record.updated, removed: record.removed },
      changePages: pages.length,
      anchors: built.anchors,
      ...(searchIndex === undefined ? {} : { searchIndex }),
      retention,
    };
  }

  /** One pass over every table: the current version whole, the target's keys and hashes, and what retention may delete. */
  private async read({ previous, target, keptAfter, protectedRetired }: VersionPlan): Promise<ScannedTables> {
    const found: ScannedTables = {
      current: perTable(() => []),
      pending: perTable(() => new Map()),
      garbage: perTable(() => []),
      garbageVersions: new Set(),
    };
    const spared = (version: number) => keptAfter.has(version) || protectedRetired.has(version);
    await this.scan((table, item, version) => {
      if (version !== undefined && version === previous?.number) {
        found.current[table].push(item);
        // Dropped by this publication, with no grace asked for: it goes right after it.
        if (spared(version)) return;
        found.garbage[table].push(deleteOf(table, item));
        found.garbageVersions.add(version);
      } else if (version === target)
        found.pending[table].set(logicalKey(table, item), { item: { pk: item.pk, sk: item.sk }, hash: item.hash });
      else if (version !== undefined && spared(version)) return;
      else {
        // Versions no longer kept, items of a build that was never published, and items of the layout before versions.
        found.garbage[table].push(deleteOf(table, item));
        if (version !== undefined) found.garbageVersions.add(version);
      }
    });
    return found;
  }

  /**
   * Builds every item. Quotes are checked against the stored anchors (a known
   * claim whose words went is orphaned, a new one is an error), so every
   * problem is known only here; none has been written yet.
   */
  private build(corpus: Corpus, issues: readonly CorpusIssue[], current: Tables<Item[]>, lineIndex?: LineIndex) {
    const anchors = previousAnchors(current.claims);
    const built = buildItems(corpus, anchors);
    const annotate = (found: CorpusIssue[]) => lineIndex?.annotate(found) ?? found;
    if (issues.length > 0 || built.issues.length > 0)
      throw new InvalidCorpusError(annotate([...issues, ...built.issues]));
    const orphans = newOrphans(corpus, built.anchors.orphaned, (id) => anchors.get(id)?.status);
    if (orphans.length > 0 && this.options.allowOrphans !== true) throw new OrphansRefusedError(annotate(orphans));
    if (this.options.allowShrink !== true)
      guardShrink(current, built.tables, this.options.maxShrink ?? DEFAULT_MAX_SHRINK);
    return built;
  }

  /** Writes what the target version still lacks, checking the lease and the deadline before each batch. */
  private async write(target: number, plans: readonly TablePlan[]) {
    const total = plans.reduce((n, p) => n + p.puts.length + p.deletes.length, 0);
    let written = 0;
    const progress = () => `after writing ${written} of the ${total} items version ${target} still needed`;
    const beforeBatch = async (size: number) => {
      await this.lease.check(progress);
      await this.options.beforeBatch?.(size);
      written += size;
    };
    for (const plan of plans) await batchWrite(this.ds, plan.table, [...plan.puts, ...plan.deletes], beforeBatch);
    return { written, progress };
  }

  /** The target version's search index, when a store is in use (skipped when one with that content is stored). */
  private async index(tables: Tables<readonly HashedItem[]>, progress: () => string) {
    await this.lease.check(progress);
    const store = await this.searchStore();
    return store === undefined ? undefined : await updateSearchIndex(store, tables);
  }

  /** One conditional write of the pointer, over the version it replaces: readers move to the new version whole. */
  private async publishPointer(
    pointer: VersionPointer | undefined,
    versions: VersionPlan,
    record: VersionRecord,
    progress: () => string,
  ): Promise<VersionPointer> {
    const next: VersionPointer = {
      current: versions.target,
      kept: [record, ...(pointer?.kept ?? [])].slice(0, this.keep),
      retired: [
        ...(pointer?.retired ?? []),
        ...versions.droppedNow.map((v) => ({
          number: v.number,
          at: this.now(),
          ...(v.searchIndex === undefined ? {} : { searchIndex: v.searchIndex }),
        })),
      ],
    };
    await this.lease.check(progress);
    await this.options.beforePublish?.();
    await publishPointer(this.ds, next, versions.previous?.number);
    return next;
  }

  private record(
    number: number,
    contentHash: string,
    items: Tables<readonly Item[]>,
    changes: readonly { c: string }[],
    searchIndex: string | undefined,
  ): VersionRecord {
    const entities = (table: EntityTable, kind?: string) =>
      items[table].filter((i) => keys.isEntity(i, table) && (kind === undefined || i.kind === kind)).length;
    return {
      number,
      contentHash,
      publishedAt: new Date(this.now()).toISOString(),
      documents: entities('documents'),
      people: entities('people', 'PERSON'),
      organizations: entities('people', 'ORGANIZATION'),
      places: entities('people', 'PLACE'),
      events: entities('events'),
      claims: entities('claims'),
      added: changes.filter((c) => c.c === 'ADDED').length,
      updated: changes.filter((c) => c.c === 'UPDATED').length,
      removed: changes.filter((c) => c.c === 'REMOVED').length,
      items: perTable((t) => items[t].length),
      ...(searchIndex === undefined ? {} : { searchIndex }),
      // buildItems checked every entity item against this format.
      itemFormat: ITEM_FORMAT,
    };
  }

  /** Every item of every table, with its version (undefined for the pointer, the lease and items of the layout before versions). */
  private async scan(visit: (table: EntityTable, item: Item, version: number | undefined) => void): Promise<void> {
    await Promise.all(
      TABLE_LIST.map(async ({ name: table }) => {
        for await (const page of scanPages(this.ds, table)) {
          for (const item of page) {
            if (table === 'documents' && isPointerOrLock(item)) continue;
            visit(table, item, keys.versionOf(item[TABLES[table].partitionKey]));
          }
        }
      }),
    );
  }

  /**
   * Deletes what no reader can use any more: the items found for versions
   * that are neither kept nor within their grace, and the search indexes no
   * kept or recent version names. It runs after the publication, so it never
   * delays one; when time runs short it stops, and the next run goes on.
   */
  private async retain(
    pointer: VersionPointer,
    garbage: Tables<WriteRequest[]>,
    versions: ReadonlySet<number>,
  ): Promise<RetentionReport> {
    const started = performance.now();
    const { complete, deletedItems } = await this.deleteGarbage(garbage);
    const deletedSearchIndexes = complete ? await this.deleteUnnamedIndexes(pointer) : 0;
    const gone = pointer.retired.filter((r) => complete && versions.has(r.number));
    if (gone.length > 0)
      await updateRetired(
        this.ds,
        pointer.current,
        pointer.retired.filter((r) => !gone.includes(r)),
      );
    return {
      deletedVersions: complete ? [...versions].sort((a, b) => a - b) : [],
      deletedItems,
      deletedSearchIndexes,
      durationMs: Math.round(performance.now() - started),
    };
  }

  /** Runs retention's deletes until the deadline is near; `complete` says whether every one ran. */
  private async deleteGarbage(garbage: Tables<WriteRequest[]>) {
    let deletedItems = 0;
    // Set from the batch callbacks (an object, so the flow analysis sees it can change).
    const run = { complete: true };
    const stop = new Error('retention stopped for the deadline');
    await Promise.all(
      TABLE_LIST.map(async ({ name: table }) => {
        try {
          await batchWrite(this.ds, table, garbage[table], (size) => {
            if (!this.lease.hasTime()) throw stop;
            deletedItems += size;
          });
        } catch (error) {
          if (error !== stop) throw error;
          run.complete = false;
        }
      }),
    );
    return { complete: run.complete, deletedItems };
  }

  /** Removes the search indexes no kept or recently retired version names. */
  private async deleteUnnamedIndexes(pointer: VersionPointer): Promise<number> {
    const store = await this.searchStore();
    if (store === undefined) return 0;
    const named = new Set(
      [
        ...pointer.kept.map((v) => v.searchIndex),
        ...pointer.retired.filter((r) => !this.isDue(r)).map((r) => r.searchIndex),
      ].filter((h) => h !== undefined),
    );
    let deleted = 0;
    // Indexes are few (one per version at most), so listing them all is cheap.
    for (const hash of await store.list()) {
      if (named.has(hash)) continue;
      await store.remove(hash);
      deleted++;
    }
    return deleted;
  }
}

const emptyRetention = (): RetentionReport => ({
  deletedVersions: [],
  deletedItems: 0,
  deletedSearchIndexes: 0,
  durationMs: 0,
});
