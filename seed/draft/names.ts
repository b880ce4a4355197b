/* eslint-disable @typescript-eslint/no-non-null-assertion -- offsets and indices come from the loops and matches just above */
/**
 * Names in a text: the corpus's people, organizations, places and events it
 * names (name, alias, surname, initials, transliteration or demonym, through
 * the shared normalization), and capitalised names the corpus does not know,
 * each with a kind guessed from the words around it.
 */
import {
  cyrillicToLatin,
  demonymCountry,
  foldWord,
  wordSpellings,
  words,
  type WordSpan,
} from '../../functions/shared/text-normalization.js';
import type { KnownCorpus } from './types.js';

export type SubjectKind = 'person' | 'organization' | 'place' | 'event';

export interface Mention {
  id: string;
  kind: SubjectKind;
  start: number;
  end: number;
  /** name, alias, surname, initials, demonym */
  how: string;
  words: string;
}

interface Form {
  id: string;
  kind: SubjectKind;
  how: string;
  /** Per word, the folded spellings it may take. */
  tokens: Set<string>[];
  /** Written in lower case (post-Soviet space): found without a capital. */
  lower: boolean;
}

const PRIORITY = ['name', 'alias', 'surname', 'initials', 'demonym'];

const spellingsOf = (word: string): Set<string> => new Set([...wordSpellings(word), ...cyrillicToLatin(word)]);

function formOf(id: string, kind: SubjectKind, how: string, text: string): Form | undefined {
  const tokens = words(text).flatMap((w) => w.parts.map((p) => spellingsOf(p.text)));
  return tokens.length === 0 ? undefined : { id, kind, how, tokens, lower: /^\p{Ll}/u.test(text) };
}

/** Every way the corpus writes each subject and event. */
export function knownForms(corpus: KnownCorpus): Form[] {
  const forms: (Form | undefined)[] = [];
  const surnames = new Map<string, string[]>();
  for (const p of corpus.people) {
    const surname = p.name.split(/\s+/u).at(-1) ?? p.name;
    surnames.set(foldWord(surname), [...(surnames.get(foldWord(surname)) ?? []), p.id]);
  }
  for (const p of corpus.people) {
    const parts = p.name.split(/\s+/u);
    const surname = parts.at(-1) ?? p.name;
    forms.push(formOf(p.id, 'person', 'name', p.name), ...p.aliases.map((a) => formOf(p.id, 'person', 'alias', a)));
    // A surname alone names a person only when no other person of the corpus bears it.
    if (parts.length > 1 && surnames.get(foldWord(surname))?.length === 1)
      forms.push(formOf(p.id, 'person', 'surname', surname));
    if (parts.length > 1) forms.push(formOf(p.id, 'person', 'initials', `${parts[0]!.charAt(0)} ${surname}`));
  }
  const subjects = [
    ...corpus.organizations.map((s) => ({ s, kind: 'organization' as const })),
    ...corpus.places.map((s) => ({ s, kind: 'place' as const })),
  ];
  for (const { s, kind } of subjects)
    forms.push(formOf(s.id, kind, 'name', s.name), ...s.aliases.map((a) => formOf(s.id, kind, 'alias', a)));
  for (const e of corpus.events)
    forms.push(formOf(e.id, 'event', 'name', e.title), ...e.aliases.map((a) => formOf(e.id, 'event', 'alias', a)));
  return forms.filter((f): f is Form => f !== undefined);
}

interface Token {
  start: number;
  end: number;
  text: string;
  spellings: Set<string>;
}

export function tokens(text: string): Token[] {
  return words(text).flatMap((w: WordSpan) =>
    w.parts.map((p) => ({ start: p.start, end: p.end, text: p.text, spellings: spellingsOf(p.text) })),
  );
}

const capitalised = (word: string) => /^\p{Lu}/u.test(word);
const matchesAt = (list: readonly Token[], i: number, form: Form) =>
  form.tokens.every((spellings, k) => {
    const t = list[i + k];
    return t !== undefined && [...t.spellings].some((s) => spellings.has(s));
  });

