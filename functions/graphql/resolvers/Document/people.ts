import type { DocumentResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadExisting } from '../../../data/loaders.js';

export const people: DocumentResolvers['people'] = (doc, _args, { loaders }) =>
  loadExisting(loaders.person, doc.personIds);
