import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** TextAnchor is backed by the claim itself: its quote, span and stored anchor context. */
export const anchor: ClaimResolvers['anchor'] = (claim) => claim;
