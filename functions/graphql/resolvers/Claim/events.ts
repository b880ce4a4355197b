import type { ClaimResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadExisting } from '../../../data/loaders.js';

export const events: ClaimResolvers['events'] = (claim, _args, { loaders }) =>
  loadExisting(loaders.event, claim.eventIds);
