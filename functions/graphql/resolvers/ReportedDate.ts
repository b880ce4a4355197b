import type { ReportedDateResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { notFoundInternally } from '../../shared/integrity.js';

export const ReportedDate: ReportedDateResolvers = {
  document: async (reported, _args, { loaders }) =>
    (await loaders.document.load(reported.documentId)) ?? notFoundInternally('document', reported.documentId),
  inferred: (reported) => reported.inferred === true,
  inference: (reported) => (reported.inferred === true ? (reported.inference ?? null) : null),
  span: (reported) => ({ start: reported.start, end: reported.end }),
};
