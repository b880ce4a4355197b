import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** An unknown id is null, not an error. */
export const claim: QueryResolvers['claim'] = (_parent, { id }, { loaders }) => loaders.claim.load(id);
