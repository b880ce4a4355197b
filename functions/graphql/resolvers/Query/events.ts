import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { DATE_PRECISIONS, countEvents, listEvents, type DayWindow, type EventsPosition } from '../../../data/event-store.js';
import { ENTITY_SK } from '../../../data/tables.js';
import { isDayRange, parsePartialDate } from '../../../shared/dates.js';
import { badUserInput } from '../../../shared/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../../paging.js';

function dayOf(argumentName: 'from' | 'to', value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const range = parsePartialDate(value);
  if (!isDayRange(range)) throw badUserInput(`Invalid "${argumentName}": ${range.error}.`, { argumentName });
  return argumentName === 'from' ? range.start : range.end;
}

/**
 * A cursor holds, per precision partition, the `order` of the last event read
 * there (`<start day>#<id>`); the rest of the resume key follows from it.
 */
function flatten(position: EventsPosition): Record<string, string> {
  return Object.fromEntries(Object.entries(position).map(([precision, key]) => [precision, key.order ?? '']));
}

function unflatten(flat: Record<string, string>): EventsPosition {
  const position: EventsPosition = {};
  for (const [precision, order] of Object.entries(flat)) {
    const id = order.slice(order.indexOf('#') + 1);
    if (!(DATE_PRECISIONS as readonly string[]).includes(precision) || !order.includes('#') || id === '') {
      throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
    }
    position[precision as (typeof DATE_PRECISIONS)[number]] = { pk: id, sk: ENTITY_SK, datePartition: `EVENT#${precision}`, order };
  }
  return position;
}

export const events: QueryResolvers['events'] = async (_parent, args, { ds }) => {
  const window: DayWindow = { fromDay: dayOf('from', args.from), toDay: dayOf('to', args.to) };
  if (window.fromDay !== undefined && window.toDay !== undefined && window.fromDay > window.toDay) {
    throw badUserInput(`"from" (${args.from}) is after "to" (${args.to}).`, { argumentName: 'from' });
  }
  const listKey = `events:${window.fromDay ?? ''}:${window.toDay ?? ''}`;
  const first = pageSize(args.first);
  const after = args.after == null ? undefined : decodeCursor(args.after, listKey);
  if (after !== undefined && !('k' in after)) throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
  const page = await listEvents(ds, window, first, after === undefined ? {} : unflatten(after.k));
  return {
    edges: page.edges.map(({ item, position }) => ({ node: item, cursor: () => encodeCursor({ l: listKey, k: flatten(position) }) })),
    hasNextPage: page.hasNextPage,
    // Counted from what the page read, plus rank reads only where it did not reach the range's end.
    totalCount: () => countEvents(ds, window, page),
  };
};
