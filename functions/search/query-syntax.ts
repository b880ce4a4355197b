/**
 * The query language: words (all must match; near misses follow the full
 * matches), "double-quoted phrases", `OR` between two terms, `-term` or
 * `-"phrase"` to exclude. Anything malformed (an unbalanced quote, a lone
 * `OR`, a lone `-`) is read as plain words: a query is never an error.
 */
import { isDayRange, parsePartialDate } from '../shared/dates.js';
import { QUOTATION_MARKS, cyrillicToLatin, foldWord, words, wordSpellings } from '../shared/text-normalization.js';
import { dateTerms } from './date-terms.js';

/** A query word: the spellings that count as the word itself (folded, Azerbaijani and Cyrillic transliterations). */
export interface QueryWord {
  spellings: string[];
  /** The parts of a hyphenated word (cease-fire → [cease], [fire]), each with its spellings; empty for a plain word. */
  parts: string[][];
  /** The last word of a query outside quotes also matches as a prefix: it may still be being typed. */
  prefix: boolean;
  /** A year or an ISO date (2022, 2022-02, 2022-02-22) also finds the items of that date: its date term. */
  date?: string;
}

/**
 * A date written out (22 February 2022, February 22, 2022, February 2022):
 * the items of that date (its date term) or the texts that write it so.
 */
export interface WrittenDate {
  term: string;
  phrases: string[][][];
}

export type QueryTerm =
  { type: 'word'; word: QueryWord } | { type: 'phrase'; words: string[][] } | { type: 'date'; date: WrittenDate };

export interface ParsedQuery {
  /** Each clause must match (near misses aside); a clause matches when any of its terms does (OR). */
  clauses: QueryTerm[][];
  /** An item matching any of these is left out. */
  excluded: QueryTerm[];
}

function queryWord(text: string): QueryWord | undefined {
  const [word] = words(text);
  if (word === undefined) return undefined;
  const spellings = [...new Set([...wordSpellings(word.text), ...cyrillicToLatin(word.text.replace(/[-‐‑]/gu, ''))])];
  if (spellings.length === 0) return undefined;
  const parts = word.parts.length > 1 ? word.parts.map((p) => wordSpellings(p.text)) : [];
  return { spellings, parts, prefix: false, ...dateOf(word.text) };
}

