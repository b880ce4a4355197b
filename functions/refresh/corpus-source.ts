/** Where a corpus is read from: a folder locally, an S3 prefix in AWS. Both give the same files. */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface CorpusSource {
  /** A human-readable location for messages. */
  readonly location: string;
  /** Reads a file by its path relative to the corpus root; undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
  /** Every file under the root, as paths relative to it (`documents/x.txt`), so unknown files can be refused. */
  list?(): Promise<string[]>;
}

export function directorySource(dir: string): CorpusSource {
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
    async list() {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile() && !e.name.startsWith('.'))
        .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
    },
  };
}

/** A corpus held in memory (tests that edit a corpus, and the synthetic bench corpora). */
export function memorySource(files: Record<string, string>, location = 'memory'): CorpusSource {
  return { location, read: async (path) => files[path], list: async () => Object.keys(files) };
}
