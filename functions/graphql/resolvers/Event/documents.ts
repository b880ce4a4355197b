import type { EventResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../../data/loaders.js';
import { idListConnection } from '../../paging.js';

export const documents: EventResolvers['documents'] = (event, args, { loaders, cursors }) =>
  idListConnection(cursors, {
    listKey: `event:${event.id}:documents`,
    ids: event.documentIds,
    args,
    load: (ids) => loadInOrder(loaders.document, ids),
  });
