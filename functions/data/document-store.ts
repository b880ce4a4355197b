import { keys } from './keys.js';
import type { StoredDocumentItem } from './items.js';
import { entityCount, queryPage, resumeKey, startKeyOf, type Snapshot } from './table-store.js';
import type { Page, PagePosition } from '../shared/page-position.js';
import { itemReader } from './stored-items.js';
import { INDEX, indexPartitionKey } from './tables.js';

const ALL = 'DOCUMENT';

/** All documents, newest first, from a position of this list. */
export async function listDocuments(
  snap: Snapshot,
  first: number,
  after: PagePosition | undefined,
): Promise<Page<StoredDocumentItem>> {
  const query = {
    table: 'documents',
    index: INDEX.documentsByPublished,
    partitionValue: keys.partitionAt(snap.version, ALL),
  } as const;
  const start = startKeyOf(after, query);
  const page = await queryPage(snap.ds, {
    ...query,
    keyCondition: '#p = :p',
    names: { '#p': indexPartitionKey('documents', INDEX.documentsByPublished) },
    values: { ':p': query.partitionValue },
    forward: false,
    first,
    after: start,
  });
  const read = await itemReader(snap, 'document');
  return {
    items: page.items.map((raw) => ({
      node: read(raw),
      position: { key: resumeKey('documents', INDEX.documentsByPublished, raw) },
    })),
    hasNextPage: page.hasNextPage,
  };
}

export const countDocuments = (snap: Snapshot) => entityCount(snap, 'documents');
