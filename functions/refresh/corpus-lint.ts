/**
 * The editor's lint rules: mistakes a valid corpus can still hold, of the
 * kinds a reviewer found by reading (overlapping spans, an author's words
 * inside a DIRECT_QUOTE, a quotation typed PARAPHRASE, a dispute between dates
 * that agree, an inferred date not marked as one, missing `about` tags, a
 * speaker the text does not name nearby), and entries a tool drafted that no
 * one has reviewed yet. Errors refuse the corpus; warnings are printed.
 */
import { foldText, foldWord, words } from '../shared/text-normalization.js';
import { isDisputed, statesDate } from './corpus-dates.js';
import { locate, mentions, type CheckContext } from './corpus-issues.js';
import { quotations, type Quotation } from './corpus-quotations.js';
import type { ClaimEntry, Corpus } from './corpus-schema.js';

interface Span {
  start: number;
  end: number;
}

/** A claim whose quote was found in its text, with its place in claims.yaml. */
interface LocatedClaim extends Span {
  claim: ClaimEntry;
  index: number;
}

export function lintCorpus(ctx: CheckContext): void {
  reportDrafts(ctx);
  const located = locateClaims(ctx);
  for (const doc of ctx.corpus.documents) {
    const claims = located.get(doc.id) ?? [];
    const marks = quotations(doc.text);
    const paragraphs = ctx.withWarnings ? paragraphsOf(doc.text) : { starts: [], folded: [] };
    reportOverlaps(ctx, claims);
    for (const c of claims) {
      reportQuotationMarks(ctx, doc.text, marks, c);
      if (ctx.withWarnings) reportSpeakerFarAway(ctx, paragraphs, c);
    }
  }
  if (ctx.withWarnings) reportMissingAbout(ctx);
  reportDates(ctx);
}

