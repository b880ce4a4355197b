import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CORPUS_DIR } from '../../seed/paths.js';

/** The real corpus as a map of relative path → content, for tests that edit it in memory. */
export async function corpusFiles(dir = CORPUS_DIR): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(dir)) {
    if (name.endsWith('.yaml')) files[name] = await readFile(join(dir, name), 'utf8');
  }
  for (const name of await readdir(join(dir, 'documents'))) {
    files[`documents/${name}`] = await readFile(join(dir, 'documents', name), 'utf8');
  }
  return files;
}
