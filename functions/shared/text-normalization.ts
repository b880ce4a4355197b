/**
 * One normalization of text for everything that compares words: search (the
 * index, the query and the highlights) and the corpus checks. Two texts that
 * a reader takes for the same words fold to the same string: case,
 * diacritics, the Azerbaijani and Turkish letters (ş ç ğ ı İ ə ö ü),
 * apostrophe and quotation-mark variants, and hyphenated against closed
 * compounds (cease-fire = ceasefire).
 *
 * Plain functions, no dependencies: it is imported by the GraphQL function's
 * search path and by the seed tools alike.
 */

/**
 * Letters that carry no combining mark in Unicode, so NFD leaves them alone,
 * but that readers type without the diacritic (Azerbaijani ə, Turkish ı, …).
 */
const LETTER_FOLD: Readonly<Record<string, string>> = {
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
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLD).join('')}]`, 'gu');

/** Apostrophes as typed, typeset and transliterated: inside a word they are dropped (O’Brien = OBrien). */
const APOSTROPHES = "'’‘ʼ`´′";
/** Hyphens that join the parts of a compound (not dashes: Russia–Azerbaijan is two words). */
const HYPHENS = '\\-‐‑';
/** Quotation marks: never part of a word; in a query, a pair of them encloses a phrase. */
export const QUOTATION_MARKS = '"“”„«»‟';

const APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'gu');
const HYPHEN = new RegExp(`[${HYPHENS}]`, 'gu');
const WORD_CHARS = '\\p{L}\\p{N}\\p{M}';

/**
 * A word: letters, digits and marks, with single apostrophes or hyphens
 * inside it (Putin’s, cease-fire, 43-article). Everything else separates
 * words, dashes and quotation marks included.
 */
const WORD = new RegExp(`[${WORD_CHARS}]+(?:[${APOSTROPHES}${HYPHENS}][${WORD_CHARS}]+)*`, 'gu');
const POSSESSIVE = new RegExp(`[${APOSTROPHES}][sS]$`, 'u');

/** Case, diacritics and the letters Unicode does not decompose; apostrophes and hyphens are kept. */
function foldLetters(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(FOLDABLE, (c) => LETTER_FOLD[c] ?? c);
}

/**
 * A word as it is compared: lower case, no diacritics, no apostrophes, no
 * hyphens (Erdoğan → erdogan, İsmayıl → ismayil, cease-fire → ceasefire,
 * O’Brien → obrien).
 */
export function foldWord(word: string): string {
  return foldLetters(word).replace(APOSTROPHE, '').replace(HYPHEN, '');
}

/**
 * A whole text as it is compared: every word folded as by foldWord, the
 * possessive ’s kept as s, quotation marks dropped, and any run of spaces
 * and line breaks one space. Punctuation other than quotation marks stays,
 * so sentences remain distinguishable.
 */
export function foldText(text: string): string {
  const quotes = new RegExp(`[${QUOTATION_MARKS}]`, 'gu');
  return text
    .replace(WORD, (word) => foldWord(word))
    .replace(quotes, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A word of a text, as UTF-16 offsets into it. */
export interface WordSpan {
  start: number;
  /** Before a possessive ’s, so `text.slice(start, end)` is the name as written (Putin’s → Putin). */
  end: number;
  /** The word as written, without a possessive. */
  text: string;
  /** The hyphen-separated parts (a single part for a plain word), with their own spans. */
  parts: { start: number; end: number; text: string }[];
}

/** The words of a text, in order (see WORD). */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    // The possessive is grammar, not the name: "Putin’s" is found by "Putin" and highlighted as "Putin".
    if (POSSESSIVE.test(word) && word.length > 2) word = word.slice(0, -2);
    const start = match.index;
    const parts: WordSpan['parts'] = [];
    let offset = 0;
    for (const part of word.split(HYPHEN)) {
      parts.push({ start: start + offset, end: start + offset + part.length, text: part });
      offset += part.length + 1;
    }
    out.push({ start, end: start + word.length, text: word, parts });
  }
  return out;
}

/** Letters that mark a word as Azerbaijani or Turkish, whose English spelling differs from the plain fold. */
const AZERBAIJANI_MARKERS = /[şçğıəŞÇĞİƏ]/u;
/**
 * The English transliteration of Azerbaijani (Şuşa → Shusha, Cəfərli →
 * Jafarli, Əliyev → Aliyev, Xankəndi → Khankandi). Applied to the whole word
 * only when it has one of AZERBAIJANI_MARKERS: c → j is right for Cəfərli,
 * wrong for Recep.
 */
const AZERBAIJANI_TO_ENGLISH: Readonly<Record<string, string>> = {
  ş: 'sh',
  ç: 'ch',
  ğ: 'gh',
  ə: 'a',
  ı: 'i',
  ö: 'o',
  ü: 'u',
  c: 'j',
  x: 'kh',
  q: 'g',
};

/**
 * The folded spellings of one word: foldWord's, and for an Azerbaijani or
 * Turkish word also its English transliteration (Şuşa → susa, shusha;
 * Toğrul → togrul, toghrul). The index stores every one, and a query word
 * matches any of them, so Şuşa, Susa and Shusha find each other.
 */
export function wordSpellings(word: string): string[] {
  const plain = foldWord(word);
  if (!AZERBAIJANI_MARKERS.test(word)) return plain === '' ? [] : [plain];
  // Letters one by one (code points): these words hold no emoji or combining sequences to keep whole.
  const english = foldWord(
    Array.from(word.toLowerCase())
      .map((c) => AZERBAIJANI_TO_ENGLISH[c] ?? c)
      .join(''),
  );
  return [...new Set([plain, english])].filter((s) => s !== '');
}

