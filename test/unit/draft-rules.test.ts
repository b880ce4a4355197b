/**
 * The drafting rules one by one, on small texts of our own: cleaning, the
 * byline and dateline, names (initials, demonyms, new people with roles),
 * speakers of quotations, reported speech and date candidates.
 */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../seed/draft/article.js';
import { findDates } from '../../seed/draft/dates.js';
import { findKnown } from '../../seed/draft/names.js';
import { draftArticle } from '../../seed/draft/draft.js';
import type { KnownCorpus } from '../../seed/draft/types.js';
import { demonymCountry } from '../../functions/shared/text-normalization.js';

const known: KnownCorpus = {
  documents: [],
  people: [
    {
      id: 'ilham-aliyev',
      name: 'Ilham Aliyev',
      aliases: ['Aliyev'],
      description: 'President of Azerbaijan',
      mentionedIn: [],
    },
  ],
  organizations: [
    { id: 'turkey', name: 'Turkey', kind: 'STATE', aliases: ['Türkiye'], description: null, mentionedIn: [] },
  ],
  places: [{ id: 'shusha', name: 'Shusha', aliases: ['Şuşa'], description: null, mentionedIn: [] }],
  events: [],
  claims: [],
  topics: [],
};

const draft = (text: string) => draftArticle({ name: 'article.txt', bytes: Buffer.from(text) }, known);

describe('cleaning a text', () => {
  it('keeps sentences and removes title, byline, link, bio and comments, each with its rule', () => {
    const article = cleanText(
      [
        'A title that is not a sentence',
        'Author: Mara Quinn',
        'Body sentence one.',
        'https://example.org/story',
        'Body sentence two.',
        'Mara Quinn is a reporter covering the region.',
        'Leave a Reply',
        'Great story, thanks.',
      ].join('\n'),
    );
    expect(article.paragraphs).toEqual(['Body sentence one.', 'Body sentence two.']);
    expect(article.removed.map((r) => r.rule)).toEqual([
      'not a sentence (title, byline, tags or site chrome)',
      'not a sentence (title, byline, tags or site chrome)',
      'a bare link',
      'reader comments',
      'reader comments',
      "the author's bio",
    ]);
    expect(article.meta.title.value).toBe('A title that is not a sentence');
    expect(article.meta.authors.value).toEqual(['Mara Quinn']);
    expect(article.meta.url.value).toBe('https://example.org/story');
  });

  it('reads a dateline, and says what it looked for when there is none', () => {
    expect(cleanText('Baku/23.02.22/\nSome sentence.').meta.publishedOn.value).toBe('2022-02-23');
    const none = cleanText('Some sentence.').meta.publishedOn;
    expect(none.value).toBeNull();
    expect(none.evidence).toMatch(/looked for a dateline/u);
  });
});

describe('names', () => {
  it('finds a known person by initials, a place by its Azerbaijani spelling, a country by its demonym', () => {
    const found = findKnown('I. Aliyev visited Şuşa with Turkish officials.', known);
    expect(found.map((m) => [m.id, m.how])).toEqual([
      ['ilham-aliyev', 'initials'],
      // Şuşa folds to the name's own spelling (shusha): the shared normalization.
      ['shusha', 'name'],
      ['turkey', 'demonym'],
    ]);
  });

  it('maps demonyms to their country', () => {
    expect(demonymCountry('Turkish')).toBe('Turkey');
    expect(demonymCountry('Azerbaijani')).toBe('Azerbaijan');
    expect(demonymCountry('table')).toBeUndefined();
  });

  it('proposes a new person with the role that introduces them', () => {
    const d = draft('Political analyst Mara Quinn said that the talks went well for both sides.');
    expect(d.people.map((p) => [p.name, p.description])).toEqual([['Mara Quinn', 'analyst']]);
    expect(d.people[0]?.draft.evidence).toContain('Political analyst Mara Quinn');
  });
});

describe('quotations and reported speech', () => {
  it('attributes a quotation after it, a pronoun to the person last named, and the line above with a colon', () => {
    const d = draft(
      [
        'President Ilham Aliyev spoke to reporters.',
        '"We will keep the road open to every partner," he said.',
        'Analyst Mara Quinn commented:',
        '"The road matters more than any single agreement signed this year."',
      ].join('\n'),
    );
    const quotes = d.claims.filter((c) => c.kind === 'DIRECT_QUOTE');
    expect(quotes.map((c) => [c.speaker, c.quote])).toEqual([
      ['ilham-aliyev', 'We will keep the road open to every partner'],
      ['mara-quinn', 'The road matters more than any single agreement signed this year.'],
    ]);
  });

  it('drafts "X said that …" as a PARAPHRASE and short quoted terms as no claim', () => {
    const d = draft('Ilham Aliyev said that the new road will open before the winter comes. It is called the "Road".');
    expect(d.claims.map((c) => [c.kind, c.speaker, c.quote])).toEqual([
      ['PARAPHRASE', 'ilham-aliyev', 'the new road will open before the winter comes'],
    ]);
  });
});

describe('speakers of quotations: transliterations, "proceeds from" and a second quotation', () => {
  it('attributes "X proceeds from the fact that" to X', () => {
    const d = draft('Ilham Aliyev proceeds from the fact that "the road will stay open to every partner this year."');
    expect(d.claims.filter((c) => c.kind === 'DIRECT_QUOTE').map((c) => c.speaker)).toEqual(['ilham-aliyev']);
  });

  it('knows a surname spelled another way (Aliev for Aliyev, i for y) as the person named earlier', () => {
    const d = draft(
      [
        'President Ilham Aliyev spoke to reporters.',
        'Later, Aliev stated: "The road will stay open to every partner this year."',
      ].join('\n'),
    );
    expect(d.claims.filter((c) => c.kind === 'DIRECT_QUOTE').map((c) => c.speaker)).toEqual(['ilham-aliyev']);
  });

  it('leaves a variant spelling unattributed when it fits no person named earlier', () => {
    const d = draft('Later, Aliev stated: "The road will stay open to every partner this year."');
    expect(d.claims.filter((c) => c.kind === 'DIRECT_QUOTE').map((c) => c.speaker)).toEqual([null]);
  });

  it('gives a second quotation in a sentence the speaker of the attributed one before it', () => {
    const d = draft(
      'Ilham Aliyev noted that "the road will stay open to every partner," and on the border "new posts will open before the winter comes."',
    );
    expect(d.claims.filter((c) => c.kind === 'DIRECT_QUOTE').map((c) => [c.speaker, c.quote])).toEqual([
      ['ilham-aliyev', 'the road will stay open to every partner'],
      ['ilham-aliyev', 'new posts will open before the winter comes.'],
    ]);
  });

  it('does not carry a speaker over to a quotation in the next sentence', () => {
    const d = draft(
      'Ilham Aliyev noted that "the road will stay open to every partner." The border is "where new posts will open before the winter comes."',
    );
    expect(d.claims.filter((c) => c.kind === 'DIRECT_QUOTE').map((c) => c.speaker)).toEqual(['ilham-aliyev', null]);
  });
});

describe('dates', () => {
  it('finds absolute, partial and bare-year dates, and completes a year from the text before it', () => {
    const dates = findDates(
      'In 2020 the war ended. On 10 November the truce was signed. In March 2021 talks began.',
      null,
    );
    expect(dates.map((d) => [d.words, d.date, d.inference !== undefined])).toEqual([
      ['2020', '2020', false],
      ['On 10 November', '2020-11-10', true],
      ['March 2021', '2021-03', false],
    ]);
  });
});
