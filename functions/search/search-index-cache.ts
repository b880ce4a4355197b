/**
 * The GraphQL function's copy of the search index: loaded on the first
 * search, kept while the instance is warm, and swapped when the stored
 * index's hash changes (checked at most every SEARCH_INDEX_CHECK_SECONDS).
 * The search engine and the S3 client are imported only here, on demand, so requests
 * that do not search never load them.
 */
import { searchIndexStoreFromEnv, type SearchIndexStore } from '../data/search-index-store.js';
import { serviceUnavailable } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import type { SearchIndex } from './search-model.js';

export interface SearchIndexSource {
  /** The index to search now; throws SERVICE_UNAVAILABLE while none has been built. */
  current(): Promise<SearchIndex>;
}

export interface SearchIndexCacheOptions {
  store: () => Promise<SearchIndexStore | undefined>;
  /** How long a loaded index is trusted before the stored hash is compared again. */
  checkIntervalMs: () => number;
  now?: () => number;
}

const DEFAULT_CHECK_SECONDS = 60;

export function cachedSearchIndex(options: SearchIndexCacheOptions): SearchIndexSource {
  const now = options.now ?? Date.now;
  let loaded: { index: SearchIndex; checkedAt: number } | undefined;
  // Concurrent first searches share one load.
  let pending: Promise<SearchIndex> | undefined;
  let reportedMissingStore = false;

  async function refreshFrom(store: SearchIndexStore): Promise<SearchIndex> {
    if (loaded !== undefined) {
      const hash = await store.hash();
      // A vanished index keeps the one in memory: stale results beat none.
      if (hash === loaded.index.hash || hash === undefined) {
        loaded.checkedAt = now();
        return loaded.index;
      }
    }
    const stored = await store.get();
    if (stored === undefined) {
      if (loaded !== undefined) return loaded.index;
      throw serviceUnavailable('Search is not available yet: the search index has not been built (the seed refresh builds it).');
    }
    const started = performance.now();
    const { loadSearchIndex } = await import('./search-engine.js');
    const index = loadSearchIndex(stored);
    loaded = { index, checkedAt: now() };
    logger.info('search index loaded', { location: store.location, hash: stored.hash, bytes: stored.body.length, loadMs: Math.round(performance.now() - started) });
    return index;
  }

  async function load(): Promise<SearchIndex> {
    const store = await options.store();
    if (store === undefined) {
      // A deployment mistake, so it is logged (once per instance); the client is told search is unavailable, as before the first build.
      if (!reportedMissingStore) logger.error('search index store not configured: set SEARCH_INDEX_BUCKET (S3) or SEARCH_INDEX_DIR (local folder)');
      reportedMissingStore = true;
      throw serviceUnavailable('Search is not available: no search index is configured.');
    }
    try {
      return await refreshFrom(store);
    } catch (error) {
      if (loaded === undefined) throw error;
      // A failed freshness check is retried after the next interval; until then the loaded index serves.
      logger.warn('search index freshness check failed; serving the loaded index', { error: error as Error });
      loaded.checkedAt = now();
      return loaded.index;
    }
  }

  return {
    current() {
      if (loaded !== undefined && now() - loaded.checkedAt < options.checkIntervalMs()) return Promise.resolve(loaded.index);
      pending ??= load().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

/**
 * The instance-wide index, from the store the environment names (see
 * searchIndexStoreFromEnv): read once, when the handler is built.
 */
export function searchIndexFromEnv(): SearchIndexSource {
  const interval = 1000 * Number(process.env.SEARCH_INDEX_CHECK_SECONDS ?? DEFAULT_CHECK_SECONDS);
  const store = searchIndexStoreFromEnv();
  return cachedSearchIndex({ store: () => store, checkIntervalMs: () => interval });
}
