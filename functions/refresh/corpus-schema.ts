/**
 * The human-editable corpus files (seed/data in the repository, an S3 prefix in
 * AWS) as zod schemas: the one definition of a corpus row. Partial dates and
 * claim kinds come from the same definitions the stored items use.
 */
import * as z from 'zod/mini';
import { partialDateSchema } from '../data/item-schemas.js';
import { CLAIM_KINDS, CLAIM_PAIR_KINDS, EVENT_RELATION_KINDS, ORGANIZATION_KINDS } from '../data/items.js';

const slug = z
  .string()
  .check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase slugs: letters, digits and single dashes'));
const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const orNull = <T extends z.ZodMiniType>(schema: T) => z._default(z.nullable(schema), null);
const list = <T extends z.ZodMiniType>(schema: T) => z._default(z.array(schema), []);

/**
 * Why a tool proposed an entry (`npm run draft`): the rule that fired and the
 * words it fired on. A reviewer judges the entry, then deletes the field; the
 * checks refuse an entry that still carries it, so a draft is never published.
 */
export const draftMarkerSchema = z.strictObject({ rule: text, evidence: text });
const draft = z.optional(draftMarkerSchema);

export const documentEntrySchema = z.strictObject({
  id: slug,
  source: text,
  title: text,
  publisher: orNull(text),
  /** The outlet as an organization (kind MEDIA_OR_THINK_TANK), where a source supports it. */
  publisherOrganization: z.optional(slug),
  url: orNull(z.url()),
  publishedOn: orNull(partialDateSchema),
  authors: list(slug),
  note: z.optional(z.string()),
  draft,
});

/** Fields every named subject (person, organization, place) has. */
const subjectFields = {
  id: slug,
  name: text,
  aliases: list(text),
  description: orNull(text),
  /** Documents whose cleaned text names the subject (an author named only in a byline has none). */
  mentionedIn: list(slug),
  draft,
};

export const personEntrySchema = z.strictObject(subjectFields);

export const organizationEntrySchema = z.strictObject({ ...subjectFields, kind: z.enum(ORGANIZATION_KINDS) });

export const placeEntrySchema = z.strictObject(subjectFields);

/** A theme of the controlled list (topics.yaml) that claims and events address. */
export const topicEntrySchema = z.strictObject({
  id: slug,
  name: text,
  aliases: list(text),
  description: orNull(text),
  draft,
});

/** The topics an entry addresses: required, at least one, each an id of topics.yaml. */
const topics = z.array(slug).check(z.minLength(1, 'tag the topics it addresses (ids of topics.yaml)'));

const occurrence = z.optional(z.int().check(z.positive()));

export const reportedDateEntrySchema = z.strictObject({
  document: slug,
  date: partialDateSchema,
  quote: text,
  occurrence,
  /**
   * The date is the editors' reading, not the document's words (the quote
   * states no date: "on the day of the president's arrival"). An inferred
   * date never makes an event disputed.
   */
  inferred: z.optional(z.literal(true)),
  /** How an inferred date was derived; required with `inferred`. */
  inference: z.optional(text),
  draft,
});

export const eventEntrySchema = z.strictObject({
  id: slug,
  title: text,
  date: partialDateSchema,
  description: orNull(text),
  aliases: list(text),
  participants: list(slug),
  places: list(slug),
  documents: z.array(slug).check(z.minLength(1, 'an event must be mentioned in at least one document')),
  reportedDates: z
    .array(reportedDateEntrySchema)
    .check(z.minLength(1, 'give the words of at least one document that date the event')),
  /** Written once, on one of the two events; the refresh shows each link on both, inverted. */
  related: list(z.strictObject({ kind: z.enum(EVENT_RELATION_KINDS), event: slug })),
  topics,
  draft,
});

export const claimEntrySchema = z.strictObject({
  id: slug,
  document: slug,
  kind: z.enum(CLAIM_KINDS),
  speaker: orNull(slug),
  /** A body that speaks (a government, a ministry, an outlet), where no person does. */
  speakerOrganization: z.optional(slug),
  text,
  quote: z.string().check(z.minLength(1)),
  occurrence,
  events: list(slug),
  /** People, organizations and places the claim is about (events go in `events`). */
  about: list(slug),
  topics,
  /** The article (or point) of the Declaration the claim reports, where the document gives its number. */
  provision: z.optional(z.int().check(z.positive())),
  statedOn: orNull(partialDateSchema),
  relations: list(z.strictObject({ kind: z.enum(CLAIM_PAIR_KINDS), claim: slug, note: text, draft })),
  draft,
});

/** One quotation of a cleaned text that no claim covers, and why. */
export const quotationExclusionSchema = z.strictObject({
  document: slug,
  quote: text,
  reason: text,
});

export type DocumentEntry = z.infer<typeof documentEntrySchema>;
export type PersonEntry = z.infer<typeof personEntrySchema>;
export type OrganizationEntry = z.infer<typeof organizationEntrySchema>;
export type PlaceEntry = z.infer<typeof placeEntrySchema>;
export type TopicEntry = z.infer<typeof topicEntrySchema>;
export type EventEntry = z.infer<typeof eventEntrySchema>;
export type ReportedDateEntry = z.infer<typeof reportedDateEntrySchema>;
export type ClaimEntry = z.infer<typeof claimEntrySchema>;
export type QuotationExclusion = z.infer<typeof quotationExclusionSchema>;
export type DraftMarker = z.infer<typeof draftMarkerSchema>;

export interface Corpus {
  documents: (DocumentEntry & { text: string })[];
  people: PersonEntry[];
  organizations: OrganizationEntry[];
  places: PlaceEntry[];
  topics: TopicEntry[];
  events: EventEntry[];
  claims: ClaimEntry[];
}

/** Every file of the corpus format; anything else in a corpus folder is refused. */
export const CORPUS_FILES = {
  documents: { file: 'documents.yaml', schema: documentEntrySchema },
  people: { file: 'people.yaml', schema: personEntrySchema },
  organizations: { file: 'organizations.yaml', schema: organizationEntrySchema },
  places: { file: 'places.yaml', schema: placeEntrySchema },
  topics: { file: 'topics.yaml', schema: topicEntrySchema },
  events: { file: 'events.yaml', schema: eventEntrySchema },
  claims: { file: 'claims.yaml', schema: claimEntrySchema },
} as const;

/** Editor's file, read by the quotation-coverage check only (never by the refresh). */
export const QUOTATION_EXCLUSIONS_FILE = 'quotation-exclusions.yaml';

/** Cleaned texts live beside the YAML files, one per document. */
export const documentTextFile = (id: string) => `documents/${id}.txt`;
