/**
 * Reads and validates the corpus, then turns it into the items the four tables
 * hold. Every problem is collected and reported at once, with its file and path;
 * nothing is written unless there are none.
 */
import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { allIndexesOf, anchorAt, reanchor, type Anchor } from '../functions/shared/anchors.js';
import { isDayRange, parsePartialDate } from '../functions/shared/dates.js';
import type { ClaimItem, DocumentItem, EventItem, PersonItem } from '../functions/data/items.js';
import { COUNT_SK, META_PK } from '../functions/data/items.js';
import { ENTITY_SK, TABLES, type EntityTable } from '../functions/data/tables.js';
import { CORPUS_FILES, documentTextFile, type ClaimEntry, type Corpus } from './corpus-schema.js';
import type { CorpusSource } from './corpus-source.js';

export interface CorpusIssue {
  file: string;
  path: string;
  message: string;
}

export class InvalidCorpusError extends Error {
  constructor(readonly issues: CorpusIssue[]) {
    super(`Invalid corpus (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'InvalidCorpusError';
  }
}

export const formatIssue = (i: CorpusIssue) => `  ${i.file}${i.path ? ` ${i.path}` : ''}: ${i.message}`;

function pathOf(segments: readonly PropertyKey[]): string {
  return segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('').replace(/^\./, '');
}

async function readList<S extends z.ZodType>(source: CorpusSource, file: string, schema: S, issues: CorpusIssue[]): Promise<z.infer<S>[]> {
  const raw = await source.read(file);
  if (raw === undefined) {
    issues.push({ file, path: '', message: `missing from ${source.location}` });
    return [];
  }
  const doc = parseDocument(raw);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) issues.push({ file, path: '', message: `YAML: ${e.message}` });
    return [];
  }
  const data: unknown = doc.toJS();
  if (!Array.isArray(data)) {
    issues.push({ file, path: '', message: 'expected a YAML list of entries' });
    return [];
  }
  const entries: z.infer<S>[] = [];
  data.forEach((entry, index) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) entries.push(parsed.data);
    else for (const e of parsed.error.issues) issues.push({ file, path: pathOf([index, ...e.path]), message: e.message });
  });
  return entries;
}

/** Reads every corpus file and checks shapes, ids, references and dates. */
export async function readCorpus(source: CorpusSource): Promise<{ corpus: Corpus; issues: CorpusIssue[] }> {
  const issues: CorpusIssue[] = [];
  const [documents, people, events, claims] = await Promise.all([
    readList(source, CORPUS_FILES.documents.file, CORPUS_FILES.documents.schema, issues),
    readList(source, CORPUS_FILES.people.file, CORPUS_FILES.people.schema, issues),
    readList(source, CORPUS_FILES.events.file, CORPUS_FILES.events.schema, issues),
    readList(source, CORPUS_FILES.claims.file, CORPUS_FILES.claims.schema, issues),
  ]);
  const withText = await Promise.all(
    documents.map(async (d) => {
      const text = await source.read(documentTextFile(d.id));
      if (text === undefined) issues.push({ file: documentTextFile(d.id), path: '', message: `cleaned text of document ${d.id} is missing` });
      else if (text.trim().length === 0) issues.push({ file: documentTextFile(d.id), path: '', message: 'cleaned text is empty' });
      return { ...d, text: text ?? '' };
    }),
  );
  const corpus: Corpus = { documents: withText, people, events, claims };
  issues.push(...checkReferences(corpus));
  return { corpus, issues };
}

function checkReferences(corpus: Corpus): CorpusIssue[] {
  const issues: CorpusIssue[] = [];
  const ids = (file: string, list: { id: string }[]) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (seen.has(e.id)) issues.push({ file, path: `[${i}].id`, message: `duplicate id "${e.id}"` });
      seen.add(e.id);
    });
    return seen;
  };
  const docIds = ids('documents.yaml', corpus.documents);
  const personIds = ids('people.yaml', corpus.people);
  const eventIds = ids('events.yaml', corpus.events);
  ids('claims.yaml', corpus.claims);
  const ref = (file: string, path: string, kind: string, known: Set<string>, id: string) => {
    if (!known.has(id)) issues.push({ file, path, message: `unknown ${kind} "${id}"` });
  };
  const date = (file: string, path: string, value: string) => {
    const parsed = parsePartialDate(value);
    if (!isDayRange(parsed)) issues.push({ file, path, message: parsed.error });
  };
  const docById = new Map(corpus.documents.map((d) => [d.id, d]));
  // Folded once per document: every person it mentions is looked for in it.
  const foldedText = new Map(corpus.documents.map((d) => [d.id, foldCase(d.text)]));
  const personById = new Map(corpus.people.map((p) => [p.id, p]));
  const eventById = new Map(corpus.events.map((e) => [e.id, e]));

  corpus.documents.forEach((d, i) => {
    d.authors.forEach((a, j) => ref('documents.yaml', `[${i}].authors[${j}]`, 'person', personIds, a));
    if (d.publishedOn !== null) date('documents.yaml', `[${i}].publishedOn`, d.publishedOn);
  });
  const authorIds = new Set(corpus.documents.flatMap((d) => d.authors));
  corpus.people.forEach((p, i) => {
    if (p.mentionedIn.length === 0 && !authorIds.has(p.id)) {
      issues.push({ file: 'people.yaml', path: `[${i}].mentionedIn`, message: `${p.name} is neither mentioned in nor the author of any document` });
    }
    p.mentionedIn.forEach((docId, j) => {
      ref('people.yaml', `[${i}].mentionedIn[${j}]`, 'document', docIds, docId);
      const doc = docById.get(docId);
      if (doc !== undefined && doc.text !== '' && !mentions(foldedText.get(docId) ?? '', p.name, p.aliases)) {
        issues.push({ file: 'people.yaml', path: `[${i}].mentionedIn[${j}]`, message: `document "${docId}" never names ${p.name} (nor an alias or the surname)` });
      }
    });
  });
  corpus.events.forEach((e, i) => {
    date('events.yaml', `[${i}].date`, e.date);
    e.participants.forEach((p, j) => ref('events.yaml', `[${i}].participants[${j}]`, 'person', personIds, p));
    e.documents.forEach((d, j) => ref('events.yaml', `[${i}].documents[${j}]`, 'document', docIds, d));
    e.reportedDates.forEach((r, j) => {
      ref('events.yaml', `[${i}].reportedDates[${j}].document`, 'document', docIds, r.document);
      date('events.yaml', `[${i}].reportedDates[${j}].date`, r.date);
      if (!e.documents.includes(r.document)) {
        issues.push({ file: 'events.yaml', path: `[${i}].reportedDates[${j}].document`, message: `"${r.document}" gives a date but is not in the event's documents` });
      }
      const doc = docById.get(r.document);
      if (doc !== undefined && doc.text !== '') {
        const found = locate(doc.text, r.quote, r.occurrence);
        if ('error' in found) issues.push({ file: 'events.yaml', path: `[${i}].reportedDates[${j}].quote`, message: found.error });
      }
    });
    if (e.reportedDates.length > 0 && !e.reportedDates.some((r) => r.date === e.date)) {
      issues.push({ file: 'events.yaml', path: `[${i}].date`, message: `"${e.date}" is not a date any document gives (${e.reportedDates.map((r) => r.date).join(', ')})` });
    }
  });
  corpus.claims.forEach((c, i) => {
    ref('claims.yaml', `[${i}].document`, 'document', docIds, c.document);
    if (c.speaker !== null) {
      ref('claims.yaml', `[${i}].speaker`, 'person', personIds, c.speaker);
      const speaker = personById.get(c.speaker);
      const doc = docById.get(c.document);
      if (speaker !== undefined && doc !== undefined && !speaker.mentionedIn.includes(doc.id) && !doc.authors.includes(speaker.id)) {
        issues.push({ file: 'claims.yaml', path: `[${i}].speaker`, message: `${speaker.id} neither appears in nor wrote "${doc.id}"` });
      }
    }
    c.events.forEach((e, j) => {
      ref('claims.yaml', `[${i}].events[${j}]`, 'event', eventIds, e);
      const event = eventById.get(e);
      if (event !== undefined && !event.documents.includes(c.document)) {
        issues.push({ file: 'claims.yaml', path: `[${i}].events[${j}]`, message: `event "${e}" does not list document "${c.document}"` });
      }
    });
  });
  return issues;
}

