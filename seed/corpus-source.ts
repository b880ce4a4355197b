/** Where a corpus is read from: a folder locally, an S3 prefix in AWS. Both give the same files. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusSource {
  /** A human-readable location for messages. */
  readonly location: string;
  /** Reads a file by its path relative to the corpus root; undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
}

export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export function directorySource(dir: string = DEFAULT_CORPUS_DIR): CorpusSource {
  return {
    location: dir,
    async read(path) {
      try {
        return await readFile(join(dir, path), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}

/** A corpus held in memory (tests that edit a corpus, and the synthetic bench corpora). */
export function memorySource(files: Record<string, string>, location = 'memory'): CorpusSource {
  return { location, read: async (path) => files[path] };
}
