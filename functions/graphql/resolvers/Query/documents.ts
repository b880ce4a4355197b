import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countDocuments, documentResumeKeyAccepted, listDocuments } from '../../../data/document-store.js';
import { queryConnection } from '../../paging.js';

export const documents: QueryResolvers['documents'] = async (_parent, args, { snapshot, cursors }, info) => {
  const snap = await snapshot();
  return queryConnection(cursors, {
    info,
    listKey: 'documents',
    args,
    fetch: (first, after) => listDocuments(snap, first, after),
    acceptsKey: (key) => documentResumeKeyAccepted(snap, key),
    totalCount: () => countDocuments(snap),
  });
};
