import type { SearchHitResolvers } from '../../../../schema/__generated__/resolvers-types.js';

/** Highlighting (stemming and text normalization) loads with the first search hit asked for its highlights, not at every cold start. */
export const highlights: SearchHitResolvers['highlights'] = async (hit) =>
  (await import('../../../search/highlights.js')).highlightsOf(hit);
