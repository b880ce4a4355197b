import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countEvents, eventResumeKey, listEvents, type DayWindow } from '../../../data/event-store.js';
import { isDayRange, parsePartialDate } from '../../../shared/dates.js';
import { badUserInput } from '../../../shared/errors.js';
import { queryConnection } from '../../paging.js';

function dayOf(argumentName: 'from' | 'to', value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const range = parsePartialDate(value);
  if (!isDayRange(range)) throw badUserInput(`Invalid "${argumentName}": ${range.error}.`, { argumentName });
  return argumentName === 'from' ? range.start : range.end;
}

export const events: QueryResolvers['events'] = (_parent, args, { ds }) => {
  const window: DayWindow = { fromDay: dayOf('from', args.from), toDay: dayOf('to', args.to) };
  if (window.fromDay !== undefined && window.toDay !== undefined && window.fromDay > window.toDay) {
    throw badUserInput(`"from" (${args.from}) is after "to" (${args.to}).`, { argumentName: 'from' });
  }
  return queryConnection({
    listKey: `events:${window.fromDay ?? ''}:${window.toDay ?? ''}`,
    args,
    fetch: (first, after) => listEvents(ds, window, first, after),
    resumeKey: eventResumeKey,
    totalCount: () => countEvents(ds, window),
  });
};
