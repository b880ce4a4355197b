import { describe, expect, it } from 'vitest';
import { anchorAt, codePointOffset, reanchor } from '../../functions/shared/anchors.js';

describe('anchors', () => {
  // Astral characters (two UTF-16 units, one code point) and combining marks (own code points).
  const text = 'Intro 🇦🇿 and 𝔄 then Baku\u0301 said "we are allies" 🙂 and more text after the quote.';
  const quote = 'we are allies';
  const start = text.indexOf(quote);

  it('counts code points beside UTF-16 indices and both select the same quote', () => {
    const a = anchorAt(text, start, start + quote.length, 'EXACT');
    expect(text.slice(a.start, a.end)).toBe(quote);
    expect(Array.from(text).slice(a.codePointStart, a.codePointEnd).join('')).toBe(quote);
    // 🇦🇿 is 2 code points in 4 UTF-16 units and 𝔄 is 1 in 2: three fewer code points than units before the quote.
    expect(a.codePointStart).toBe(start - 3);
    expect(a.prefix.length).toBeLessThanOrEqual(64);
    expect(Array.from(a.prefix).length).toBe(32);
    expect(text.slice(0, a.start).endsWith(a.prefix)).toBe(true);
    expect(text.slice(a.end).startsWith(a.suffix)).toBe(true);
  });

  it('never splits a surrogate pair at the edge of the context', () => {
    const t = `${'🙂'.repeat(40)}QUOTE${'🙂'.repeat(40)}`;
    const s = t.indexOf('QUOTE');
    const a = anchorAt(t, s, s + 5, 'EXACT');
    expect(a.prefix).toBe('🙂'.repeat(32));
    expect(a.suffix).toBe('🙂'.repeat(32));
    expect(codePointOffset(t, s)).toBe(40);
  });

  it('re-anchors EXACT, RELOCATED and ORPHANED', () => {
    const a = anchorAt(text, start, start + quote.length, 'EXACT');
    expect(reanchor(text, quote, a).status).toBe('EXACT');
    const moved = `A new first paragraph.\n\n${text}`;
    const r = reanchor(moved, quote, a);
    expect(r.status).toBe('RELOCATED');
    if ('start' in r) expect(moved.slice(r.start, r.end)).toBe(quote);
    expect(reanchor(text.replace(quote, 'we are rivals'), quote, a).status).toBe('ORPHANED');
  });

  it('picks the occurrence whose context matches when the quote repeats', () => {
    const t = 'alpha says yes. beta says yes. gamma says yes.';
    const s = t.indexOf('beta says yes') + 'beta says '.length;
    const a = anchorAt(t, s, s + 3, 'EXACT');
    const changed = `Preface. ${t}`;
    const r = reanchor(changed, 'yes', a);
    expect(r.status).toBe('RELOCATED');
    if ('start' in r) expect(changed.slice(0, r.start).endsWith('beta says ')).toBe(true);
  });
});
