import type { EventResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadExisting } from '../../../data/loaders.js';

export const places: EventResolvers['places'] = (event, _args, { loaders }) =>
  loadExisting(loaders.place, event.placeIds);
