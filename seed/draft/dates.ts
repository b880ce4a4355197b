/**
 * Every date expression of a text (absolute, partial, relative to a date
 * nearby or to the article's date, ranges, bare years) as a reported-date
 * candidate, then linked to a known event where the date and the words agree.
 */
import * as chrono from 'chrono-node';
import { foldWord, words } from '../../functions/shared/text-normalization.js';
import type { EventEntry } from '../../functions/refresh/corpus-schema.js';
import { allSentences, type Span } from './units.js';

export interface DateCandidate {
  start: number;
  end: number;
  words: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** How the date was completed when the words do not give it whole (the year from context, a relative date). */
  inference: string | undefined;
  sentence: Span;
}

/** Stands for the year until an event supplies it. */
export const UNKNOWN_YEAR = '0000';
const pad = (n: number) => String(n).padStart(2, '0');
const YEAR = /\b(1[89]\d{2}|20\d{2})\b/gu;

export function findDates(text: string, publishedOn: string | null): DateCandidate[] {
  const list = allSentences(text);
  const reference =
    publishedOn === null ? undefined : new Date(`${publishedOn.padEnd(10, '-01').slice(0, 10)}T12:00:00Z`);
  const found: DateCandidate[] = [];
  let contextYear: number | undefined = reference?.getUTCFullYear();
  let contextSource = reference === undefined ? undefined : "the article's date";
  // Relative dates ("a day after") count from the last full date before them, else from the article's date.
  let lastDay: { date: Date; words: string } | undefined =
    reference === undefined ? undefined : { date: reference, words: "the article's date" };
  for (const s of list) {
    const results = chrono.parse(s.text, lastDay?.date ?? new Date(0));
    for (const r of results) {
      // chrono types `end` as always set; it is null for a single date.
      for (const component of [r.start, r.end as chrono.ParsedComponents | null].filter((c) => c !== null)) {
        const candidate = fromComponent(
          component,
          r.text,
          { year: contextYear, source: contextSource },
          lastDay?.words,
        );
        if (candidate === undefined) continue;
        if (/^\d{4}-\d{2}-\d{2}$/u.test(candidate.date) && !candidate.date.startsWith(UNKNOWN_YEAR))
          lastDay = { date: new Date(`${candidate.date}T12:00:00Z`), words: `"${r.text}" before it` };
        if (component.isCertain('year')) {
          contextYear = component.get('year') ?? contextYear;
          contextSource = `the year of "${r.text}" before it`;
        }
        found.push({
          start: s.start + r.index,
          end: s.start + r.index + r.text.length,
          words: r.text,
          ...candidate,
          sentence: s,
        });
      }
    }
    for (const m of s.text.matchAll(YEAR)) {
      const at = s.start + m.index;
      if (found.some((f) => f.start <= at && at < f.end)) continue;
      found.push({ start: at, end: at + 4, words: m[0], date: m[0], inference: undefined, sentence: s });
      contextYear = Number(m[0]);
      contextSource = `the year ${m[0]} before it`;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function fromComponent(
  c: chrono.ParsedComponents,
  words: string,
  context: { year: number | undefined; source: string | undefined },
  relativeTo: string | undefined,
): { date: string; inference: string | undefined } | undefined {
  const known = (k: chrono.Component) => c.isCertain(k);
  // Words with no number and no month name ("two days before", "last summer", "within two years") are relative.
  const relative =
    (!known('day') && !known('month') && !known('year')) ||
    (!/\d/u.test(words) && !/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/iu.test(words));
  if (relative && !/\b(?:ago|before|after|later|earlier|last|next|yesterday|tomorrow|previous)\b/iu.test(words))
    return undefined;
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null || month === null) return undefined;
  if (relative) {
    if (relativeTo === undefined) return undefined;
    return { date: `${year}-${pad(month)}-${pad(day ?? 1)}`, inference: `"${words}" counted from ${relativeTo}` };
  }
  const body = known('day') ? `${pad(month)}-${pad(day ?? 1)}` : known('month') ? pad(month) : undefined;
  if (known('year')) return { date: body === undefined ? String(year) : `${year}-${body}`, inference: undefined };
  if (body === undefined) return undefined;
  // No year anywhere before it: a known event with that day may give it (see linkEvent), else it is dropped.
  if (context.year === undefined)
    return { date: `${UNKNOWN_YEAR}-${body}`, inference: 'the year of the known event with that day' };
  return { date: `${context.year}-${body}`, inference: `the year ${context.year} from ${context.source}` };
}

const STOP = new Set(
  'the a an of in on at to and or for with by from as is was were be been its his her their that this which who declaration'.split(
    ' ',
  ),
);
/** Content words, cut to a stem of six letters so "signing" meets "signed" and "invades" meets "invasion". */
export function stems(text: string): Set<string> {
  return new Set(
    words(text)
      .map((w) => foldWord(w.text))
      .filter((w) => w.length > 2 && !STOP.has(w) && !/^\d+$/u.test(w))
      .map((w) => w.slice(0, 6)),
  );
}

export interface EventLink {
  event: EventEntry;
  shared: string[];
}

/** The known event whose dates hold the candidate's and whose words its sentence shares (two at least). */
export function linkEvent(candidate: DateCandidate, events: readonly EventEntry[]): EventLink | undefined {
  const sentenceWords = stems(candidate.sentence.text);
  let best: EventLink | undefined;
  for (const event of events) {
    const dates = [event.date, ...event.reportedDates.map((r) => r.date)];
    const agrees = (d: string) =>
      d === candidate.date ||
      d.startsWith(`${candidate.date}-`) ||
      (candidate.date.startsWith(UNKNOWN_YEAR) && d.slice(4) === candidate.date.slice(4));
    if (!dates.some(agrees)) continue;
    const eventWords = stems([event.title, ...event.aliases].join(' '));
    const shared = [...sentenceWords].filter((w) => eventWords.has(w));
    if (shared.length >= 2 && (best === undefined || shared.length > best.shared.length)) best = { event, shared };
  }
  return best;
}

/** The reported-date quote: the sentence, cut at a clause boundary when long, always holding the date words. */
export function dateQuote(text: string, c: DateCandidate): { start: number; end: number } {
  const s = c.sentence;
  let start = s.start;
  let end = s.end;
  const clauseBreak = /[,;—–]\s/gu;
  if (end - start > 200) {
    for (const m of s.text.matchAll(clauseBreak)) {
      const at = s.start + m.index;
      if (at < c.start - 1 && c.start - at < 160) {
        start = at + m[0].length;
        break;
      }
    }
    const rest = text.slice(c.end, s.end);
    const cut = [...rest.matchAll(clauseBreak)].find((m) => c.end + m.index - start > 40);
    if (cut !== undefined) end = c.end + cut.index;
  }
  while (end > start && /[\s.,;]/u.test(text.charAt(end - 1))) end--;
  return { start, end };
}
