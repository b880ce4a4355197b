import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** An unknown id is null, not an error. */
export const person: QueryResolvers['person'] = (_parent, { id }, { loaders }) => loaders.person.load(id);
