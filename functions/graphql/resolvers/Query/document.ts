import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** An unknown id is null, not an error. */
export const document: QueryResolvers['document'] = (_parent, { id }, { loaders }) => loaders.document.load(id);