/** The corpus's subjects and events a text names, longest match first, each word claimed once. */
export function findKnown(text: string, corpus: KnownCorpus, forms = knownForms(corpus)): Mention[] {
  // An event's name may hold a subject's (the Shusha Declaration names Shusha): both are found.
  const events = matchForms(
    text,
    forms.filter((f) => f.kind === 'event'),
    corpus,
    false,
  );
  return [
    ...matchForms(
      text,
      forms.filter((f) => f.kind !== 'event'),
      corpus,
      true,
    ),
    ...events,
  ].sort((a, b) => a.start - b.start);
}

function matchForms(text: string, forms: readonly Form[], corpus: KnownCorpus, demonyms: boolean): Mention[] {
  const list = tokens(text);
  const byFirst = new Map<string, Form[]>();
  for (const f of forms) for (const s of f.tokens[0] ?? []) byFirst.set(s, [...(byFirst.get(s) ?? []), f]);
  const countries = new Map([...corpus.organizations, ...corpus.places].map((s) => [foldWord(s.name), s] as const));
  const found: Mention[] = [];
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    const candidates = [...t.spellings]
      .flatMap((s) => byFirst.get(s) ?? [])
      .filter((f) => (f.lower || capitalised(t.text)) && matchesAt(list, i, f));
    candidates.sort((a, b) => b.tokens.length - a.tokens.length || PRIORITY.indexOf(a.how) - PRIORITY.indexOf(b.how));
    const best = candidates[0];
    if (best !== undefined) {
      const last = list[i + best.tokens.length - 1]!;
      const initials = best.how === 'initials' && text.charAt(t.end) !== '.';
      if (!initials) {
        found.push({
          id: best.id,
          kind: best.kind,
          start: t.start,
          end: last.end,
          how: best.how,
          words: text.slice(t.start, last.end),
        });
        i += best.tokens.length - 1;
        continue;
      }
    }
    if (!demonyms || !capitalised(t.text)) continue;
    const country = demonymCountry(t.text);
    const subject = country === undefined ? undefined : countries.get(foldWord(country));
    if (subject !== undefined) {
      const kind = corpus.organizations.some((o) => o.id === subject.id) ? 'organization' : 'place';
      found.push({ id: subject.id, kind, start: t.start, end: t.end, how: 'demonym', words: t.text });
    }
  }
  return found;
}

// ---- names the corpus does not know ----

export interface NewName {
  name: string;
  kind: 'person' | 'organization' | 'place';
  organizationKind?: 'STATE' | 'GOVERNMENT_BODY' | 'INTERNATIONAL' | 'COMPANY' | 'MEDIA_OR_THINK_TANK' | 'OTHER';
  start: number;
  end: number;
  /** The role or title that made it a person, or the word that gave its kind. */
  role: string | null;
  rule: string;
}

/** Capitalised words that start sentences or name no one. */
const NOT_NAMES = new Set(
  (
    'the a an in on at but however and this that it he she they we i its his her their for with as after before since ' +
    'when while if although according moreover therefore thus meanwhile also so yet still now then there these those ' +
    'what who which why how of to by from mr mrs ms dr prof our my your one two three such some many most both each ' +
    'another other all any no not nor or despite during against under over about into through between among until ' +
    'unlike like given instead indeed furthermore first second third finally later earlier today yesterday tomorrow ' +
    'january february march april may june july august september october november december monday tuesday wednesday ' +
    'thursday friday saturday sunday feb jan aug sept oct nov dec article articles chapter part section figure western ' +
    'eastern northern southern president presidents minister prime chairman secretary general professor political ' +
    'declaration agreement treaty state states government parliament republic people peoples union council party ' +
    'mp phd ceo west east north south mr dr internet once amidst amid charter'
  ).split(' '),
);
/** Words that make a name an organization, and which kind. */
const ORGANIZATION_WORDS: [RegExp, NonNullable<NewName['organizationKind']>][] = [
  [
    /\b(?:Ministry|Parliament|Government|Armed Forces|Army|Navy|Cabinet|Kremlin|Presidency|Administration|Duma|Milli Majlis|Senate|Congress|Court|Police|Service)\b/u,
    'GOVERNMENT_BODY',
  ],
  [
    /\b(?:Organization|Organisation|Union|Alliance|Commonwealth|Council|Community|Group|Treaty|Nations|Bank|Fund|Forum|Commission|Assembly)\b/u,
    'INTERNATIONAL',
  ],
  [/\b(?:Company|Corporation|Corp|Inc|Ltd|LLC|Oil|Gas|Airlines|Holding|Energy)\b/u, 'COMPANY'],
  [
    /\b(?:Institute|Center|Centre|Review|News|Agency|Times|Post|Monitor|Daily|Journal|Foundation|Studies|University|Academy|Press|TV|Radio)\b/u,
    'MEDIA_OR_THINK_TANK',
  ],
];
const PLACE_WORDS =
  /\b(?:Sea|Ocean|Corridor|corridor|Pipeline|pipeline|Region|Mountains|River|Province|Valley|Gulf|Strait|Island|Islands|Lake|Peninsula|East|West|Asia|Pacific|Oblast|District|City)\b/u;
