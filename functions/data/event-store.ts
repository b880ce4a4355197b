/**
 * Events in date order. Each date precision has its own byDate partition (a
 * YEAR event covers a whole year, so it sorts apart from DAY events); a page
 * reads the three partitions in parallel and merges them by start day.
 */
import type { EventItem } from './items.js';
import { itemReader } from './stored-items.js';
import { keys, type DatePrecision } from './keys.js';
import type { EntityLoader } from './loaders.js';
import {
  entityCount,
  isStorableId,
  queryCount,
  queryPage,
  resumeKey,
  type Snapshot,
  type StoredKey,
} from './table-store.js';
import { INDEX, indexPartitionKey } from './tables.js';
import type { DayWindow } from '../shared/date-range.js';
import { invalidCursor, keyOf, type PagePosition } from '../shared/page-position.js';

const DATE_PARTITION = indexPartitionKey('events', INDEX.eventsByDate);

/** Which dates place an event in the window: its own, or any date a document reports for it. */
export interface EventsQuery extends DayWindow {
  byAnyDate: boolean;
  /** Only disputed events (true), only the others (false), or all (undefined). */
  disputed?: boolean;
}

export const DATE_PRECISIONS = ['YEAR', 'MONTH', 'DAY'] as const satisfies readonly DatePrecision[];

/**
 * Where to resume each precision partition, as a cursor's key carries it: the
 * order and sort key of the last item read from it (`DAY`, `DAY.sk`); absent
 * when it has not been read yet.
 */
type EventsPosition = Record<string, string>;

const partitionOf = (version: number, query: EventsQuery, precision: DatePrecision) =>
  keys.partitionAt(version, query.byAnyDate ? keys.anyDatePartition(precision) : keys.eventDatePartition(precision));

/**
 * The range of start days in one precision partition whose items overlap the
 * window. An item covers a day, a month or a year, so it ends on or after
 * `fromDay` exactly when it starts on or after the first day of `fromDay`'s
 * day, month or year: every read is an exact key range.
 */
function startRange(precision: DatePrecision, window: DayWindow): { lo: string; hi: string } {
  const from = window.fromDay;
  const lo =
    from === undefined
      ? '0000'
      : precision === 'YEAR'
        ? `${from.slice(0, 4)}-01-01`
        : precision === 'MONTH'
          ? `${from.slice(0, 7)}-01`
          : from;
  return { lo, hi: `${window.toDay ?? '9999-12-31'}#\uffff` };
}

function partitionQuery(version: number, query: EventsQuery, precision: DatePrecision) {
  const { lo, hi } = startRange(precision, query);
  const names: Record<string, string> = { '#p': DATE_PARTITION, '#order': 'order' };
  const values: Record<string, unknown> = { ':p': partitionOf(version, query, precision), ':lo': lo, ':hi': hi };
  const filters: string[] = [];
  // By any date: keep an event's item only at its first date in range (no earlier date reaches the window).
  if (query.byAnyDate && query.fromDay !== undefined) {
    names['#earlierEnd'] = 'earlierEnd';
    values[':from'] = query.fromDay;
    filters.push('#earlierEnd < :from');
  }
  if (query.disputed !== undefined) filters.push(disputedFilter(query, names, values));
  return {
    table: 'events' as const,
    index: INDEX.eventsByDate,
    keyCondition: '#p = :p AND #order BETWEEN :lo AND :hi',
    filter: filters.length > 0 ? filters.join(' AND ') : undefined,
    names,
    values,
  };
}

/** The stored `disputed` of the event (a date item carries its event's copy); an absent one is false. */
function disputedFilter(query: EventsQuery, names: Record<string, string>, values: Record<string, unknown>): string {
  names['#disputed'] = 'disputed';
  values[':disputed'] = true;
  const path = query.byAnyDate ? '#event.#disputed' : '#disputed';
  if (query.byAnyDate) names['#event'] = 'event';
  return query.disputed === true ? `${path} = :disputed` : `(attribute_not_exists(${path}) OR ${path} <> :disputed)`;
}

/** A cursor's position back to resume keys; the invalid-cursor error when it is not one this list issued. */
function resumeKeys(
  version: number,
  query: EventsQuery,
  after: PagePosition | undefined,
): Partial<Record<DatePrecision, StoredKey>> {
  const result: Partial<Record<DatePrecision, StoredKey>> = {};
  const position = after === undefined ? {} : keyOf(after);
  for (const [name, order] of Object.entries(position)) {
    if (name.endsWith('.sk')) continue;
    const precision = DATE_PRECISIONS.find((p) => p === name);
    const sk = position[`${name}.sk`];
    const id = keys.idOfOrder(order);
    if (
      precision === undefined ||
      sk === undefined ||
      id === undefined ||
      !isStorableId(id) ||
      !keys.isEventListSk(sk, query.byAnyDate)
    )
      throw invalidCursor();
    result[precision] = {
      ...keys.storedKey('events', { pk: id, sk }, version),
      [DATE_PARTITION]: partitionOf(version, query, precision),
      order,
    };
  }
  if (Object.keys(position).length !== 2 * Object.keys(result).length) throw invalidCursor();
  return result;
}

