/**
 * The timeline: each event on a time axis as wide as its precision (a year, a
 * month, a day); where documents disagree on the date, each source's date is a
 * mark of its own, and the list below gives each source's words.
 */
import { useEffect, useState, type SyntheticEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { Downloads } from '../components/downloads';
import { ApiError, Loading } from '../components/status';
import type { ExplorerTimelineQuery } from '../gql/graphql';
import { useAllPages } from '../lib/all-pages';
import { period, yearOf, type Period } from '../lib/dates';
import { TimelineQuery } from '../queries';
import { useHref, useParams } from '../routing';

type Event = ExplorerTimelineQuery['events']['nodes'][number];

const WIDTH = 1000;
const LABEL_HEIGHT = 14;
const ROW = 34;
const AXIS = 24;
const MIN_MARK = 3;
const REPORTED_LINE = 9;

export function Timeline() {
  const params = useParams();
  const href = useHref();
  const [, navigate] = useLocation();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const selectedId = params.get('event');
  const [range, setRange] = useState({ from, to });
  useEffect(() => {
    setRange({ from, to });
  }, [from, to]);
  const events = useAllPages(
    TimelineQuery,
    (after) => ({ from: from === '' ? undefined : from, to: to === '' ? undefined : to, first: 100, after }),
    (data) => ({ nodes: data.events.nodes, ...data.events.pageInfo }),
    `${from}|${to}`,
  );
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    navigate(href('/timeline', { from: range.from, to: range.to }));
  };
  const selected = events.nodes.find((e) => e.id === selectedId);
  return (
    <>
      <h1>Timeline</h1>
      <form className="range-form" onSubmit={submit}>
        <label htmlFor="timeline-from">From</label>
        <input
          id="timeline-from"
          placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          value={range.from}
          onChange={(e) => {
            setRange({ ...range, from: e.target.value });
          }}
        />
        <label htmlFor="timeline-to">To</label>
        <input
          id="timeline-to"
          placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          value={range.to}
          onChange={(e) => {
            setRange({ ...range, to: e.target.value });
          }}
        />
        <button type="submit">Show</button>
      </form>
      <p className="legend" aria-label="Legend">
        <span className="swatch precision-year">a year</span>
        <span className="swatch precision-month">a month</span>
        <span className="swatch precision-day">a day</span>
        <span className="swatch reported">a source's date, where they disagree</span>
      </p>
      {events.error === undefined ? null : <ApiError error={events.error} />}
      {events.done ? null : <Loading what="the events" />}
      {selected === undefined ? null : <EventDetails event={selected} />}
      {events.nodes.length === 0 ? null : <Axis events={events.nodes} selectedId={selectedId} />}
      <EventList events={events.nodes} done={events.done} />
    </>
  );
}

/** A link that opens an event's card on the timeline, keeping the range shown. */
function useEventHref(): (id: string) => string {
  const href = useHref();
  const params = useParams();
  return (id) =>
    href('/timeline', { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, event: id });
}

function domain(events: readonly Event[]): Period {
  const periods = events.flatMap((e) => [period(e.date.value), ...e.reportedDates.map((r) => period(r.date.value))]);
  const start = Math.min(...periods.map((p) => p.start));
  const end = Math.max(...periods.map((p) => p.end));
  return { start: Date.UTC(yearOf(start), 0, 1), end: Date.UTC(yearOf(end - 1) + 1, 0, 1) };
}

