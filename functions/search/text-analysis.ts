/**
 * How text becomes search terms, shared by the index (at refresh), the query
 * (at search) and the highlights (on the text the client receives): the same
 * tokens and the same folding everywhere, so a term the index matched can be
 * found again, with its position, in the field it came from.
 */

/** A word: a run of anything but separators and punctuation (as MiniSearch's default tokenizer splits). */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/**
 * Letters that carry no combining mark in Unicode, so NFD leaves them alone,
 * but that readers type without the diacritic (Azerbaijani ə, Turkish ı, …).
 */
const FOLD: Readonly<Record<string, string>> = {
  ı: 'i',
  ə: 'e',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu');

/** A token as the index stores it: lower case, no diacritics (Erdoğan → erdogan, İsmayıl → ismayil). */
export function foldTerm(token: string): string {
  return token
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(FOLDABLE, (c) => FOLD[c] ?? c);
}

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
