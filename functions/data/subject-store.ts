/** The named subjects of the people table: people, organizations and places, each listed by name. */
import type { ORGANIZATION_KINDS, StoredItems } from './items.js';
import { keys, type SubjectKind } from './keys.js';
import {
  entityCount,
  queryCount,
  queryPage,
  resumeKey,
  resumeKeyMatches,
  type QueryPageInput,
  type Snapshot,
  type StoredKey,
} from './table-store.js';
import { itemReader } from './stored-items.js';
import { INDEX, indexPartitionKey } from './tables.js';

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

const ITEM_KIND = { PERSON: 'person', ORGANIZATION: 'organization', PLACE: 'place' } as const satisfies Record<
  SubjectKind,
  keyof StoredItems
>;

/** A list of subjects: all of one kind, or the organizations of one organization kind. */
export interface SubjectList<K extends SubjectKind> {
  kind: K;
  organizationKind?: OrganizationKind;
}

function listQuery(
  version: number,
  list: SubjectList<SubjectKind>,
): Omit<QueryPageInput, 'first' | 'after' | 'forward'> & { index: string; partitionValue: string } {
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

/** One page of a subject list, by name, with the key that resumes after each item. */
export async function listSubjects<K extends SubjectKind>(
  snap: Snapshot,
  list: SubjectList<K>,
  first: number,
  after?: StoredKey,
) {
  const query = listQuery(snap.version, list);
  const [page, read] = await Promise.all([
    queryPage(snap.ds, { ...query, forward: true, first, after }),
    itemReader(snap, ITEM_KIND[list.kind]),
  ]);
  return {
    items: page.items.map((raw) => ({ item: read(raw), resumeKey: resumeKey('people', query.index, raw) })),
    hasNextPage: page.hasNextPage,
  };
}

/** Whether a decoded key can resume this list's query. */
export function subjectResumeKeyAccepted(snap: Snapshot, list: SubjectList<SubjectKind>, key: StoredKey): boolean {
  const query = listQuery(snap.version, list);
  return resumeKeyMatches('people', query.index, key, query.partitionValue);
}

/** How many subjects the list has: the version record's count of the kind, or a count of the organization kind's partition. */
export async function countSubjects(snap: Snapshot, list: SubjectList<SubjectKind>): Promise<number> {
  if (list.organizationKind === undefined) return entityCount(snap, 'people', list.kind);
  return queryCount(snap.ds, listQuery(snap.version, list));
}
