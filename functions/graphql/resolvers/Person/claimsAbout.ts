import type { PersonResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../../data/loaders.js';
import { idListConnection } from '../../paging.js';

export const claimsAbout: PersonResolvers['claimsAbout'] = (person, args, { loaders, cursors }) =>
  idListConnection(cursors, {
    listKey: `person:${person.id}:claimsAbout`,
    ids: person.claimsAboutIds,
    args,
    load: (ids) => loadInOrder(loaders.claim, ids),
  });
