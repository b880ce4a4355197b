/**
 * Every partition, sort and index key value the tables hold, built and parsed
 * here and nowhere else: the item builder, the stores, the refresh and the
 * cursors all call these functions (a unit test refuses key literals
 * elsewhere). The table and index definitions themselves are in tables.ts.
 *
 * Items belong to a published version of the corpus. The item builder makes
 * them with logical keys (`claim-1`, `DOCUMENT`); `keys.stored` prefixes the
 * partition key and every index partition value with the version
 * (`v000007#claim-1`), so each version is a complete, separate copy that no
 * read of another version can see. The version pointer, the lock and the
 * version records are not versioned: they live in the documents table under
 * `#META`.
 */
import { TABLES, type EntityTable } from './tables.js';

/** Sort key of an entity item; relationship items of the same partition use `<KIND>#…`. */
const ENTITY_SK = '#';
/** Sort key of a document's text, beside its entity item (item format 8). */
const TEXT_SK = 'TEXT';
const META_PK = '#META';
const LOCK_SK = '#LOCK';
const CURRENT_SK = '#CURRENT';
const CHANGES_PK = '#CHANGES';
const ABOUT = 'ABOUT#';
const TOPIC = 'TOPIC#';
const PAIR = 'PAIR';
const DATE = 'DATE#';
const VERSION_DIGITS = 6;
const VERSIONED = /^v(\d{6})#/;

export type StoredKey = Record<string, string>;

/** What the people table holds: every named subject, listed by name in a partition of its own. */
export type SubjectKind = 'PERSON' | 'ORGANIZATION' | 'PLACE';
/** What the people table lists by name: the subjects and the topics. */
export type NamedKind = SubjectKind | 'TOPIC';
export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

const pad = (n: number) => String(n).padStart(9, '0');

export interface PrimaryKey {
  pk: string;
  sk: string;
}

/** The primary key of an item of a table, given its partition and sort values. */
export function primaryKey(table: EntityTable, pk: string, sk: string): PrimaryKey {
  const def = TABLES[table];
  return { [def.partitionKey]: pk, [def.sortKey]: sk };
}

/** `v000007#`: the prefix of every partition value of version 7. */
const versionPrefix = (version: number) => `v${String(version).padStart(VERSION_DIGITS, '0')}#`;

/** A logical partition value as version `version` stores it. */
const versioned = (version: number, value: string) => `${versionPrefix(version)}${value}`;

/** Every attribute of a table that holds a partition value: the table's and each index's. */
const partitionAttributes = (table: EntityTable) => [
  TABLES[table].partitionKey,
  ...TABLES[table].indexes.map((i) => i.partitionKey),
];

