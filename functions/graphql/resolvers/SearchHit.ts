import type { SearchHitResolvers } from '../../../schema/__generated__/resolvers-types.js';

export const SearchHit: SearchHitResolvers = {
  /**
   * Highlighting (stemming and text normalization) loads with the first search hit asked for its highlights, not
   * at every cold start. A document's highlights need its text: the texts of a page's document hits are one batch.
   */
  highlights: async (hit, _args, { loaders }) => {
    const [{ highlightsOf }, node] = await Promise.all([
      import('../../search/highlights.js'),
      hit.node.kind === 'DOCUMENT'
        ? loaders.documentText.load(hit.node).then((text) => ({ ...hit.node, text }))
        : hit.node,
    ]);
    return highlightsOf({ match: hit.match, node });
  },
  score: (hit) => hit.match.score,
};
