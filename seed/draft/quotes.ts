/* eslint-disable @typescript-eslint/no-non-null-assertion -- offsets and indices come from the loops and matches just above */
/**
 * Claims from what people are reported to say: every quotation long enough to
 * be speech is a DIRECT_QUOTE, its speaker found in the attribution around it
 * ("…," he said; X noted that "…"; According to X, "…"; X commented: on the
 * line above; a pronoun is the person last named; a surname spelled another way
 * is the person named earlier; a second quotation in an attributed sentence
 * shares its speaker); reported speech without
 * quotation marks ("X said that …", "in X's opinion, …") is a PARAPHRASE.
 */
import { demonymCountry, foldText, foldWord } from '../../functions/shared/text-normalization.js';
import type { Mention } from './names.js';
import { paragraphs, sentenceAt, sentences, type Span } from './units.js';

export interface Speaker {
  /** A person's or an organization's id, or undefined when no attribution was found. */
  person?: string;
  organization?: string;
  /** The attribution words. */
  words: string;
  rule: string;
}

export interface QuoteProposal {
  kind: 'DIRECT_QUOTE' | 'PARAPHRASE';
  start: number;
  end: number;
  quote: string;
  speaker: Speaker | undefined;
  /** The sentence or sentences that hold the quote and its attribution. */
  context: Span;
}

/** Fewer words than this between quotation marks is a term or a title, not speech. */
const MIN_SPEECH_WORDS = 5;
const VERBS =
  'said|says|noted|notes|stressed|stresses|added|adds|wrote|writes|told|commented|stated|states|explained|explains|' +
  'argued|argues|concluded|emphasized|emphasised|recalled|claimed|claims|summed up|flagged|warned|insisted|believes|' +
  'believed|thinks|thought|declared|announced|remarked|replied|observed|pointed out|underlined|continued|asserted|' +
  'described it as|called it|proceeds from the fact|proceeds from the premise';
