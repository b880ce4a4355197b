import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** Stored on the claim item (both sides of every relation), so no read is needed until the other claim is asked for. */
export const relations: ClaimResolvers['relations'] = (claim, { kind }) =>
  kind == null ? claim.relations : claim.relations.filter((r) => r.kind === kind);
