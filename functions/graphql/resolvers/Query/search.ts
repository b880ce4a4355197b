import { createHash } from 'node:crypto';
import type { QueryResolvers, QuerySearchArgs } from '../../../../schema/__generated__/resolvers-types.js';
import type { SearchFilters } from '../../../search/search-model.js';
import type { SearchHitModel } from '../../models.js';
import { isDayRange, parsePartialDate } from '../../../shared/dates.js';
import { badUserInput } from '../../../shared/errors.js';
import { loadByKind } from '../../../data/loaders.js';
import { pageSize } from '../../paging.js';

export const MAX_QUERY_LENGTH = 200;

/** from/to as `events(from, to)` reads them: the first day of `from`, the last day of `to`. */
function dayOf(argumentName: 'from' | 'to', value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const range = parsePartialDate(value);
  if (!isDayRange(range)) throw badUserInput(`Invalid "${argumentName}": ${range.error}.`, { argumentName });
  return argumentName === 'from' ? range.start : range.end;
}

function filtersOf(args: QuerySearchArgs): SearchFilters {
  const fromDay = dayOf('from', args.from);
  const toDay = dayOf('to', args.to);
  if (fromDay !== undefined && toDay !== undefined && fromDay > toDay) {
    throw badUserInput(`"from" (${args.from}) is after "to" (${args.to}).`, { argumentName: 'from' });
  }
  return {
    kinds: new Set([...new Set(args.types ?? [])].sort()),
    ...(args.documentId == null ? {} : { documentId: args.documentId }),
    ...(args.speakerId == null ? {} : { speakerId: args.speakerId }),
    ...(args.aboutId == null ? {} : { aboutId: args.aboutId }),
    ...(fromDay === undefined ? {} : { fromDay }),
    ...(toDay === undefined ? {} : { toDay }),
  };
}

/**
 * Cursors are offsets into one search's ranked hits, so they are bound to the
 * parsed query and the filters (hashed: a 200-character query would bloat every cursor).
 */
function listKeyOf(query: string, filters: SearchFilters): string {
  const { kinds, ...rest } = filters;
  const digest = createHash('sha256')
    .update(`${query}\u0000${[...kinds].join(',')}\u0000${JSON.stringify(rest)}`)
    .digest('base64url')
    .slice(0, 16);
  return `search:${digest}`;
}

export const search: QueryResolvers['search'] = async (_parent, args, context) => {
  if (args.query.trim() === '')
    throw badUserInput('"query" is empty: give at least one word to search for.', { argumentName: 'query' });
  // Characters as a reader counts them: code points, not UTF-16 units.
  const length = Array.from(args.query).length;
  if (length > MAX_QUERY_LENGTH) {
    throw badUserInput(`"query" must be at most ${MAX_QUERY_LENGTH} characters (got ${length}).`, {
      argumentName: 'query',
    });
  }
  // The query language (and the text normalization under it) loads on an instance's first search, not at every cold start.
  const { parseQuery, queryKey } = await import('../../../search/query-syntax.js');
  const parsed = parseQuery(args.query);
  const filters = filtersOf(args);
  const listKey = listKeyOf(queryKey(parsed), filters);
  // Bad paging input is refused before the index is touched.
  const first = pageSize(args.first);
  // The version's index: a search answers from the same version as every other field of the request.
  const snap = await context.snapshot();
  const after = args.after == null ? undefined : await context.cursors.decode(args.after, listKey);
  if (after !== undefined && !('o' in after))
    throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
  const offset = after?.o ?? 0;

  // Only punctuation or exclusions: nothing to look for, and no index to load for it.
  const results =
    parsed.clauses.length === 0
      ? { total: 0, page: () => [] }
      : (await context.search.forHash(snap.record.searchIndex)).search(parsed, filters);
  const matches = results.page(offset, first);
  const loaded = await Promise.all(
    matches.map(async (match) => ({ match, node: await loadByKind(context.loaders, match.kind, match.id) })),
  );
  const edges: { node: SearchHitModel; cursor: () => string }[] = [];
  // An item deleted after the index was built is left out of its page.
  loaded.forEach(({ match, node }, i) => {
    if (node !== null)
      edges.push({ node: { match, node }, cursor: () => context.cursors.encode({ l: listKey, o: offset + i + 1 }) });
  });
  return { edges, hasNextPage: offset + first < results.total, totalCount: () => results.total };
};
