import type { SearchHitResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { highlightsOf } from '../../../search/highlights.js';

export const highlights: SearchHitResolvers['highlights'] = (hit) => highlightsOf(hit);
