import type { ClaimRelationResolvers } from '../../../schema/__generated__/resolvers-types.js';

export const ClaimRelation: ClaimRelationResolvers = {
  claim: async (relation, _args, { loaders }) => {
    const claim = await loaders.claim.load(relation.claimId);
    // The refresh writes both claims of a relation in the same run; a missing one is a broken corpus version.
    if (claim === null) throw new Error(`related claim ${relation.claimId} is missing`);
    return claim;
  },
};
