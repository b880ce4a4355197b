import type { DocumentResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadExisting } from '../../../data/loaders.js';

export const events: DocumentResolvers['events'] = (doc, _args, { loaders }) =>
  loadExisting(loaders.event, doc.eventIds);
