import type { QueryResolvers } from '../../../../schema/__generated__/resolvers-types.js';
import { countEvents, listEvents, type EventsQuery } from '../../../data/event-store.js';
import { dayWindow } from '../../../shared/date-range.js';
import { connection } from '../../paging.js';

export const events: QueryResolvers['events'] = async (_parent, args, { snapshot, loaders, cursors }) => {
  const query: EventsQuery = {
    ...dayWindow(args),
    byAnyDate: args.matchReportedDates,
    ...(args.disputed == null ? {} : { disputed: args.disputed }),
  };
  const snap = await snapshot();
  return connection(cursors, {
    listKey: `events:${query.fromDay ?? ''}:${query.toDay ?? ''}${query.byAnyDate ? ':any' : ''}${query.disputed === undefined ? '' : `:disputed=${String(query.disputed)}`}`,
    args,
    read: (first, after) => listEvents(snap, loaders.event, query, first, after),
    // Counted from what the page read, plus rank reads only where it did not reach the range's end.
    totalCount: (page) => countEvents(snap, query, page),
  });
};
