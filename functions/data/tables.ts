/**
 * Every DynamoDB table and index, defined once as plain data. The CDK stack,
 * the local engine's CreateTable calls and the seed loader all read this.
 */

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  /** Logical name; also the suffix of the physical table name. */
  readonly name: EntityTable;
  /** Every table has the same generic key attributes; what they hold is built in keys.ts. */
  readonly partitionKey: 'pk';
  readonly sortKey: 'sk';
  readonly indexes: readonly IndexDefinition[];
  /** Environment variable that carries the physical table name into a function. */
  readonly envVar: string;
}

export type EntityTable = 'documents' | 'people' | 'events' | 'claims';

/*
 * A document's people, organizations, places and events, a subject's documents
 * and claims, an event's documents, places and claims are ordered id lists on
 * the item (written by the seed refresh), read by key and batched, so they need
 * no index of their own. Key values are built in keys.ts.
 */

export const INDEX = {
  /** documents: all documents, newest first (pk `kind`, sk `published#id`). */
  documentsByPublished: 'byPublished',
  /** people: the named subjects of one kind (PERSON, ORGANIZATION, PLACE) by name. */
  subjectsByName: 'byName',
  /** people: the organizations of one kind (STATE, COMPANY, …) by name. */
  organizationsByKind: 'byOrganizationKind',
  /** events: by start date, one partition per date precision; events by their own date or by any date they have. */
  eventsByDate: 'byDate',
  /** claims: all claims in reading order (document, position). */
  claimsByOrder: 'byOrder',
  /** claims: a document's claims in reading order. */
  claimsByDocument: 'byDocument',
  /** claims: a speaker's claims. */
  claimsBySpeaker: 'bySpeaker',
  /** claims: relationship items by the subject a claim is about, and related pairs. */
  claimsByRef: 'byRef',
} as const;

export const TABLES: Record<EntityTable, TableDefinition> = {
  documents: {
    name: 'documents',
    partitionKey: 'pk',
    sortKey: 'sk',
    envVar: 'DOCUMENTS_TABLE',
    indexes: [
      { name: INDEX.documentsByPublished, partitionKey: 'kind', sortKey: 'order' },
    ],
  },
  people: {
    name: 'people',
    partitionKey: 'pk',
    sortKey: 'sk',
    envVar: 'PEOPLE_TABLE',
    indexes: [
      { name: INDEX.subjectsByName, partitionKey: 'kind', sortKey: 'order' },
      { name: INDEX.organizationsByKind, partitionKey: 'organizationKind', sortKey: 'order' },
    ],
  },
  events: {
    name: 'events',
    partitionKey: 'pk',
    sortKey: 'sk',
    envVar: 'EVENTS_TABLE',
    indexes: [{ name: INDEX.eventsByDate, partitionKey: 'datePartition', sortKey: 'order' }],
  },
  claims: {
    name: 'claims',
    partitionKey: 'pk',
    sortKey: 'sk',
    envVar: 'CLAIMS_TABLE',
    indexes: [
      { name: INDEX.claimsByOrder, partitionKey: 'kind', sortKey: 'order' },
      { name: INDEX.claimsByDocument, partitionKey: 'documentId', sortKey: 'order' },
      { name: INDEX.claimsBySpeaker, partitionKey: 'speakerId', sortKey: 'order' },
      { name: INDEX.claimsByRef, partitionKey: 'ref', sortKey: 'order' },
    ],
  },
};

export const TABLE_LIST: readonly TableDefinition[] = Object.values(TABLES);

/** Attribute names that are keys of the table or of one of its indexes (all strings). */
export function keyAttributes(table: TableDefinition): string[] {
  const names = new Set<string>([table.partitionKey, table.sortKey]);
  for (const index of table.indexes) {
    names.add(index.partitionKey);
    names.add(index.sortKey);
  }
  return [...names];
}

/** Default physical names used locally; in AWS the env vars carry CDK's names. */
export function localTableName(table: TableDefinition, prefix = 'kb'): string {
  return `${prefix}-${table.name}`;
}
