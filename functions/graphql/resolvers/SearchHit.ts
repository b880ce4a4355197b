import type { SearchHitResolvers } from '../../../schema/__generated__/resolvers-types.js';

export const SearchHit: SearchHitResolvers = {
  /** Highlighting (stemming and text normalization) loads with the first search hit asked for its highlights, not at every cold start. */
  highlights: async (hit) => (await import('../../search/highlights.js')).highlightsOf(hit),
  score: (hit) => hit.match.score,
};
