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
import { claimItemSchema } from '../data/item-schemas.js';
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
import { updateSearchIndex, type SearchIndexReport } from '../search/search-index-refresh.js';
import { DEFAULT_KEEP_VERSIONS, LEASE_MS } from '../shared/constants.js';
import { InvalidCorpusError, ShrinkRefusedError } from '../shared/errors.js';
import { changePages, diffEntities, entityIds, servedEntities } from './changes.js';
import type { LineIndex } from './corpus-lines.js';
import { OrphansRefusedError, newOrphans } from './corpus-orphans.js';
import { readCorpus } from './corpus-reader.js';
import type { CorpusIssue } from './corpus-issues.js';
import type { Corpus } from './corpus-schema.js';
import type { CorpusSource } from './corpus-source.js';
import { DEFAULT_MAX_SHRINK, shrinkProblems } from './guards.js';
import { buildItems, stableJson, type AnchorReport, type PreviousClaimAnchor } from './item-builder.js';
import { DEADLINE_RESERVE_MS, Lease } from './lease.js';

/**
 * How long a dropped version's items stay after the publication that dropped
 * it: readers cache the pointer for 5 s and the GraphQL function times out
 * after 10 s, so after a minute no request can still be reading it.
 */
export const RETIRE_GRACE_MS = 60_000;

export interface TableCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

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
  /** Items written for the new version (puts and deletes): 0 when the corpus is unchanged. Retention is counted apart. */
  writes: number;
  /** Items compared with the previous version. */
  tables: Record<EntityTable, TableCounts>;
  /** Entities added, updated and removed (the change feed). */
  changes: { added: number; updated: number; removed: number };
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

type Tables<T> = Record<EntityTable, T>;
const perTable = <T>(make: (table: EntityTable) => T): Tables<T> =>
  Object.fromEntries(TABLE_LIST.map((t) => [t.name, make(t.name)])) as Tables<T>;

/** Where an item is, without its version: two versions' items are compared on it. */
const logicalKey = (table: EntityTable, item: Record<string, unknown>) =>
  `${keys.logical(String(item[TABLES[table].partitionKey]))}\u0000${String(item[TABLES[table].sortKey])}`;
