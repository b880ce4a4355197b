/**
 * The `from`/`to` arguments of `events` and `search`, read one way: partial
 * dates, `from` from the first day it covers and `to` to the last, refused
 * with BAD_USER_INPUT when malformed or when `from` comes after `to`.
 */
import { isDayRange, parsePartialDate } from './dates.js';
import { badUserInput } from './errors.js';

/** First and last day (YYYY-MM-DD) of a requested range; either may be open. */
export interface DayWindow {
  fromDay?: string;
  toDay?: string;
}

/** The first day `from` covers, or the last day `to` covers. */
export function dayOf(argumentName: 'from' | 'to', value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const range = parsePartialDate(value);
  if (!isDayRange(range)) throw badUserInput(`Invalid "${argumentName}": ${range.error}.`, { argumentName });
  return argumentName === 'from' ? range.start : range.end;
}

/** The days from/to cover; only the bounds given are set. */
export function dayWindow(args: { from?: string | null; to?: string | null }): DayWindow {
  const fromDay = dayOf('from', args.from);
  const toDay = dayOf('to', args.to);
  if (fromDay !== undefined && toDay !== undefined && fromDay > toDay) {
    throw badUserInput(`"from" (${args.from}) is after "to" (${args.to}).`, { argumentName: 'from' });
  }
  return { ...(fromDay === undefined ? {} : { fromDay }), ...(toDay === undefined ? {} : { toDay }) };
}
