import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';

export const span: ClaimResolvers['span'] = (claim) => ({ start: claim.start, end: claim.end });
