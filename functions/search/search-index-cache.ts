/**
 * The GraphQL function's open search indexes: each published version names
 * its index by content hash, a request searches the index of its own version,
 * and an instance keeps at most two open (the current version's and the one
 * before it, while requests pinned to it or started before a publication
 * finish). Opening reads the head of the stored index by byte range; each
 * search then reads the parts it needs (search-query.ts). Indexes never change
 * once written, so nothing is re-checked. The search engine and the S3 client
 * are imported only here, on demand, so requests that do not search never load them.
 */
import { searchIndexStoreFromEnv, type SearchIndexStore } from '../data/search-index-store.js';
import { serviceUnavailable } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import type { SearchIndex } from './search-model.js';

export interface SearchIndexSource {
  /** The index with this content hash (a version's); SERVICE_UNAVAILABLE while it has not been built. */
  forHash(hash: string | undefined): Promise<SearchIndex>;
}

export interface SearchIndexCacheOptions {
  store: () => Promise<SearchIndexStore | undefined>;
  /** Indexes kept open at once (each holds its head and up to PartCache's budget of read parts). */
  maxLoaded?: number;
}

export function cachedSearchIndex(options: SearchIndexCacheOptions): SearchIndexSource {
  const maxLoaded = options.maxLoaded ?? 2;
  // Insertion order is use order: the first entry is the least recently used. Concurrent first searches share one load.
  const loaded = new Map<string, Promise<SearchIndex>>();
  let reportedMissingStore = false;

  async function load(hash: string): Promise<SearchIndex> {
    const store = await options.store();
    if (store === undefined) {
      // A deployment mistake, so it is logged (once per instance); the client is told search is unavailable, as before the first build.
      if (!reportedMissingStore)
        logger.error(
          'search index store not configured: set SEARCH_INDEX_BUCKET (S3) or SEARCH_INDEX_DIR (local folder)',
        );
      reportedMissingStore = true;
      throw serviceUnavailable('Search is not available: no search index is configured.');
    }
    const started = performance.now();
    const { openSearchIndex } = await import('./search-query.js');
    const index = await openSearchIndex(hash, (ranges) => store.read(hash, ranges)).catch((error: unknown) => {
      if (!(error instanceof Error) || error.name !== 'IndexFormatError') throw error;
      // An index written by other code (a deployment between a build and its refresh): refused, not misread.
      logger.error('search index in a format this code does not read', { location: store.location, hash, error });
      throw serviceUnavailable(
        'Search is not available: the stored search index is in a format this version cannot read; the next seed refresh rebuilds it.',
      );
    });
    if (index === undefined)
      throw serviceUnavailable(
        'Search is not available yet: the search index of this version has not been built (the seed refresh builds it).',
      );
    logger.info('search index opened', {
      location: store.location,
      hash,
      headBytes: index.headBytes,
      bytesRead: index.reads.bytes,
      openMs: Math.round(performance.now() - started),
    });
    return index;
  }

  return {
    forHash(hash) {
      if (hash === undefined)
        return Promise.reject(
          serviceUnavailable(
            'Search is not available yet: this version has no search index (the seed refresh builds it).',
          ),
        );
      let index = loaded.get(hash);
      if (index !== undefined) loaded.delete(hash);
      else {
        index = load(hash);
        // A failed load is not kept: the next search tries again.
        index.catch(() => {
          if (loaded.get(hash) === index) loaded.delete(hash);
        });
      }
      loaded.set(hash, index);
      for (const oldest of loaded.keys()) {
        if (loaded.size <= maxLoaded) break;
        loaded.delete(oldest);
      }
      return index;
    },
  };
}

/**
 * The instance-wide indexes, from the store the environment names (see
 * searchIndexStoreFromEnv): read once, when the handler is built.
 */
export function searchIndexFromEnv(): SearchIndexSource {
  const store = searchIndexStoreFromEnv();
  return cachedSearchIndex({ store: () => store });
}
