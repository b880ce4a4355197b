import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../functions/search/query-syntax.js';
import { analyze, stemOf } from '../../functions/search/text-analysis.js';
import {
  cyrillicToLatin,
  foldText,
  foldWord,
  wordSpellings,
  words,
} from '../../functions/shared/text-normalization.js';

describe('foldWord and foldText', () => {
  it.each([
    ['Erdoğan', 'erdogan'],
    ['İsmayıl', 'ismayil'],
    ['ŞUŞA', 'susa'],
    ['Cəfərli', 'ceferli'],
    ['cease-fire', 'ceasefire'],
    ['O’Brien', 'obrien'],
    ["O'Brien", 'obrien'],
  ])('folds %s to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  it('folds whole texts: quotation marks dropped, apostrophes and compounds folded, spaces collapsed', () => {
    expect(foldText('The “cease-fire”  of «Şuşa»\n— Putin’s word')).toBe(
      foldText('the "ceasefire" of Susa — Putin\'s word'),
    );
    expect(foldText('A  B')).toBe('a b');
  });
});

describe('words', () => {
  it('keep hyphenated compounds and internal apostrophes, and leave a possessive out of the span', () => {
    const text = 'Putin’s cease-fire, Russia–Azerbaijan';
    expect(words(text).map((w) => text.slice(w.start, w.end))).toEqual(['Putin', 'cease-fire', 'Russia', 'Azerbaijan']);
    expect(words('cease-fire')[0]!.parts.map((p) => p.text)).toEqual(['cease', 'fire']);
  });
});

describe('spellings across scripts and alphabets', () => {
  it('give Azerbaijani words their English spelling too', () => {
    expect(wordSpellings('Şuşa')).toEqual(['susa', 'shusha']);
    expect(wordSpellings('Cəfərli')).toContain('jafarli');
    expect(wordSpellings('Əliyev')).toContain('aliyev');
    expect(wordSpellings('Recep')).toEqual(['recep']);
  });

  it.each([
    ['Алиев', ['aliyev', 'aliev']],
    ['Путин', ['putin']],
    ['Ильхам', ['ilham', 'ilkham']],
    ['Зеленский', ['zelensky']],
  ])('transliterate %s (Russian and Azerbaijani conventions)', (word, expected) => {
    expect(cyrillicToLatin(word)).toEqual(expect.arrayContaining(expected));
  });
});

describe('stems', () => {
  it('group the forms of a word, and the -de/-sion pair', () => {
    expect(stemOf('peacekeepers')).toBe(stemOf('peacekeeping'));
    expect(stemOf('invade')).toBe(stemOf('invasion'));
    expect(stemOf('invades')).toBe(stemOf('invasion'));
    expect(stemOf('2025')).toBe('2025');
  });
});

describe('analyze', () => {
  it('puts the closed form of a compound at its first and last part', () => {
    const terms = analyze('the cease-fire deal').tokens.map((t) => `${t.term}@${t.position}`);
    expect(terms).toEqual(
      expect.arrayContaining(['the@0', 'cease@1', 'fire@2', 'ceasefire@1', 'ceasefire@2', 'deal@3']),
    );
  });
});

describe('parseQuery', () => {
  const shape = (query: string) => {
    const parsed = parseQuery(query);
    const term = (t: (typeof parsed.clauses)[number][number]) =>
      t.type === 'word'
        ? t.word.spellings[0]
        : t.type === 'date'
          ? t.date.term
          : `"${t.words.map((s) => s[0]).join(' ')}"`;
    return { clauses: parsed.clauses.map((c) => c.map(term)), excluded: parsed.excluded.map(term) };
  };

  it('reads phrases, OR and exclusions', () => {
    expect(shape('"allied interaction" Putin OR Erdogan -Armenia -"Shusha Declaration"')).toEqual({
      clauses: [['"allied interaction"'], ['putin', 'erdogan']],
      excluded: ['armenia', '"shusha declaration"'],
    });
  });

  it.each([
    ['an unbalanced quote', '"Shusha Declaration', { clauses: [['shusha'], ['declaration']], excluded: [] }],
    ['a lone OR', 'OR', { clauses: [['or']], excluded: [] }],
    ['OR at the ends', 'OR Putin OR', { clauses: [['putin']], excluded: [] }],
    ['a lone minus', 'Putin -', { clauses: [['putin']], excluded: [] }],
    ['lower-case or', 'Putin or Erdogan', { clauses: [['putin'], ['or'], ['erdogan']], excluded: [] }],
  ])('reads %s as words, never an error', (_what, query, expected) => {
    expect(shape(query)).toEqual(expected);
  });

  it('lets only the last word outside quotes match as a prefix', () => {
    const parsed = parseQuery('Shusha Decl');
    expect(parsed.clauses.map((c) => c[0]!.type === 'word' && c[0]!.word.prefix)).toEqual([false, true]);
  });
});
