import { describe, expect, it } from 'vitest';
import { encodeFragmentTerm, textFragmentDirective, textFragmentLink } from '../../functions/shared/text-fragment.js';

const link = (text: string, quote: string, nth = 0) => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  return textFragmentLink(
    'https://example.org/a#old',
    textFragmentDirective(text, { start, end: start + quote.length }),
  );
};

describe('text fragment links', () => {
  it('encodes the directive syntax characters: comma, dash and ampersand', () => {
    expect(encodeFragmentTerm('peace, security & co-operation')).toBe('peace%2C%20security%20%26%20co%2Doperation');
    expect(encodeFragmentTerm('“allied” — 43')).toBe('%E2%80%9Callied%E2%80%9D%20%E2%80%94%2043');
  });

  it('links a unique short quote by its words and replaces any fragment', () => {
    expect(link('They signed a deal, at last & for good.', 'a deal, at last & for good')).toBe(
      'https://example.org/a#:~:text=a%20deal%2C%20at%20last%20%26%20for%20good',
    );
  });

  it('adds prefix and suffix context when the quote alone is ambiguous', () => {
    const text = 'Baku said yes. Then Moscow said yes as well.';
    expect(link(text, 'said yes', 1)).toBe(
      'https://example.org/a#:~:text=yes.%20Then%20Moscow-,said%20yes,-as%20well.',
    );
  });

  it('uses textStart,textEnd for long quotes', () => {
    const quote = 'one two three four five six seven eight nine ten eleven twelve';
    expect(link(`Before. ${quote}. After.`, quote)).toBe(
      'https://example.org/a#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve',
    );
  });
});