export const keys = {
  /** An entity item (logical key): documents, people (and the other named subjects), events, claims. */
  entity: (table: EntityTable, id: string) => primaryKey(table, id, ENTITY_SK),
  /** The key of an entity item as version `version` stores it (what a read by id asks for). */
  entityAt: (table: EntityTable, id: string, version: number) => primaryKey(table, versioned(version, id), ENTITY_SK),
  isEntity: (item: Record<string, unknown>, table: EntityTable) => keys.itemKind(table, item) === 'entity',
  /** Documents table: a document's text, an item of its own so that only a read that needs the text pays for it. */
  documentText: (id: string) => primaryKey('documents', id, TEXT_SK),
  /** The key of an entity item (part `entity`) or of a document's text (`text`) as version `version` stores it. */
  partAt: (table: EntityTable, id: string, part: 'entity' | 'text', version: number) =>
    primaryKey(table, versioned(version, id), part === 'text' ? TEXT_SK : ENTITY_SK),
  /** Which part of an entity a stored item is, by its sort key. */
  partOf: (item: Record<string, unknown>, table: EntityTable): 'entity' | 'text' | undefined => {
    const sk = item[TABLES[table].sortKey];
    return sk === ENTITY_SK ? 'entity' : table === 'documents' && sk === TEXT_SK ? 'text' : undefined;
  },
  /** What an item of a table is, by its sort key: the entity, or one of the relationship items; undefined for anything else. */
  itemKind: (
    table: EntityTable,
    item: Record<string, unknown>,
  ): 'entity' | 'documentText' | 'claimAbout' | 'claimPair' | 'eventDate' | undefined => {
    const sk = item[TABLES[table].sortKey];
    if (sk === ENTITY_SK) return 'entity';
    if (table === 'documents' && sk === TEXT_SK) return 'documentText';
    if (typeof sk !== 'string') return undefined;
    // A claim's listing under a topic has the shape of its listing under a subject.
    if (table === 'claims' && (sk.startsWith(ABOUT) || sk.startsWith(TOPIC))) return 'claimAbout';
    if (table === 'claims' && sk.startsWith(`${PAIR}#`)) return 'claimPair';
    if (table === 'events' && sk.startsWith(DATE)) return 'eventDate';
    return undefined;
  },
  /** The refresh lock (a lease): one item in the documents table, not versioned. */
  lock: () => primaryKey('documents', META_PK, LOCK_SK),
  /** The published-version pointer: one item in the documents table, not versioned. */
  current: () => primaryKey('documents', META_PK, CURRENT_SK),
  /** Items of no version: the lock and the pointer. */
  isMeta: (item: Record<string, unknown>, table: EntityTable) => item[TABLES[table].partitionKey] === META_PK,

  /** Documents table: the changes a version made, in pages of a few dozen (logical key; sort key = page number). */
  changePage: (page: number) => primaryKey('documents', CHANGES_PK, pad(page)),
  changesPartition: (version: number) => versioned(version, CHANGES_PK),

  /** Claims table: one item per (claim, subject it is about), in the byRef partition of the subject. */
  claimAbout: (claimId: string, subjectId: string) => primaryKey('claims', claimId, `${ABOUT}${subjectId}`),
  aboutPartition: (subjectId: string) => `${ABOUT}${subjectId}`,
  /** Claims table: one item per (claim, topic it addresses), in the byRef partition of the topic. */
  claimTopic: (claimId: string, topicId: string) => primaryKey('claims', claimId, `${TOPIC}${topicId}`),
  topicPartition: (topicId: string) => `${TOPIC}${topicId}`,
  /** Claims table: one item per related pair and listing (all pairs, or the pairs about one subject). */
  claimPair: (claimId: string, otherId: string, subjectId?: string) =>
    primaryKey('claims', claimId, `${PAIR}#${otherId}#${subjectId ?? ''}`),
  pairPartition: (subjectId?: string) => (subjectId === undefined ? PAIR : `${PAIR}#${subjectId}`),

  /** Events table: one item per distinct date an event has (its own and the reported ones). */
  eventDate: (eventId: string, date: string) => primaryKey('events', eventId, `${DATE}${date}`),
  /** The sort key of the item an events cursor resumes after: the entity, or one of its dates. */
  isEventListSk: (sk: string, byAnyDate: boolean) =>
    byAnyDate ? /^DATE#\d{4}(-\d{2}){0,2}$/.test(sk) : sk === ENTITY_SK,

  /** byDate partitions: events by their own date, or by any of their dates. */
  eventDatePartition: (precision: DatePrecision) => `EVENT#${precision}`,
  anyDatePartition: (precision: DatePrecision) => `DATES#${precision}`,

  /**
   * The logical index partition values an item is listed under, from its own
   * fields: all documents, the subjects of a kind, the organizations of a
   * kind, all claims, a document's and a speaker's claims. (Events and
   * relationship items carry theirs already: `datePartition`, `ref`.)
   */
  listPartitions: (table: EntityTable, item: Record<string, unknown>): Record<string, string> => {
    if (!keys.isEntity(item, table)) return {};
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const attrs: Record<string, string | undefined> = {};
    if (table === 'documents' || table === 'people' || table === 'claims') attrs.listPk = str(item.kind);
    if (table === 'people') attrs.organizationKindPk = str(item.organizationKind);
    if (table === 'claims') {
      attrs.documentPk = str(item.documentId);
      attrs.speakerPk = str(item.speakerId);
    }
    return Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined));
  },

  // Versions.
  /** A logical partition value (a list, a date partition, a subject's claims) as version `version` stores it. */
  partitionAt: (version: number, value: string) => versioned(version, value),
  /** The item as version `version` stores it: its partition key and index partition values prefixed. */
  stored: <T extends Record<string, unknown>>(table: EntityTable, item: T, version: number): T => {
    const copy: Record<string, unknown> = { ...item };
    for (const attr of partitionAttributes(table)) {
      const value = copy[attr];
      if (typeof value === 'string') copy[attr] = versioned(version, value);
    }
    return copy as T;
  },
  storedKey: (table: EntityTable, key: PrimaryKey, version: number): PrimaryKey =>
    primaryKey(table, versioned(version, key.pk), key.sk),
  /** The version a stored partition value belongs to; undefined for items of no version. */
  versionOf: (partitionValue: unknown): number | undefined => {
    const match = typeof partitionValue === 'string' ? VERSIONED.exec(partitionValue) : null;
    return match?.[1] === undefined ? undefined : Number(match[1]);
  },
  /** The logical value of a stored partition value (the id of an entity item). */
  logical: (partitionValue: string): string => partitionValue.replace(VERSIONED, ''),
  /** The item with its version taken off every partition value: what two versions can be compared on. */
  logicalItem: (table: EntityTable, item: Record<string, unknown>): Record<string, unknown> => {
    const copy: Record<string, unknown> = { ...item };
    for (const attr of partitionAttributes(table)) {
      const value = copy[attr];
      if (typeof value === 'string') copy[attr] = keys.logical(value);
    }
    return copy;
  },

  // Sort values of the list indexes.
  documentOrder: (publishedOn: string | null, id: string) => `${publishedOn ?? '0000'}#${id}`,
  subjectOrder: (foldedName: string, id: string) => `${foldedName}#${id}`,
  eventOrder: (startDay: string, id: string) => `${startDay}#${id}`,
  claimOrder: (documentId: string, start: number, id: string) => `${documentId}#${pad(start)}#${id}`,
  /** The id at the end of an order value built above. */
  idOfOrder: (order: string): string | undefined => {
    const at = order.lastIndexOf('#');
    return at < 0 || at === order.length - 1 ? undefined : order.slice(at + 1);
  },
} as const;
