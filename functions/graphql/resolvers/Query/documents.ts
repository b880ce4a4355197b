import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countDocuments, documentResumeKeyAccepted, listDocuments } from '../../../data/document-store.js';
import { queryConnection } from '../../paging.js';

export const documents: QueryResolvers['documents'] = (_parent, args, { ds, cursors }, info) =>
  queryConnection(cursors, {
    info,
    listKey: 'documents',
    args,
    fetch: (first, after) => listDocuments(ds, first, after),
    acceptsKey: documentResumeKeyAccepted,
    totalCount: () => countDocuments(ds),
  });
