import type { DocumentResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadExisting } from '../../../data/loaders.js';

export const places: DocumentResolvers['places'] = (doc, _args, { loaders }) =>
  loadExisting(loaders.place, doc.placeIds);
