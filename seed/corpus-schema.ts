/** The human-editable corpus files under seed/data, as zod schemas. */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase slugs: letters, digits and single dashes');
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().trim().min(1);

export const documentEntrySchema = z.strictObject({
  id: slug,
  source: text,
  title: text,
  publisher: text.nullable().default(null),
  url: z.url().nullable().default(null),
  publishedOn: partialDate.nullable().default(null),
  authors: z.array(slug).default([]),
  note: z.string().optional(),
});

export const personEntrySchema = z.strictObject({
  id: slug,
  name: text,
  aliases: z.array(text).default([]),
  description: text.nullable().default(null),
  /** Documents whose cleaned text names the person (an author named only in a byline has none). */
  mentionedIn: z.array(slug).default([]),
});

const occurrence = z.number().int().positive().optional();

export const reportedDateEntrySchema = z.strictObject({
  document: slug,
  date: partialDate,
  quote: text,
  occurrence,
});

export const eventEntrySchema = z.strictObject({
  id: slug,
  title: text,
  date: partialDate,
  description: text.nullable().default(null),
  participants: z.array(slug).default([]),
  documents: z.array(slug).min(1, 'an event must be mentioned in at least one document'),
  reportedDates: z.array(reportedDateEntrySchema).min(1, 'give the words of at least one document that date the event'),
});

export const claimEntrySchema = z.strictObject({
  id: slug,
  document: slug,
  kind: z.enum(['DIRECT_QUOTE', 'PARAPHRASE', 'AUTHOR_ASSERTION']),
  speaker: slug.nullable().default(null),
  text: text,
  quote: z.string().min(1),
  occurrence,
  events: z.array(slug).default([]),
});

export type DocumentEntry = z.infer<typeof documentEntrySchema>;
export type PersonEntry = z.infer<typeof personEntrySchema>;
export type EventEntry = z.infer<typeof eventEntrySchema>;
export type ReportedDateEntry = z.infer<typeof reportedDateEntrySchema>;
export type ClaimEntry = z.infer<typeof claimEntrySchema>;

export interface Corpus {
  documents: (DocumentEntry & { text: string })[];
  people: PersonEntry[];
  events: EventEntry[];
  claims: ClaimEntry[];
}

export const CORPUS_FILES = {
  documents: { file: 'documents.yaml', schema: documentEntrySchema },
  people: { file: 'people.yaml', schema: personEntrySchema },
  events: { file: 'events.yaml', schema: eventEntrySchema },
  claims: { file: 'claims.yaml', schema: claimEntrySchema },
} as const;

/** Cleaned texts live beside the YAML files, one per document. */
export const documentTextFile = (id: string) => `documents/${id}.txt`;
