import type { TopicResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { loadInOrder } from '../../data/loaders.js';
import { idListConnection } from '../paging.js';
import { claimsConnection } from './Query/claims.js';

export const Topic: TopicResolvers = {
  // The topic's partition, as claims(topicId:) reads it: a topic item holds no claim list.
  claims: (topic, args, context, info) =>
    claimsConnection(context, { topicId: topic.id }, `topic:${topic.id}:claims`, args, info),
  events: (topic, args, { loaders, cursors }) =>
    idListConnection(cursors, {
      listKey: `topic:${topic.id}:events`,
      ids: topic.eventIds,
      args,
      load: (ids) => loadInOrder(loaders.event, ids),
    }),
};
