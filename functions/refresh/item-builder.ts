/**
 * Turns a validated corpus into the items the four tables hold: entity items
 * with their ordered id lists, the relationship items the list indexes read,
 * and the per-table counts. Every key value comes from keys.ts.
 */
import { createHash } from 'node:crypto';
import type {
  ClaimAboutItem,
  ClaimItem,
  ClaimPairItem,
  DocumentItem,
  DocumentTextItem,
  EventDateItem,
  EventItem,
  OrganizationItem,
  PersonItem,
  PlaceItem,
  StoredDocumentItem,
  TopicItem,
} from '../data/items.js';
import { ENTITY_ITEM_SCHEMAS, STORED_ITEM_SCHEMAS } from '../data/item-schemas.js';
import { ITEM_FORMAT } from '../data/items.js';
import { keys } from '../data/keys.js';
import { TABLES, type EntityTable } from '../data/tables.js';
import { anchorAt, reanchor, type Anchor } from '../shared/anchors.js';
import { isDayRange, parsePartialDate, type DayRange } from '../shared/dates.js';
import { textFragmentDirective } from '../shared/text-fragment.js';
import { foldText } from '../shared/text-normalization.js';
import { locate, type CorpusIssue } from './corpus-checks.js';
import { isDisputed } from './corpus-dates.js';
import type { ClaimEntry, Corpus } from './corpus-schema.js';

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
  /** How it was anchored then: a claim already ORPHANED is not a new orphan. */
  status?: string;
}

export function stableJson(value: unknown): string {
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

/** Groups pairs by key in one pass, so building stays linear in the corpus size. */
function group(pairs: Iterable<readonly [string, string]>): (key: string) => string[] {
  const map = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  }
  return (key) => map.get(key) ?? [];
}

/** Sort orders of every list the items carry, from the corpus alone. */
class Orders {
  readonly dayRange = new Map<string, DayRange>();
  private readonly documentOrder: Map<string, string>;
  private readonly subjectOrder: Map<string, string>;
  private readonly eventOrder = new Map<string, string>();

  constructor(corpus: Corpus) {
    this.documentOrder = new Map(corpus.documents.map((d) => [d.id, keys.documentOrder(d.publishedOn, d.id)]));
    this.subjectOrder = new Map(
      [...corpus.people, ...corpus.organizations, ...corpus.places, ...corpus.topics].map((s) => [
        s.id,
        keys.subjectOrder(foldText(s.name), s.id),
      ]),
    );
    for (const e of corpus.events) {
      const range = parsePartialDate(e.date);
      if (!isDayRange(range)) continue;
      this.dayRange.set(e.id, range);
      this.eventOrder.set(e.id, keys.eventOrder(range.start, e.id));
    }
  }

