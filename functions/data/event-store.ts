import type { DataSources } from './client.js';
import { eventItemSchema, type EventItem } from './items.js';
import { queryPage, resumeKey, tableCount, type StoredKey } from './table-store.js';
import { INDEX } from './tables.js';

/** First and last day (YYYY-MM-DD) of the requested range; either may be open. */
export interface DayWindow {
  fromDay?: string;
  toDay?: string;
}

export const DATE_PRECISIONS = ['YEAR', 'MONTH', 'DAY'] as const;
type Precision = (typeof DATE_PRECISIONS)[number];
const partitionOf = (precision: Precision) => `EVENT#${precision}`;

/** Where to resume each precision partition; absent when it has not been read yet. */
export type EventsPosition = Partial<Record<Precision, StoredKey>>;

/**
 * The range of start days in one precision partition whose events overlap the
 * window. An event covers a day, a month or a year, so it ends on or after
 * `fromDay` exactly when it starts on or after the first day of `fromDay`'s
 * day, month or year: every read is an exact key range, with no filter.
 */
function startRange(precision: Precision, window: DayWindow): { lo: string; hi: string } {
  const from = window.fromDay;
  const lo = from === undefined ? '0000' : precision === 'YEAR' ? `${from.slice(0, 4)}-01-01` : precision === 'MONTH' ? `${from.slice(0, 7)}-01` : from;
  return { lo, hi: `${window.toDay ?? '9999-12-31'}#\uffff` };
}

function partitionQuery(precision: Precision, window: DayWindow) {
  const { lo, hi } = startRange(precision, window);
  return {
    table: 'events' as const,
    index: INDEX.eventsByDate,
    keyCondition: '#p = :p AND #order BETWEEN :lo AND :hi',
    names: { '#p': 'datePartition', '#order': 'order' },
    values: { ':p': partitionOf(precision), ':lo': lo, ':hi': hi },
  };
}

/**
 * Events overlapping the window, chronologically: the three precision
 * partitions are read in parallel (one page each) and merged by start day.
 */
export async function listEvents(ds: DataSources, window: DayWindow, first: number, after: EventsPosition = {}): Promise<EventsPage> {
  const pages = await Promise.all(
    DATE_PRECISIONS.map(async (precision) => {
      const page = await queryPage(ds, { ...partitionQuery(precision, window), forward: true, first, after: after[precision] });
      const items = page.items.map((i) => eventItemSchema.parse(i));
      return { precision, items, more: page.hasNextPage, fromStart: after[precision] === undefined };
    }),
  );
  const merged = pages
    .flatMap((p) => p.items.map((item) => ({ precision: p.precision, item })))
    .sort((a, b) => (a.item.order < b.item.order ? -1 : 1));
  const taken = merged.slice(0, first);
  const position: EventsPosition = { ...after };
  const edges = taken.map(({ precision, item }) => {
    position[precision] = resumeKey('events', INDEX.eventsByDate, item);
    return { item, position: { ...position } };
  });
  return { edges, hasNextPage: merged.length > first || pages.some((p) => p.more), partitions: pages };
}

export interface EventsPage {
  edges: { item: EventItem; position: EventsPosition }[];
  hasNextPage: boolean;
  /** What each partition's read returned; `fromStart` when it began at the range's first event. */
  partitions: { precision: Precision; items: EventItem[]; more: boolean; fromStart: boolean }[];
}

/** Rank of the last event starting at or before `bound` (or before it) in a partition: a one-item read. */
async function rankAtOrBefore(ds: DataSources, precision: Precision, bound: string, inclusive: boolean): Promise<number> {
  const page = await queryPage(ds, {
    table: 'events',
    index: INDEX.eventsByDate,
    keyCondition: `#p = :p AND #order ${inclusive ? '<=' : '<'} :bound`,
    names: { '#p': 'datePartition', '#order': 'order' },
    values: { ':p': partitionOf(precision), ':bound': bound },
    forward: false,
    first: 1,
  });
  return page.items[0] === undefined ? 0 : eventItemSchema.parse(page.items[0]).rank;
}

/**
 * How many events overlap the window, without reading them: in each partition,
 * the rank of the last event starting by the window's end minus the rank of the
 * last one starting before its range. A page read from the range's start
 * already tells the second (its first event's rank), and the whole count when
 * it reached the range's end, so the first page usually needs no read at all.
 */
export async function countEvents(ds: DataSources, window: DayWindow, page?: EventsPage): Promise<number> {
  if (window.fromDay === undefined && window.toDay === undefined) return tableCount(ds, 'events');
  const counts = await Promise.all(
    DATE_PRECISIONS.map(async (precision) => {
      const { lo, hi } = startRange(precision, window);
      const read = page?.partitions.find((p) => p.precision === precision);
      const firstInRange = read?.fromStart === true ? read.items[0] : undefined;
      if (read?.fromStart === true && !read.more) return read.items.length;
      const [upTo, before] = await Promise.all([
        rankAtOrBefore(ds, precision, hi, true),
        firstInRange !== undefined ? firstInRange.rank - 1 : rankAtOrBefore(ds, precision, lo, false),
      ]);
      return Math.max(0, upTo - before);
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
