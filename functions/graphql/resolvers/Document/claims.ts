import type { DocumentResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../../data/loaders.js';
import { idListConnection } from '../../paging.js';

export const claims: DocumentResolvers['claims'] = (doc, args, { loaders, cursors }) =>
  idListConnection(cursors, {
    listKey: `document:${doc.id}:claims`,
    ids: doc.claimIds,
    args,
    load: (ids) => loadInOrder(loaders.claim, ids),
  });
