import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** An unknown id (or the id of a person or place) is null, not an error. */
export const organization: QueryResolvers['organization'] = (_parent, { id }, { loaders }) =>
  loaders.organization.load(id);
