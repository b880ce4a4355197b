/**
 * Which published version a request reads. The pointer is cached in the
 * instance for at most a few seconds (so a warm function's typical request
 * costs no extra round trip, and a new version is served within that bound);
 * a request reads the current version, or the one its cursors or its
 * `x-corpus-version` header name while that version is kept. Every field of
 * the request then reads that one version.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode, type GraphQLError } from 'graphql';
import type { DataSources } from '../data/client.js';
import type { Snapshot } from '../data/table-store.js';
import { readPointer, type VersionPointer } from '../data/version-store.js';
import { VERSION_HEADER } from '../shared/constants.js';
import { badUserInput, serviceUnavailable } from '../shared/errors.js';
import type { CursorCodecSource, Cursors } from './cursor-codec.js';

/** How long an instance trusts the pointer it read: the most a new version waits to be served. */
export const VERSION_CACHE_MS = 5_000;

export interface CorpusVersionSource {
  /** The pointer, at most `maxAgeMs` old; undefined before the first publication. */
  pointer(): Promise<VersionPointer | undefined>;
}

export function cachedCorpusVersions(
  ds: DataSources,
  options: { maxAgeMs?: number; now?: () => number } = {},
): CorpusVersionSource {
  const maxAgeMs = options.maxAgeMs ?? VERSION_CACHE_MS;
  const now = options.now ?? Date.now;
  let cached: { pointer: VersionPointer | undefined; readAt: number } | undefined;
  // Concurrent requests after expiry share one read.
  let pending: Promise<VersionPointer | undefined> | undefined;
  return {
    pointer() {
      if (cached !== undefined && now() - cached.readAt < maxAgeMs) return Promise.resolve(cached.pointer);
      pending ??= (async () => {
        const readAt = now();
        try {
          const pointer = await readPointer(ds);
          cached = { pointer, readAt };
          return pointer;
        } finally {
          pending = undefined;
        }
      })();
      return pending;
    },
  };
}

/** What a request reads, once its version is known. */
export interface ReadView extends Snapshot {
  pointer: VersionPointer;
}

/** The version of one request: asked for by its cursors and header, resolved once, on the first read. */
export class RequestVersion {
  private readonly requested = new Map<number, string>();
  private invalidPin: string | undefined;
  private view: Promise<ReadView> | undefined;
  /** The version number, once resolved: cursors of nested lists are issued with it. */
  number: number | undefined;

  constructor(
    private readonly ds: DataSources,
    private readonly source: CorpusVersionSource,
    private readonly codecs: CursorCodecSource,
  ) {}

  /** A version the request asks for, and where (a cursor, the header). */
  private ask(version: number, by: string): void {
    if (!this.requested.has(version)) this.requested.set(version, by);
  }

  /** A cursor the request passes: it asks for the version it was issued for. */
  async askCursor(cursor: string): Promise<void> {
    const version = await (await this.codecs()).versionOf(cursor);
    // A cursor that is not this deployment's is refused by its list, with the list's message.
    if (version !== undefined) this.ask(version, 'a cursor');
  }

  pin(header: string): void {
    const version = /^[1-9]\d{0,8}$/.test(header.trim()) ? Number(header.trim()) : undefined;
    if (version === undefined) this.invalidPin = header;
    else this.ask(version, `the ${VERSION_HEADER} header`);
  }

  resolve(): Promise<ReadView> {
    this.view ??= this.read();
    return this.view;
  }

  /**
   * The request's cursors: valid once the version is resolved (every list resolves it before issuing or
   * reading one). The key is read only here, so a request that makes and reads no cursor never waits for it.
   */
  readonly cursors: Cursors = {
    encode: async (list, position) => (await this.cursorsOfVersion()).encode(list, position),
    decode: async (cursor, list) => (await this.cursorsOfVersion()).decode(cursor, list),
  };

  private async cursorsOfVersion(): Promise<Cursors> {
    const version = this.number;
    if (version === undefined) throw new Error('cursor used before the request version was resolved');
    return (await this.codecs()).forVersion(version);
  }

  private async read(): Promise<ReadView> {
    if (this.invalidPin !== undefined) {
      throw badUserInput(
        `${VERSION_HEADER} must be a version number (corpusVersions lists the kept ones); got "${this.invalidPin.slice(0, 20)}".`,
      );
    }
    if (this.requested.size > 1) {
      const asked = [...this.requested].map(([v, by]) => `${v} (${by})`).join(', ');
      throw badUserInput(
        `This request names more than one version: ${asked}. Every field of a request reads one version; send cursors of one version, or start again without them.`,
      );
    }
    const pointer = await this.source.pointer();
    if (pointer === undefined) {
      throw serviceUnavailable(
        'No version of the knowledge base has been published yet (the first seed refresh publishes one); retry shortly.',
      );
    }
    const [asked] = this.requested.keys();
    const record = asked === undefined ? pointer.kept[0] : pointer.kept.find((v) => v.number === asked);
    if (record === undefined) throw versionNotKept(asked, pointer);
    this.number = record.number;
    return { ds: this.ds, version: record.number, record, pointer };
  }
}

/**
 * A version the request may not read. Versions are numbered 1, 2, 3… as they are
 * published (the next is always the current one plus one), so a number above
 * the current one was never published, and one below it was, and is gone.
 */
function versionNotKept(asked: number | undefined, pointer: VersionPointer): GraphQLError {
  const kept = pointer.kept.map((v) => v.number).join(', ');
  const restart = `start again from the first page, without its cursors or ${VERSION_HEADER} header`;
  if (asked !== undefined && asked > pointer.current) {
    return badUserInput(
      `Version ${asked} has never been published (the current version is ${pointer.current}; kept: ${kept}): ${restart}.`,
    );
  }
  return badUserInput(`Version ${String(asked)} is no longer kept (kept: ${kept}): ${restart}.`);
}

/** Every string passed to an `after` argument in the operation, inline or through a variable. */
function afterArguments(document: DocumentNode, variables: Readonly<Record<string, unknown>> | undefined): string[] {
  const found: string[] = [];
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'after') return;
      if (node.value.kind === Kind.STRING) found.push(node.value.value);
      if (node.value.kind === Kind.VARIABLE) {
        const value = variables?.[node.value.name.value];
        if (typeof value === 'string') found.push(value);
      }
    },
  });
  return found;
}

/**
 * Before execution, tells each request which version its cursors and its
 * `x-corpus-version` header ask for; after it, names the version that
 * answered in the response header of the same name.
 */
export const corpusVersionPlugin: ApolloServerPlugin<{ version?: RequestVersion }> = {
  // Optional in the type: a server run without the handler's context (executeOperation in a test) has none.
  async requestDidStart({ request, contextValue: { version } }) {
    if (version === undefined) return {};
    const header = request.http?.headers.get(VERSION_HEADER);
    if (header !== undefined && header !== '') version.pin(header);
    return {
      async didResolveOperation({ document, request: { variables } }) {
        for (const cursor of afterArguments(document, variables)) await version.askCursor(cursor);
      },
      async willSendResponse({ response }) {
        if (version.number !== undefined) response.http.headers.set(VERSION_HEADER, String(version.number));
      },
    };
  },
};
