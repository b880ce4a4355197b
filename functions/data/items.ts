/**
 * Storage item types, parsed with zod where items enter the code (reads from
 * DynamoDB). Resolvers receive these types; codegen maps GraphQL types to them.
 */
// zod/mini: the same parsing, a fraction of the bundle on the GraphQL request path.
import * as z from 'zod/mini';

export const partialDateSchema = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'));

const spanFields = { start: z.int().check(z.gte(0)), end: z.int().check(z.gte(0)) };

export const anchorStatusSchema = z.enum(['EXACT', 'RELOCATED', 'ORPHANED']);

const baseFields = {
  pk: z.string(),
  sk: z.string(),
  id: z.string(),
  hash: z.string(),
};

export const documentItemSchema = z.object({
  ...baseFields,
  kind: z.literal('DOCUMENT'),
  order: z.string(),
  title: z.string(),
  publisher: z.nullable(z.string()),
  url: z.nullable(z.string()),
  publishedOn: z.nullable(partialDateSchema),
  source: z.string(),
  text: z.string(),
  authorIds: z.array(z.string()),
  personIds: z.array(z.string()),
  eventIds: z.array(z.string()),
  claimIds: z.array(z.string()),
});
export type DocumentItem = z.infer<typeof documentItemSchema>;

export const personItemSchema = z.object({
  ...baseFields,
  kind: z.literal('PERSON'),
  order: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  description: z.nullable(z.string()),
  authoredIds: z.array(z.string()),
  mentionedInIds: z.array(z.string()),
  claimIds: z.array(z.string()),
});
export type PersonItem = z.infer<typeof personItemSchema>;

export const reportedDateSchema = z.object({
  documentId: z.string(),
  date: partialDateSchema,
  quote: z.string(),
  ...spanFields,
});
export type ReportedDateItem = z.infer<typeof reportedDateSchema>;

export const eventItemSchema = z.object({
  ...baseFields,
  kind: z.literal('EVENT'),
  order: z.string(),
  title: z.string(),
  date: partialDateSchema,
  /** Last day the date covers (YYYY-MM-DD); start is the first part of `order`. */
  endDay: z.string(),
  /** `EVENT#<precision>`: the byDate index partition. */
  datePartition: z.string(),
  /** 1-based position in its partition by `order`: counts of date ranges are differences of ranks. */
  rank: z.int().check(z.gte(1)),
  description: z.nullable(z.string()),
  participantIds: z.array(z.string()),
  documentIds: z.array(z.string()),
  claimIds: z.array(z.string()),
  reportedDates: z.array(reportedDateSchema),
});
export type EventItem = z.infer<typeof eventItemSchema>;

export const anchorSchema = z.object({
  prefix: z.string(),
  suffix: z.string(),
  codePointStart: z.int().check(z.gte(0)),
  codePointEnd: z.int().check(z.gte(0)),
  status: anchorStatusSchema,
});
export type AnchorItem = z.infer<typeof anchorSchema>;

export const claimKindSchema = z.enum(['DIRECT_QUOTE', 'PARAPHRASE', 'AUTHOR_ASSERTION']);

export const claimItemSchema = z.object({
  ...baseFields,
  kind: z.literal('CLAIM'),
  order: z.string(),
  documentId: z.string(),
  speakerId: z.optional(z.string()),
  claimKind: claimKindSchema,
  text: z.string(),
  quote: z.string(),
  ...spanFields,
  anchor: anchorSchema,
  eventIds: z.array(z.string()),
});
export type ClaimItem = z.infer<typeof claimItemSchema>;

/** Relationship item of the claims table: one per (claim, event), indexed by `ref`. */
export const claimEventItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  ref: z.string(),
  order: z.string(),
  claimId: z.string(),
  hash: z.string(),
});
export type ClaimEventItem = z.infer<typeof claimEventItemSchema>;

/** Per-table item count kept by the seed refresh (not indexed, never listed). */
export const countItemSchema = z.object({
  pk: z.literal('#META'),
  sk: z.literal('#COUNT'),
  count: z.int().check(z.gte(0)),
  hash: z.string(),
});
export type CountItem = z.infer<typeof countItemSchema>;

export const META_PK = '#META';
export const COUNT_SK = '#COUNT';
export const LOCK_SK = '#LOCK';
