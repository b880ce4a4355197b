/**
 * The zod schemas of the stored items (ITEM_FORMAT in item-constants.ts). The refresh
 * checks every item it builds against them; reads use them only for a version
 * written in another format (stored-items.ts), so the GraphQL function loads
 * this module on such a read and not at a cold start.
 */
// zod/mini: the same parsing, a fraction of the bundle.
import * as z from 'zod/mini';
import { PARTIAL_DATE_PATTERN } from '../shared/dates.js';
import {
  CLAIM_KINDS,
  CLAIM_PAIR_KINDS,
  CLAIM_RELATION_KINDS,
  EVENT_RELATION_KINDS,
  ORGANIZATION_KINDS,
} from './item-constants.js';
import type { EntityTable } from './tables.js';

export const partialDateSchema = z
  .string()
  .check(z.regex(PARTIAL_DATE_PATTERN, 'dates are YYYY, YYYY-MM or YYYY-MM-DD'));

const spanFields = { start: z.int().check(z.gte(0)), end: z.int().check(z.gte(0)) };

export const anchorStatusSchema = z.enum(['EXACT', 'RELOCATED', 'ORPHANED']);

const baseFields = {
  pk: z.string(),
  sk: z.string(),
  id: z.string(),
  hash: z.string(),
};

/**
 * A document's entity item. From item format 8 its text is an item of its
 * own (documentTextItemSchema), read only by a query that asks for it; items
 * of earlier formats still carry `text` here, and their readers use it.
 */
export const storedDocumentItemSchema = z.object({
  ...baseFields,
  kind: z.literal('DOCUMENT'),
  order: z.string(),
  title: z.string(),
  publisher: z.nullable(z.string()),
  /** The outlet's organization id (item format 7). */
  publisherOrganizationId: z.optional(z.string()),
  url: z.nullable(z.string()),
  publishedOn: z.nullable(partialDateSchema),
  source: z.string(),
  /** Only in items of formats before 8. */
  text: z.optional(z.string()),
  authorIds: z.array(z.string()),
  /**
   * The same authors with their names: a list that asks an author for nothing
   * but id and name is answered from here, without reading the people table
   * (Document.authors). A version is written whole, so the names are those of
   * the same version's person items. Optional: documents written before item
   * format 5 lack it, and their authors are read from the people table.
   */
  authors: z.optional(z.array(z.object({ id: z.string(), name: z.string() }))),
  personIds: z.array(z.string()),
  organizationIds: z.array(z.string()),
  placeIds: z.array(z.string()),
  eventIds: z.array(z.string()),
  claimIds: z.array(z.string()),
});

/** A document with its text: what the refresh builds (and search indexes) before the text goes to its own item. */
export const documentItemSchema = z.extend(storedDocumentItemSchema, { text: z.string() });

/** A document's text, beside its entity item (`sk` TEXT, item format 8): no index lists it. */
export const documentTextItemSchema = z.object({
  ...baseFields,
  text: z.string(),
});

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

export const organizationItemSchema = z.object({
  ...subjectFields,
  kind: z.literal('ORGANIZATION'),
  /** Also the partition of the byOrganizationKind index. */
  organizationKind: z.enum(ORGANIZATION_KINDS),
  /** Claims the organization made, where a body speaks. */
  claimIds: z.array(z.string()),
});

export const placeItemSchema = z.object({
  ...subjectFields,
  kind: z.literal('PLACE'),
  eventIds: z.array(z.string()),
});

/** Any named subject of the people table, told apart by `kind`. */
export const subjectItemSchema = z.discriminatedUnion('kind', [
  personItemSchema,
  organizationItemSchema,
  placeItemSchema,
]);