const AFTER_ATTRIBUTION = new RegExp(
  `^[,.!?]?\\s*["”»]?\\s*(?:(.{1,80}?)\\s+(?:${VERBS})\\b|(?:${VERBS})\\s+(.{1,60}?)[.,;]|$)`,
  'u',
);
const BEFORE_ATTRIBUTION = new RegExp(`(?:^|[.;]\\s)([^.;]{0,120}?)\\s+(?:${VERBS})(?:\\s+that)?\\s*[:,]?\\s*$`, 'u');
const ACCORDING = /\b[Aa]ccording to ([^,]{1,80}),?\s*(?:[^,"“«]{0,80})?$/u;
const COLON = /([^.;:]{1,120}):\s*$/u;
const PRONOUN = /\b(?:he|she|him|her|his)\b/iu;

interface Quotation {
  start: number;
  end: number;
  /** Opened in an earlier paragraph (a quotation that runs over paragraphs). */
  continued: boolean;
  /** Runs on into the next paragraph. */
  open: boolean;
}

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);
const OPENS_AFTER = /[\s([{\u2014\u2013-]/u;

/** Quotations of a paragraph; one still open at its end runs on into the next, as English sets them. */
function quotationsOf(p: Span, continuing: boolean): Quotation[] {
  const found: Quotation[] = [];
  let openAt: number | undefined = continuing ? 0 : undefined;
  let continued = continuing;
  for (let i = 0; i < p.text.length; i++) {
    const c = p.text.charAt(i);
    const straight = c === '"';
    const opens = OPENING.has(c) || (straight && (i === 0 || OPENS_AFTER.test(p.text.charAt(i - 1))));
    const closes = CLOSING.has(c) || (straight && !opens);
    if (openAt === undefined) {
      if (opens) openAt = i + 1;
    } else if (closes || (straight && opens) || (continued && opens && i === 0)) {
      if (continued && opens && i === 0) {
        openAt = 1;
        continue;
      }
      found.push({ start: p.start + openAt, end: p.start + i, continued, open: false });
      openAt = undefined;
      continued = false;
    }
  }
  if (openAt !== undefined) found.push({ start: p.start + openAt, end: p.end, continued, open: true });
  return found;
}

const wordCount = (s: string) => s.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
const isTitle = (s: string) => {
  const ws = s.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  return ws.filter((w) => /^\p{Lu}/u.test(w)).length >= ws.length * 0.7;
};

export function findQuotes(text: string, mentions: readonly Mention[], people: PeopleIndex): QuoteProposal[] {
  const out: QuoteProposal[] = [];
  let continuing = false;
  let lastSpeaker: Speaker | undefined;
  let previous: Span | undefined;
  // Quotations still open at a paragraph's end: their speaker is named where they close.
  let pending: QuoteProposal[] = [];
  for (const p of paragraphs(text)) {
    const list = sentences(p);
    const quotations = quotationsOf(p, continuing);
    for (const q of quotations) {
      let quote = text.slice(q.start, q.end).trim();
      quote = quote.replace(/[,]$/u, '').trim();
      if (wordCount(quote) < MIN_SPEECH_WORDS || isTitle(quote)) continue;
      const start = text.indexOf(quote, q.start);
      const sentence = sentenceAt(list, q.start);
      const attributed =
        attribute(text, q, p, list, previous, mentions, people) ?? sameSentence(out, sentence, q.start);
      const speaker = attributed ?? (q.continued ? lastSpeaker : undefined);
      if (speaker !== undefined) lastSpeaker = speaker;
      if (attributed !== undefined) for (const open of pending) open.speaker ??= attributed;
      if (!q.open) pending = [];
      const first = sentenceAt(list, q.start);
      const last = sentenceAt(list, Math.max(q.start, q.end - 1));
      const context = first && last ? { start: first.start, end: Math.max(first.end, last.end), text: '' } : p;
      context.text = text.slice(context.start, context.end);
      const proposal: QuoteProposal = {
        kind: 'DIRECT_QUOTE',
        start,
        end: start + quote.length,
        quote,
        speaker,
        context,
      };
      out.push(proposal);
      if (q.open) pending.push(proposal);
    }
    continuing = quotations.at(-1)?.open === true;
    out.push(...reportedSpeech(text, list, quotations, mentions, people));
    previous = p;
  }
  return out;
}

/**
 * A quotation with no attribution of its own, in the sentence of an attributed
 * one before it ("X proceeds from the fact that "…," and in Y "…""), is X's too.
 */
function sameSentence(found: readonly QuoteProposal[], sentence: Span | undefined, start: number): Speaker | undefined {
  if (sentence === undefined) return undefined;
  const before = found.findLast(
    (f) => f.kind === 'DIRECT_QUOTE' && f.start >= sentence.start && f.end <= start && f.speaker !== undefined,
  );
  return before?.speaker === undefined
    ? undefined
    : { ...before.speaker, rule: `a second quotation in the sentence of one attributed by ${before.speaker.rule}` };
}

/** The speaker of a quotation: after it, before it in its sentence, or on the line above that ends with a colon. */
function attribute(
  text: string,
  q: Quotation,
  p: Span,
  list: readonly Span[],
  previous: Span | undefined,
  mentions: readonly Mention[],
  people: PeopleIndex,
): Speaker | undefined {
  const closeAt = Math.min(q.end + 1, p.end);
  const afterText = text.slice(closeAt, Math.min(p.end, closeAt + 120));
  const after = AFTER_ATTRIBUTION.exec(afterText);
  const subject = after?.[1] ?? after?.[2];
  if (subject !== undefined && after !== null && after[0].length > 0) {
    const from = closeAt + afterText.indexOf(subject);
    const who = resolve(text, from, from + subject.length, mentions, people);
    if (who !== undefined) return { ...who, words: after[0].trim(), rule: 'attribution after the quotation' };
  }
  const opening = Math.max(q.start - 1, p.start);
  const sentenceStart = sentenceAt(list, opening)?.start ?? p.start;
  const beforeText = text.slice(Math.max(sentenceStart, opening - 200), opening);
  for (const [re, rule] of [
    [ACCORDING, 'according to'],
    [BEFORE_ATTRIBUTION, 'attribution before the quotation'],
    [COLON, '"X:" before the quotation'],
  ] as const) {
    const m = re.exec(beforeText);
    if (m?.[1] === undefined) continue;
    const from = opening - beforeText.length + m.index + m[0].indexOf(m[1]);
    const who = resolve(text, from, from + m[1].length, mentions, people);
    if (who !== undefined) return { ...who, words: m[0].trim(), rule };
  }
  // "Araz Aslanli commented:" on its own line above a quotation that opens the paragraph.
  if (previous !== undefined && q.start - 1 <= p.start && /:\s*$/u.test(previous.text)) {
    const last = sentences(previous).at(-1)!;
    const who = resolve(text, last.start, last.end, mentions, people);
    if (who !== undefined) return { ...who, words: last.text, rule: 'the line above ends with a colon' };
  }
  return undefined;
}

export interface PeopleIndex {
  /** Person ids by the words of their description (role and country), for "the Russian president". */
  describe(words: string): string | undefined;
  isPerson(id: string): boolean;
  isOrganization(id: string): boolean;
}

/** Who a span of attribution words names: a person, a pronoun for the person last named, a role, or a body. */
function resolve(
  text: string,
  start: number,
  end: number,
  mentions: readonly Mention[],
  people: PeopleIndex,
): Omit<Speaker, 'words' | 'rule'> | undefined {
  const inside = mentions.filter((m) => m.start >= start && m.end <= end);
  const person = inside.findLast((m) => people.isPerson(m.id));
  if (person !== undefined) return { person: person.id };
  const words = text.slice(start, end);
  if (PRONOUN.test(words)) {
    const last = mentions.findLast((m) => m.end <= start && people.isPerson(m.id));
    if (last !== undefined) return { person: last.id };
  }
  const variant = surnameVariant(
    words,
    mentions.filter((m) => m.end <= start && people.isPerson(m.id)),
  );
  if (variant !== undefined) return { person: variant };
  const described = /\bthe\s+([\p{L}\s-]{3,50})$/iu.exec(words)?.[1];
  if (described !== undefined) {
    const id = people.describe(described);
    if (id !== undefined) return { person: id };
  }
  const body = inside.find((m) => people.isOrganization(m.id));
  if (body !== undefined && /\b(?:government|ministry|website|office|service|press|agency|council)\b/iu.test(words))
    return { organization: body.id };
  return undefined;
}

/** A surname's letters with the transliteration choices folded away: Ismayil and Ismail, Aliyev and Aliev. */
export const surnameSkeleton = (word: string) =>
  foldWord(word)
    .replace(/y/gu, 'i')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/([aeou])i([aeiou])/gu, '$1$2');

/**
 * A capitalised word in the attribution that spells the surname of a person
 * named earlier in the text another way ("Ismail" after "Toğrul Ismayil"): that
 * person, when the spelling fits one person only.
 */
function surnameVariant(words: string, earlier: readonly Mention[]): string | undefined {
  const surnames = new Map<string, Set<string>>();
  for (const m of earlier) {
    const surname = m.words.split(/\s+/u).at(-1) ?? '';
    if (surname.length < 4) continue;
    const key = surnameSkeleton(surname);
    surnames.set(key, (surnames.get(key) ?? new Set()).add(m.id));
  }
  const candidates = new Set(
    (words.match(/(?<!\p{L})\p{Lu}\p{Ll}{3,}(?!\p{L})/gu) ?? []).flatMap((w) => [
      ...(surnames.get(surnameSkeleton(w)) ?? []),
    ]),
  );
  return candidates.size === 1 ? [...candidates][0] : undefined;
}

const REPORTED = new RegExp(`^(.{1,100}?)\\s+(?:${VERBS})\\s+that\\s+(.+?)[.!?]?$`, 'u');
const ACCORDING_CLAUSE = /^(?:[Aa]ccording to|[Ii]n)\s+(.{1,80}?)(?:['’]s opinion)?,\s+(.+?)[.!?]?$/u;

/** "X said that …", "According to X, …", "In X's opinion, …" with no quotation of speech inside. */
function reportedSpeech(
  text: string,
  list: readonly Span[],
  quotations: readonly Quotation[],
  mentions: readonly Mention[],
  people: PeopleIndex,
): QuoteProposal[] {
  const out: QuoteProposal[] = [];
  for (const s of list) {
    const speech = quotations.some(
      (q) => q.start < s.end && s.start < q.end && wordCount(text.slice(q.start, q.end)) >= MIN_SPEECH_WORDS,
    );
    if (speech) continue;
    const m = REPORTED.exec(s.text) ?? ACCORDING_CLAUSE.exec(s.text);
    if (m?.[1] === undefined || m[2] === undefined) continue;
    if (m === ACCORDING_CLAUSE.exec(s.text) && !/^[Aa]ccording|opinion/u.test(m[0])) continue;
    const who = resolve(text, s.start + m.index, s.start + m[1].length, mentions, people);
    if (who === undefined) continue;
    const clause = m[2];
    const start = s.start + s.text.indexOf(clause);
    if (wordCount(clause) < MIN_SPEECH_WORDS) continue;
    out.push({
      kind: 'PARAPHRASE',
      start,
      end: start + clause.length,
      quote: clause,
      speaker: { ...who, words: m[1], rule: 'reported speech' },
      context: s,
    });
  }
  return out;
}

/** People by description: "the Russian president" is the person described as President of Russia. */
export function peopleIndex(
  people: readonly { id: string; description: string | null }[],
  organizations: ReadonlySet<string>,
): PeopleIndex {
  const ids = new Set(people.map((p) => p.id));
  return {
    isPerson: (id) => ids.has(id),
    isOrganization: (id) => organizations.has(id),
    describe(words) {
      const wanted = words
        .split(/\s+/u)
        .map((w) => foldWord(demonymCountry(w) ?? w))
        .filter((w) => w !== '');
      const matches = people.filter((p) => {
        const description = foldText(p.description ?? '');
        return wanted.length > 0 && wanted.every((w) => description.includes(w));
      });
      return matches.length === 1 ? matches[0]!.id : undefined;
    },
  };
}
