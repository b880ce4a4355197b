import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { textFragmentLink } from '../../../shared/text-fragment.js';

export const sourceLink: ClaimResolvers['sourceLink'] = async (claim, _args, { loaders }) => {
  const doc = await loaders.document.load(claim.documentId);
  if (doc?.url == null) return null;
  return textFragmentLink(doc.url, doc.text, { start: claim.start, end: claim.end });
};
