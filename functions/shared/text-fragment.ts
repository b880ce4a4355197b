/**
 * Text fragment links (URL Fragment Text Directives, `#:~:text=`) that open a
 * source at a quote: `[prefix-,]textStart[,textEnd][,-suffix]`.
 */

/** Percent-encodes a directive term; `-`, `,` and `&` are syntax in a directive, so they are encoded too. */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const CONTEXT_WORDS = 3;
/** Quotes longer than this are linked by their first and last words (textStart,textEnd). */
const RANGE_THRESHOLD_WORDS = 10;
const RANGE_EDGE_WORDS = 4;

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

function occurrences(text: string, quote: string): number {
  let count = 0;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) count++;
  return count;
}

export function textFragmentDirective(text: string, span: { start: number; end: number }): string {
  const quote = text.slice(span.start, span.end).trim();
  const quoteWords = words(quote);
  const parts: string[] = [];
  if (occurrences(text, quote) > 1) {
    const before = words(text.slice(0, span.start)).slice(-CONTEXT_WORDS);
    if (before.length > 0) parts.push(`${encodeFragmentTerm(before.join(' '))}-`);
  }
  if (quoteWords.length > RANGE_THRESHOLD_WORDS) {
    parts.push(encodeFragmentTerm(quoteWords.slice(0, RANGE_EDGE_WORDS).join(' ')));
    parts.push(encodeFragmentTerm(quoteWords.slice(-RANGE_EDGE_WORDS).join(' ')));
  } else {
    parts.push(encodeFragmentTerm(quoteWords.join(' ')));
  }
  if (occurrences(text, quote) > 1) {
    const after = words(text.slice(span.end)).slice(0, CONTEXT_WORDS);
    if (after.length > 0) parts.push(`-${encodeFragmentTerm(after.join(' '))}`);
  }
  return `:~:text=${parts.join(',')}`;
}

/** The document URL with a text directive (textFragmentDirective); an existing fragment is replaced. */
export function textFragmentLink(url: string, directive: string): string {
  const base = url.split('#')[0] ?? url;
  return `${base}#${directive}`;
}
