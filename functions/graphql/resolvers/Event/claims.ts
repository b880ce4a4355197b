import type { EventResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../../data/loaders.js';
import { idListConnection } from '../../paging.js';

export const claims: EventResolvers['claims'] = (event, args, { loaders, cursors }) =>
  idListConnection(cursors, {
    listKey: `event:${event.id}:claims`,
    ids: event.claimIds,
    args,
    load: (ids) => loadInOrder(loaders.claim, ids),
  });
