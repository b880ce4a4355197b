import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';

export const kind: ClaimResolvers['kind'] = (claim) => claim.claimKind;
