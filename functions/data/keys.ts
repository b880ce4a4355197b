/**
 * Every partition, sort and index key value the tables hold, built and parsed
 * here and nowhere else: the item builder, the stores, the refresh and the
 * cursors all call these functions (a unit test refuses key literals
 * elsewhere). The table and index definitions themselves are in tables.ts.
 */
import { TABLES, type EntityTable } from './tables.js';

/** Sort key of an entity item; relationship items of the same partition use `<KIND>#…`. */
const ENTITY_SK = '#';
const META_PK = '#META';
const COUNT_SK = '#COUNT';
const LOCK_SK = '#LOCK';
const ABOUT = 'ABOUT#';
const PAIR = 'PAIR';
const DATE = 'DATE#';

export type StoredKey = Record<string, string>;

/** What the people table holds: every named subject, listed by name in a partition of its own. */
export type SubjectKind = 'PERSON' | 'ORGANIZATION' | 'PLACE';
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

export const keys = {
  /** An entity item: documents, people (and the other named subjects), events, claims. */
  entity: (table: EntityTable, id: string) => primaryKey(table, id, ENTITY_SK),
  isEntity: (item: Record<string, unknown>, table: EntityTable) => item[TABLES[table].sortKey] === ENTITY_SK,
  /** The item count the refresh keeps per table, or per kind of subject in the people table. */
  count: (table: EntityTable, kind?: string) => primaryKey(table, META_PK, kind === undefined ? COUNT_SK : `${COUNT_SK}#${kind}`),
  /** The refresh lock: one item, in the documents table. */
  lock: () => primaryKey('documents', META_PK, LOCK_SK),
  isMeta: (item: Record<string, unknown>, table: EntityTable) => item[TABLES[table].partitionKey] === META_PK,

  /** Claims table: one item per (claim, subject it is about), in the byRef partition of the subject. */
  claimAbout: (claimId: string, subjectId: string) => primaryKey('claims', claimId, `${ABOUT}${subjectId}`),
  aboutPartition: (subjectId: string) => `${ABOUT}${subjectId}`,
  /** Claims table: one item per related pair and listing (all pairs, or the pairs about one subject). */
  claimPair: (claimId: string, otherId: string, subjectId?: string) =>
    primaryKey('claims', claimId, `${PAIR}#${otherId}#${subjectId ?? ''}`),
  pairPartition: (subjectId?: string) => (subjectId === undefined ? PAIR : `${PAIR}#${subjectId}`),

  /** Events table: one item per distinct date an event has (its own and the reported ones). */
  eventDate: (eventId: string, date: string) => primaryKey('events', eventId, `${DATE}${date}`),
  /** The sort key of the item an events cursor resumes after: the entity, or one of its dates. */
  isEventListSk: (sk: string, byAnyDate: boolean) => (byAnyDate ? /^DATE#\d{4}(-\d{2}){0,2}$/.test(sk) : sk === ENTITY_SK),

  /** byDate partitions: events by their own date, or by any of their dates. */
  eventDatePartition: (precision: DatePrecision) => `EVENT#${precision}`,
  anyDatePartition: (precision: DatePrecision) => `DATES#${precision}`,

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
