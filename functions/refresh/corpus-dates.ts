/**
 * When the dates documents give for one event disagree, and whether a quote
 * states a date at all. The refresh stores an event's `disputed` from the
 * first; the checks use both.
 */
import { isDayRange, parsePartialDate, type DayRange } from '../shared/dates.js';

/** A date a document gives for an event (the corpus entry or the stored item). */
export interface GivenDate {
  date: string;
  inferred?: boolean;
}

/**
 * Two partial dates can both be right when the days they cover meet: a month
 * and a day inside it, a year and a month inside it. (Partial dates nest, so
 * meeting means one contains the other.)
 */
export function compatible(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

const statedRanges = (dates: readonly GivenDate[]): DayRange[] =>
  dates
    .filter((d) => d.inferred !== true)
    .map((d) => parsePartialDate(d.date))
    .filter(isDayRange);

/**
 * Disputed: two stated dates that cannot both be right. A date the editors
 * inferred never counts, nor do a coarser and a finer date that agree.
 */
export function isDisputed(dates: readonly GivenDate[]): boolean {
  const ranges = statedRanges(dates);
  return ranges.some((a, i) => ranges.slice(i + 1).some((b) => !compatible(a, b)));
}

/** Differently written dates that all agree (the refresh does not call them disputed). */
export function differOnlyInPrecision(dates: readonly GivenDate[]): boolean {
  const values = new Set(dates.map((d) => d.date));
  return values.size > 1 && !isDisputed(dates);
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];
// Russian month stems (genitive and nominative forms share them).
const RUSSIAN_MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма[йя]',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];

const DATE_WORDS = [
  new RegExp(`\\b(?:${MONTHS.join('|')})\\b\\.?`, 'iu'),
  // "May" is a month only beside a number ("May 9", "9 May"): otherwise it is the verb.
  /\bMay\s+\d|\d\s+May\b/u,
  new RegExp(`(?:^|[^\\p{L}])(?:${RUSSIAN_MONTHS.join('|')})\\p{L}*`, 'iu'),
  // A year: 1900–2099, alone or in a range ("2015-2022", "the 1990s").
  /(?:^|[^\d])(?:19|20)\d{2}(?:s|-е)?(?:[^\d]|$)/u,
  // A numeric date: 22.02.2022, 22/02/22, 2022-02-22.
  /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/u,
];

/** Whether a quote states a date (a month, a year, a numeric date), as opposed to one a reader works out. */
export function statesDate(quote: string): boolean {
  return DATE_WORDS.some((pattern) => pattern.test(quote));
}
