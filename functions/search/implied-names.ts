/**
 * What a query word stands for without being it: an adjective of nationality
 * names its country (Turkish → Turkey, from the shared demonym table), a
 * region names the places of the corpus that lie in it, a small number is
 * written as a word (Article 1 → article one, first article), and a few words
 * of the analysts' vocabulary are said otherwise in the articles (clause →
 * provision). Search expands such a word to those, as it does an alias.
 */
import { demonymCountry } from '../shared/text-normalization.js';

/**
 * Regions by a name no article uses for any of its places, folded: the
 * articles speak of Donetsk and Luhansk, readers type Donbas. Kept here, not
 * as place aliases: Donbas is not another name of Donetsk (nor of Luhansk),
 * and an alias would make each of them find the other.
 */
const REGIONS: Readonly<Record<string, readonly string[]>> = {
  donbas: ['Donetsk', 'Luhansk'],
  donbass: ['Donetsk', 'Luhansk'],
};

/** The names a word's spellings stand for: its country if it is a demonym, a region's places. */
export function impliedNames(spellings: readonly string[]): string[] {
  const names = new Set<string>();
  for (const s of spellings) {
    const country = demonymCountry(s);
    if (country !== undefined) names.add(country);
    for (const place of REGIONS[s] ?? []) names.add(place);
  }
  return [...names];
}

/** Numbers the articles write as words, cardinal and ordinal (Article 1 is "article one" or "the first article"). */
const NUMBER_WORDS: Readonly<Record<string, readonly string[]>> = {
  '1': ['one', 'first'],
  '2': ['two', 'second'],
  '3': ['three', 'third'],
  '4': ['four', 'fourth'],
  '5': ['five', 'fifth'],
  '6': ['six', 'sixth'],
  '7': ['seven', 'seventh'],
  '8': ['eight', 'eighth'],
  '9': ['nine', 'ninth'],
  '10': ['ten', 'tenth'],
};

/**
 * Words analysts type for what the articles say in other words, folded
 * (their other forms come from the stem groups). Kept short: each one was
 * a query of the relevance set that missed (test/fixtures/search-relevance.yaml).
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  clause: ['provision', 'article'],
  clauses: ['provisions', 'articles'],
  disagree: ['contradict', 'dispute', 'differ'],
  disagreement: ['contradiction', 'dispute', 'difference'],
};

/** Other words for a query word: a small number's words, the analysts' synonyms. */
export function relatedWords(spellings: readonly string[]): string[] {
  return [...new Set(spellings.flatMap((s) => [...(NUMBER_WORDS[s] ?? []), ...(SYNONYMS[s] ?? [])]))];
}

/**
 * Words that carry no search of their own in a question (who signed the
 * declaration): left out of a query that has other words, never of a
 * phrase or of a query made only of them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'who',
  'what',
  'which',
  'when',
  'where',
  'whom',
  'did',
  'does',
  'do',
  'is',
  'are',
  'was',
  'were',
]);