/** A topic of the controlled list, listed by name beside the subjects (its own `TOPIC` list partition). */
export const topicItemSchema = z.object({
  ...baseFields,
  kind: z.literal('TOPIC'),
  order: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  description: z.nullable(z.string()),
  /**
   * How many claims address the topic. A topic is shared by the whole corpus, so its claims are
   * not listed here (the list would outgrow DynamoDB's 400 KB item as the corpus grows): they are
   * the topic's `TOPIC#` partition of the claims table's byRef index.
   */
  claimCount: z.optional(z.number()),
  /** Items of format 7 and 8 still list them, and still count that way. */
  claimIds: z.optional(z.array(z.string())),
  /** Events that address the topic, chronological. */
  eventIds: z.array(z.string()),
});

/** Any entity item of the people table: a named subject or a topic. */
export const peopleTableItemSchema = z.discriminatedUnion('kind', [
  personItemSchema,
  organizationItemSchema,
  placeItemSchema,
  topicItemSchema,
]);

export const reportedDateSchema = z.object({
  documentId: z.string(),
  date: partialDateSchema,
  quote: z.string(),
  ...spanFields,
  /** The editors' reading of words that state no date (the corpus's `inferred`), with how it was derived. */
  inferred: z.optional(z.boolean()),
  inference: z.optional(z.string()),
});

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
  /** Stated dates that cannot both be right (the refresh's rule, functions/refresh/corpus-dates.ts). */
  disputed: z.optional(z.boolean()),
  /** Links to other events, already inverted on the other side (PRECEDES here is FOLLOWS there). */
  related: z.array(z.object({ kind: z.enum(EVENT_RELATION_KINDS), eventId: z.string() })),
  /** Topics the event addresses, by name (item format 7). */
  topicIds: z.optional(z.array(z.string())),
});

export const anchorSchema = z.object({
  prefix: z.string(),
  suffix: z.string(),
  codePointStart: z.int().check(z.gte(0)),
  codePointEnd: z.int().check(z.gte(0)),
  status: anchorStatusSchema,
});

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
  /**
   * The text directive that opens the document's URL at the quote (`:~:text=…`), made by the refresh from the
   * document's text, so a claim's link and citation read no text (item format 8; before, they were made from
   * the document item's text).
   */
  textFragment: z.optional(z.string()),
  eventIds: z.array(z.string()),
  /** Who or what the claim is about: people, organizations and places (from the people table) and events. */
  about: z.array(z.object({ table: z.enum(['people', 'events']), id: z.string() })),
  /** The ids of `about`, flat, for list filters. */
  aboutIds: z.array(z.string()),
  speakerOrganizationId: z.optional(z.string()),
  /** Topics the claim addresses, by name (item format 7). */
  topicIds: z.optional(z.array(z.string())),
  /** The numbered article of the Declaration the claim reports. */
  provision: z.optional(z.int().check(z.positive())),
  statedOn: z.nullable(partialDateSchema),
  /** Relations as this claim sees them (the corpus writes each once; the refresh puts it on both claims). */
  relations: z.array(
    z.object({ kind: z.enum(CLAIM_RELATION_KINDS), claimId: z.string(), note: z.nullable(z.string()) }),
  ),
});

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
  /** The claim's topics: one of these items per topic also lists the claim in the topic's partition. */
  refTopicIds: z.optional(z.array(z.string())),
  hash: z.string(),
});

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

/** The entity item schema of each table (the people table holds people, organizations and places). */
export const ENTITY_ITEM_SCHEMAS = {
  documents: storedDocumentItemSchema,
  people: peopleTableItemSchema,
  events: eventItemSchema,
  claims: claimItemSchema,
} as const satisfies Record<EntityTable, z.ZodMiniType>;

/** The schema of every kind of item a read may take from a page or a batch. */
export const STORED_ITEM_SCHEMAS = {
  document: storedDocumentItemSchema,
  documentText: documentTextItemSchema,
  person: personItemSchema,
  organization: organizationItemSchema,
  place: placeItemSchema,
  subject: subjectItemSchema,
  topic: topicItemSchema,
  event: eventItemSchema,
  claim: claimItemSchema,
  claimAbout: claimAboutItemSchema,
  claimPair: claimPairItemSchema,
  eventDate: eventDateItemSchema,
} as const;
export type StoredItemKind = keyof typeof STORED_ITEM_SCHEMAS;
