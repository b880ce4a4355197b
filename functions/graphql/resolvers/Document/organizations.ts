import type { DocumentResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadExisting } from '../../../data/loaders.js';

export const organizations: DocumentResolvers['organizations'] = (doc, _args, { loaders }) =>
  loadExisting(loaders.organization, doc.organizationIds);