/** Claims by document, in text order; a quote not found is another check's error and is skipped here. */
function locateClaims(ctx: CheckContext): Map<string, LocatedClaim[]> {
  const byDocument = new Map<string, LocatedClaim[]>();
  ctx.corpus.claims.forEach((claim, index) => {
    const doc = ctx.docById.get(claim.document);
    if (doc === undefined) return;
    const span = locate(doc.text, claim.quote, claim.occurrence);
    if ('error' in span) return;
    byDocument.set(claim.document, [...(byDocument.get(claim.document) ?? []), { ...span, claim, index }]);
  });
  for (const list of byDocument.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return byDocument;
}

const DRAFT_MESSAGE = 'still a draft: review it and remove `draft`';

/** Every entry, reported date and relation a tool proposed and a reviewer has not yet accepted. */
function reportDrafts(ctx: CheckContext): void {
  const { corpus } = ctx;
  const draft = (file: string, path: string, entry: { draft?: { rule: string } }) => {
    if (entry.draft !== undefined) ctx.report(file, path, `${DRAFT_MESSAGE} (proposed by ${entry.draft.rule})`);
  };
  const lists: [string, readonly { draft?: { rule: string } }[]][] = [
    ['documents.yaml', corpus.documents],
    ['people.yaml', corpus.people],
    ['organizations.yaml', corpus.organizations],
    ['places.yaml', corpus.places],
    ['events.yaml', corpus.events],
    ['claims.yaml', corpus.claims],
  ];
  for (const [file, list] of lists)
    list.forEach((entry, i) => {
      draft(file, `[${i}].draft`, entry);
    });
  corpus.events.forEach((e, i) => {
    e.reportedDates.forEach((r, j) => {
      draft('events.yaml', `[${i}].reportedDates[${j}].draft`, r);
    });
  });
  corpus.claims.forEach((c, i) => {
    c.relations.forEach((r, j) => {
      draft('claims.yaml', `[${i}].relations[${j}].draft`, r);
    });
  });
}

/** Two claims of a document whose spans cross: each word belongs to one claim, or one claim holds the other. */
function reportOverlaps(ctx: CheckContext, claims: readonly LocatedClaim[]): void {
  claims.forEach((a, i) => {
    for (const b of claims.slice(i + 1)) {
      if (b.start >= a.end) break;
      if (b.end <= a.end) continue;
      const shared = a.claim.quote.slice(b.start - a.start);
      ctx.report(
        'claims.yaml',
        `[${b.index}].quote`,
        `overlaps claim "${a.claim.id}" on "${shared}" without either containing the other: start one where the other ends`,
      );
    }
  });
}

/** Marks, spaces and punctuation that may stand around or between the quoted words. */
const NOT_WORDS = /^[\s\p{P}]*$/u;
const QUOTATION_MARK = /["“”„«»]/gu;

/** What of a span lies outside every quotation (the marks themselves excluded). */
function outsideQuotations(text: string, marks: readonly Quotation[], span: Span): string {
  let outside = '';
  let at = span.start;
  for (const q of marks) {
    if (q.end <= at || q.start >= span.end) continue;
    if (q.start > at) outside += `${text.slice(at, q.start)} `;
    at = Math.max(at, q.end);
  }
  if (at < span.end) outside += text.slice(at, span.end);
  return outside;
}

/**
 * A DIRECT_QUOTE holds only the words between the marks (when the text marks
 * them at all); a PARAPHRASE or an AUTHOR_ASSERTION is never wholly inside them.
 */
function reportQuotationMarks(ctx: CheckContext, text: string, marks: readonly Quotation[], c: LocatedClaim): void {
  const touches = marks.some((q) => q.start < c.end && q.end > c.start);
  if (!touches) return;
  const outside = outsideQuotations(text, marks, c);
  const path = `[${c.index}].quote`;
  if (c.claim.kind === 'DIRECT_QUOTE' && !NOT_WORDS.test(outside)) {
    const shown = outside.replace(QUOTATION_MARK, '').replace(/\s+/gu, ' ').trim();
    ctx.report(
      'claims.yaml',
      path,
      `a DIRECT_QUOTE reaches outside its quotation marks (the words "${shown}" are not the speaker's): quote only the words between the marks, or make it a PARAPHRASE`,
    );
  }
  if (c.claim.kind !== 'DIRECT_QUOTE' && NOT_WORDS.test(outside)) {
    ctx.report(
      'claims.yaml',
      path,
      `a ${c.claim.kind} whose words are all inside quotation marks: a speaker's own words are a DIRECT_QUOTE`,
    );
  }
}

/** The paragraphs of a text (blank-line separated): where each starts, and its words folded once. */
interface Paragraphs {
  starts: number[];
  folded: string[];
}

function paragraphsOf(text: string): Paragraphs {
  const starts = [0];
  for (const m of text.matchAll(/\n\s*\n/gu)) starts.push(m.index + m[0].length);
  const folded = starts.map((start, i) => foldText(text.slice(start, starts[i + 1] ?? text.length)));
  return { starts, folded };
}

/** "X commented:" often stands a line above the quotation, so the two paragraphs before it count too. */
function reportSpeakerFarAway(ctx: CheckContext, paragraphs: Paragraphs, c: LocatedClaim): void {
  if (c.claim.kind !== 'DIRECT_QUOTE' || c.claim.speaker === null) return;
  const speaker = ctx.personById.get(c.claim.speaker);
  if (speaker === undefined) return;
  const here = paragraphs.starts.findLastIndex((s) => s <= c.start);
  // Through the paragraph where the quote ends (a quote may run over a paragraph break).
  const last = Math.max(
    here,
    paragraphs.starts.findLastIndex((s) => s < c.end),
  );
  const window = paragraphs.folded.slice(Math.max(0, here - 2), last + 1).join(' ');
  if (!mentions(window, speaker.name, speaker.aliases)) {
    ctx.warn(
      'claims.yaml',
      `[${c.index}].speaker`,
      `${speaker.name} is named neither in the quote's paragraph nor in the two before it: is "${speaker.id}" the speaker?`,
    );
  }
}

/** Folded words, remembered: the quotes of a corpus share most of their words. */
const foldedWords = new Map<string, string>();
const fold = (word: string) => {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldWord(word);
    foldedWords.set(word, folded);
  }
  return folded;
};

/** The words of a text as compared (folded, possessives dropped). */
function tokens(text: string): string[] {
  return words(text).map((w) => fold(w.text));
}

/** A short all-capitals alias (US, EU, UN) is an acronym only as written: "us" is a pronoun. */
const isAcronym = (name: string) => /^[\p{Lu}\d.]{2,5}$/u.test(name);

interface Named {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** A name as words to look for: folded, or as written for an acronym. */
interface Needle {
  id: string;
  words: readonly string[];
  acronym: boolean;
}

/** Every name and alias of the subjects as words, made once for all the quotes. */
export function nameNeedles(subjects: readonly Named[]): Needle[] {
  return subjects
    .flatMap((s) =>
      [s.name, ...s.aliases].map((n) =>
        isAcronym(n)
          ? { id: s.id, words: [n.replace(/\./g, '')], acronym: true }
          : { id: s.id, words: tokens(n), acronym: false },
      ),
    )
    .filter((n) => n.words.length > 0);
}

/** Where each word stands in a list of words. */
function positions(list: readonly string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  list.forEach((w, i) => {
    const seen = at.get(w);
    if (seen === undefined) at.set(w, [i]);
    else seen.push(i);
  });
  return at;
}

/**
 * The subjects a quote names by name or alias, as whole words. A name inside
 * a longer name of another subject does not count ("Aliyev" in "Heydar Aliyev").
 */
export function namedSubjects(quote: string, needles: readonly Needle[]): Set<string> {
  const written = words(quote).map((w) => w.text);
  const folded = written.map(fold);
  const at = { folded: positions(folded), written: positions(written) };
  const matches: { id: string; start: number; end: number }[] = [];
  for (const n of needles) {
    const haystack = n.acronym ? written : folded;
    for (const start of (n.acronym ? at.written : at.folded).get(n.words[0] ?? '') ?? []) {
      if (n.words.every((w, k) => haystack[start + k] === w))
        matches.push({ id: n.id, start, end: start + n.words.length });
    }
  }
  const inside = (m: (typeof matches)[number]) =>
    matches.some((o) => o.id !== m.id && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start);
  return new Set(matches.filter((m) => !inside(m)).map((m) => m.id));
}

/**
 * A subject named only by one-word aliases that are also words of a tagged
 * subject's name ("Aliyev" when Heydar Aliyev is tagged) may be that subject:
 * the editor has chosen between the two, and the rule does not second-guess it.
 */
function sharedSurname(
  id: string,
  quote: string,
  needles: readonly Needle[],
  tagged: ReadonlySet<string | null | undefined>,
): boolean {
  const named = needles.filter((n) => n.id === id && namedSubjects(quote, [n]).size > 0);
  if (named.length === 0 || named.some((n) => n.words.length > 1)) return false;
  const taggedWords = new Set(needles.filter((n) => tagged.has(n.id)).flatMap((n) => n.words));
  return named.every((n) => taggedWords.has(n.words[0] ?? ''));
}

/** A quote that names a person, organization or place by name or alias is about it, unless it is the speaker. */
function reportMissingAbout(ctx: CheckContext): void {
  const { corpus } = ctx;
  const subjects = [...corpus.people, ...corpus.organizations, ...corpus.places];
  const byId = new Map(subjects.map((s) => [s.id, s]));
  const needles = nameNeedles(subjects);
  corpus.claims.forEach((c, i) => {
    const speakers = new Set([c.speaker, c.speakerOrganization]);
    const tagged = new Set<string | null | undefined>([...c.about, ...speakers]);
    for (const id of namedSubjects(c.quote, needles)) {
      if (tagged.has(id) || sharedSurname(id, c.quote, needles, tagged)) continue;
      ctx.warn(
        'claims.yaml',
        `[${i}].about`,
        `the quote names ${byId.get(id)?.name ?? id} but \`about\` leaves out "${id}"`,
      );
    }
  });
}

/** Words with which a description says that the documents' dates disagree. */
const SAYS_DISPUTED = /\b(?:dates? (?:disagree|differ|conflict)|disputed|contradictory dates)\b/iu;

/** Reported dates: stated or marked inferred; a dispute only between dates that cannot both be right. */
function reportDates(ctx: CheckContext): void {
  ctx.corpus.events.forEach((e: Corpus['events'][number], i) => {
    e.reportedDates.forEach((r, j) => {
      if (r.inferred === true || statesDate(r.quote)) return;
      ctx.report(
        'events.yaml',
        `[${i}].reportedDates[${j}].quote`,
        `the quote states no date: mark the date \`inferred: true\` and say how in \`inference\`, or quote the words that state it`,
      );
    });
    if (e.description !== null && SAYS_DISPUTED.test(e.description) && !isDisputed(e.reportedDates)) {
      const given = [...new Set(e.reportedDates.map((r) => r.date))].join(', ');
      ctx.report(
        'events.yaml',
        `[${i}].description`,
        `says the dates disagree, but the stated ones (${given}) can all be right (a month and a day inside it agree; an inferred date does not count): reword it, or quote the date that disagrees`,
      );
    }
  });
}
