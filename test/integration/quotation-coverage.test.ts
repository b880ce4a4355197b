/**
 * Every quotation in the five cleaned texts is in the knowledge base: some
 * claim of its document covers its words, or the exclusions file says why not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../functions/refresh/corpus-reader.js';
import type { Corpus } from '../../functions/refresh/corpus-schema.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { CORPUS_DIR } from '../../seed/paths.js';
import { quotations, readExclusions, uncoveredQuotations } from '../../seed/quotations.js';

let corpus: Corpus;
beforeAll(async () => {
  const read = await readCorpus(directorySource(CORPUS_DIR));
  expect(read.issues).toEqual([]);
  corpus = read.corpus;
});

describe('quotations', () => {
  it('are found between straight, curly and angle quotation marks, mixed as the texts mix them', () => {
    const text = 'He said "one thing" and “another”, then «a third» and "a fourth”. It\'s fine.';
    expect(quotations(text).map((q) => q.text)).toEqual(['one thing', 'another', 'a third', 'a fourth']);
    for (const q of quotations(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('pair every quotation mark of the corpus texts', () => {
    for (const d of corpus.documents) {
      const marks = [...d.text.matchAll(/["“”«»„]/gu)].length;
      expect(quotations(d.text).length, d.id).toBe(Math.floor(marks / 2));
    }
    expect(corpus.documents.reduce((n, d) => n + quotations(d.text).length, 0)).toBeGreaterThan(30);
  });

  it('are each covered by a claim of their document or excused with a reason', async () => {
    const exclusions = await readExclusions(directorySource(CORPUS_DIR));
    const uncovered = uncoveredQuotations(corpus, exclusions);
    expect(uncovered.map((u) => `${u.document}: "${u.quotation.text}"`)).toEqual([]);
  });

  it('are reported when no claim covers them', () => {
    const [doc] = corpus.documents;
    const withoutClaims: Corpus = { ...corpus, claims: corpus.claims.filter((c) => c.document !== doc!.id) };
    const uncovered = uncoveredQuotations(withoutClaims, []);
    expect(uncovered.length).toBe(quotations(doc!.text).length);
    // An exclusion excuses exactly its quotation.
    const first = uncovered[0]!;
    const excused = uncoveredQuotations(withoutClaims, [
      { document: doc!.id, quote: first.quotation.text, reason: 'test' },
    ]);
    expect(excused.length).toBe(uncovered.filter((u) => u.quotation.text !== first.quotation.text).length);
  });
});
