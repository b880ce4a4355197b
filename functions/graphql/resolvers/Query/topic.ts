import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** An unknown id (or the id of a subject) is null, not an error. */
export const topic: QueryResolvers['topic'] = (_parent, { id }, { loaders }) => loaders.topic.load(id);