function Axis({ events, selectedId }: { events: readonly Event[]; selectedId: string | null }) {
  const eventHref = useEventHref();
  const [, navigate] = useLocation();
  const span = domain(events);
  const x = (ms: number) => ((ms - span.start) / (span.end - span.start)) * WIDTH;
  const years: number[] = [];
  const firstYear = yearOf(span.start);
  const lastYear = yearOf(span.end - 1);
  const step = lastYear - firstYear > 30 ? 5 : lastYear - firstYear > 12 ? 2 : 1;
  for (let y = firstYear; y <= lastYear + 1; y += step) years.push(y);
  // A disputed event gets a line per source's date under its own mark, so marks within one month stay apart.
  const heights = events.map((e) => ROW + (e.disputed ? e.reportedDates.length * REPORTED_LINE : 0));
  const tops = heights.map((_, i) => AXIS + heights.slice(0, i).reduce((sum, h) => sum + h, 0));
  const height = AXIS + heights.reduce((sum, h) => sum + h, 0);
  return (
    <div className="axis-scroll">
      <svg className="axis" viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label="Events on a time axis">
        {years.map((y) => (
          <g key={y} aria-hidden="true">
            <line x1={x(Date.UTC(y, 0, 1))} x2={x(Date.UTC(y, 0, 1))} y1={AXIS - 4} y2={height} className="tick" />
            <text x={x(Date.UTC(y, 0, 1)) + 2} y={12} className="tick-label">
              {y}
            </text>
          </g>
        ))}
        {events.map((event, i) => {
          const top = tops[i] ?? AXIS;
          const p = period(event.date.value);
          // Labels of late events end at their mark instead of running off the axis.
          const late = x(p.start) > WIDTH * 0.55;
          return (
            <a
              key={event.id}
              href={eventHref(event.id)}
              onClick={(e) => {
                e.preventDefault();
                navigate(eventHref(event.id));
              }}
              className={`event-row${event.id === selectedId ? ' selected' : ''}`}
              aria-label={`${event.date.value}: ${event.title}${event.disputed ? ' (date disputed)' : ''}`}
            >
              <text
                x={late ? x(p.end) : x(p.start)}
                textAnchor={late ? 'end' : 'start'}
                y={top + LABEL_HEIGHT - 2}
                className="event-label"
              >
                {event.date.value} {event.title}
              </text>
              <Mark
                period={p}
                x={x}
                y={top + LABEL_HEIGHT}
                className={`mark precision-${event.date.precision.toLowerCase()}`}
              />
              {event.disputed
                ? event.reportedDates.map((r, j) => (
                    <Mark
                      key={j}
                      period={period(r.date.value)}
                      x={x}
                      y={top + LABEL_HEIGHT + 9 + j * REPORTED_LINE}
                      className="mark reported"
                      title={`${r.document.title}: “${r.quote}” (${r.date.value})`}
                    />
                  ))
                : null}
            </a>
          );
        })}
      </svg>
    </div>
  );
}

function Mark({
  period: p,
  x,
  y,
  className,
  title,
}: {
  period: Period;
  x: (ms: number) => number;
  y: number;
  className: string;
  title?: string;
}) {
  const width = Math.max(MIN_MARK, x(p.end) - x(p.start));
  return (
    <rect x={x(p.start)} y={y} width={width} height={7} rx={1} className={className}>
      {title === undefined ? null : <title>{title}</title>}
    </rect>
  );
}

function EventDetails({ event }: { event: Event }) {
  return (
    <section className="event-details card" aria-labelledby="event-details-title">
      <h2 id="event-details-title">{event.title}</h2>
      <p className="meta">
        {event.date.value} ({event.date.precision.toLowerCase()})
        {event.disputed ? ' · the sources disagree on the date' : ''}
      </p>
      {event.description === null ? null : <p>{event.description}</p>}
      <ReportedDates event={event} />
    </section>
  );
}

function ReportedDates({ event }: { event: Event }) {
  const href = useHref();
  if (event.reportedDates.length === 0) return null;
  return (
    <ul className="plain reported-dates">
      {event.reportedDates.map((r, i) => (
        <li key={i}>
          <span className="swatch reported">{r.date.value}</span>{' '}
          <Link href={href(`/documents/${r.document.id}`)}>{r.document.title}</Link>: “{r.quote}”
        </li>
      ))}
    </ul>
  );
}

function EventList({ events, done }: { events: readonly Event[]; done: boolean }) {
  const eventHref = useEventHref();
  return (
    <section className="list" aria-label="Events">
      <header className="list-header">
        <h2>
          Events{' '}
          <span className="count">
            ({events.length}
            {done ? '' : '…'})
          </span>
        </h2>
        <Downloads
          name="timeline"
          rows={events.map((e) => ({
            id: e.id,
            date: e.date.value,
            precision: e.date.precision,
            title: e.title,
            disputed: e.disputed,
            reportedDates: e.reportedDates.map((r) => `${r.date.value} (${r.document.title})`).join('; '),
          }))}
        />
      </header>
      {done && events.length === 0 ? <p className="empty">No event in this range.</p> : null}
      <ol className="plain events">
        {events.map((e) => (
          <li key={e.id} className={e.disputed ? 'disputed' : undefined}>
            <time>{e.date.value}</time> <Link href={eventHref(e.id)}>{e.title}</Link>
            {e.disputed ? <strong className="badge disputed-badge">disputed date</strong> : null}
            {e.disputed ? <ReportedDates event={e} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
