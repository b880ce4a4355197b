import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countEvents, listEvents, type EventsQuery } from '../../../data/event-store.js';
import { isDayRange, parsePartialDate } from '../../../shared/dates.js';
import { badUserInput, InvalidEventsPositionError } from '../../../shared/errors.js';
import { pageSize } from '../../paging.js';

function dayOf(argumentName: 'from' | 'to', value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const range = parsePartialDate(value);
  if (!isDayRange(range)) throw badUserInput(`Invalid "${argumentName}": ${range.error}.`, { argumentName });
  return argumentName === 'from' ? range.start : range.end;
}

export const events: QueryResolvers['events'] = async (_parent, args, { snapshot, loaders, cursors }) => {
  const query: EventsQuery = {
    fromDay: dayOf('from', args.from),
    toDay: dayOf('to', args.to),
    byAnyDate: args.matchReportedDates,
  };
  if (query.fromDay !== undefined && query.toDay !== undefined && query.fromDay > query.toDay) {
    throw badUserInput(`"from" (${args.from}) is after "to" (${args.to}).`, { argumentName: 'from' });
  }
  const listKey = `events:${query.fromDay ?? ''}:${query.toDay ?? ''}${query.byAnyDate ? ':any' : ''}`;
  const first = pageSize(args.first);
  const snap = await snapshot();
  const after = args.after == null ? undefined : await cursors.decode(args.after, listKey);
  if (after !== undefined && !('k' in after))
    throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
  const page = await listEvents(snap, loaders.event, query, first, after?.k).catch((error: unknown) => {
    throw error instanceof InvalidEventsPositionError
      ? badUserInput('Invalid cursor for this list.', { argumentName: 'after' })
      : error;
  });
  return {
    edges: page.items.map(({ item, position }) => ({
      node: item,
      cursor: () => cursors.encode({ l: listKey, k: position }),
    })),
    hasNextPage: page.hasNextPage,
    // Counted from what the page read, plus rank reads only where it did not reach the range's end.
    totalCount: () => countEvents(snap, query, page),
  };
};
