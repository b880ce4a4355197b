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
 * Every partition value (the table's and each index's) starts with the version
 * that holds the item (keys.ts), so an index partition never doubles as a data
 * field: `kind`, `documentId`, `speakerId` are served as they are, and the
 * index reads `listPk`, `documentPk`, `speakerPk`, their versioned copies.
 *
 * A document's people, organizations, places and events, a subject's documents
 * and claims, an event's documents, places and claims are ordered id lists on
 * the item (written by the seed refresh), read by key and batched, so they need
 * no index of their own. Key values are built in keys.ts.
 */

export const INDEX = {
  /** documents: all documents, newest first (pk `listPk` = DOCUMENT, sk `published#id`). */
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
    indexes: [{ name: INDEX.documentsByPublished, partitionKey: 'listPk', sortKey: 'order' }],
  },
  people: {
    name: 'people',
    partitionKey: 'pk',
    sortKey: 'sk',
    envVar: 'PEOPLE_TABLE',
    indexes: [
      { name: INDEX.subjectsByName, partitionKey: 'listPk', sortKey: 'order' },
      { name: INDEX.organizationsByKind, partitionKey: 'organizationKindPk', sortKey: 'order' },
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
      { name: INDEX.claimsByOrder, partitionKey: 'listPk', sortKey: 'order' },
      { name: INDEX.claimsByDocument, partitionKey: 'documentPk', sortKey: 'order' },
      { name: INDEX.claimsBySpeaker, partitionKey: 'speakerPk', sortKey: 'order' },
      { name: INDEX.claimsByRef, partitionKey: 'ref', sortKey: 'order' },
    ],
  },
};

export const TABLE_LIST: readonly TableDefinition[] = Object.values(TABLES);

/** The partition attribute of one index of a table. */
export function indexPartitionKey(table: EntityTable, index: string): string {
  const found = TABLES[table].indexes.find((i) => i.name === index);
  if (found === undefined) throw new Error(`no index ${index} on ${table}`);
  return found.partitionKey;
}

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
