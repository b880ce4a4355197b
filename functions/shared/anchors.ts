/**
 * Web Annotation style anchors: a quote with up to 32 characters of context and
 * its position in Unicode code points, and re-anchoring when the text changes.
 */

export const CONTEXT_LENGTH = 32;

export type AnchorStatus = 'EXACT' | 'RELOCATED' | 'ORPHANED';

export interface Anchor {
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  codePointStart: number;
  codePointEnd: number;
  status: AnchorStatus;
}

/** Number of code points in text.slice(0, utf16Index). */
export function codePointOffset(text: string, utf16Index: number): number {
  let count = 0;
  for (let i = 0; i < utf16Index; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < utf16Index) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Up to `length` code points before `start`, never splitting a surrogate pair. */
function contextBefore(text: string, start: number): string {
  return Array.from(text.slice(Math.max(0, start - 2 * CONTEXT_LENGTH), start))
    .slice(-CONTEXT_LENGTH)
    .join('')
    .replace(/^[\udc00-\udfff]/, '');
}

function contextAfter(text: string, end: number): string {
  return Array.from(text.slice(end, end + 2 * CONTEXT_LENGTH))
    .slice(0, CONTEXT_LENGTH)
    .join('')
    .replace(/[\ud800-\udbff]$/, '');
}

export function anchorAt(text: string, start: number, end: number, status: AnchorStatus): Anchor {
  return {
    start,
    end,
    prefix: contextBefore(text, start),
    suffix: contextAfter(text, end),
    codePointStart: codePointOffset(text, start),
    codePointEnd: codePointOffset(text, end),
    status,
  };
}

export function allIndexesOf(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

export interface PreviousAnchor {
  start: number;
  end: number;
  prefix: string;
  suffix: string;
}

/**
 * Finds a quote again in a possibly changed text. EXACT when it is still at the
 * stored span; RELOCATED when found elsewhere (the occurrence whose context best
 * matches the stored prefix and suffix); ORPHANED when the text no longer has it.
 */
export function reanchor(text: string, quote: string, previous: PreviousAnchor): Anchor | { status: 'ORPHANED' } {
  if (text.slice(previous.start, previous.end) === quote) return anchorAt(text, previous.start, previous.end, 'EXACT');
  const candidates = allIndexesOf(text, quote);
  if (candidates.length === 0) return { status: 'ORPHANED' };
  const score = (at: number) => {
    const before = text.slice(0, at);
    const after = text.slice(at + quote.length);
    return commonSuffix(before, previous.prefix) + commonPrefix(after, previous.suffix);
  };
  const best = candidates.reduce((a, b) => (score(b) > score(a) ? b : a));
  return anchorAt(text, best, best + quote.length, 'RELOCATED');
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
