import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { notFoundInternally } from '../../../shared/integrity.js';

export const document: ClaimResolvers['document'] = async (claim, _args, { loaders }) =>
  (await loaders.document.load(claim.documentId)) ?? notFoundInternally('document', claim.documentId);
