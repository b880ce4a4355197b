import type { EventResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { loadExisting, loadInOrder } from '../../data/loaders.js';
import { idListConnection } from '../paging.js';

export const Event: EventResolvers = {
  claims: (event, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `event:${event.id}:claims`,
      ids: event.claimIds,
      args,
      load: (ids) => loadInOrder(loaders.claim, ids),
    }),
  /**
   * Stored by the refresh: stated dates that cannot both be right (a month and a
   * day inside it agree; an inferred date does not count). Items of a version
   * written before the refresh stored it (item format 5) say false.
   */
  disputed: (event) => event.disputed === true,
  documents: (event, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `event:${event.id}:documents`,
      ids: event.documentIds,
      args,
      load: (ids) => loadInOrder(loaders.document, ids),
    }),
  participants: (event, _args, { loaders }) => loadExisting(loaders.person, event.participantIds),
  places: (event, _args, { loaders }) => loadExisting(loaders.place, event.placeIds),
  topics: (event, _args, { loaders }) => loadExisting(loaders.topic, event.topicIds ?? []),
};
