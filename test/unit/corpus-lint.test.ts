/**
 * The editor's lint rules, one at a time, on a small corpus of its own: each
 * rule reports what it is for (with a message that says what to do) and is
 * silent on the correct form of the same entry.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus, isWarning, type CorpusIssue } from '../../functions/refresh/corpus-checks.js';
import { compatible, isDisputed, statesDate } from '../../functions/refresh/corpus-dates.js';
import { nameNeedles, namedSubjects } from '../../functions/refresh/corpus-lint.js';
import type { ClaimEntry, Corpus, EventEntry } from '../../functions/refresh/corpus-schema.js';
import { isDayRange, parsePartialDate } from '../../functions/shared/dates.js';

const TEXT = [
  'Ruritania and Borduria signed a pact in Strelsau on 3 March 2021.',
  'Foreign minister Anna Kovac commented:',
  '"The pact is a turning point for the region," she said. Observers disagreed.',
  'Critics called the pact "a piece of paper" and said it changes nothing.',
].join('\n\n');

const claim = (over: Partial<ClaimEntry> & Pick<ClaimEntry, 'id' | 'quote'>): ClaimEntry => ({
  document: 'pact-article',
  kind: 'AUTHOR_ASSERTION',
  speaker: null,
  text: 'A claim.',
  events: [],
  about: [],
  topics: ['pacts'],
  statedOn: null,
  relations: [],
  ...over,
});

const event = (over: Partial<EventEntry> = {}): EventEntry => ({
  id: 'pact-signed',
  title: 'The pact is signed',
  date: '2021-03-03',
  description: null,
  aliases: [],
  participants: [],
  places: [],
  documents: ['pact-article'],
  reportedDates: [{ document: 'pact-article', date: '2021-03-03', quote: 'on 3 March 2021' }],
  related: [],
  topics: ['pacts'],
  ...over,
});

/** A corpus the rules accept: every name tagged, every span apart, the quote inside its marks. */
function corpus(): Corpus {
  return {
    documents: [
      {
        id: 'pact-article',
        source: 'pact.txt',
        title: 'The pact',
        publisher: null,
        url: null,
        publishedOn: '2021-03-04',
        authors: [],
        text: TEXT,
      },
    ],
    people: [
      { id: 'anna-kovac', name: 'Anna Kovac', aliases: ['Kovac'], description: null, mentionedIn: ['pact-article'] },
    ],
    organizations: [
      {
        id: 'ruritania',
        name: 'Ruritania',
        aliases: [],
        description: null,
        mentionedIn: ['pact-article'],
        kind: 'STATE',
      },
      {
        id: 'borduria',
        name: 'Borduria',
        aliases: [],
        description: null,
        mentionedIn: ['pact-article'],
        kind: 'STATE',
      },
    ],
    places: [{ id: 'strelsau', name: 'Strelsau', aliases: [], description: null, mentionedIn: ['pact-article'] }],
    topics: [{ id: 'pacts', name: 'Pacts', aliases: [], description: null }],
    events: [event()],
    claims: [
      claim({
        id: 'pact-signed-claim',
        quote: 'Ruritania and Borduria signed a pact in Strelsau',
        about: ['ruritania', 'borduria', 'strelsau'],
      }),
      claim({
        id: 'kovac-turning-point',
        kind: 'DIRECT_QUOTE',
        speaker: 'anna-kovac',
        quote: 'The pact is a turning point for the region,',
      }),
      claim({ id: 'critics-piece-of-paper', kind: 'PARAPHRASE', quote: 'Critics called the pact "a piece of paper"' }),
    ],
  };
}

function issuesAfter(edit: (c: Corpus) => void): CorpusIssue[] {
  const c = corpus();
  edit(c);
  return checkCorpus(c);
}

const errors = (issues: readonly CorpusIssue[]) => issues.filter((i) => !isWarning(i));
const warnings = (issues: readonly CorpusIssue[]) => issues.filter(isWarning);

