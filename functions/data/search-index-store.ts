/**
 * Where the serialized search index lives between the seed refresh that
 * writes it and the GraphQL function that reads it: a folder locally, S3 in
 * AWS. Every read and write of the index goes through a SearchIndexStore.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredSearchIndex } from '../search/search-model.js';
import { optionalEnv } from '../shared/env.js';

export interface SearchIndexStore {
  /** A human-readable location for logs and messages. */
  readonly location: string;
  /** The stored index's content hash without its body (the cheap freshness check); undefined when none is stored. */
  hash(): Promise<string | undefined>;
  get(): Promise<StoredSearchIndex | undefined>;
  put(index: StoredSearchIndex): Promise<void>;
}

/** The object key (S3) or file name (local) of the index; the name predates the binary format and is kept for the IAM grants. */
export const SEARCH_INDEX_KEY = 'search/index.json';

export function memorySearchIndexStore(location = 'memory'): SearchIndexStore {
  let stored: StoredSearchIndex | undefined;
  return {
    location,
    hash: async () => stored?.hash,
    get: async () => stored,
    put: async (index) => {
      stored = index;
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

/** Replaces a file in one step, so a reader sees the old content or the new, never half of it. */
async function replaceFile(path: string, content: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, path);
}

/**
 * A folder holding `search/index.json` and its hash beside it. The body is
 * written before the hash: a reader that sees a new hash finds the new body.
 */
export function fileSearchIndexStore(dir: string): SearchIndexStore {
  const body = join(dir, SEARCH_INDEX_KEY);
  const hashFile = `${body}.hash`;
  return {
    location: body,
    hash: async () => (await readIfExists(hashFile))?.toString('utf8').trim() || undefined,
    async get() {
      const [hash, bytes] = [await readIfExists(hashFile), await readIfExists(body)];
      return hash === undefined || bytes === undefined ? undefined : { hash: hash.toString('utf8').trim(), body: bytes };
    },
    async put(index) {
      await mkdir(join(dir, 'search'), { recursive: true });
      await replaceFile(body, index.body);
      await replaceFile(hashFile, index.hash);
    },
  };
}

/**
 * The store the environment names: SEARCH_INDEX_BUCKET (S3, key
 * search/index.json; S3_ENDPOINT for a local S3-compatible server) or
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
