import type { PersonResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../../data/loaders.js';
import { idListConnection } from '../../paging.js';

export const mentionedIn: PersonResolvers['mentionedIn'] = (person, args, { loaders, cursors }) =>
  idListConnection(cursors, {
    listKey: `person:${person.id}:mentionedIn`,
    ids: person.mentionedInIds,
    args,
    load: (ids) => loadInOrder(loaders.document, ids),
  });