  private static sorted(ids: Iterable<string>, order: ReadonlyMap<string, string>, descending = false): string[] {
    const value = (id: string) => order.get(id) ?? '';
    return [...new Set(ids)].sort(
      (a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (descending ? -1 : 1),
    );
  }

  documentOf = (id: string) => this.documentOrder.get(id) ?? id;
  subjectOf = (id: string) => this.subjectOrder.get(id) ?? id;
  newestFirst = (ids: Iterable<string>) => Orders.sorted(ids, this.documentOrder, true);
  byName = (ids: Iterable<string>) => Orders.sorted(ids, this.subjectOrder);
  chronological = (ids: Iterable<string>) => Orders.sorted(ids, this.eventOrder);
}

/**
 * Builds every item of the four tables from a validated corpus. Claims already
 * in the tables are re-anchored against the current text from where they were;
 * new claims are anchored where their quote occurs.
 */
export function buildItems(corpus: Corpus, previous: ReadonlyMap<string, PreviousClaimAnchor>): BuiltItems {
  const orders = new Orders(corpus);
  const { claims, anchors, issues } = buildClaims(corpus, previous, orders);
  const lists = new Lists(corpus, claims);
  const documents = storedDocuments(buildDocuments(corpus, orders, lists));
  const subjects = buildSubjects(corpus, orders, lists);
  const events = buildEvents(corpus, orders, lists);

  // Logical keys and list partitions: the same content hashes to the same value in every version.
  const finish = (table: EntityTable, items: readonly Record<string, unknown>[]) =>
    items.map((item) => {
      const listed = { ...item, ...keys.listPartitions(table, item) };
      return { ...listed, hash: contentHash(listed) };
    });
  const tables = {
    documents: finish('documents', documents),
    people: finish('people', [...subjects, ...buildTopics(corpus, orders, lists)]),
    events: finish('events', [...events.items, ...events.dates]),
    claims: finish('claims', [
      ...claims,
      ...claimAboutItems(claims),
      ...claimTopicItems(claims),
      ...claimPairItems(claims),
    ]),
  };
  checkItemFormat(tables);
  return { tables, anchors, issues };
}

/** DynamoDB's item limit (400 KB), against an item's JSON: a little more than DynamoDB counts, never less. */
const MAX_ITEM_BYTES = 400 * 1024;

/**
 * Every item, entity or relationship, matches the stored item format
 * (ITEM_FORMAT), which the published version records and the API then trusts,
 * and fits in a DynamoDB item. A mismatch, an item of a kind with no schema or
 * one too large is a fault of this builder, not of the corpus: nothing is
 * written (a batch write would refuse the item only halfway through).
 */
export function checkItemFormat(tables: Record<EntityTable, readonly Record<string, unknown>[]>): void {
  const faults: string[] = [];
  for (const table of Object.keys(tables) as EntityTable[]) {
    for (const item of tables[table]) {
      const kind = keys.itemKind(table, item);
      const name = `${table} ${String(item[TABLES[table].partitionKey])} ${String(item[TABLES[table].sortKey])}`;
      if (kind === undefined) {
        faults.push(`${name}: no schema for this kind of item`);
        continue;
      }
      const bytes = Buffer.byteLength(JSON.stringify(item));
      if (bytes > MAX_ITEM_BYTES)
        faults.push(`${name}: about ${Math.ceil(bytes / 1024)} KB, over DynamoDB's 400 KB item`);
      const checked = (kind === 'entity' ? ENTITY_ITEM_SCHEMAS[table] : STORED_ITEM_SCHEMAS[kind]).safeParse(item);
      if (!checked.success)
        faults.push(`${name}: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
  }
  if (faults.length > 0)
    throw new Error(
      `Built items that item format ${ITEM_FORMAT} or DynamoDB would refuse: ${faults.slice(0, 5).join(' | ')}`,
    );
}

/** Each relation is written once in the corpus; both claims carry it (QUALIFIES shows as QUALIFIED_BY on the other). */
function claimRelations(corpus: Corpus): Map<string, ClaimItem['relations']> {
  const relationsOf = new Map<string, ClaimItem['relations']>();
  const addRelation = (id: string, relation: ClaimItem['relations'][number]) =>
    relationsOf.set(id, [...(relationsOf.get(id) ?? []), relation]);
  for (const c of corpus.claims) {
    for (const r of c.relations) {
      addRelation(c.id, { kind: r.kind, claimId: r.claim, note: r.note });
      addRelation(r.claim, { kind: r.kind === 'QUALIFIES' ? 'QUALIFIED_BY' : r.kind, claimId: c.id, note: r.note });
    }
  }
  return relationsOf;
}

/** A claim's item, its quote anchored in its document's text (the link to the quote made from that text, where the document has a URL). */
function claimItem(
  c: ClaimEntry,
  anchor: Exclude<ReturnType<typeof anchorClaim>, { error: string }>,
  doc: Corpus['documents'][number],
  orders: Orders,
  peopleTable: ReadonlySet<string>,
  relations: ClaimItem['relations'],
): ClaimItem {
  const eventIds = orders.chronological(c.events);
  const about = [
    ...orders.byName(c.about.filter((id) => peopleTable.has(id))).map((id) => ({ table: 'people' as const, id })),
    ...eventIds.map((id) => ({ table: 'events' as const, id })),
  ];
  return {
    ...keys.entity('claims', c.id),
    id: c.id,
    hash: '',
    kind: 'CLAIM',
    order: keys.claimOrder(c.document, anchor.start, c.id),
    documentId: c.document,
    ...(c.speaker === null ? {} : { speakerId: c.speaker }),
    ...(c.speakerOrganization === undefined ? {} : { speakerOrganizationId: c.speakerOrganization }),
    ...(c.provision === undefined ? {} : { provision: c.provision }),
    topicIds: orders.byName(c.topics),
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
    ...(doc.url === null ? {} : { textFragment: textFragmentDirective(doc.text, anchor) }),
    eventIds,
    about,
    aboutIds: about.map((a) => a.id),
    statedOn: c.statedOn,
    relations,
  };
}

function buildClaims(corpus: Corpus, previous: ReadonlyMap<string, PreviousClaimAnchor>, orders: Orders) {
  const issues: CorpusIssue[] = [];
  const anchors: AnchorReport = { exact: 0, relocated: [], orphaned: [] };
  const docById = new Map(corpus.documents.map((d) => [d.id, d]));
  const peopleTable = new Set([...corpus.people, ...corpus.organizations, ...corpus.places].map((s) => s.id));
  const relationsOf = claimRelations(corpus);
  const claims: ClaimItem[] = [];
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
    claims.push(claimItem(c, anchor, doc, orders, peopleTable, relationsOf.get(c.id) ?? []));
  });
  claims.sort((a, b) => (a.order < b.order ? -1 : 1));
  return { claims, anchors, issues };
}

/** Every id list an item carries, grouped once from the corpus and the built claims. */
class Lists {
  readonly claimsOfDocument;
  readonly claimsOfSpeaker;
  readonly claimsAbout;
  readonly mentionsOf;
  readonly eventsOfDocument;
  readonly eventsOfPlace;
  readonly documentsOfAuthor;
  readonly claimsOfTopic;
  readonly eventsOfTopic;

  constructor(corpus: Corpus, claims: readonly ClaimItem[]) {
    this.claimsOfDocument = group(claims.map((c) => [c.documentId, c.id] as const));
    this.claimsOfSpeaker = group(
      claims.flatMap((c) =>
        [c.speakerId, c.speakerOrganizationId]
          .filter((s): s is string => s !== undefined)
          .map((s) => [s, c.id] as const),
      ),
    );
    this.claimsAbout = group(claims.flatMap((c) => c.about.map((a) => [a.id, c.id] as const)));
    // Document → the subjects it mentions, all kinds together (split by kind where used).
    this.mentionsOf = group(
      [...corpus.people, ...corpus.organizations, ...corpus.places].flatMap((s) =>
        s.mentionedIn.map((d) => [d, s.id] as const),
      ),
    );
    this.eventsOfDocument = group(corpus.events.flatMap((e) => e.documents.map((d) => [d, e.id] as const)));
    this.eventsOfPlace = group(corpus.events.flatMap((e) => e.places.map((p) => [p, e.id] as const)));
    this.documentsOfAuthor = group(corpus.documents.flatMap((d) => d.authors.map((a) => [a, d.id] as const)));
    this.claimsOfTopic = group(claims.flatMap((c) => (c.topicIds ?? []).map((t) => [t, c.id] as const)));
    this.eventsOfTopic = group(corpus.events.flatMap((e) => e.topics.map((t) => [t, e.id] as const)));
  }
}

function buildDocuments(corpus: Corpus, orders: Orders, lists: Lists): DocumentItem[] {
  const idsOf = (list: readonly { id: string }[]) => new Set(list.map((s) => s.id));
  const people = idsOf(corpus.people);
  const organizations = idsOf(corpus.organizations);
  const places = idsOf(corpus.places);
  const names = new Map(corpus.people.map((p) => [p.id, p.name]));
  // The corpus checks refuse an author who is not in people.yaml.
  const nameOf = (id: string) => names.get(id) ?? '';
  return corpus.documents.map((d) => {
    const mentioned = orders.byName(lists.mentionsOf(d.id));
    return {
      ...keys.entity('documents', d.id),
      id: d.id,
      hash: '',
      kind: 'DOCUMENT',
      order: orders.documentOf(d.id),
      title: d.title,
      publisher: d.publisher,
      ...(d.publisherOrganization === undefined ? {} : { publisherOrganizationId: d.publisherOrganization }),
      url: d.url,
      publishedOn: d.publishedOn,
      source: d.source,
      text: d.text,
      authorIds: d.authors,
      authors: d.authors.map((id) => ({ id, name: nameOf(id) })),
      personIds: mentioned.filter((id) => people.has(id)),
      organizationIds: mentioned.filter((id) => organizations.has(id)),
      placeIds: mentioned.filter((id) => places.has(id)),
      eventIds: orders.chronological(lists.eventsOfDocument(d.id)),
      claimIds: lists.claimsOfDocument(d.id),
    };
  });
}

/**
 * Each document as two items: the entity, without its text, and the text beside it (keys.documentText). Most
 * reads of a document (lists, titles, a claim's document) then pay read units for a few hundred bytes, not for
 * the whole text; only a query that asks for the text reads it.
 */
function storedDocuments(documents: readonly DocumentItem[]): (StoredDocumentItem | DocumentTextItem)[] {
  return documents.flatMap(({ text, ...entity }) => [
    entity,
    { ...keys.documentText(entity.id), id: entity.id, hash: '', text },
  ]);
}

/**
 * The documents as search indexes them and the change list compares them: each entity item with its text
 * (from its text item, or its own in a version of a format before 8), and no text items. Other tables and
 * items are as given. The hash of a document so joined covers both items, so a changed text counts as a
 * changed document.
 */
export function withDocumentTexts<T extends Record<string, unknown>>(
  tables: Readonly<Record<EntityTable, readonly T[]>>,
): Record<EntityTable, T[]> {
  const texts = new Map<unknown, T>();
  for (const item of tables.documents) if (keys.partOf(item, 'documents') === 'text') texts.set(item.pk, item);
  const documents = tables.documents.flatMap((item): T[] => {
    const part = keys.partOf(item, 'documents');
    if (part === 'text') return [];
    const text = part === 'entity' ? texts.get(item.pk) : undefined;
    return [
      text === undefined ? item : { ...item, text: text.text, hash: `${String(item.hash)}.${String(text.hash)}` },
    ];
  });
  return { ...tables, documents } as Record<EntityTable, T[]>;
}

function buildSubjects(corpus: Corpus, orders: Orders, lists: Lists): (PersonItem | OrganizationItem | PlaceItem)[] {
  const common = (s: Corpus['people'][number]) => ({
    ...keys.entity('people', s.id),
    id: s.id,
    hash: '',
    order: orders.subjectOf(s.id),
    name: s.name,
    aliases: s.aliases,
    description: s.description,
    mentionedInIds: orders.newestFirst(s.mentionedIn),
    claimsAboutIds: lists.claimsAbout(s.id),
  });
  return [
    ...corpus.people.map((p): PersonItem => ({
      ...common(p),
      kind: 'PERSON',
      authoredIds: orders.newestFirst(lists.documentsOfAuthor(p.id)),
      claimIds: lists.claimsOfSpeaker(p.id),
    })),
    ...corpus.organizations.map((o): OrganizationItem => ({
      ...common(o),
      kind: 'ORGANIZATION',
      organizationKind: o.kind,
      claimIds: lists.claimsOfSpeaker(o.id),
    })),
    ...corpus.places.map((p): PlaceItem => ({
      ...common(p),
      kind: 'PLACE',
      eventIds: orders.chronological(lists.eventsOfPlace(p.id)),
    })),
  ];
}

function buildTopics(corpus: Corpus, orders: Orders, lists: Lists): TopicItem[] {
  return corpus.topics.map((t) => ({
    ...keys.entity('people', t.id),
    id: t.id,
    hash: '',
    kind: 'TOPIC',
    order: orders.subjectOf(t.id),
    name: t.name,
    aliases: t.aliases,
    description: t.description,
    claimCount: lists.claimsOfTopic(t.id).length,
    eventIds: orders.chronological(lists.eventsOfTopic(t.id)),
  }));
}

const INVERSE = { PRECEDES: 'FOLLOWS', FOLLOWS: 'PRECEDES', PART_OF: 'HAS_PART', HAS_PART: 'PART_OF' } as const;

/** Each link is written once in the corpus; both events carry it, the other as its inverse. */
function eventRelations(corpus: Corpus): Map<string, EventItem['related']> {
  const related = new Map<string, EventItem['related']>();
  const addRelated = (id: string, link: EventItem['related'][number]) =>
    related.set(id, [...(related.get(id) ?? []), link]);
  for (const e of corpus.events) {
    for (const r of e.related) {
      addRelated(e.id, { kind: r.kind, eventId: r.event });
      addRelated(r.event, { kind: INVERSE[r.kind], eventId: e.id });
    }
  }
  return related;
}

/** Ranks within each precision partition, in index order: counts of a date range are differences of ranks. */
function rankEvents(items: readonly EventItem[]): void {
  const partitions = new Map<string, EventItem[]>();
  for (const event of items)
    partitions.set(event.datePartition, [...(partitions.get(event.datePartition) ?? []), event]);
  for (const events of partitions.values()) {
    events
      .sort((a, b) => (a.order < b.order ? -1 : 1))
      .forEach((event, i) => {
        event.rank = i + 1;
      });
  }
}

function buildEvents(corpus: Corpus, orders: Orders, lists: Lists): { items: EventItem[]; dates: EventDateItem[] } {
  const docById = new Map(corpus.documents.map((d) => [d.id, d]));
  const related = eventRelations(corpus);
  const items: EventItem[] = [];
  const dates: EventDateItem[] = [];
  for (const e of corpus.events) {
    const range = orders.dayRange.get(e.id);
    if (range === undefined) continue;
    items.push({
      ...keys.entity('events', e.id),
      id: e.id,
      hash: '',
      kind: 'EVENT',
      order: keys.eventOrder(range.start, e.id),
      datePartition: keys.eventDatePartition(range.precision),
      rank: 0,
      title: e.title,
      date: e.date,
      endDay: range.end,
      description: e.description,
      aliases: e.aliases,
      participantIds: orders.byName(e.participants),
      placeIds: orders.byName(e.places),
      documentIds: orders.newestFirst(e.documents),
      // Claims are about their events: the same list, in reading order.
      claimIds: lists.claimsAbout(e.id),
      reportedDates: reportedDatesOf(e, docById),
      disputed: isDisputed(e.reportedDates),
      related: related.get(e.id) ?? [],
      topicIds: orders.byName(e.topics),
    });
  }
  for (const event of items) {
    const entry = corpus.events.find((e) => e.id === event.id);
    if (entry !== undefined) dates.push(...eventDates(event, [entry.date, ...entry.reportedDates.map((r) => r.date)]));
  }
  rankEvents(items);
  return { items, dates };
}

/** The dates an event's documents give, each with where its words are (and, when inferred, how it was derived). */
function reportedDatesOf(
  e: Corpus['events'][number],
  docById: ReadonlyMap<string, Corpus['documents'][number]>,
): EventItem['reportedDates'] {
  const reportedDates: EventItem['reportedDates'] = [];
  for (const r of e.reportedDates) {
    const doc = docById.get(r.document);
    const span = doc === undefined ? undefined : locate(doc.text, r.quote, r.occurrence);
    // A missing or ambiguous quote was already reported by the checks; it is only left out here.
    if (span !== undefined && !('error' in span)) {
      const inferred = r.inferred === true ? { inferred: true, inference: r.inference ?? '' } : {};
      reportedDates.push({ documentId: r.document, date: r.date, quote: r.quote, ...span, ...inferred });
    }
  }
  return reportedDates;
}

/** One item per distinct date of an event, each knowing how far its earlier dates reach. */
function eventDates(event: EventItem, values: readonly string[]): EventDateItem[] {
  const eventId = event.id;
  const ranges = [...new Set(values)]
    .map((v) => parsePartialDate(v))
    .filter(isDayRange)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : 1));
  let earlierEnd = '0000';
  return ranges.map((range) => {
    const item: EventDateItem = {
      ...keys.eventDate(eventId, range.value),
      hash: '',
      datePartition: keys.anyDatePartition(range.precision),
      order: keys.eventOrder(range.start, eventId),
      eventId,
      endDay: range.end,
      earlierEnd,
      event,
    };
    if (range.end > earlierEnd) earlierEnd = range.end;
    return item;
  });
}

function claimAboutItems(claims: readonly ClaimItem[]): ClaimAboutItem[] {
  return claims.flatMap((c) =>
    c.about.map((a) => ({
      ...keys.claimAbout(c.id, a.id),
      ref: keys.aboutPartition(a.id),
      order: c.order,
      claimId: c.id,
      refDocumentId: c.documentId,
      ...(c.speakerId === undefined ? {} : { refSpeakerId: c.speakerId }),
      refClaimKind: c.claimKind,
      refAboutIds: c.aboutIds,
      refTopicIds: c.topicIds ?? [],
      hash: '',
    })),
  );
}

/** The claim listed in the partition of each topic it addresses, with what the other filters test. */
function claimTopicItems(claims: readonly ClaimItem[]): ClaimAboutItem[] {
  return claims.flatMap((c) =>
    (c.topicIds ?? []).map((t) => ({
      ...keys.claimTopic(c.id, t),
      ref: keys.topicPartition(t),
      order: c.order,
      claimId: c.id,
      refDocumentId: c.documentId,
      ...(c.speakerId === undefined ? {} : { refSpeakerId: c.speakerId }),
      refClaimKind: c.claimKind,
      refAboutIds: c.aboutIds,
      refTopicIds: c.topicIds ?? [],
      hash: '',
    })),
  );
}

/** Each written relation once in the all-pairs partition, and once in the partition of every subject of either claim. */
function claimPairItems(claims: readonly ClaimItem[]): ClaimPairItem[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const items: ClaimPairItem[] = [];
  for (const c of claims) {
    for (const r of c.relations) {
      if (r.kind === 'QUALIFIED_BY') continue;
      // Symmetric kinds are carried by both claims: keep the pair once, on the claim that comes first.
      if (r.kind !== 'QUALIFIES' && r.claimId < c.id) continue;
      const other = byId.get(r.claimId);
      if (other === undefined) continue;
      const subjects = [...new Set([...c.about, ...other.about].map((a) => a.id))];
      for (const subjectId of [undefined, ...subjects]) {
        const key = keys.claimPair(c.id, other.id, subjectId);
        items.push({
          ...key,
          ref: keys.pairPartition(subjectId),
          order: `${c.order}#${other.id}`,
          pairKind: r.kind,
          claimId: c.id,
          otherId: other.id,
          note: r.note,
          hash: '',
        });
      }
    }
  }
  return items;
}

function anchorClaim(
  text: string,
  claim: ClaimEntry,
  previous: PreviousClaimAnchor | undefined,
): Anchor | { error: string } {
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
