import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { DATE_PRECISIONS, countEvents, listEvents, type DayWindow, type EventsPosition } from '../../../data/event-store.js';
import { isDayRange, parsePartialDate } from '../../../shared/dates.js';
import { badUserInput } from '../../../shared/errors.js';
import { decodeCursor, encodeCursor, pageSize, selectsField } from '../../paging.js';

function dayOf(argumentName: 'from' | 'to', value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const range = parsePartialDate(value);
  if (!isDayRange(range)) throw badUserInput(`Invalid "${argumentName}": ${range.error}.`, { argumentName });
  return argumentName === 'from' ? range.start : range.end;
}

/** A cursor holds where each precision partition resumes, flattened as `<PRECISION>.<attribute>`. */
function flatten(position: EventsPosition): Record<string, string> {
  return Object.fromEntries(Object.entries(position).flatMap(([p, key]) => Object.entries(key).map(([attr, v]) => [`${p}.${attr}`, v])));
}

function unflatten(flat: Record<string, string>): EventsPosition {
  const position: Record<string, Record<string, string>> = {};
  for (const [name, value] of Object.entries(flat)) {
    const [precision, attr] = name.split('.', 2);
    if (attr === undefined || !(DATE_PRECISIONS as readonly string[]).includes(precision ?? '')) {
      throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
    }
    (position[precision as string] ??= {})[attr] = value;
  }
  return position;
}

export const events: QueryResolvers['events'] = async (_parent, args, { ds }, info) => {
  const window: DayWindow = { fromDay: dayOf('from', args.from), toDay: dayOf('to', args.to) };
  if (window.fromDay !== undefined && window.toDay !== undefined && window.fromDay > window.toDay) {
    throw badUserInput(`"from" (${args.from}) is after "to" (${args.to}).`, { argumentName: 'from' });
  }
  const listKey = `events:${window.fromDay ?? ''}:${window.toDay ?? ''}`;
  const first = pageSize(args.first);
  const after = args.after == null ? undefined : decodeCursor(args.after, listKey);
  if (after !== undefined && !('k' in after)) throw badUserInput('Invalid cursor for this list.', { argumentName: 'after' });
  // Started with the page, not after it: the count costs no extra round trip.
  const count = selectsField(info, 'totalCount') ? countEvents(ds, window) : undefined;
  count?.catch(() => undefined);
  const page = await listEvents(ds, window, first, after === undefined ? {} : unflatten(after.k));
  return {
    edges: page.edges.map(({ item, position }) => ({ node: item, cursor: encodeCursor({ l: listKey, k: flatten(position) }) })),
    hasNextPage: page.hasNextPage,
    totalCount: () => count ?? countEvents(ds, window),
  };
};
