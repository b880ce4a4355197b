/**
 * Storage item types and their zod schemas: the refresh checks the entity items
 * it writes (see ITEM_FORMAT), reads parse what is not known to be checked.
 * Resolvers receive these types; codegen maps GraphQL types to them.
 */
// zod/mini: the same parsing, a fraction of the bundle on the GraphQL request path.
import * as z from 'zod/mini';
import { PARTIAL_DATE_PATTERN } from '../shared/dates.js';

export const partialDateSchema = z.string().check(z.regex(PARTIAL_DATE_PATTERN, 'dates are YYYY, YYYY-MM or YYYY-MM-DD'));

/** The relations the corpus writes (once per pair); QUALIFIED_BY is QUALIFIES seen from the other claim. */
export const CLAIM_PAIR_KINDS = ['SUPPORTS', 'CONTRADICTS', 'QUALIFIES'] as const;
export const CLAIM_RELATION_KINDS = [...CLAIM_PAIR_KINDS, 'QUALIFIED_BY'] as const;
export const EVENT_RELATION_KINDS = ['PRECEDES', 'FOLLOWS', 'PART_OF', 'HAS_PART'] as const;

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
  organizationIds: z.array(z.string()),
  placeIds: z.array(z.string()),
  eventIds: z.array(z.string()),
  claimIds: z.array(z.string()),
});
export type DocumentItem = z.infer<typeof documentItemSchema>;

/** Fields of every named subject; the people table holds people, organizations and places. */
const subjectFields = {
  ...baseFields,
  order: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  description: z.nullable(z.string()),
  mentionedInIds: z.array(z.string()),
  /** Claims about the subject, by anyone, in reading order. */
  claimsAboutIds: z.array(z.string()),
};

export const personItemSchema = z.object({
  ...subjectFields,
  kind: z.literal('PERSON'),
  authoredIds: z.array(z.string()),
  /** Claims the person made. */
  claimIds: z.array(z.string()),
});
export type PersonItem = z.infer<typeof personItemSchema>;

export const ORGANIZATION_KINDS = ['STATE', 'GOVERNMENT_BODY', 'INTERNATIONAL', 'COMPANY', 'MEDIA_OR_THINK_TANK', 'OTHER'] as const;

export const organizationItemSchema = z.object({
  ...subjectFields,
  kind: z.literal('ORGANIZATION'),
  /** Also the partition of the byOrganizationKind index. */
  organizationKind: z.enum(ORGANIZATION_KINDS),
  /** Claims the organization made, where a body speaks. */
  claimIds: z.array(z.string()),
});
export type OrganizationItem = z.infer<typeof organizationItemSchema>;

export const placeItemSchema = z.object({
  ...subjectFields,
  kind: z.literal('PLACE'),
  eventIds: z.array(z.string()),
});
export type PlaceItem = z.infer<typeof placeItemSchema>;

/** Any item of the people table, told apart by `kind`. */
export const subjectItemSchema = z.discriminatedUnion('kind', [personItemSchema, organizationItemSchema, placeItemSchema]);
export type SubjectItem = z.infer<typeof subjectItemSchema>;

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
  /** The byDate index partition of the event's own date (keys.eventDatePartition). */
  datePartition: z.string(),
  /** 1-based position in its partition by `order`: counts of date ranges are differences of ranks. */
  rank: z.int().check(z.gte(1)),
  description: z.nullable(z.string()),
  aliases: z.array(z.string()),
  participantIds: z.array(z.string()),
  placeIds: z.array(z.string()),
  documentIds: z.array(z.string()),
  claimIds: z.array(z.string()),
  reportedDates: z.array(reportedDateSchema),
  /** Links to other events, already inverted on the other side (PRECEDES here is FOLLOWS there). */
  related: z.array(z.object({ kind: z.enum(EVENT_RELATION_KINDS), eventId: z.string() })),
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

/** The one list of claim kinds (the corpus schema and the stored items both use it). */
export const CLAIM_KINDS = ['DIRECT_QUOTE', 'PARAPHRASE', 'AUTHOR_ASSERTION'] as const;
export const claimKindSchema = z.enum(CLAIM_KINDS);


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
  /** Who or what the claim is about: people, organizations and places (from the people table) and events. */
  about: z.array(z.object({ table: z.enum(['people', 'events']), id: z.string() })),
  /** The ids of `about`, flat, for list filters. */
  aboutIds: z.array(z.string()),
  speakerOrganizationId: z.optional(z.string()),
  statedOn: z.nullable(partialDateSchema),
  /** Relations as this claim sees them (the corpus writes each once; the refresh puts it on both claims). */
  relations: z.array(z.object({ kind: z.enum(CLAIM_RELATION_KINDS), claimId: z.string(), note: z.nullable(z.string()) })),
});
export type ClaimItem = z.infer<typeof claimItemSchema>;

/**
 * The format of the stored entity items: the schemas above. The refresh checks
 * every entity item it builds against them and records this number in the
 * version it publishes; the API then trusts that version's entity items as
 * read, instead of parsing each one again on every request (about 1 ms of CPU
 * for the 250 items of the deep example query, 6% of its time). Items of a
 * version recorded with another format, or none, are parsed on every read.
 * Bump it with any change to the stored items (these schemas, or what the
 * tables hold): the next refresh then rebuilds even an unchanged corpus.
 * (3: versioned items without per-version count items.)
 */
export const ITEM_FORMAT = 3;

/** The entity item schema of each table (the people table holds people, organizations and places). */
export const ENTITY_ITEM_SCHEMAS = {
  documents: documentItemSchema,
  people: subjectItemSchema,
  events: eventItemSchema,
  claims: claimItemSchema,
} as const;

/**
 * Relationship item of the claims table: one per (claim, subject it is about,
 * events included), in the byRef partition of the subject. It repeats what the
 * other filters test, under names no other index uses, so a filtered page is
 * one index read.
 */
export const claimAboutItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  ref: z.string(),
  order: z.string(),
  claimId: z.string(),
  refDocumentId: z.string(),
  refSpeakerId: z.optional(z.string()),
  refClaimKind: claimKindSchema,
  refAboutIds: z.array(z.string()),
  hash: z.string(),
});
export type ClaimAboutItem = z.infer<typeof claimAboutItemSchema>;

/** A related pair of claims, listed once: in the all-pairs partition and in the partition of each subject of either claim. */
export const claimPairItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  ref: z.string(),
  order: z.string(),
  pairKind: z.enum(CLAIM_PAIR_KINDS),
  claimId: z.string(),
  otherId: z.string(),
  note: z.nullable(z.string()),
  hash: z.string(),
});
export type ClaimPairItem = z.infer<typeof claimPairItemSchema>;

/**
 * One per distinct date of an event (its own and every reported one), in the
 * `DATES#<precision>` partitions of byDate. `earlierEnd` is the last day the
 * event's earlier dates cover: a range keeps this item only when none of them
 * reached it, so each event is listed once, at its first date in range. It
 * carries a copy of the event, so a page of events by any date is one read.
 */
export const eventDateItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  datePartition: z.string(),
  order: z.string(),
  eventId: z.string(),
  endDay: z.string(),
  earlierEnd: z.string(),
  event: eventItemSchema,
  hash: z.string(),
});
export type EventDateItem = z.infer<typeof eventDateItemSchema>;
