import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** An unknown id is null, not an error. */
export const event: QueryResolvers['event'] = (_parent, { id }, { loaders }) => loaders.event.load(id);