const deleteOf = (table: EntityTable, item: Record<string, unknown>): WriteRequest => ({
  DeleteRequest: {
    Key: {
      [TABLES[table].partitionKey]: item[TABLES[table].partitionKey],
      [TABLES[table].sortKey]: item[TABLES[table].sortKey],
    },
  },
});

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
    const missingIndex =
      store !== undefined && current.searchIndex !== undefined && !(await store.has(current.searchIndex));
    const due = new Set(pointer.retired.filter(this.isDue).map((r) => r.number));
    let searchIndex: SearchIndexReport | undefined;
    let retention = emptyRetention();
    if (missingIndex || due.size > 0) {
      const currentItems = perTable<Record<string, unknown>[]>(() => []);
      const garbage = perTable<WriteRequest[]>(() => []);
      await this.scan((table, item, version) => {
        if (version === current.number && missingIndex) currentItems[table].push(item);
        else if (version !== undefined && due.has(version)) garbage[table].push(deleteOf(table, item));
      });
      if (missingIndex) searchIndex = await updateSearchIndex(store, currentItems);
      retention = await this.retain(pointer, garbage, due);
    }
    if (searchIndex === undefined && store !== undefined && current.searchIndex !== undefined) {
      const items =
        current.documents + current.people + current.organizations + current.places + current.events + current.claims;
      searchIndex = { status: 'unchanged', location: store.location, hash: current.searchIndex, items, durationMs: 0 };
    }
    const tables = perTable((t) => ({ created: 0, updated: 0, deleted: 0, unchanged: current.items[t] ?? 0 }));
    return {
      status: 'unchanged',
      version: current.number,
      resumed: false,
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: Object.values(tables).reduce((n, t) => n + t.unchanged, 0),
      writes: 0,
      tables,
      changes: { added: 0, updated: 0, removed: 0 },
      anchors: { exact: 0, relocated: [], orphaned: [] },
      ...(searchIndex === undefined ? {} : { searchIndex }),
      retention,
    };
  }

  async publish(
    corpus: Corpus,
    issues: readonly CorpusIssue[],
    hash: string,
    pointer: VersionPointer | undefined,
    lineIndex?: LineIndex,
  ): Promise<Omit<RefreshReport, 'durationMs'>> {
    const previous = pointer?.kept[0];
    const target = (previous?.number ?? 0) + 1;
    const keptAfter = new Set([target, ...(pointer?.kept ?? []).map((v) => v.number)].slice(0, this.keep));
    const droppedNow = (pointer?.kept ?? []).filter((v) => !keptAfter.has(v.number));
    const protectedRetired = new Set([
      ...(pointer?.retired ?? []).filter((r) => !this.isDue(r)).map((r) => r.number),
      ...(this.grace > 0 ? droppedNow.map((v) => v.number) : []),
    ]);

    // One pass over every table: the current version whole, the target's keys and hashes, and what retention may delete.
    const currentItems = perTable<Record<string, unknown>[]>(() => []);
    const pending = perTable(() => new Map<string, { item: Record<string, unknown>; hash: unknown }>());
    const garbage = perTable<WriteRequest[]>(() => []);
    const garbageVersions = new Set<number>();
    await this.scan((table, item, version) => {
      if (version !== undefined && version === previous?.number) {
        currentItems[table].push(item);
        // Dropped by this publication, with no grace asked for: it goes right after it.
        if (keptAfter.has(version) || protectedRetired.has(version)) return;
        garbage[table].push(deleteOf(table, item));
        garbageVersions.add(version);
      } else if (version === target)
        pending[table].set(logicalKey(table, item), { item: { pk: item.pk, sk: item.sk }, hash: item.hash });
      else if (version !== undefined && (keptAfter.has(version) || protectedRetired.has(version))) return;
      else {
        // Versions no longer kept, items of a build that was never published, and items of the layout before versions.
        garbage[table].push(deleteOf(table, item));
        if (version !== undefined) garbageVersions.add(version);
      }
    });

    const anchors = new Map<string, PreviousClaimAnchor>();
    for (const item of currentItems.claims) {
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
    // Quotes are checked against the stored anchors (a known claim whose words went is orphaned,
    // a new one is an error), so every problem is known only here; none has been written yet.
    const built = buildItems(corpus, anchors);
    const annotate = (found: CorpusIssue[]) => lineIndex?.annotate(found) ?? found;
    if (issues.length > 0 || built.issues.length > 0)
      throw new InvalidCorpusError(annotate([...issues, ...built.issues]));
    const orphans = newOrphans(corpus, built.anchors.orphaned, (id) => anchors.get(id)?.status);
    if (orphans.length > 0 && this.options.allowOrphans !== true) throw new OrphansRefusedError(annotate(orphans));

    if (this.options.allowShrink !== true) {
      const problems = shrinkProblems(
        TABLE_LIST.map(({ name }) => {
          const before = entityIds(currentItems, name);
          const after = entityIds(built.tables, name);
          return {
            table: name,
            before: before.size,
            after: after.size,
            removed: [...before].filter((id) => !after.has(id)).length,
          };
        }),
        this.options.maxShrink ?? DEFAULT_MAX_SHRINK,
      );
      if (problems.length > 0) throw new ShrinkRefusedError(problems);
    }

    const changes = diffEntities(servedEntities(currentItems), servedEntities(built.tables));
    const wanted: Tables<(Record<string, unknown> & { hash: string })[]> = {
      ...built.tables,
      documents: [...built.tables.documents, ...changePages(changes)],
    };

    // What the target version still needs, and how it differs from the previous one (the report).
    const tables = perTable<TableCounts>(() => ({ created: 0, updated: 0, deleted: 0, unchanged: 0 }));
    const plans: { table: EntityTable; puts: WriteRequest[]; deletes: WriteRequest[] }[] = [];
    let resumed = false;
    for (const { name: table } of TABLE_LIST) {
      const before = new Map(currentItems[table].map((item) => [logicalKey(table, item), item.hash]));
      for (const item of built.tables[table]) {
        const old = before.get(logicalKey(table, item));
        tables[table][old === undefined ? 'created' : old === item.hash ? 'unchanged' : 'updated']++;
      }
      const builtKeys = new Set(built.tables[table].map((item) => logicalKey(table, item)));
      tables[table].deleted = [...before.keys()].filter((key) => !builtKeys.has(key)).length;

      const already = pending[table];
      if (already.size > 0) resumed = true;
      const puts: WriteRequest[] = [];
      const keep = new Set<string>();
      for (const item of wanted[table]) {
        const key = logicalKey(table, item);
        keep.add(key);
        if (already.get(key)?.hash !== item.hash) puts.push({ PutRequest: { Item: keys.stored(table, item, target) } });
      }
      const deletes = [...already].filter(([key]) => !keep.has(key)).map(([, { item }]) => deleteOf(table, item));
      plans.push({ table, puts, deletes });
    }

    const total = plans.reduce((n, p) => n + p.puts.length + p.deletes.length, 0);
    let written = 0;
    const progress = () => `after writing ${written} of the ${total} items version ${target} still needed`;
    const beforeBatch = async (size: number) => {
      await this.lease.check(progress);
      await this.options.beforeBatch?.(size);
      written += size;
    };
    for (const plan of plans) await batchWrite(this.ds, plan.table, [...plan.puts, ...plan.deletes], beforeBatch);

    await this.lease.check(progress);
    const store = await this.searchStore();
    const searchIndex = store === undefined ? undefined : await updateSearchIndex(store, built.tables);

    const record = this.record(target, hash, built.tables, changes, searchIndex?.hash);
    const next: VersionPointer = {
      current: target,
      kept: [record, ...(pointer?.kept ?? [])].slice(0, this.keep),
      retired: [
        ...(pointer?.retired ?? []),
        ...droppedNow.map((v) => ({
          number: v.number,
          at: this.now(),
          ...(v.searchIndex === undefined ? {} : { searchIndex: v.searchIndex }),
        })),
      ],
    };
    await this.lease.check(progress);
    await this.options.beforePublish?.();
    await publishPointer(this.ds, next, previous?.number);

    const retention = await this.retain(
      next,
      garbage,
      new Set([...garbageVersions, ...next.retired.filter(this.isDue).map((r) => r.number)]),
    );
    const sum = Object.values(tables).reduce(
      (s, c) => ({
        created: s.created + c.created,
        updated: s.updated + c.updated,
        deleted: s.deleted + c.deleted,
        unchanged: s.unchanged + c.unchanged,
      }),
      { created: 0, updated: 0, deleted: 0, unchanged: 0 },
    );
    return {
      status: 'published',
      version: target,
      resumed,
      ...sum,
      writes: written,
      tables,
      changes: { added: record.added, updated: record.updated, removed: record.removed },
      anchors: built.anchors,
      ...(searchIndex === undefined ? {} : { searchIndex }),
      retention,
    };
  }

  private record(
    number: number,
    contentHash: string,
    items: Tables<readonly Record<string, unknown>[]>,
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
  private async scan(
    visit: (table: EntityTable, item: Record<string, unknown>, version: number | undefined) => void,
  ): Promise<void> {
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
    let deletedSearchIndexes = 0;
    const store = await this.searchStore();
    const { complete } = run;
    if (complete && store !== undefined) {
      const named = new Set(
        [
          ...pointer.kept.map((v) => v.searchIndex),
          ...pointer.retired.filter((r) => !this.isDue(r)).map((r) => r.searchIndex),
        ].filter((h) => h !== undefined),
      );
      // Indexes are few (one per version at most), so listing them all is cheap.
      for (const hash of await store.list()) {
        if (named.has(hash)) continue;
        await store.remove(hash);
        deletedSearchIndexes++;
      }
    }
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
}

const emptyRetention = (): RetentionReport => ({
  deletedVersions: [],
  deletedItems: 0,
  deletedSearchIndexes: 0,
  durationMs: 0,
});
