/**
 * The quotations of a cleaned text: words between quotation marks, as the
 * texts mix straight, curly and angle marks. The checks use them to tell an
 * author's words from a speaker's (corpus-lint.ts) and to find quotations no
 * claim covers (seed/quotations.ts).
 */

export interface Quotation {
  /** The words between the marks, and where they are in the text. */
  text: string;
  start: number;
  end: number;
}

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);
/** A straight quote opens where a word could start: at the beginning, after a space, a bracket or a dash. */
const OPENS_AFTER = /[\s([{\u2014\u2013-]/u;

/**
 * Every quotation, pairing each opening mark with the next closing one. The
 * texts mix straight and curly marks (a straight quote may close a curly
 * one), so a straight quote opens or closes by what stands before it.
 */
export function quotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let openAt: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const straight = c === '"';
    const opens = OPENING.has(c) || (straight && (i === 0 || OPENS_AFTER.test(text.charAt(i - 1))));
    const closes = CLOSING.has(c) || (straight && !opens);
    if (openAt === undefined) {
      if (opens) openAt = i + 1;
    } else if (closes || (straight && opens)) {
      const inner = text.slice(openAt, i);
      if (inner.trim() !== '') found.push({ text: inner, start: openAt, end: i });
      openAt = undefined;
    }
  }
  return found;
}
