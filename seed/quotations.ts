/**
 * The quotations of a cleaned text (words between quotation marks) and the
 * check that each is covered by a claim of its document or excused in
 * seed/data/quotation-exclusions.yaml: what an analyst could cite is in the
 * knowledge base. Used by `npx tsx seed/check.ts` and the test suite.
 */
import { parse } from 'yaml';
import { locate } from '../functions/refresh/corpus-checks.js';
import { quotations, type Quotation } from '../functions/refresh/corpus-quotations.js';
import {
  QUOTATION_EXCLUSIONS_FILE,
  quotationExclusionSchema,
  type Corpus,
  type QuotationExclusion,
} from '../functions/refresh/corpus-schema.js';
import type { CorpusSource } from '../functions/refresh/corpus-source.js';

export { quotations, type Quotation } from '../functions/refresh/corpus-quotations.js';

export interface UncoveredQuotation {
  document: string;
  quotation: Quotation;
}

/** Quotations no claim of their document covers (its span contains them, or lies within them) and no exclusion excuses. */
export function uncoveredQuotations(corpus: Corpus, exclusions: readonly QuotationExclusion[]): UncoveredQuotation[] {
  const uncovered: UncoveredQuotation[] = [];
  for (const doc of corpus.documents) {
    const spans = corpus.claims
      .filter((c) => c.document === doc.id)
      .map((c) => locate(doc.text, c.quote, c.occurrence))
      .filter((span): span is { start: number; end: number } => !('error' in span));
    const excused = new Set(exclusions.filter((e) => e.document === doc.id).map((e) => e.quote));
    for (const q of quotations(doc.text)) {
      const covered = spans.some(
        (s) => (s.start <= q.start && q.end <= s.end) || (q.start <= s.start && s.end <= q.end),
      );
      if (!covered && !excused.has(q.text)) uncovered.push({ document: doc.id, quotation: q });
    }
  }
  return uncovered;
}

/** The exclusions file of a corpus (optional: none means every quotation must be covered). */
export async function readExclusions(source: CorpusSource): Promise<QuotationExclusion[]> {
  const raw = await source.read(QUOTATION_EXCLUSIONS_FILE);
  if (raw === undefined) return [];
  const data: unknown = parse(raw) ?? [];
  if (!Array.isArray(data)) throw new Error(`${QUOTATION_EXCLUSIONS_FILE}: expected a YAML list`);
  return data.map((entry, i) => {
    const parsed = quotationExclusionSchema.safeParse(entry);
    if (!parsed.success)
      throw new Error(`${QUOTATION_EXCLUSIONS_FILE} [${i}]: ${parsed.error.issues.map((e) => e.message).join('; ')}`);
    return parsed.data;
  });
}
