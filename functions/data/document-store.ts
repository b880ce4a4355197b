import type { DataSources } from './client.js';
import { documentItemSchema } from './items.js';
import { queryPage, resumeKey, resumeKeyMatches, tableCount, type StoredKey } from './table-store.js';
import { INDEX } from './tables.js';

const ALL = 'DOCUMENT';

/** All documents, newest first, with the key that resumes after each. */
export async function listDocuments(ds: DataSources, first: number, after?: StoredKey) {
  const page = await queryPage(ds, {
    table: 'documents',
    index: INDEX.documentsByPublished,
    keyCondition: '#kind = :kind',
    names: { '#kind': 'kind' },
    values: { ':kind': ALL },
    forward: false,
    first,
    after,
  });
  return {
    items: page.items.map((raw) => ({ item: documentItemSchema.parse(raw), resumeKey: resumeKey('documents', INDEX.documentsByPublished, raw) })),
    hasNextPage: page.hasNextPage,
  };
}

export const documentResumeKeyAccepted = (key: StoredKey) => resumeKeyMatches('documents', INDEX.documentsByPublished, key, ALL);

export const countDocuments = (ds: DataSources) => tableCount(ds, 'documents');
