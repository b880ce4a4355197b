/**
 * Relay-style paging shared by every connection: `first` validation, and the
 * one connection helper every list goes through. The cursor codec
 * (cursor-codec.ts) seals positions into cursors bound to their list and
 * version; the stores turn a position into what they read from
 * (shared/page-position.ts), so no resolver handles a cursor.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput } from '../shared/errors.js';
import { offsetPage, type Page, type PagePosition } from '../shared/page-position.js';
import type { Cursors } from './cursor-codec.js';
import type { ConnectionModel } from './models.js';
import { selectsField } from './selection.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 0 and ${MAX_PAGE_SIZE} (got ${first}).`, { argumentName: 'first' });
  }
  return first;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** The type of a page's nodes. */
type NodeOf<P extends Page<unknown>> = P['items'][number]['node'];

export interface ConnectionOptions<P extends Page<unknown>> {
  /** Names the list and its arguments: a cursor is accepted only by the list that issued it. */
  listKey: string;
  args: PageArgs;
  /** The store's page: it checks that `after` is one of its positions (else invalidCursor()) before reading. */
  read: (first: number, after: PagePosition | undefined) => Promise<P>;
  /** A number when it is known; a promise when it takes a read. Given the page when counted after it. */
  totalCount: (page?: P) => number | Promise<number>;
  /** When given and the query asks for totalCount, a count that takes a read starts with the page, not after it. */
  info?: GraphQLResolveInfo;
}

/** One page of a list as a connection: the one way every list of the API pages. */
export async function connection<P extends Page<unknown>>(
  cursors: Cursors,
  options: ConnectionOptions<P>,
): Promise<ConnectionModel<NodeOf<P>>> {
  const first = pageSize(options.args.first);
  const after = options.args.after == null ? undefined : await cursors.decode(options.args.after, options.listKey);
  const page = options.read(first, after);
  const count =
    options.info !== undefined && selectsField(options.info, 'totalCount') ? options.totalCount() : undefined;
  // A failed count must not go unobserved before its field is resolved.
  if (count instanceof Promise) count.catch(() => undefined);
  const read = await page;
  return {
    edges: read.items.map(({ node, position }) => ({ node, cursor: () => cursors.encode(options.listKey, position) })),
    hasNextPage: read.hasNextPage,
    totalCount: () => count ?? options.totalCount(read),
  };
}

/** A page of an ordered id list kept on a parent item; the loads of all parents batch together. */
export function idListConnection<T>(
  cursors: Cursors,
  options: {
    listKey: string;
    ids: readonly string[];
    args: PageArgs;
    load: (ids: string[]) => Promise<(T | null)[]>;
  },
): Promise<ConnectionModel<T>> {
  const { listKey, ids, args, load } = options;
  return connection(cursors, {
    listKey,
    args,
    read: (first, after) =>
      offsetPage(ids.length, first, after, (offset, count) => load(ids.slice(offset, offset + count))),
    totalCount: () => ids.length,
  });
}
