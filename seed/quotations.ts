/**
 * The quotations of a cleaned text (words between quotation marks) and the
 * check that each is covered by a claim of its document or excused in
 * seed/data/quotation-exclusions.yaml: what an analyst could cite is in the
 * knowledge base. Used by `npx tsx seed/check.ts` and the test suite.
 */
import { parse } from 'yaml';
import { locate } from '../functions/refresh/corpus-checks.js';
import {
  QUOTATION_EXCLUSIONS_FILE,
  quotationExclusionSchema,
  type Corpus,
  type QuotationExclusion,
} from '../functions/refresh/corpus-schema.js';
import type { CorpusSource } from '../functions/refresh/corpus-source.js';

export interface Quotation {
  /** The words between the marks, and where they are in the text. */
  text: string;
  start: number;
  end: number;
}

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);
/** A straight quote opens where a word could start: at the beginning, after a space, a bracket or a dash. */
const OPENS_AFTER = /[\s([{\u2014\u2013-]/u;

/**
 * Every quotation, pairing each opening mark with the next closing one. The
 * texts mix straight and curly marks (a straight quote may close a curly
 * one), so a straight quote opens or closes by what stands before it.
 */
export function quotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let openAt: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const straight = c === '"';
    const opens = OPENING.has(c) || (straight && (i === 0 || OPENS_AFTER.test(text.charAt(i - 1))));
    const closes = CLOSING.has(c) || (straight && !opens);
    if (openAt === undefined) {
      if (opens) openAt = i + 1;
    } else if (closes || (straight && opens)) {
      const inner = text.slice(openAt, i);
      if (inner.trim() !== '') found.push({ text: inner, start: openAt, end: i });
      openAt = undefined;
    }
  }
  return found;
}

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
