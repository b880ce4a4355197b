/** Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) and the day ranges they cover. */

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export interface DayRange {
  value: string;
  precision: DatePrecision;
  /** First day covered, YYYY-MM-DD. */
  start: string;
  /** Last day covered, YYYY-MM-DD. */
  end: string;
}

/** The one shape of a partial date, used by the corpus schema, the stored items and the API's arguments. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const PATTERN = PARTIAL_DATE_PATTERN;

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial date; returns an error message for malformed or impossible dates. */
export function parsePartialDate(value: string): DayRange | { error: string } {
  const match = PATTERN.exec(value);
  if (match === null) {
    return { error: `"${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD` };
  }
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { value, precision: 'YEAR', start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { error: `"${value}" has no month ${match[2]}` };
  const last = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { value, precision: 'MONTH', start: `${value}-01`, end: `${value}-${pad2(last)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > last)
    return { error: `"${value}" is not a calendar day (${match[1]}-${match[2]} has ${last} days)` };
  return { value, precision: 'DAY', start: value, end: value };
}

export function isDayRange(result: DayRange | { error: string }): result is DayRange {
  return !('error' in result);
}

export function precisionOf(value: string): DatePrecision {
  return value.length === 4 ? 'YEAR' : value.length === 7 ? 'MONTH' : 'DAY';
}
