import type { DataSources } from './client.js';
import { documentItemSchema, type DocumentItem } from './items.js';
import { queryPage, resumeKey, resumeKeyMatches, tableCount, type StoredKey } from './table-store.js';
import { INDEX } from './tables.js';

/** All documents, newest first. */
export async function listDocuments(ds: DataSources, first: number, after?: StoredKey) {
  const page = await queryPage(ds, {
    table: 'documents',
    index: INDEX.documentsByPublished,
    keyCondition: '#kind = :kind',
    names: { '#kind': 'kind' },
    values: { ':kind': 'DOCUMENT' },
    forward: false,
    first,
    after,
  });
  return { items: page.items.map((i) => documentItemSchema.parse(i)), hasNextPage: page.hasNextPage };
}

export const documentResumeKeyAccepted = (key: StoredKey) => resumeKeyMatches('documents', INDEX.documentsByPublished, key, 'DOCUMENT');

export const documentResumeKey = (item: DocumentItem) => resumeKey('documents', INDEX.documentsByPublished, item);

export const countDocuments = (ds: DataSources) => tableCount(ds, 'documents');
