/** Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as periods on a time axis. */

export interface Period {
  start: number;
  end: number;
}

/** The period a partial date covers, in milliseconds since the epoch (UTC), end exclusive. */
export function period(value: string): Period {
  const [year = 1970, month, day] = value.split('-').map(Number);
  if (month === undefined) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  if (day === undefined) return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) };
  return { start: Date.UTC(year, month - 1, day), end: Date.UTC(year, month - 1, day + 1) };
}

export function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}
