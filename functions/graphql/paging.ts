/**
 * Relay-style paging shared by every connection: `first` validation, opaque
 * cursors bound to the list and the version that issued them, and connection
 * models built from index queries or from id lists stored on a parent item.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import type * as z from 'zod/mini';
import type { payloadSchema } from './cursor-schema.js';
import { badUserInput } from '../shared/errors.js';
import type { StoredKey } from '../data/table-store.js';
import type { ConnectionModel } from './models.js';
import { selectsField } from './selection.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const MAX_CURSOR_LENGTH = 8192;

let cursorSchema: Promise<typeof import('./cursor-schema.js')> | undefined;
const loadCursorSchema = () => (cursorSchema ??= import('./cursor-schema.js'));

export type CursorPayload = z.infer<typeof payloadSchema>;
/** A cursor's payload without its version, which the request's Cursors add and check. */
export type CursorBody = { l: string; k: StoredKey } | { l: string; o: number };

/** Cursors of one request: issued with, and accepted only for, the version the request reads. */
export interface Cursors {
  encode(body: CursorBody): string;
  decode(cursor: string, listKey: string): Promise<CursorBody>;
}

const invalidCursor = () =>
  badUserInput('Invalid cursor: pass an endCursor or edge cursor that this list returned.', { argumentName: 'after' });

/**
 * Signs and reads cursors with the deployment's key, so that one issued for
 * another list, altered or made up is refused. Built once at start-up.
 */
export class CursorCodec {
  constructor(private readonly key: string) {}

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }

  encode(payload: CursorPayload): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  async decode(cursor: string, listKey: string): Promise<CursorPayload> {
    const payload = await this.read(cursor);
    if (payload === undefined || payload.l !== listKey) throw invalidCursor();
    return payload;
  }

  /** The version a cursor was issued for; undefined when it is not a cursor of this deployment. */
  async versionOf(cursor: string): Promise<number | undefined> {
    return (await this.read(cursor))?.v;
  }

  /** The cursors of a request that reads `v`. */
  forVersion(v: number): Cursors {
    return {
      encode: (body) => this.encode({ ...body, v }),
      decode: async (cursor, listKey) => {
        const { v: issued, ...body } = await this.decode(cursor, listKey);
        // The request's version comes from its cursors, so this holds unless a cursor escaped that check.
        if (issued !== v)
          throw badUserInput(`This cursor belongs to version ${issued}, not to version ${v} that this request reads.`, {
            argumentName: 'after',
          });
        return body;
      },
    };
  }

  private async read(cursor: string): Promise<CursorPayload | undefined> {
    if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
    const [body, signature, ...rest] = cursor.split('.');
    if (body === undefined || signature === undefined || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const payload = (await loadCursorSchema()).payloadSchema.safeParse(parsed);
    return payload.success ? payload.data : undefined;
  }
}

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

/** What a store returns for one page of an index query. */
export interface KeyedPage<T> {
  items: { item: T; resumeKey: StoredKey }[];
  hasNextPage: boolean;
}

/** A page of a list read from a DynamoDB query, resumed from the key in the cursor. */
export async function queryConnection<T>(
  cursors: Cursors,
  options: {
    listKey: string;
    args: PageArgs;
    fetch: (first: number, after: StoredKey | undefined) => Promise<KeyedPage<T>>;
    /** Whether a decoded key can resume this list's query (see resumeKeyMatches). */
    acceptsKey: (key: StoredKey) => boolean;
    /** A number when the version's record has it; a promise when it takes a read. */
    totalCount: () => number | Promise<number>;
    /** When given and the query asks for totalCount, a count that takes a read starts with the page, not after it. */
    info?: GraphQLResolveInfo;
  },
): Promise<ConnectionModel<T>> {
  const first = pageSize(options.args.first);
  const after = options.args.after == null ? undefined : await cursors.decode(options.args.after, options.listKey);
  if (after !== undefined && !('k' in after && options.acceptsKey(after.k))) {
    throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
  }
  const count =
    options.info !== undefined && selectsField(options.info, 'totalCount') ? options.totalCount() : undefined;
  // A failed count must not go unobserved before its field is resolved.
  if (count instanceof Promise) count.catch(() => undefined);
  const { items, hasNextPage } = await options.fetch(first, after?.k);
  return {
    edges: items.map(({ item, resumeKey }) => ({
      node: item,
      cursor: () => cursors.encode({ l: options.listKey, k: resumeKey }),
    })),
    hasNextPage,
    totalCount: () => count ?? options.totalCount(),
  };
}

/** A page of an ordered id list kept on a parent item; the loads of all parents batch together. */
export async function idListConnection<T>(
  cursors: Cursors,
  options: {
    listKey: string;
    ids: readonly string[];
    args: PageArgs;
    load: (ids: string[]) => Promise<(T | null)[]>;
  },
): Promise<ConnectionModel<T>> {
  const first = pageSize(options.args.first);
  const after = options.args.after == null ? undefined : await cursors.decode(options.args.after, options.listKey);
  if (after !== undefined && !('o' in after))
    throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
  const offset = after?.o ?? 0;
  const pageIds = options.ids.slice(offset, offset + first);
  const nodes = await options.load(pageIds);
  const edges: ConnectionModel<T>['edges'] = [];
  nodes.forEach((node, i) => {
    if (node !== null) edges.push({ node, cursor: () => cursors.encode({ l: options.listKey, o: offset + i + 1 }) });
  });
  return {
    edges,
    hasNextPage: offset + first < options.ids.length,
    totalCount: () => options.ids.length,
  };
}
