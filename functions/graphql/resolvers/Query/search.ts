import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { loadByKind } from '../../../data/loaders.js';
import type { SearchHitModel } from '../../models.js';
import { offsetPage } from '../../../shared/page-position.js';
import { connection } from '../../paging.js';
import { checkQueryText, filtersOf, searchListKey } from '../../search-args.js';

export const search: QueryResolvers['search'] = async (_parent, args, context) => {
  checkQueryText(args.query);
  // The query language (and the text normalization under it) loads on an instance's first search, not at every cold start.
  const { parseQuery, queryKey } = await import('../../../search/query-syntax.js');
  const parsed = parseQuery(args.query);
  const filters = filtersOf(args);
  // The version's index: a search answers from the same version as every other field of the request.
  const snap = await context.snapshot();
  return connection(context.cursors, {
    listKey: searchListKey(queryKey(parsed), filters),
    args,
    // Called once the connection has checked `first` and `after`: bad paging input is refused before the index is touched.
    read: async (first, after) => {
      // Only punctuation or exclusions: nothing to look for, and no index to load for it.
      const results =
        parsed.clauses.length === 0
          ? { total: 0, page: async () => [] }
          : await (await context.search.forHash(snap.record.searchIndex)).search(parsed, filters);
      const page = await offsetPage(results.total, first, after, async (offset, count) =>
        Promise.all(
          (await results.page(offset, count)).map(async (match): Promise<SearchHitModel | null> => {
            const node = await loadByKind(context.loaders, match.kind, match.id);
            return node === null ? null : { match, node };
          }),
        ),
      );
      return { ...page, total: results.total };
    },
    totalCount: (page) => page?.total ?? 0,
  });
};
