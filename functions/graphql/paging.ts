/**
 * Relay-style paging shared by every connection: `first` validation, opaque
 * cursors bound to the list that issued them, and connection models built
 * from index queries or from id lists stored on a parent item.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import * as z from 'zod/mini';
import { badUserInput } from '../shared/errors.js';
import type { StoredKey } from '../data/table-store.js';
import type { ConnectionModel } from './models.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

// Cursors are signed so that one issued for another list, or made up, is refused.
// The key only needs to be stable across instances; set CURSOR_SECRET to rotate it.
const cursorKey = process.env.CURSOR_SECRET ?? 'knowledge-base-cursor-v1';

const payloadSchema = z.union([
  z.object({ l: z.string(), k: z.record(z.string(), z.string()) }),
  z.object({ l: z.string(), o: z.int().check(z.gt(0)) }),
]);
type CursorPayload = z.infer<typeof payloadSchema>;

function sign(body: string): string {
  return createHmac('sha256', cursorKey).update(body).digest('base64url').slice(0, 22);
}

export function encodeCursor(payload: CursorPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body)}`;
}

export function decodeCursor(cursor: string, listKey: string): CursorPayload {
  const invalid = () => badUserInput('Invalid cursor: pass an endCursor or edge cursor that this list returned.', { argumentName: 'after' });
  const [body, signature, ...rest] = cursor.split('.');
  if (body === undefined || signature === undefined || rest.length > 0) throw invalid();
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const payload = payloadSchema.safeParse(parsed);
  if (!payload.success || payload.data.l !== listKey) throw invalid();
  return payload.data;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 0 and ${MAX_PAGE_SIZE} (got ${first}).`, { argumentName: 'first' });
  }
  return first;
}

/** Whether the query selects `name` directly on this field's result (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet.selections);
      const fragment = info.fragments[selection.name.value];
      return fragment !== undefined && visit(fragment.selectionSet.selections);
    });
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && visit(node.selectionSet.selections));
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A page of a list read from a DynamoDB query, resumed from the key in the cursor. */
export async function queryConnection<T>(options: {
  listKey: string;
  args: PageArgs;
  fetch: (first: number, after: StoredKey | undefined) => Promise<{ items: T[]; hasNextPage: boolean }>;
  resumeKey: (item: T) => StoredKey;
  /** Whether a decoded key can resume this list's query (see resumeKeyMatches). */
  acceptsKey: (key: StoredKey) => boolean;
  totalCount: () => Promise<number>;
  /** When given and the query asks for totalCount, the count starts with the page, not after it. */
  info?: GraphQLResolveInfo;
}): Promise<ConnectionModel<T>> {
  const first = pageSize(options.args.first);
  const after = options.args.after == null ? undefined : decodeCursor(options.args.after, options.listKey);
  if (after !== undefined && !('k' in after && options.acceptsKey(after.k))) {
    throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
  }
  const count = options.info !== undefined && selectsField(options.info, 'totalCount') ? options.totalCount() : undefined;
  // A failed count must not go unobserved before its field is resolved.
  count?.catch(() => undefined);
  const { items, hasNextPage } = await options.fetch(first, after?.k);
  return {
    edges: items.map((node) => ({ node, cursor: () => encodeCursor({ l: options.listKey, k: options.resumeKey(node) }) })),
    hasNextPage,
    totalCount: () => count ?? options.totalCount(),
  };
}

/** A page of an ordered id list kept on a parent item; the loads of all parents batch together. */
export async function idListConnection<T>(options: {
  listKey: string;
  ids: readonly string[];
  args: PageArgs;
  load: (ids: string[]) => Promise<(T | null)[]>;
}): Promise<ConnectionModel<T>> {
  const first = pageSize(options.args.first);
  const after = options.args.after == null ? undefined : decodeCursor(options.args.after, options.listKey);
  if (after !== undefined && !('o' in after)) throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
  const offset = after?.o ?? 0;
  const pageIds = options.ids.slice(offset, offset + first);
  const nodes = await options.load(pageIds);
  const edges: ConnectionModel<T>['edges'] = [];
  nodes.forEach((node, i) => {
    if (node !== null) edges.push({ node, cursor: () => encodeCursor({ l: options.listKey, o: offset + i + 1 }) });
  });
  return {
    edges,
    hasNextPage: offset + first < options.ids.length,
    totalCount: async () => options.ids.length,
  };
}
