import type { TopicResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { countClaims, listClaims } from '../../data/claim-store.js';
import { loadInOrder } from '../../data/loaders.js';
import { connection, idListConnection } from '../paging.js';

export const Topic: TopicResolvers = {
  // The topic's partition, as claims(topicId:) reads it: a topic item holds no claim list.
  claims: async (topic, args, { snapshot, loaders, cursors }, info) => {
    const snap = await snapshot();
    const filter = { topicId: topic.id };
    return connection(cursors, {
      info,
      listKey: `topic:${topic.id}:claims`,
      args,
      read: (first, after) => listClaims(snap, loaders.claim, filter, first, after),
      totalCount: () => countClaims(snap, loaders, filter),
    });
  },
  events: (topic, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `topic:${topic.id}:events`,
      ids: topic.eventIds,
      args,
      load: (ids) => loadInOrder(loaders.event, ids),
    }),
};
