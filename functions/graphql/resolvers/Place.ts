import type { PlaceResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../data/loaders.js';
import { idListConnection } from '../paging.js';

export const Place: PlaceResolvers = {
  claims: (place, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `place:${place.id}:claims`,
      ids: place.claimsAboutIds,
      args,
      load: (ids) => loadInOrder(loaders.claim, ids),
    }),
  events: (place, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `place:${place.id}:events`,
      ids: place.eventIds,
      args,
      load: (ids) => loadInOrder(loaders.event, ids),
    }),
  mentionedIn: (place, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `place:${place.id}:mentionedIn`,
      ids: place.mentionedInIds,
      args,
      load: (ids) => loadInOrder(loaders.document, ids),
    }),
};