/** A year from 1000 to 2999 or a valid ISO date: its most precise date term. */
function dateOf(text: string): { date: string } | Record<string, never> {
  if (!/^[12]\d{3}(-\d{2}(-\d{2})?)?$/u.test(text) || !isDayRange(parsePartialDate(text))) return {};
  return { date: dateTerms(text).at(-1)! };
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The month a word names (full English name or its first three letters), 1-based, or 0. */
function monthOf(word: string): number {
  const folded = foldWord(word);
  if (folded.length < 3 || word.startsWith('-')) return 0;
  return MONTHS.findIndex((m) => m === folded || (folded.length === 3 && m.startsWith(folded))) + 1;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A written date at the start of these words, and how many words it takes:
 * day month year, month day year, month year. Only valid calendar dates.
 */
function writtenDate(list: readonly string[]): { date: WrittenDate; length: number } | undefined {
  const [a = '', b = '', c = ''] = list;
  const year = (w: string) => (/^[12]\d{3}$/u.test(w) ? w : undefined);
  const day = (w: string) => (/^\d{1,2}$/u.test(w) ? Number(w) : 0);
  const build = (y: string, m: number, d: number, phrases: string[][]) => {
    const iso = d === 0 ? `${y}-${pad2(m)}` : `${y}-${pad2(m)}-${pad2(d)}`;
    if (!isDayRange(parsePartialDate(iso))) return undefined;
    const slots = phrases.map((p) => p.map((w) => [foldWord(w)]));
    return { term: dateTerms(iso).at(-1)!, phrases: slots };
  };
  const month = MONTHS[monthOf(b) - 1];
  const first = MONTHS[monthOf(a) - 1];
  let found: WrittenDate | undefined;
  if (day(a) > 0 && month !== undefined && year(c) !== undefined) {
    found = build(c, monthOf(b), day(a), [
      [a, month, c],
      [month, a, c],
    ]);
    if (found !== undefined) return { date: found, length: 3 };
  }
  if (first !== undefined && day(b) > 0 && year(c) !== undefined) {
    found = build(c, monthOf(a), day(b), [
      [b, first, c],
      [first, b, c],
    ]);
    if (found !== undefined) return { date: found, length: 3 };
  }
  if (first !== undefined && year(b) !== undefined) {
    found = build(b, monthOf(a), 0, [[first, b]]);
    if (found !== undefined) return { date: found, length: 2 };
  }
  return undefined;
}

/** A phrase's positions: one per word part, as the index numbers them (see analyze). */
function phraseSlots(text: string): string[][] {
  const slots: string[][] = [];
  for (const word of words(text)) {
    if (word.parts.length > 1 && word.parts.every((p) => foldWord(p.text) !== '')) {
      // "cease-fire" in a phrase: its closed form sits at its first and last part, so one slot with the closed form does.
      slots.push(wordSpellings(word.text));
    } else {
      slots.push([...new Set([...wordSpellings(word.text), ...cyrillicToLatin(word.text)])]);
    }
  }
  return slots.filter((s) => s.length > 0);
}

type Piece = { kind: 'term'; term: QueryTerm; negated: boolean } | { kind: 'or' };

function termOf(text: string, quoted: boolean): QueryTerm[] {
  if (quoted) {
    const slots = phraseSlots(text);
    if (slots.length === 0) return [];
    // A quoted single word is that word's exact spellings: no stems, no misspellings, no prefix.
    return [{ type: 'phrase', words: slots }];
  }
  return words(text)
    .map((w) => queryWord(w.text))
    .filter((w): w is QueryWord => w !== undefined)
    .map((word) => ({ type: 'word', word }));
}

/** Splits the query into pieces: quoted phrases (paired quotation marks only), OR, and words, each maybe negated. */
function pieces(query: string): Piece[] {
  const quote = new RegExp(`[${QUOTATION_MARKS}]`, 'gu');
  const marks = [...query.matchAll(quote)].map((m) => m.index);
  // An odd last quotation mark opens nothing: it is read as a space.
  if (marks.length % 2 === 1) marks.pop();
  const out: Piece[] = [];
  const plain = (text: string) => {
    const chunks = text.split(/[\s,]+/u).filter((c) => c !== '');
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      const date = writtenDate(chunks.slice(i, i + 3));
      if (date !== undefined) {
        out.push({ kind: 'term', term: { type: 'date', date: date.date }, negated: false });
        i += date.length - 1;
      } else if (chunk === 'OR') out.push({ kind: 'or' });
      else if (chunk.startsWith('-') && chunk.length > 1)
        for (const term of termOf(chunk.slice(1), false)) out.push({ kind: 'term', term, negated: true });
      else for (const term of termOf(chunk, false)) out.push({ kind: 'term', term, negated: false });
    }
  };
  let cursor = 0;
  for (let i = 0; i < marks.length; i += 2) {
    const open = marks[i]!;
    const close = marks[i + 1]!;
    let before = query.slice(cursor, open);
    // -"phrase": the minus sign directly before the opening mark, after a space or at the start.
    const negated = /(^|\s)-$/u.test(before);
    if (negated) before = before.slice(0, -1);
    plain(before);
    for (const term of termOf(query.slice(open + 1, close), true)) out.push({ kind: 'term', term, negated });
    cursor = close + 1;
  }
  plain(query.slice(cursor).replace(quote, ' '));
  return out;
}

export function parseQuery(query: string): ParsedQuery {
  const list = pieces(query);
  const clauses: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let joinNext = false;
  list.forEach((piece, i) => {
    if (piece.kind === 'or') {
      // OR joins the terms either side of it; anywhere else (first, last, doubled, beside an exclusion) it means nothing.
      const previous = list[i - 1];
      const next = list[i + 1];
      joinNext =
        clauses.length > 0 && previous?.kind === 'term' && !previous.negated && next?.kind === 'term' && !next.negated;
      return;
    }
    if (piece.negated) excluded.push(piece.term);
    else if (joinNext) clauses.at(-1)!.push(piece.term);
    else clauses.push([piece.term]);
    joinNext = false;
  });
  // "OR" alone, or only ORs: the analyst searched for the word.
  if (clauses.length === 0 && excluded.length === 0 && list.some((p) => p.kind === 'or'))
    clauses.push(termOf('or', false));
  // The last word outside quotes may still be being typed.
  const last = list.at(-1);
  if (last?.kind === 'term' && !last.negated && last.term.type === 'word') last.term.word.prefix = true;
  return { clauses: clauses.filter((c) => c.length > 0), excluded };
}

/** A canonical form of the parsed query: queries that search the same way have the same key (cursors are bound to it). */
export function queryKey(parsed: ParsedQuery): string {
  const term = (t: QueryTerm) =>
    t.type === 'word'
      ? `${t.word.spellings.join('|')}${t.word.prefix ? '*' : ''}`
      : t.type === 'date'
        ? t.date.term
        : `"${t.words.map((s) => s.join('|')).join(' ')}"`;
  return `${parsed.clauses.map((c) => c.map(term).join(' OR ')).join(' ')} ${parsed.excluded.map((t) => `-${term(t)}`).join(' ')}`.trim();
}
