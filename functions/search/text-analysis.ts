/**
 * How text becomes search terms, shared by the index (at refresh), the query
 * (at search) and the highlights (on the text the client receives): the same
 * words, spellings and positions everywhere, so a term the index matched can
 * be found again, with its span, in the field it came from. The folding
 * itself is functions/shared/text-normalization.ts; this adds what only
 * search needs: positions, compounds and stems.
 */
import { stemmer } from 'stemmer';
import { hasDigit, wordSpellings, words } from '../shared/text-normalization.js';

/** One index term of a text: the folded spelling, its word position and the span it came from. */
export interface TextToken {
  term: string;
  position: number;
  start: number;
  end: number;
}

/**
 * The index terms of a text, from position `first` on. A plain word takes one
 * position and stores each of its spellings there. A hyphenated compound of n
 * parts takes n positions, one per part, and its closed form (cease-fire →
 * ceasefire) is stored at the first and at the last of them, so a phrase
 * matches whichever spelling the text and the query use ("the ceasefire
 * agreement" finds "the cease-fire agreement").
 */
export function analyze(text: string, first = 0): { tokens: TextToken[]; next: number } {
  const tokens: TextToken[] = [];
  let position = first;
  for (const word of words(text)) {
    const { parts } = word;
    parts.forEach((part, i) => {
      for (const term of wordSpellings(part.text))
        tokens.push({ term, position: position + i, start: part.start, end: part.end });
    });
    if (parts.length > 1) {
      for (const term of wordSpellings(word.text)) {
        tokens.push({ term, position, start: word.start, end: word.end });
        tokens.push({ term, position: position + parts.length - 1, start: word.start, end: word.end });
      }
    }
    position += parts.length;
  }
  return { tokens, next: position };
}

/**
 * The English stem of a folded term (Porter, from the `stemmer` package),
 * which groups the forms of a word: peacekeepers, peacekeeping → peacekeep.
 * One derivational step more, the Latin -de/-sion pair Porter keeps apart:
 * invade → invad and invasion → invas → invad (also decide/decision,
 * divide/division, conclude/conclusion). Terms with digits are their own stem.
 */
export function stemOf(term: string): string {
  if (hasDigit(term) || term.length < 3) return term;
  const stem = stemmer(term);
  if (/(sion|sive|sively)$/u.test(term) && /[aeiou]s$/u.test(stem)) return `${stem.slice(0, -1)}d`;
  return stem;
}
