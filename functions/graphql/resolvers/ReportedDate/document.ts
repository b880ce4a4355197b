import type { ReportedDateResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { notFoundInternally } from '../../../shared/integrity.js';

export const document: ReportedDateResolvers['document'] = async (reported, _args, { loaders }) =>
  (await loaders.document.load(reported.documentId)) ?? notFoundInternally('document', reported.documentId);
