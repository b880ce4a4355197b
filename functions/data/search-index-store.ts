/**
 * Where the serialized search indexes live between the seed refresh that
 * writes them and the GraphQL function that reads them: a folder locally, S3
 * in AWS. Each published version names the index it answers searches from by
 * its content hash (`search/<hash>.bin`): an index never changes once written,
 * versions with the same searchable content share one, and retention removes
 * the ones no kept version names.
 */
import { mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { optionalEnv } from '../shared/env.js';
import {
  SEARCH_INDEX_PREFIX,
  hashOfSearchIndexKey,
  searchIndexKey,
  type IndexByteRange,
  type SearchIndexStore,
  type StoredSearchIndex,
} from './stored-search-index.js';

export type { SearchIndexStore, StoredSearchIndex } from './stored-search-index.js';

export function memorySearchIndexStore(location = 'memory'): SearchIndexStore {
  const stored = new Map<string, StoredSearchIndex>();
  return {
    location,
    has: async (hash) => stored.has(hash),
    get: async (hash) => stored.get(hash),
    async read(hash, ranges) {
      const body = stored.get(hash)?.body;
      return body === undefined ? undefined : ranges.map((r) => body.subarray(r.start, Math.min(r.end, body.length)));
    },
    put: async (index) => {
      stored.set(index.hash, index);
    },
    list: async () => [...stored.keys()],
    remove: async (hash) => {
      stored.delete(hash);
    },
  };
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads byte ranges of a file (positional reads on one handle); undefined when there is no file. */
async function readRanges(path: string, ranges: readonly IndexByteRange[]): Promise<Uint8Array[] | undefined> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return await Promise.all(
      ranges.map(async (r) => {
        const buffer = new Uint8Array(r.end - r.start);
        const { bytesRead } = await file.read(buffer, 0, buffer.length, r.start);
        return buffer.subarray(0, bytesRead);
      }),
    );
  } finally {
    await file.close();
  }
}

/** A folder holding `search/<hash>.bin`; a file appears whole (written aside, then renamed). */
export function fileSearchIndexStore(dir: string): SearchIndexStore {
  const folder = join(dir, SEARCH_INDEX_PREFIX);
  const path = (hash: string) => join(dir, searchIndexKey(hash));
  return {
    location: folder,
    has: async (hash) => (await readIfExists(path(hash))) !== undefined,
    async get(hash) {
      const body = await readIfExists(path(hash));
      return body === undefined ? undefined : { hash, body };
    },
    read: (hash, ranges) => readRanges(path(hash), ranges),
    async put(index) {
      await mkdir(folder, { recursive: true });
      const temp = `${path(index.hash)}.${process.pid}.tmp`;
      await writeFile(temp, index.body);
      await rename(temp, path(index.hash));
    },
    async list() {
      const names = await readdir(folder).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      });
      return names.flatMap((name) => hashOfSearchIndexKey(`${SEARCH_INDEX_PREFIX}${name}`) ?? []);
    },
    remove: (hash) => rm(path(hash), { force: true }),
  };
}

/**
 * The store the environment names: SEARCH_INDEX_BUCKET (S3, keys
 * search/<hash>.bin; S3_ENDPOINT for a local S3-compatible server) or
 * SEARCH_INDEX_DIR (a local folder). Undefined when neither is set. The S3
 * client is imported only when S3 is used.
 */
export async function searchIndexStoreFromEnv(): Promise<SearchIndexStore | undefined> {
  const bucket = optionalEnv('SEARCH_INDEX_BUCKET');
  if (bucket !== undefined) {
    const { s3SearchIndexStore } = await import('./s3-search-index-store.js');
    return s3SearchIndexStore({ bucket });
  }
  const dir = optionalEnv('SEARCH_INDEX_DIR');
  return dir === undefined ? undefined : fileSearchIndexStore(dir);
}