describe('the lint rules', () => {
  it('accept a corpus that breaks none of them', () => {
    expect(checkCorpus(corpus())).toEqual([]);
  });

  it('refuse two claims whose spans cross, and accept one span inside another', () => {
    const crossing = issuesAfter((c) =>
      c.claims.push(claim({ id: 'crossing', quote: 'in Strelsau on 3 March 2021', about: ['strelsau'] })),
    );
    expect(errors(crossing)).toEqual([
      {
        file: 'claims.yaml',
        path: '[3].quote',
        message:
          'overlaps claim "pact-signed-claim" on "in Strelsau" without either containing the other: start one where the other ends',
      },
    ]);
    const inside = issuesAfter((c) =>
      c.claims.push(claim({ id: 'inside', quote: 'signed a pact in Strelsau', about: ['strelsau'] })),
    );
    expect(errors(inside)).toEqual([]);
  });

  it("refuse a DIRECT_QUOTE that takes in the author's words around the quotation", () => {
    const issues = issuesAfter((c) => {
      c.claims[1]!.quote = '"The pact is a turning point for the region," she said';
    });
    expect(errors(issues)).toEqual([
      expect.objectContaining({
        path: '[1].quote',
        message: expect.stringMatching(/^a DIRECT_QUOTE reaches outside its quotation marks \(the words "she said"/),
      }),
    ]);
  });

  it('refuse a PARAPHRASE or an AUTHOR_ASSERTION that is wholly a quotation', () => {
    for (const kind of ['PARAPHRASE', 'AUTHOR_ASSERTION'] as const) {
      const issues = issuesAfter((c) => {
        c.claims[2]!.quote = 'a piece of paper';
        c.claims[2]!.kind = kind;
      });
      expect(errors(issues)).toEqual([
        {
          file: 'claims.yaml',
          path: '[2].quote',
          message: `a ${kind} whose words are all inside quotation marks: a speaker's own words are a DIRECT_QUOTE`,
        },
      ]);
    }
  });

  it('refuse a reported date whose quote states no date unless it is marked inferred, with how', () => {
    const unstated = { document: 'pact-article', date: '2021-03-03', quote: 'she said. Observers disagreed' };
    const issues = issuesAfter((c) => c.events[0]!.reportedDates.push(unstated));
    expect(errors(issues)).toEqual([
      expect.objectContaining({
        file: 'events.yaml',
        path: '[0].reportedDates[1].quote',
        message: expect.stringMatching(/^the quote states no date: mark the date `inferred: true`/),
      }),
    ]);
    const inferred = { ...unstated, inferred: true as const, inference: 'The day of the signing.' };
    expect(errors(issuesAfter((c) => c.events[0]!.reportedDates.push(inferred)))).toEqual([]);
    const unexplained = { ...unstated, inferred: true as const };
    expect(errors(issuesAfter((c) => c.events[0]!.reportedDates.push(unexplained)))).toEqual([
      expect.objectContaining({ path: '[0].reportedDates[1].inference' }),
    ]);
  });

  it('refuse a description that calls agreeing dates disputed', () => {
    const month = { document: 'pact-article', date: '2021-03', quote: 'signed a pact in Strelsau on 3 March 2021' };
    const issues = issuesAfter((c) => {
      c.events[0]!.reportedDates.push(month);
      c.events[0]!.description = 'The dates disagree: March or 3 March.';
    });
    expect(errors(issues)).toEqual([
      expect.objectContaining({
        path: '[0].description',
        message: expect.stringMatching(
          /^says the dates disagree, but the stated ones \(2021-03-03, 2021-03\) can all be right/,
        ),
      }),
    ]);
    // A day that falls outside the other date is a real dispute, and may be called one.
    const otherDay = { ...month, date: '2021-03-04' };
    const real = issuesAfter((c) => {
      c.events[0]!.reportedDates.push(otherDay);
      c.events[0]!.description = 'The dates disagree.';
    });
    expect(errors(real)).toEqual([]);
  });

  it('warn when a quote names an entity its `about` leaves out, by name or alias', () => {
    const issues = issuesAfter((c) => {
      c.claims[0]!.about = ['ruritania'];
    });
    expect(errors(issues)).toEqual([]);
    expect(warnings(issues).map((i) => i.message)).toEqual([
      'the quote names Borduria but `about` leaves out "borduria"',
      'the quote names Strelsau but `about` leaves out "strelsau"',
    ]);
  });

  it('leave a surname to the editor when a tagged subject shares it, and warn when none does', () => {
    const withNamesake = (about: string[]) =>
      issuesAfter((c) => {
        c.people.push({ id: 'ivan-kovac', name: 'Ivan Kovac', aliases: [], description: null, mentionedIn: [] });
        c.claims.push(claim({ id: 'kovac-said', quote: 'Foreign minister Anna Kovac commented', about }));
        c.claims[c.claims.length - 1]!.quote = 'Kovac commented';
      });
    expect(warnings(withNamesake(['ivan-kovac']))).toEqual([]);
    expect(warnings(withNamesake([])).map((i) => i.message)).toEqual([
      'the quote names Anna Kovac but `about` leaves out "anna-kovac"',
    ]);
  });

  it('warn when a DIRECT_QUOTE names a speaker the text does not name in its paragraph or the two before it', () => {
    expect(warnings(checkCorpus(corpus()))).toEqual([]);
    const issues = issuesAfter((c) => {
      c.people.push({ id: 'ivan-petrov', name: 'Ivan Petrov', aliases: [], description: null, mentionedIn: [] });
      c.claims[1]!.speaker = 'ivan-petrov';
    });
    expect(warnings(issues)).toEqual([
      {
        file: 'claims.yaml',
        path: '[1].speaker',
        severity: 'warning',
        message:
          'Ivan Petrov is named neither in the quote\'s paragraph nor in the two before it: is "ivan-petrov" the speaker?',
      },
    ]);
  });

  it('refuse every entry, reported date and relation still marked as a draft', () => {
    const draft = { rule: 'quotation', evidence: '"a piece of paper"' };
    const issues = issuesAfter((c) => {
      c.claims[2]!.draft = draft;
      c.claims[0]!.relations.push({ kind: 'SUPPORTS', claim: 'critics-piece-of-paper', note: 'A note.', draft });
      c.events[0]!.reportedDates[0]!.draft = draft;
      c.people[0]!.draft = draft;
      c.documents[0]!.draft = draft;
    });
    const message = 'still a draft: review it and remove `draft` (proposed by quotation)';
    expect(errors(issues).map((i) => `${i.file} ${i.path}: ${i.message}`)).toEqual(
      expect.arrayContaining([
        `claims.yaml [2].draft: ${message}`,
        `claims.yaml [0].relations[0].draft: ${message}`,
        `events.yaml [0].reportedDates[0].draft: ${message}`,
        `people.yaml [0].draft: ${message}`,
        `documents.yaml [0].draft: ${message}`,
      ]),
    );
    expect(errors(issues)).toHaveLength(5);
  });
});

describe('dates that agree', () => {
  const range = (value: string) => {
    const parsed = parsePartialDate(value);
    if (!isDayRange(parsed)) throw new Error(parsed.error);
    return parsed;
  };

  it('a month and a day inside it, a year and a month inside it, agree; two days do not', () => {
    expect(compatible(range('2022-02'), range('2022-02-21'))).toBe(true);
    expect(compatible(range('2022'), range('2022-02'))).toBe(true);
    expect(compatible(range('2022-02-21'), range('2022-02-22'))).toBe(false);
    expect(compatible(range('2022-01'), range('2022-02-01'))).toBe(false);
  });

  it('dispute only between stated dates that cannot both be right', () => {
    expect(isDisputed([{ date: '2020-11' }, { date: '2020-11-10' }])).toBe(false);
    expect(isDisputed([{ date: '2020-11-09' }, { date: '2020-11-10' }])).toBe(true);
    expect(isDisputed([{ date: '2022-02-22' }, { date: '2022-02-21', inferred: true }])).toBe(false);
  });

  it('tell a quote that states a date from one that does not', () => {
    for (const stated of [
      'On Feb. 22, Aliyev visited',
      'in January 2001',
      'since 1997',
      '22.02.2022',
      '9 May',
      'в феврале',
    ])
      expect(statesDate(stated), stated).toBe(true);
    for (const unstated of ['on the day of the signing', 'a few days after his trip', 'it may be signed'])
      expect(statesDate(unstated), unstated).toBe(false);
  });
});

describe('names in a quote', () => {
  const subjects = nameNeedles([
    { id: 'ilham', name: 'Ilham Aliyev', aliases: ['Aliyev'] },
    { id: 'heydar', name: 'Heydar Aliyev', aliases: [] },
    { id: 'us', name: 'United States', aliases: ['US'] },
  ]);

  it('finds whole names and aliases, not a name inside a longer one, nor an acronym in lower case', () => {
    expect(namedSubjects('Heydar Aliyev returned to power', subjects)).toEqual(new Set(['heydar']));
    expect(namedSubjects("Aliyev's visit", subjects)).toEqual(new Set(['ilham']));
    expect(namedSubjects('let us see what the US does', subjects)).toEqual(new Set(['us']));
    expect(namedSubjects('Aliyevich was there', subjects)).toEqual(new Set());
  });
});
