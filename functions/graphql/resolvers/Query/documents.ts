import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countDocuments, listDocuments } from '../../../data/document-store.js';
import { connection } from '../../paging.js';

export const documents: QueryResolvers['documents'] = async (_parent, args, { snapshot, cursors }, info) => {
  const snap = await snapshot();
  return connection(cursors, {
    info,
    listKey: 'documents',
    args,
    read: (first, after) => listDocuments(snap, first, after),
    totalCount: () => countDocuments(snap),
  });
};
