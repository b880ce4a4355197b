/**
 * Published versions: the pointer that names the current version and the
 * versions still kept (one item, `#META` / `#CURRENT` in the documents table),
 * and the change pages each version wrote beside its items. Publishing is one
 * conditional Put of the pointer: it succeeds only over the version it
 * replaces, so two refreshes can never both publish, and a reader that reads
 * the pointer sees either the old version or the new one, whole.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { DataSources } from './client.js';
import { keys } from './keys.js';
import { queryPage } from './table-store.js';
import { TABLES } from './tables.js';

export const ENTITY_TYPES = ['DOCUMENT', 'PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'CLAIM'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const CHANGE_KINDS = ['ADDED', 'UPDATED', 'REMOVED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const count = z.int().check(z.gte(0));

/** One published version, as the pointer keeps it (the GraphQL CorpusVersion reads these fields). */
export const versionRecordSchema = z.object({
  number: z.int().check(z.gte(1)),
  contentHash: z.string(),
  publishedAt: z.string(),
  documents: count,
  people: count,
  organizations: count,
  places: count,
  events: count,
  claims: count,
  /** What the version changed against the one before it. */
  added: count,
  updated: count,
  removed: count,
  /** Items of each table (what a rerun of the same corpus reports as unchanged). */
  items: z.record(z.string(), count),
  /** Content hash of the version's search index (versions with the same searchable content share one). */
  searchIndex: z.optional(z.string()),
  /** The item format (ITEM_FORMAT) its entity items were checked against when written; absent before formats were recorded. */
  itemFormat: z.optional(z.int()),
});
export type VersionRecord = z.infer<typeof versionRecordSchema>;

export const versionPointerSchema = z.object({
  current: z.int().check(z.gte(1)),
  /** The versions readers may use, newest (the current one) first. */
  kept: z.array(versionRecordSchema).check(z.minLength(1)),
  /** Versions no longer kept whose items may still exist, with when they were dropped (ms since the epoch). */
  retired: z.array(z.object({ number: z.int(), at: z.number(), searchIndex: z.optional(z.string()) })),
});
export type VersionPointer = z.infer<typeof versionPointerSchema>;

export const changeSchema = z.object({ c: z.enum(CHANGE_KINDS), t: z.enum(ENTITY_TYPES), id: z.string() });
export type ChangeEntry = z.infer<typeof changeSchema>;
export const changePageSchema = z.object({ pk: z.string(), sk: z.string(), changes: z.array(changeSchema) });

/** Changes per page item: about 1 KB, so a first load's changes cost a few percent of its writes, not one write each. */
export const CHANGES_PER_PAGE = 25;

/** The current pointer, or undefined before the first publication. */
export async function readPointer(ds: DataSources): Promise<VersionPointer | undefined> {
  const out = await ds.db.send(new GetCommand({ TableName: ds.tables.documents, Key: keys.current(), ConsistentRead: true }));
  return out.Item === undefined ? undefined : versionPointerSchema.parse(out.Item);
}

export class PublishConflictError extends Error {
  constructor(expected: number | undefined) {
    super(
      `Publication refused: the current version is no longer ${expected === undefined ? 'absent' : String(expected)} ` +
        '(another refresh published meanwhile); nothing was published, and the next run starts from the new version.',
    );
    this.name = 'PublishConflictError';
  }
}

/** The one atomic write that makes a version current: a Put conditioned on the version it replaces. */
export async function publishPointer(ds: DataSources, next: VersionPointer, replaces: number | undefined): Promise<void> {
  const pk = TABLES.documents.partitionKey;
  try {
    await ds.db.send(
      new PutCommand({
        TableName: ds.tables.documents,
        Item: { ...keys.current(), ...next },
        ConditionExpression: replaces === undefined ? 'attribute_not_exists(#pk)' : '#current = :replaces',
        ExpressionAttributeNames: replaces === undefined ? { '#pk': pk } : { '#current': 'current' },
        ...(replaces === undefined ? {} : { ExpressionAttributeValues: { ':replaces': replaces } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new PublishConflictError(replaces);
    throw error;
  }
}

/** Forgets retired versions whose items are gone; a no-op when another version was published meanwhile. */
export async function updateRetired(ds: DataSources, current: number, retired: VersionPointer['retired']): Promise<void> {
  try {
    await ds.db.send(
      new UpdateCommand({
        TableName: ds.tables.documents,
        Key: keys.current(),
        UpdateExpression: 'SET #retired = :retired',
        ConditionExpression: '#current = :current',
        ExpressionAttributeNames: { '#retired': 'retired', '#current': 'current' },
        ExpressionAttributeValues: { ':retired': retired, ':current': current },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Where a changes cursor stands: the version and how many of its changes were already returned. */
export interface ChangesPosition {
  version: number;
  offset: number;
}

export interface ChangeModel {
  kind: ChangeKind;
  type: EntityType;
  id: string;
  version: number;
}

/**
 * A page of the changes of `versions` (oldest first), from `after`. Every
 * version's partition is read in parallel (a page reads a few page items from
 * each), so the page costs one round trip however many versions it spans.
 */
export async function listChanges(
  ds: DataSources,
  versions: readonly VersionRecord[],
  first: number,
  after: ChangesPosition | undefined,
): Promise<{ items: { item: ChangeModel; position: ChangesPosition }[]; hasNextPage: boolean }> {
  const total = (v: VersionRecord) => v.added + v.updated + v.removed;
  const from = versions.filter((v) => after === undefined || v.number >= after.version);
  const reads = await Promise.all(
    from.map(async (v) => {
      const offset = after !== undefined && v.number === after.version ? after.offset : 0;
      if (first === 0 || offset >= total(v)) return [];
      const startPage = Math.floor(offset / CHANGES_PER_PAGE);
      const pages = Math.ceil((offset - startPage * CHANGES_PER_PAGE + first) / CHANGES_PER_PAGE);
      const page = await queryPage(ds, {
        table: 'documents',
        keyCondition: '#pk = :pk AND #sk >= :from',
        names: { '#pk': TABLES.documents.partitionKey, '#sk': TABLES.documents.sortKey },
        values: { ':pk': keys.changesPartition(v.number), ':from': keys.changePage(startPage).sk },
        forward: true,
        first: pages,
      });
      const entries = page.items.flatMap((raw) => changePageSchema.parse(raw).changes);
      return entries.slice(offset - startPage * CHANGES_PER_PAGE).map((c, i) => ({
        item: { kind: c.c, type: c.t, id: c.id, version: v.number },
        position: { version: v.number, offset: offset + i + 1 },
      }));
    }),
  );
  const remaining = from.reduce((n, v) => n + total(v), 0) - (after === undefined ? 0 : after.offset);
  return { items: reads.flat().slice(0, first), hasNextPage: remaining > first };
}
