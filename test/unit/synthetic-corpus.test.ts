/**
 * The bench's scaled corpora are the seed corpus cloned with suffixed ids: each
 * clone must pass the same checks as the seed, or the bench's refresh refuses it
 * (as it did when a new reference field was not cloned).
 */
import { describe, expect, it } from 'vitest';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { readCorpus } from '../../functions/refresh/corpus-reader.js';
import { readSeedFiles, syntheticCorpus } from '../../scripts/harness/synthetic-corpus.js';
import { CORPUS_DIR } from '../../seed/paths.js';

describe('synthetic corpus', () => {
  it('clones the seed corpus into a corpus the refresh accepts, every reference field included', async () => {
    const seed = await readCorpus(directorySource(CORPUS_DIR));
    const scaled = await readCorpus(syntheticCorpus(await readSeedFiles(), 3).source);
    expect(scaled.issues.map((i) => `${i.file} ${i.path}: ${i.message}`)).toEqual([]);
    for (const list of ['documents', 'people', 'organizations', 'places', 'events', 'claims'] as const) {
      expect(scaled.corpus[list]).toHaveLength(3 * seed.corpus[list].length);
      expect(new Set(scaled.corpus[list].map((e) => e.id)).size).toBe(scaled.corpus[list].length);
    }
    expect(scaled.corpus.topics).toHaveLength(seed.corpus.topics.length);
  });
});
