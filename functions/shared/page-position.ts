/**
 * Where a page of a list resumes, as a cursor carries it, and the one error a
 * cursor that does not fit its list gets. Cursors are made and read by the
 * cursor codec (functions/graphql/cursor-codec.ts); the stores turn a position
 * into what they read from: a resume key for an index query, an offset for a
 * list held in memory (an id list, search hits, the change feed).
 */
import { badUserInput } from './errors.js';

/** Attribute names and values of a DynamoDB key (or of a store's own multi-partition position). */
export type PositionKey = Record<string, string>;

/** After which item a page starts: a store's key, or how many items of an in-memory list came before. */
export type PagePosition = { key: PositionKey } | { offset: number };

/** One page as a store returns it: each item with the position right after it. */
export interface Page<T> {
  items: { node: T; position: PagePosition }[];
  hasNextPage: boolean;
}

export const INVALID_CURSOR_MESSAGE = 'Invalid cursor: pass an endCursor or edge cursor that this list returned.';

/** Every refused cursor gets this error: tampered, made up, of another deployment, list or version. */
export const invalidCursor = () => badUserInput(INVALID_CURSOR_MESSAGE, { argumentName: 'after' });

/** The key a position names; anything else is not a position of a keyed list. */
export function keyOf(after: PagePosition): PositionKey {
  if (!('key' in after)) throw invalidCursor();
  return after.key;
}

/** How many items of a list of `length` come before the page; 0 without a position. */
export function offsetOf(after: PagePosition | undefined, length: number): number {
  if (after === undefined) return 0;
  if (!('offset' in after) || !Number.isInteger(after.offset) || after.offset < 1 || after.offset > length)
    throw invalidCursor();
  return after.offset;
}

/**
 * One page of a list of `length` items held in memory (an id list, ranked
 * hits), from the position `after`; `read` returns the nodes of items
 * `offset` to `offset + count`, null for one that no longer exists.
 */
export async function offsetPage<N>(
  length: number,
  first: number,
  after: PagePosition | undefined,
  read: (offset: number, count: number) => Promise<(N | null)[]>,
): Promise<Page<N>> {
  const offset = offsetOf(after, length);
  const nodes = await read(offset, first);
  const items: Page<N>['items'] = [];
  // A node gone since the list was written is left out of its page; the positions still count it.
  nodes.forEach((node, i) => {
    if (node !== null) items.push({ node, position: { offset: offset + i + 1 } });
  });
  return { items, hasNextPage: offset + first < length };
}
