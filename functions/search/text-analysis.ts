/**
 * How text becomes search terms, shared by the index (at refresh), the query
 * (at search) and the highlights (on the text the client receives): the same
 * tokens and the same folding everywhere, so a term the index matched can be
 * found again, with its position, in the field it came from.
 */
import { foldText } from '../shared/text-normalization.js';

/** A word: a run of anything but separators and punctuation (as MiniSearch's default tokenizer splits). */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** A token as the index stores it: the project's one folding (Erdoğan → erdogan, İsmayıl → ismayil). */
export const foldTerm = foldText;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The query as the index sees it: its folded terms, in order (also the key its cursors are bound to). */
export function queryTerms(query: string): string[] {
  return tokenize(query).map(foldTerm).filter((t) => t.length > 0);
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where any of `terms` (folded index terms) occurs in `text` as a whole word:
 * JavaScript string indices (UTF-16 code units), so `text.slice(start, end)`
 * is the word as written.
 */
export function findTerms(text: string, terms: ReadonlySet<string>): TextRange[] {
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(WORD)) {
    if (terms.has(foldTerm(match[0]))) ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  return ranges;
}
