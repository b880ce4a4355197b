import { keys } from './keys.js';
import { entityCount, queryPage, resumeKey, resumeKeyMatches, type Snapshot, type StoredKey } from './table-store.js';
import { itemReader } from './stored-items.js';
import { INDEX, indexPartitionKey } from './tables.js';

const ALL = 'DOCUMENT';

/** All documents, newest first, with the key that resumes after each. */
export async function listDocuments(snap: Snapshot, first: number, after?: StoredKey) {
  const page = await queryPage(snap.ds, {
    table: 'documents',
    index: INDEX.documentsByPublished,
    keyCondition: '#p = :p',
    names: { '#p': indexPartitionKey('documents', INDEX.documentsByPublished) },
    values: { ':p': keys.partitionAt(snap.version, ALL) },
    forward: false,
    first,
    after,
  });
  const read = await itemReader(snap, 'document');
  return {
    items: page.items.map((raw) => ({
      item: read(raw),
      resumeKey: resumeKey('documents', INDEX.documentsByPublished, raw),
    })),
    hasNextPage: page.hasNextPage,
  };
}

export const documentResumeKeyAccepted = (snap: Snapshot, key: StoredKey) =>
  resumeKeyMatches('documents', INDEX.documentsByPublished, key, keys.partitionAt(snap.version, ALL));

export const countDocuments = (snap: Snapshot) => entityCount(snap, 'documents');
