import { readCorpus } from '../../functions/refresh/corpus-reader.js';
import type { Corpus } from '../../functions/refresh/corpus-schema.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { CORPUS_DIR } from '../../seed/paths.js';

/**
 * The seed corpus as the refresh reads it (seed/data). Tests compare what the
 * API serves with it, never with how many articles there are today, so an
 * editor who adds one does not break the build.
 */
export async function seedCorpus(): Promise<Corpus> {
  const { corpus, issues } = await readCorpus(directorySource(CORPUS_DIR));
  if (issues.length > 0) throw new Error(`the seed corpus is invalid (${issues.length} problems)`);
  return corpus;
}