export interface EventsPage {
  items: { node: EventItem; position: PagePosition }[];
  hasNextPage: boolean;
  /** What each partition's read returned; `fromStart` when it began at the range's first item. */
  partitions: {
    precision: DatePrecision;
    count: number;
    firstRank: number | undefined;
    more: boolean;
    fromStart: boolean;
  }[];
}

/**
 * Events in the window, chronologically: the three precision partitions are
 * read in parallel (one page each) and merged by start day. By any date, the
 * partitions hold date items that carry their event.
 */
export async function listEvents(
  snap: Snapshot,
  loader: EntityLoader<EventItem>,
  query: EventsQuery,
  first: number,
  after: PagePosition | undefined,
): Promise<EventsPage> {
  const start = resumeKeys(snap.version, query, after);
  const pages = await Promise.all(
    DATE_PRECISIONS.map(async (precision) => {
      const page = await queryPage(snap.ds, {
        ...partitionQuery(snap.version, query, precision),
        forward: true,
        first,
        after: start[precision],
      });
      return { precision, raw: page.items, more: page.hasNextPage, fromStart: start[precision] === undefined };
    }),
  );
  const merged = pages
    .flatMap((p) => p.raw.map((raw) => ({ precision: p.precision, raw, order: String(raw.order) })))
    .sort((a, b) => (a.order < b.order ? -1 : 1))
    .slice(0, first);
  const [readDate, readEvent] = await Promise.all([itemReader(snap, 'eventDate'), itemReader(snap, 'event')]);
  const events = merged.map((m) => {
    const event = query.byAnyDate ? readDate(m.raw).event : readEvent(m.raw);
    loader.prime(event.id, event);
    return event;
  });
  const position: EventsPosition = after === undefined ? {} : { ...keyOf(after) };
  const items: EventsPage['items'] = [];
  merged.forEach(({ precision, raw }, i) => {
    const key = resumeKey('events', INDEX.eventsByDate, raw);
    position[precision] = key.order ?? '';
    position[`${precision}.sk`] = key.sk ?? '';
    const event = events[i];
    if (event !== undefined) items.push({ node: event, position: { key: { ...position } } });
  });
  return {
    items,
    hasNextPage: pages.reduce((n, p) => n + p.raw.length, 0) > first || pages.some((p) => p.more),
    partitions: pages.map((p) => ({
      precision: p.precision,
      count: p.raw.length,
      firstRank:
        query.byAnyDate || query.disputed !== undefined || p.raw[0] === undefined
          ? undefined
          : readEvent(p.raw[0]).rank,
      more: p.more,
      fromStart: p.fromStart,
    })),
  };
}

/** Rank of the last event starting at or before `bound` (or before it) in a partition: a one-item read. */
async function rankAtOrBefore(
  snap: Snapshot,
  precision: DatePrecision,
  bound: string,
  inclusive: boolean,
): Promise<number> {
  const page = await queryPage(snap.ds, {
    table: 'events',
    index: INDEX.eventsByDate,
    keyCondition: `#p = :p AND #order ${inclusive ? '<=' : '<'} :bound`,
    names: { '#p': DATE_PARTITION, '#order': 'order' },
    values: { ':p': keys.partitionAt(snap.version, keys.eventDatePartition(precision)), ':bound': bound },
    forward: false,
    first: 1,
  });
  return page.items[0] === undefined ? 0 : (await itemReader(snap, 'event'))(page.items[0]).rank;
}

/**
 * How many events are in the window. By their own date, without reading them:
 * in each partition, the rank of the last event starting by the window's end
 * minus the rank of the last one starting before its range; a page read from
 * the range's start already tells the second, and the whole count when it
 * reached the range's end. By any date, a COUNT query of each partition.
 */
export async function countEvents(snap: Snapshot, query: EventsQuery, page?: EventsPage): Promise<number> {
  const filtered = query.byAnyDate || query.disputed !== undefined;
  if (query.fromDay === undefined && query.toDay === undefined && query.disputed === undefined)
    return entityCount(snap, 'events');
  const counts = await Promise.all(
    DATE_PRECISIONS.map(async (precision) => {
      const read = page?.partitions.find((p) => p.precision === precision);
      // A partition read whole from the range's start: what it returned is its count.
      if (read?.fromStart === true && !read.more) return read.count;
      // Ranks count every event of a partition: a filtered list is counted by a COUNT query.
      if (filtered) return queryCount(snap.ds, partitionQuery(snap.version, query, precision));
      const { lo, hi } = startRange(precision, query);
      const firstRank = read?.fromStart === true ? read.firstRank : undefined;
      const [upTo, before] = await Promise.all([
        rankAtOrBefore(snap, precision, hi, true),
        firstRank !== undefined ? firstRank - 1 : rankAtOrBefore(snap, precision, lo, false),
      ]);
      return Math.max(0, upTo - before);
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
