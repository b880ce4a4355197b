import type { DataSources } from './client.js';
import { eventItemSchema, type EventItem } from './items.js';
import { queryCount, queryPage, resumeKey, tableCount, type QueryPageInput, type StoredKey } from './table-store.js';
import { INDEX } from './tables.js';

/** First and last day (YYYY-MM-DD) of the requested range; either may be open. */
export interface DayWindow {
  fromDay?: string;
  toDay?: string;
}

/**
 * Events whose covered period overlaps the window, chronologically. The index
 * sorts by first day; no event covers more than a year, so events that start
 * over a year before `fromDay` cannot overlap and are never read.
 */
function windowQuery(window: DayWindow): Omit<QueryPageInput, 'first' | 'after' | 'forward'> {
  const names: Record<string, string> = { '#kind': 'kind' };
  const values: Record<string, unknown> = { ':kind': 'EVENT' };
  let keyCondition = '#kind = :kind';
  let filter: string | undefined;
  const lower = window.fromDay === undefined ? undefined : String(Number(window.fromDay.slice(0, 4)) - 1);
  const upper = window.toDay === undefined ? undefined : `${window.toDay}#\uffff`;
  if (lower !== undefined || upper !== undefined) {
    names['#order'] = 'order';
    values[':lo'] = lower ?? '0000';
    values[':hi'] = upper ?? '9999#\uffff';
    keyCondition += ' AND #order BETWEEN :lo AND :hi';
  }
  if (window.fromDay !== undefined) {
    names['#endDay'] = 'endDay';
    values[':from'] = window.fromDay;
    filter = '#endDay >= :from';
  }
  return { table: 'events', index: INDEX.eventsByDate, keyCondition, filter, names, values };
}

export async function listEvents(ds: DataSources, window: DayWindow, first: number, after?: StoredKey) {
  const page = await queryPage(ds, { ...windowQuery(window), forward: true, first, after });
  return { items: page.items.map((i) => eventItemSchema.parse(i)), hasNextPage: page.hasNextPage };
}

export const eventResumeKey = (item: EventItem) => resumeKey('events', INDEX.eventsByDate, item);

export function countEvents(ds: DataSources, window: DayWindow): Promise<number> {
  if (window.fromDay === undefined && window.toDay === undefined) return tableCount(ds, 'events');
  return queryCount(ds, windowQuery(window));
}
