/** The arguments of `search`, checked and read into what the engine takes and the list key its cursors carry. */
import { createHash } from 'node:crypto';
import type { QuerySearchArgs } from '../../schema/__generated__/resolvers-types.js';
import type { SearchFilters } from '../search/search-model.js';
import { dayWindow } from '../shared/date-range.js';
import { badUserInput } from '../shared/errors.js';

export const MAX_QUERY_LENGTH = 200;

/** Refuses an empty query and one longer than MAX_QUERY_LENGTH characters. */
export function checkQueryText(query: string): void {
  if (query.trim() === '')
    throw badUserInput('"query" is empty: give at least one word to search for.', { argumentName: 'query' });
  // Characters as a reader counts them: code points, not UTF-16 units.
  const length = Array.from(query).length;
  if (length > MAX_QUERY_LENGTH) {
    throw badUserInput(`"query" must be at most ${MAX_QUERY_LENGTH} characters (got ${length}).`, {
      argumentName: 'query',
    });
  }
}

export function filtersOf(args: QuerySearchArgs): SearchFilters {
  return {
    kinds: new Set([...new Set(args.types ?? [])].sort()),
    ...(args.documentId == null ? {} : { documentId: args.documentId }),
    ...(args.speakerId == null ? {} : { speakerId: args.speakerId }),
    ...(args.aboutId == null ? {} : { aboutId: args.aboutId }),
    ...(args.topicId == null ? {} : { topicId: args.topicId }),
    ...dayWindow(args),
  };
}

/**
 * Cursors are offsets into one search's ranked hits, so they are bound to the
 * parsed query and the filters (hashed: a 200-character query would bloat every cursor).
 */
export function searchListKey(queryKey: string, filters: SearchFilters): string {
  const { kinds, ...rest } = filters;
  const digest = createHash('sha256')
    .update(`${queryKey}\u0000${[...kinds].join(',')}\u0000${JSON.stringify(rest)}`)
    .digest('base64url')
    .slice(0, 16);
  return `search:${digest}`;
}
