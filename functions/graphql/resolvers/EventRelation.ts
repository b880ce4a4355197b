import type { EventRelationResolvers } from '../../../schema/__generated__/resolvers-types.js';

export const EventRelation: EventRelationResolvers = {
  event: async (relation, _args, { loaders }) => {
    const event = await loaders.event.load(relation.eventId);
    if (event === null) throw new Error(`related event ${relation.eventId} is missing`);
    return event;
  },
};