/** Whether a folded word has a digit: numbers and years match exactly, never fuzzily or as a prefix. */
export function hasDigit(term: string): boolean {
  return /\p{N}/u.test(term);
}

/** Alternatives for a Cyrillic letter, the Russian conventions first (BGN/PCGN, then the common simplifications). */
const CYRILLIC: Readonly<Record<string, readonly string[]>> = {
  а: ['a'],
  б: ['b'],
  в: ['v'],
  г: ['g'],
  д: ['d'],
  е: ['e'],
  ё: ['yo', 'e'],
  ж: ['zh', 'j'],
  з: ['z'],
  и: ['i'],
  й: ['y', 'i', ''],
  к: ['k'],
  л: ['l'],
  м: ['m'],
  н: ['n'],
  о: ['o'],
  п: ['p'],
  р: ['r'],
  с: ['s'],
  т: ['t'],
  у: ['u'],
  ф: ['f'],
  х: ['kh', 'h'],
  ц: ['ts', 'c'],
  ч: ['ch'],
  ш: ['sh'],
  щ: ['shch', 'sch'],
  ъ: [''],
  ы: ['y', 'i'],
  ь: [''],
  э: ['e'],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
  // Azerbaijani, Ukrainian and other Cyrillic letters.
  ә: ['a', 'e'],
  ғ: ['gh', 'g'],
  ҹ: ['j'],
  ҝ: ['g'],
  ө: ['o'],
  ү: ['u'],
  һ: ['h'],
  ј: ['y'],
  і: ['i'],
  ї: ['yi', 'i'],
  є: ['ye', 'e'],
  ґ: ['g'],
};
const VOWELS = 'аеёиоуыэюяәөүіїє';

/**
 * Latin spellings of a Cyrillic word, Russian and Azerbaijani conventions
 * together, at most `limit` of them: Алиев → aliev, aliyev; Путин → putin;
 * Ильхам → ilkham, ilham; Зеленский → zelenskiy, zelensky. A word with no
 * Cyrillic letter has none.
 */
export function cyrillicToLatin(word: string, limit = 8): string[] {
  const lower = word.toLowerCase();
  if (!/\p{Script=Cyrillic}/u.test(lower)) return [];
  const letters = Array.from(lower);
  let spellings = [''];
  letters.forEach((c, i) => {
    const previous = letters[i - 1];
    let options = CYRILLIC[c] ?? [foldWord(c)];
    // е is "ye" after a vowel or a soft/hard sign and at the start (Azerbaijani and English usage: Aliyev, Yerevan).
    if (c === 'е' && (previous === undefined || VOWELS.includes(previous) || previous === 'ь' || previous === 'ъ'))
      options = ['ye', 'e'];
    // The adjectival ending -ий is written -y in English (Zelensky) as often as -iy.
    if (c === 'и' && letters[i + 1] === 'й' && i + 2 === letters.length) options = ['', 'i'];
    const next: string[] = [];
    for (const prefix of spellings)
      for (const option of options) if (next.length < limit * 4) next.push(prefix + option);
    spellings = next;
  });
  return [...new Set(spellings.map(foldWord))].filter((s) => s !== '').slice(0, limit);
}

/**
 * Adjectives of nationality and the country they name (Turkish → Turkey,
 * Azerbaijani → Azerbaijan, Russian → Russia), folded. The seed tools use it
 * to find the country a text speaks of through its adjective; search does not.
 */
const DEMONYMS: Readonly<Record<string, string>> = {
  afghan: 'Afghanistan',
  albanian: 'Albania',
  american: 'United States',
  armenian: 'Armenia',
  austrian: 'Austria',
  azerbaijani: 'Azerbaijan',
  azeri: 'Azerbaijan',
  belarusian: 'Belarus',
  belgian: 'Belgium',
  brazilian: 'Brazil',
  british: 'United Kingdom',
  bulgarian: 'Bulgaria',
  canadian: 'Canada',
  chinese: 'China',
  czech: 'Czech Republic',
  danish: 'Denmark',
  dutch: 'Netherlands',
  egyptian: 'Egypt',
  estonian: 'Estonia',
  european: 'Europe',
  finnish: 'Finland',
  french: 'France',
  georgian: 'Georgia',
  german: 'Germany',
  greek: 'Greece',
  hungarian: 'Hungary',
  indian: 'India',
  iranian: 'Iran',
  iraqi: 'Iraq',
  israeli: 'Israel',
  italian: 'Italy',
  japanese: 'Japan',
  kazakh: 'Kazakhstan',
  kazakhstani: 'Kazakhstan',
  kyrgyz: 'Kyrgyzstan',
  latvian: 'Latvia',
  lithuanian: 'Lithuania',
  moldovan: 'Moldova',
  pakistani: 'Pakistan',
  persian: 'Iran',
  polish: 'Poland',
  romanian: 'Romania',
  russian: 'Russia',
  saudi: 'Saudi Arabia',
  serbian: 'Serbia',
  soviet: 'Soviet Union',
  spanish: 'Spain',
  swedish: 'Sweden',
  swiss: 'Switzerland',
  syrian: 'Syria',
  tajik: 'Tajikistan',
  turkish: 'Turkey',
  turkmen: 'Turkmenistan',
  ukrainian: 'Ukraine',
  uzbek: 'Uzbekistan',
};

/** The country an adjective of nationality names (Turkish → Turkey), or undefined for any other word. */
export function demonymCountry(word: string): string | undefined {
  return DEMONYMS[foldWord(word)];
}
