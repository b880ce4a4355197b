/** The named subjects of the people table (people, organizations, places) and the topics, each listed by name. */
import type { ORGANIZATION_KINDS, StoredItems } from './items.js';
import { keys, type NamedKind } from './keys.js';
import {
  entityCount,
  queryCount,
  queryPage,
  resumeKey,
  startKeyOf,
  type QueryPageInput,
  type Snapshot,
} from './table-store.js';
import type { Page, PagePosition } from '../shared/page-position.js';
import { itemReader } from './stored-items.js';
import { INDEX, indexPartitionKey } from './tables.js';

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

const ITEM_KIND = {
  PERSON: 'person',
  ORGANIZATION: 'organization',
  PLACE: 'place',
  TOPIC: 'topic',
} as const satisfies Record<NamedKind, keyof StoredItems>;

/** A list of subjects: all of one kind, or the organizations of one organization kind. */
export interface SubjectList<K extends NamedKind> {
  kind: K;
  organizationKind?: OrganizationKind;
}

function listQuery(
  version: number,
  list: SubjectList<NamedKind>,
): Omit<QueryPageInput, 'first' | 'after' | 'forward'> & { table: 'people'; index: string; partitionValue: string } {
  const index = list.organizationKind !== undefined ? INDEX.organizationsByKind : INDEX.subjectsByName;
  const partitionValue = keys.partitionAt(version, list.organizationKind ?? list.kind);
  return {
    table: 'people',
    index,
    partitionValue,
    keyCondition: '#k = :k',
    names: { '#k': indexPartitionKey('people', index) },
    values: { ':k': partitionValue },
  };
}

/** One page of a subject list, by name, from a position of this list. */
export async function listSubjects<K extends NamedKind>(
  snap: Snapshot,
  list: SubjectList<K>,
  first: number,
  after: PagePosition | undefined,
): Promise<Page<StoredItems[(typeof ITEM_KIND)[K]]>> {
  const query = listQuery(snap.version, list);
  const start = startKeyOf(after, query);
  const [page, read] = await Promise.all([
    queryPage(snap.ds, { ...query, forward: true, first, after: start }),
    itemReader(snap, ITEM_KIND[list.kind]),
  ]);
  return {
    items: page.items.map((raw) => ({ node: read(raw), position: { key: resumeKey('people', query.index, raw) } })),
    hasNextPage: page.hasNextPage,
  };
}

/** How many subjects the list has: the version record's count of the kind, or a count of the organization kind's partition. */
export async function countSubjects(snap: Snapshot, list: SubjectList<NamedKind>): Promise<number> {
  // The version record counts the subjects of each kind; the few topics are counted in their partition.
  if (list.organizationKind === undefined && list.kind !== 'TOPIC') return entityCount(snap, 'people', list.kind);
  return queryCount(snap.ds, listQuery(snap.version, list));
}
