import type { TextAnchorResolvers } from '../../../schema/__generated__/resolvers-types.js';

export const TextAnchor: TextAnchorResolvers = {
  exact: (claim) => claim.quote,
  prefix: (claim) => claim.anchor.prefix,
  suffix: (claim) => claim.anchor.suffix,
  codePointStart: (claim) => claim.anchor.codePointStart,
  codePointEnd: (claim) => claim.anchor.codePointEnd,
  status: (claim) => claim.anchor.status,
};
