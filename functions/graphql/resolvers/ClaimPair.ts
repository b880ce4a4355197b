import type { ClaimPairResolvers } from '../../../schema/__generated__/resolvers-types.js';
import type { GraphQLContext } from '../context.js';

async function load({ loaders }: GraphQLContext, id: string) {
  const claim = await loaders.claim.load(id);
  // Pair items are written with their claims; a missing one is a broken corpus version.
  if (claim === null) throw new Error(`claim ${id} of a related pair is missing`);
  return claim;
}

export const ClaimPair: ClaimPairResolvers = {
  claim: (pair, _args, context) => load(context, pair.claimId),
  kind: (pair) => pair.pairKind,
  other: (pair, _args, context) => load(context, pair.otherId),
};