const ROLE_BEFORE =
  /\b(?:president|minister|leader|chairman|President|Prime Minister|Minister|Foreign Minister|Chairman|Chair|Secretary General|Secretary|Speaker|MP|deputy|Deputy|Ambassador|ambassador|spokesman|spokeswoman|spokesperson|expert|analyst|scientist|political scientist|commentator|professor|Professor|Dr\.?|journalist|researcher|leader|head|Head|director|Director|General|colonel|Colonel|senator|Senator|official|diplomat|economist|historian|writer|author|editor|founder|CEO|King|Queen|Pope)\b[^.;:]{0,40}$/u;
const SPEECH_AFTER =
  /^[,\s]*(?:\([^)]*\)\s*)?(?:said|says|noted|notes|stressed|stresses|added|adds|wrote|writes|told|believes|believed|thinks|commented|stated|explained|argued|concluded|emphasized|emphasised|recalled|claimed|summed up|flagged|warned|insisted)\b/u;
const PLACE_BEFORE = /\b(?:in|to|from|near|via|through|across|towards|into)\s+(?:the\s+)?$/u;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'on', 'in']);
/** Titles and roles before a name, capitalised as they are at the start of a sentence or before the name. */
const TITLES =
  /^(?:(?:President|Prime Minister|Minister|Foreign Minister|Chairman|Secretary General|Dr|Prof|Professor|Mr|Mrs|Ms|MP|Ambassador|General|Analyst|Expert|Commentator|Journalist|Director|Spokesman|Spokeswoman|Researcher|Senator|Deputy)\.?\s+)+/u;

