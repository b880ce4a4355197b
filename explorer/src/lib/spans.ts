/** Cuts a text into runs by the spans that cover them, so overlapping claims can all be shown. */

export interface Spanned {
  id: string;
  span: { start: number; end: number };
}

export interface Run<T extends Spanned> {
  text: string;
  start: number;
  /** The narrowest span covering the run (the one a click selects), if any. */
  top: T | undefined;
  covering: T[];
}

export function runs<T extends Spanned>(text: string, spans: readonly T[]): Run<T>[] {
  const cuts = new Set([0, text.length]);
  for (const { span } of spans) {
    cuts.add(Math.max(0, Math.min(text.length, span.start)));
    cuts.add(Math.max(0, Math.min(text.length, span.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result: Run<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    const covering = spans.filter((s) => s.span.start <= start && s.span.end >= end);
    const top = covering.reduce<T | undefined>(
      (best, s) => (best === undefined || s.span.end - s.span.start < best.span.end - best.span.start ? s : best),
      undefined,
    );
    result.push({ text: text.slice(start, end), start, top, covering });
  }
  return result;
}

/** Highlights: the text cut into plain and matched parts. */
export function marked(
  text: string,
  spans: readonly { start: number; end: number }[],
): { text: string; hit: boolean }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(at, start);
    if (from > at) parts.push({ text: text.slice(at, from), hit: false });
    parts.push({ text: text.slice(from, end), hit: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}
