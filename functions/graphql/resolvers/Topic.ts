import type { TopicResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../data/loaders.js';
import { idListConnection } from '../paging.js';

export const Topic: TopicResolvers = {
  claims: (topic, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `topic:${topic.id}:claims`,
      ids: topic.claimIds,
      args,
      load: (ids) => loadInOrder(loaders.claim, ids),
    }),
  events: (topic, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `topic:${topic.id}:events`,
      ids: topic.eventIds,
      args,
      load: (ids) => loadInOrder(loaders.event, ids),
    }),
};
