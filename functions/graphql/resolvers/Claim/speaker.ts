import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';

export const speaker: ClaimResolvers['speaker'] = (claim, _args, { loaders }) =>
  claim.speakerId === undefined ? null : loaders.person.load(claim.speakerId);
