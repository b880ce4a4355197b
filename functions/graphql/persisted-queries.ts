/**
 * Automatic persisted queries with the committed operations (schema/operations
 * and the explorer's) registered from the start: a hash-only GET for one of them is answered by a cold function,
 * while other operations register as Apollo's automatic persisted queries do
 * (first request with the query, then the hash alone), in a bounded cache.
 */
import type { PersistedQueryOptions } from '@apollo/server';
import { explorerPersistedOperations } from '../../schema/__generated__/explorer-persisted-operations.js';
import { persistedOperations } from '../../schema/__generated__/persisted-operations.js';

type PersistedQueryCache = NonNullable<PersistedQueryOptions['cache']>;

/** Operations registered at run time that the instance keeps (the committed ones are always known). */
const MAX_REGISTERED = 1000;
/** Apollo prefixes the keys it gives its persisted-query cache. */
const APQ_PREFIX = 'apq:';

/** Every operation a cold function answers by hash alone. */
export const knownOperations: Readonly<Record<string, string>> = {
  ...persistedOperations,
  ...explorerPersistedOperations,
};

export function persistedQueryCache(known: Readonly<Record<string, string>> = knownOperations): PersistedQueryCache {
  const registered = new Map<string, string>();
  const hashOf = (key: string) => (key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key);
  return {
    async get(key) {
      const hash = hashOf(key);
      return known[hash] ?? registered.get(hash);
    },
    async set(key, value) {
      const hash = hashOf(key);
      if (hash in known) return;
      // Oldest first out: a Map iterates in insertion order.
      if (registered.size >= MAX_REGISTERED) registered.delete(registered.keys().next().value ?? '');
      registered.set(hash, value);
    },
    async delete(key) {
      registered.delete(hashOf(key));
    },
  };
}
