import type { EventResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadExisting } from '../../../data/loaders.js';

export const participants: EventResolvers['participants'] = (event, _args, { loaders }) =>
  loadExisting(loaders.person, event.participantIds);
