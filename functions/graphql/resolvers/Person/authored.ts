import type { PersonResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadExisting } from '../../../data/loaders.js';

export const authored: PersonResolvers['authored'] = (person, _args, { loaders }) =>
  loadExisting(loaders.document, person.authoredIds);
