import { createHash } from 'node:crypto';
import type { QueryResolvers, SearchType } from '../../../../schema/__generated__/resolvers-types.js';
import type { SearchHitModel, SearchMatch } from '../../../search/search-model.js';
import { queryTerms } from '../../../search/text-analysis.js';
import { badUserInput } from '../../../shared/errors.js';
import { loadByKind } from '../../../data/loaders.js';
import { idListConnection, pageSize } from '../../paging.js';

export const MAX_QUERY_LENGTH = 200;

const keyOf = (match: SearchMatch) => `${match.kind}:${match.id}`;

/**
 * Cursors are offsets into one search's ranked hits, so they are bound to the
 * folded query and the kinds (hashed: a 200-character query would bloat every cursor).
 */
function listKeyOf(terms: readonly string[], kinds: readonly SearchType[]): string {
  const digest = createHash('sha256').update(`${terms.join(' ')}\u0000${kinds.join(',')}`).digest('base64url').slice(0, 16);
  return `search:${digest}`;
}

export const search: QueryResolvers['search'] = async (_parent, args, context) => {
  if (args.query.trim() === '') throw badUserInput('"query" is empty: give at least one word to search for.', { argumentName: 'query' });
  // Characters as a reader counts them: code points, not UTF-16 units.
  const length = Array.from(args.query).length;
  if (length > MAX_QUERY_LENGTH) {
    throw badUserInput(`"query" must be at most ${MAX_QUERY_LENGTH} characters (got ${length}).`, { argumentName: 'query' });
  }
  const terms = queryTerms(args.query);
  const kinds = [...new Set(args.types ?? [])].sort();
  const listKey = listKeyOf(terms, kinds);
  // Bad paging input is refused before the index is touched.
  pageSize(args.first);
  if (args.after != null) context.cursors.decode(args.after, listKey);

  // Only punctuation: nothing to look for, and no index to load for it.
  const matches = terms.length === 0 ? [] : (await context.search.current()).search(terms, new Set(kinds));
  const byKey = new Map(matches.map((m) => [keyOf(m), m]));
  return idListConnection<SearchHitModel>(context.cursors, {
    listKey,
    ids: matches.map(keyOf),
    args,
    // An item deleted after the index was built is left out of its page.
    load: (keys) =>
      Promise.all(
        keys.map(async (key) => {
          const match = byKey.get(key);
          const node = match === undefined ? null : await loadByKind(context.loaders, match.kind, match.id);
          return match === undefined || node === null ? null : { match, node };
        }),
      ),
  });
};
