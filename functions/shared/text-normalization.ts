/**
 * The one text folding of the project: what search indexes and queries, and
 * what the corpus checks compare (is a name in a document's text?).
 */

/** Letters NFD leaves alone but readers type without the mark (Azerbaijani ə, Turkish ı, …). */
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

/** Lower case, no diacritics (Erdoğan → erdogan, İsmayıl → ismayil). */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(FOLDABLE, (c) => FOLD[c] ?? c);
}
