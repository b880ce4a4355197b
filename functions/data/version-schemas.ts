/**
 * The zod schemas of the version pointer and of the change pages
 * (version-store.ts), and the types inferred from them. The GraphQL function
 * imports this module with its first read of the pointer, beside that read
 * rather than at start-up; modules that need only its types import them as
 * types, which loads nothing.
 */
import * as z from 'zod/mini';

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

export const versionPointerSchema = z.object({
  current: z.int().check(z.gte(1)),
  /** The versions readers may use, newest (the current one) first. */
  kept: z.array(versionRecordSchema).check(z.minLength(1)),
  /** Versions no longer kept whose items may still exist, with when they were dropped (ms since the epoch). */
  retired: z.array(z.object({ number: z.int(), at: z.number(), searchIndex: z.optional(z.string()) })),
});

export const changeSchema = z.object({ c: z.enum(CHANGE_KINDS), t: z.enum(ENTITY_TYPES), id: z.string() });
export const changePageSchema = z.object({ pk: z.string(), sk: z.string(), changes: z.array(changeSchema) });

export type VersionRecord = z.infer<typeof versionRecordSchema>;
export type VersionPointer = z.infer<typeof versionPointerSchema>;
export type ChangeEntry = z.infer<typeof changeSchema>;
