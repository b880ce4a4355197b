import type { PersonResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../../data/loaders.js';
import { idListConnection } from '../../paging.js';

export const claims: PersonResolvers['claims'] = (person, args, { loaders, cursors }) =>
  idListConnection(cursors, {
    listKey: `person:${person.id}:claims`,
    ids: person.claimIds,
    args,
    load: (ids) => loadInOrder(loaders.claim, ids),
  });