/** Runs of capitalised words (with "of", "for", "and" inside: Organization for Security and Co-operation in Europe). */
function capitalisedRuns(text: string, list: readonly Token[]): { start: number; end: number; first: number }[] {
  const runs: { start: number; end: number; first: number }[] = [];
  let i = 0;
  while (i < list.length) {
    const t = list[i]!;
    if (!capitalised(t.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < list.length) {
      const next = list[j + 1]!;
      const gap = text.slice(list[j]!.end, next.start);
      if (!/^[\s\-–]?$/u.test(gap) && gap !== ' ') break;
      if (capitalised(next.text)) j++;
      else if (
        CONNECTORS.has(next.text) &&
        (next.text !== 'and' || ORGANIZATION_WORDS.some(([re]) => re.test(text.slice(list[i]!.start, next.start)))) &&
        list[j + 2] !== undefined &&
        capitalised(list[j + 2]!.text) &&
        text.slice(next.end, list[j + 2]!.start) === ' '
      )
        j += 2;
      else if (/^(?:corridor|pipeline)$/u.test(next.text)) {
        j++;
        break;
      } else break;
    }
    runs.push({ start: t.start, end: list[j]!.end, first: i });
    i = j + 1;
  }
  return runs;
}

const COUNTRIES = new Set(
  [
    'Afghanistan',
    'Albania',
    'Belarus',
    'Belgium',
    'Brazil',
    'Bulgaria',
    'Canada',
    'China',
    'Denmark',
    'Egypt',
    'Estonia',
    'Finland',
    'France',
    'Germany',
    'Greece',
    'Hungary',
    'India',
    'Iran',
    'Iraq',
    'Israel',
    'Italy',
    'Japan',
    'Kazakhstan',
    'Kyrgyzstan',
    'Latvia',
    'Lithuania',
    'Moldova',
    'Netherlands',
    'Pakistan',
    'Poland',
    'Romania',
    'Serbia',
    'Spain',
    'Sweden',
    'Switzerland',
    'Syria',
    'Tajikistan',
    'Turkmenistan',
    'Uzbekistan',
    'Soviet Union',
    'United States',
    'United Kingdom',
    'USSR',
    'Britain',
    'Czech Republic',
    'Saudi Arabia',
    'Mongolia',
    'Qatar',
    'Cyprus',
    'Lebanon',
    'Jordan',
    'Libya',
    'Venezuela',
    'Mexico',
    'Argentina',
    'Chile',
    'Australia',
    'Norway',
    'Austria',
    'Portugal',
    'Ireland',
    'Korea',
    'Vietnam',
    'Indonesia',
  ].map(foldWord),
);

/** Capitalised names no known mention covers, with a kind where the words around them give one. */
export function findNew(text: string, known: readonly Mention[], sentenceStarts: ReadonlySet<number>): NewName[] {
  const list = tokens(text);
  const out: NewName[] = [];
  for (const run of capitalisedRuns(text, list))
    for (const segment of uncovered(text, run, known)) {
      const candidate = trimName(text, segment.start, segment.end);
      if (candidate === undefined) continue;
      const { start, end, title } = candidate;
      const raw = text.slice(start, end);
      // What is left of a title and a known name is that known name (President Aliyev).
      if (known.some((m) => m.start <= start && end <= m.end)) continue;
      if (ROUTE.test(raw)) {
        out.push(...routePlaces(raw, start));
        continue;
      }
      const parts = raw.split(/\s+/u);
      if (parts.every((p) => NOT_NAMES.has(p.toLowerCase()) || CONNECTORS.has(p))) continue;
      if (parts.length === 1 && (demonymCountry(raw) !== undefined || NOT_NAMES.has(raw.toLowerCase()))) continue;
      if (parts.length === 1 && sentenceStarts.has(start) && !/^\p{Lu}{2,}$/u.test(raw)) continue;
      const guess = classify(text, raw, start, end, title ?? segment.role);
      if (guess !== undefined) out.push({ name: raw, start, end, ...guess });
    }
  return out;
}

/** Hyphen-joined names (Tbilisi-Ceyhan, after a known Baku): the places along a route. */
const ROUTE = /^\p{Lu}\p{Ll}+(?:[-–]\p{Lu}\p{Ll}+)+$/u;

function routePlaces(raw: string, start: number): NewName[] {
  const out: NewName[] = [];
  let at = start;
  for (const part of raw.split(/[-–]/u)) {
    if (!NOT_NAMES.has(part.toLowerCase()) && demonymCountry(part) === undefined)
      out.push({
        name: part,
        kind: 'place',
        start: at,
        end: at + part.length,
        role: null,
        rule: 'a place on a hyphen-joined route',
      });
    at += part.length + 1;
  }
  return out;
}

/**
 * The parts of a run that no known mention covers. A known surname after an
 * unknown first name is another person of that name (Heydar Aliyev is not
 * Ilham Aliyev); an organization's name followed by a person's is two names.
 */
function uncovered(
  text: string,
  run: { start: number; end: number },
  known: readonly Mention[],
): { start: number; end: number; role?: string }[] {
  const inside = known.filter((m) => m.start < run.end && run.start < m.end).sort((a, b) => a.start - b.start);
  const segments: { start: number; end: number; role?: string }[] = [];
  let at = run.start;
  for (const m of inside) {
    const gap = text.slice(at, m.start);
    const firstName = /(?:^|\s)(\p{Lu}[\p{Ll}’'-]+)\s$/u.exec(gap);
    const given = firstName?.[1];
    if (
      m.kind === 'person' &&
      (m.how === 'surname' || m.how === 'alias') &&
      given !== undefined &&
      !NOT_NAMES.has(given.toLowerCase()) &&
      !TITLES.test(`${given} `) &&
      demonymCountry(given) === undefined &&
      !m.words.includes(' ')
    ) {
      const from = m.start - given.length - 1;
      if (from > at) segments.push({ start: at, end: from });
      segments.push({ start: from, end: m.end });
    } else if (m.start > at) segments.push({ start: at, end: m.start });
    at = Math.max(at, m.end);
  }
  if (at < run.end) segments.push({ start: at, end: run.end });
  return segments.flatMap((s) => splitOrganizationPerson(text, s));
}

const ORGANIZATION_THEN_PERSON =
  /^(.*\b(?:Studies|Center|Centre|Institute|University|Council|Ministry|Agency|Review|Group|Foundation|Academy))\s+(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){1,2})$/u;

function splitOrganizationPerson(text: string, s: { start: number; end: number; role?: string }) {
  const m = ORGANIZATION_THEN_PERSON.exec(text.slice(s.start, s.end));
  if (m?.[1] === undefined || m[2] === undefined) return [s];
  const personStart = s.end - m[2].length;
  return [
    { start: s.start, end: s.start + m[1].length },
    { start: personStart, end: s.end, role: m[1] },
  ];
}

/** Strips titles, demonyms and connectors around a name; the title, if any, is its role. */
function trimName(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; title?: string } | undefined {
  let raw = text.slice(start, end);
  let title: string | undefined;
  for (let changed = true; changed;) {
    changed = false;
    const lead = /^(?:\s+|(?:of|for|and|the|de|on|in|[-–])\s*)/u.exec(raw)?.[0];
    const t = TITLES.exec(raw)?.[0];
    const firstWord = raw.split(/[\s-]/u)[0] ?? '';
    const demonym = demonymCountry(firstWord) !== undefined && !ORGANIZATION_WORDS.some(([re]) => re.test(raw));
    const cut =
      lead ??
      t ??
      (demonym && raw.length > firstWord.length ? `${firstWord}${raw.charAt(firstWord.length)}` : undefined);
    if (cut !== undefined && cut.length > 0 && cut.length < raw.length) {
      if (t !== undefined && cut === t) title = `${title ?? ''} ${t}`.trim();
      start += cut.length;
      raw = raw.slice(cut.length);
      changed = true;
    }
  }
  raw = raw.replace(/(?:\s+(?:of|for|and|the|de|on|in)|[\s,;:.’'-]+)$/u, '');
  if (raw.length < 2) return undefined;
  return { start, end: start + raw.length, ...(title === undefined ? {} : { title }) };
}

function classify(
  text: string,
  name: string,
  start: number,
  end: number,
  title: string | undefined,
): Omit<NewName, 'name' | 'start' | 'end'> | undefined {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 40);
  const org = ORGANIZATION_WORDS.find(([re]) => re.test(name));
  if (org !== undefined)
    return {
      kind: 'organization',
      organizationKind: org[1],
      role: null,
      rule: `organization word "${org[0].exec(name)![0]}"`,
    };
  if (COUNTRIES.has(foldWord(name)))
    return { kind: 'organization', organizationKind: 'STATE', role: null, rule: 'a country name' };
  if (PLACE_WORDS.test(name)) return { kind: 'place', role: null, rule: `place word "${PLACE_WORDS.exec(name)![0]}"` };
  if (/^\p{Lu}{2,6}$/u.test(name))
    return { kind: 'organization', organizationKind: 'OTHER', role: null, rule: 'an acronym' };
  const parts = name.split(/\s+/u);
  const role = title?.trim() ?? ROLE_BEFORE.exec(before)?.[0].trim();
  const personLike = parts.length >= 2 && parts.length <= 4 && parts.every((p) => /^\p{Lu}[\p{Ll}’'-]+$/u.test(p));
  if (personLike && role !== undefined) return { kind: 'person', role, rule: `a name after the role "${role}"` };
  if (personLike && SPEECH_AFTER.test(after))
    return { kind: 'person', role: null, rule: 'a name before a verb of speech' };
  if (PLACE_BEFORE.test(before))
    return { kind: 'place', role: null, rule: `a name after "${PLACE_BEFORE.exec(before)![0].trim()}"` };
  if (parts.length <= 2)
    return { kind: 'place', role: null, rule: 'a capitalised name of no other kind (a place, to be checked)' };
  return undefined;
}
