import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** An unknown id (or the id of a person or organization) is null, not an error. */
export const place: QueryResolvers['place'] = (_parent, { id }, { loaders }) => loaders.place.load(id);