function foldCase(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether a case- and diacritic-folded text names a person: the name, an alias, or the surname (last word of the name). */
export function mentions(foldedText: string, name: string, aliases: readonly string[]): boolean {
  const surname = name.split(/\s+/).at(-1) ?? name;
  return [name, ...aliases, surname].some((n) => foldedText.includes(foldCase(n)));
}

/** Finds the one (or the named) occurrence of a quote in a text. */
export function locate(text: string, quote: string, occurrence?: number): { start: number; end: number } | { error: string } {
  const found = allIndexesOf(text, quote);
  const shown = quote.length > 60 ? `${quote.slice(0, 57)}...` : quote;
  if (found.length === 0) return { error: `quote "${shown}" is not in the document's cleaned text` };
  if (occurrence === undefined && found.length > 1) {
    return { error: `quote "${shown}" occurs ${found.length} times; lengthen it or set occurrence (1..${found.length})` };
  }
  const at = found[(occurrence ?? 1) - 1];
  if (at === undefined) return { error: `occurrence ${occurrence} asked for, but the quote occurs ${found.length} time(s)` };
  return { start: at, end: at + quote.length };
}

// ---------------------------------------------------------------------------
// Items

export type StoredItem = Record<string, unknown> & { hash: string };

export interface AnchorReport {
  exact: number;
  relocated: string[];
  orphaned: string[];
}

export interface BuiltItems {
  tables: Record<EntityTable, StoredItem[]>;
  anchors: AnchorReport;
  issues: CorpusIssue[];
}

/** What the tables held for a claim at the last refresh: where its quote was. */
export interface PreviousClaimAnchor {
  start: number;
  end: number;
  prefix: string;
  suffix: string;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Content hash of an item, over everything but the hash itself. */
export function contentHash(item: Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = item;
  return createHash('sha256').update(stableJson(rest)).digest('base64url').slice(0, 32);
}

function withHash<T extends Record<string, unknown>>(item: T): T & { hash: string } {
  return { ...item, hash: contentHash(item) };
}

const nameOrder = (name: string) => foldCase(name);
const pad = (n: number) => String(n).padStart(9, '0');

/**
 * Builds every item of the four tables from a validated corpus. Claims already
 * in the tables are re-anchored against the current text from where they were;
 * new claims are anchored where their quote occurs.
 */
export function buildItems(corpus: Corpus, previous: ReadonlyMap<string, PreviousClaimAnchor>): BuiltItems {
  const issues: CorpusIssue[] = [];
  const anchors: AnchorReport = { exact: 0, relocated: [], orphaned: [] };
  const docById = new Map(corpus.documents.map((d) => [d.id, d]));
  const docOrder = new Map(corpus.documents.map((d) => [d.id, `${d.publishedOn ?? '0000'}#${d.id}`]));
  const newestFirst = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => ((docOrder.get(b) ?? '') < (docOrder.get(a) ?? '') ? -1 : 1));
  const personOrder = new Map(corpus.people.map((p) => [p.id, `${nameOrder(p.name)}#${p.id}`]));
  const byName = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => ((personOrder.get(a) ?? '') < (personOrder.get(b) ?? '') ? -1 : 1));
  const eventStart = new Map<string, string>();
  for (const e of corpus.events) {
    const range = parsePartialDate(e.date);
    if (isDayRange(range)) eventStart.set(e.id, `${range.start}#${e.id}`);
  }
  const chronological = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => ((eventStart.get(a) ?? '') < (eventStart.get(b) ?? '') ? -1 : 1));

  // Claims first: their spans order every claim list.
  const claimItems: ClaimItem[] = [];
  corpus.claims.forEach((c: ClaimEntry, i) => {
    const doc = docById.get(c.document);
    if (doc === undefined) return;
    const anchor = anchorClaim(doc.text, c, previous.get(c.id));
    if ('error' in anchor) {
      issues.push({ file: 'claims.yaml', path: `[${i}].quote`, message: anchor.error });
      return;
    }
    if (anchor.status === 'EXACT') anchors.exact++;
    else if (anchor.status === 'RELOCATED') anchors.relocated.push(c.id);
    else anchors.orphaned.push(c.id);
    claimItems.push({
      pk: c.id,
      sk: ENTITY_SK,
      id: c.id,
      hash: '',
      kind: 'CLAIM',
      order: `${c.document}#${pad(anchor.start)}#${c.id}`,
      documentId: c.document,
      ...(c.speaker === null ? {} : { speakerId: c.speaker }),
      claimKind: c.kind,
      text: c.text,
      quote: c.quote,
      start: anchor.start,
      end: anchor.end,
      anchor: {
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        codePointStart: anchor.codePointStart,
        codePointEnd: anchor.codePointEnd,
        status: anchor.status,
      },
      eventIds: chronological(c.events),
    });
  });
  claimItems.sort((a, b) => (a.order < b.order ? -1 : 1));
  // Reverse indexes, built in one pass each, so building stays linear in the corpus size.
  const group = (pairs: Iterable<[string, string]>) => {
    const map = new Map<string, string[]>();
    for (const [key, value] of pairs) {
      const list = map.get(key);
      if (list === undefined) map.set(key, [value]);
      else list.push(value);
    }
    return (key: string) => map.get(key) ?? [];
  };
  const claimsOfDocument = group(claimItems.map((c) => [c.documentId, c.id]));
  const claimsOfSpeaker = group(claimItems.flatMap((c): [string, string][] => (c.speakerId === undefined ? [] : [[c.speakerId, c.id]])));
  const claimsOfEvent = group(claimItems.flatMap((c) => c.eventIds.map((e): [string, string] => [e, c.id])));
  const peopleOfDocument = group(corpus.people.flatMap((p) => p.mentionedIn.map((d): [string, string] => [d, p.id])));
  const eventsOfDocument = group(corpus.events.flatMap((e) => e.documents.map((d): [string, string] => [d, e.id])));
  const documentsOfAuthor = group(corpus.documents.flatMap((d) => d.authors.map((a): [string, string] => [a, d.id])));

  const documentItems: DocumentItem[] = corpus.documents.map((d) => ({
    pk: d.id,
    sk: ENTITY_SK,
    id: d.id,
    hash: '',
    kind: 'DOCUMENT',
    order: docOrder.get(d.id) ?? d.id,
    title: d.title,
    publisher: d.publisher,
    url: d.url,
    publishedOn: d.publishedOn,
    source: d.source,
    text: d.text,
    authorIds: d.authors,
    personIds: byName(peopleOfDocument(d.id)),
    eventIds: chronological(eventsOfDocument(d.id)),
    claimIds: claimsOfDocument(d.id),
  }));

  const personItems: PersonItem[] = corpus.people.map((p) => ({
    pk: p.id,
    sk: ENTITY_SK,
    id: p.id,
    hash: '',
    kind: 'PERSON',
    order: personOrder.get(p.id) ?? p.id,
    name: p.name,
    aliases: p.aliases,
    description: p.description,
    authoredIds: newestFirst(documentsOfAuthor(p.id)),
    mentionedInIds: newestFirst(p.mentionedIn),
    claimIds: claimsOfSpeaker(p.id),
  }));

  const eventItems: EventItem[] = [];
  corpus.events.forEach((e, i) => {
    const range = parsePartialDate(e.date);
    if (!isDayRange(range)) return;
    const reportedDates: EventItem['reportedDates'] = [];
    for (const r of e.reportedDates) {
      const doc = docById.get(r.document);
      const span = doc === undefined ? undefined : locate(doc.text, r.quote, r.occurrence);
      // A missing or ambiguous quote was already reported by readCorpus; it is only left out here.
      if (span !== undefined && !('error' in span)) {
        reportedDates.push({ documentId: r.document, date: r.date, quote: r.quote, start: span.start, end: span.end });
      }
    }
    eventItems.push({
      pk: e.id,
      sk: ENTITY_SK,
      id: e.id,
      hash: '',
      kind: 'EVENT',
      order: `${range.start}#${e.id}`,
      datePartition: `EVENT#${range.precision}`,
      rank: 0,
      title: e.title,
      date: e.date,
      endDay: range.end,
      description: e.description,
      participantIds: byName(e.participants),
      documentIds: newestFirst(e.documents),
      claimIds: claimsOfEvent(e.id),
      reportedDates,
    });
  });

  // Ranks within each precision partition, in index order.
  const partitions = new Map<string, EventItem[]>();
  for (const event of eventItems) partitions.set(event.datePartition, [...(partitions.get(event.datePartition) ?? []), event]);
  for (const events of partitions.values()) {
    events.sort((a, b) => (a.order < b.order ? -1 : 1)).forEach((event, i) => {
      event.rank = i + 1;
    });
  }

  const claimEventItems = claimItems.flatMap((c) =>
    c.eventIds.map((eventId) => ({ pk: c.id, sk: `EVENT#${eventId}`, ref: `EVENT#${eventId}`, order: c.order, claimId: c.id })),
  );

  const count = (table: EntityTable, n: number) => {
    const def = TABLES[table];
    return { [def.partitionKey]: META_PK, [def.sortKey]: COUNT_SK, count: n };
  };
  const finish = (items: Record<string, unknown>[]) => items.map((item) => withHash(item) as StoredItem);

  return {
    tables: {
      documents: finish([...documentItems, count('documents', documentItems.length)]),
      people: finish([...personItems, count('people', personItems.length)]),
      events: finish([...eventItems, count('events', eventItems.length)]),
      claims: finish([...claimItems, ...claimEventItems, count('claims', claimItems.length)]),
    },
    anchors,
    issues,
  };
}

function anchorClaim(text: string, claim: ClaimEntry, previous: PreviousClaimAnchor | undefined): Anchor | { error: string } {
  if (previous !== undefined) {
    const found = reanchor(text, claim.quote, previous);
    // An orphaned claim keeps its last span and context, flagged, until the corpus fixes its quote.
    return 'start' in found ? found : { ...previous, ...codePoints(text, previous), status: 'ORPHANED' };
  }
  const span = locate(text, claim.quote, claim.occurrence);
  if ('error' in span) return span;
  return anchorAt(text, span.start, span.end, 'EXACT');
}

function codePoints(text: string, span: { start: number; end: number }) {
  const clamp = (n: number) => Math.min(n, text.length);
  const a = anchorAt(text, clamp(span.start), clamp(span.end), 'ORPHANED');
  return { codePointStart: a.codePointStart, codePointEnd: a.codePointEnd };
}
