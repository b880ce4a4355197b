/* eslint-disable @typescript-eslint/no-non-null-assertion -- offsets and indices come from the loops and matches just above */
/**
 * Drafts an article against a known corpus: the document entry, the subjects
 * and events it names (new entries, or additions to known ones), its quoted
 * and reported speech as claims, its dates as reported dates, and for each
 * claim the existing claims of other documents it may relate to.
 */
import { createHash } from 'node:crypto';
import { foldText } from '../../functions/shared/text-normalization.js';
import { mentions as namesSubject } from '../../functions/refresh/corpus-checks.js';
import type { ClaimEntry, EventEntry, ReportedDateEntry } from '../../functions/refresh/corpus-schema.js';
import { decodeArticle, readArticle, type Article } from './article.js';
import { dateQuote, findDates, linkEvent, UNKNOWN_YEAR, type DateCandidate } from './dates.js';
import { findKnown, findNew, type Mention, type NewName } from './names.js';
import { findQuotes, peopleIndex, type QuoteProposal } from './quotes.js';
import {
  DraftInputError,
  type Addition,
  type Draft,
  type Drafted,
  type KnownCorpus,
  type RelatedClaims,
} from './types.js';
import { allSentences, slugify, uniqueId } from './units.js';

export const textHash = (text: string) => createHash('sha256').update(text.trim()).digest('hex');

export function draftArticle(file: { name: string; bytes: Buffer }, known: KnownCorpus): Draft {
  const { kind, content } = decodeArticle(file.bytes, file.name);
  const article = readArticle(kind, content, file.name);
  const text = article.paragraphs.join('\n\n');
  refuseDuplicate(text, article, known, file.name);
  const taken = new Set(
    [
      ...known.documents,
      ...known.people,
      ...known.organizations,
      ...known.places,
      ...known.events,
      ...known.claims,
    ].map((e) => e.id),
  );
  const docId = uniqueId(slugify(article.meta.title.value ?? file.name.replace(/\.\w+$/u, ''), 7), taken);
  const subjects = newSubjects(text, known, docId, taken);
  const extended: KnownCorpus = {
    ...known,
    people: [...known.people, ...subjects.people],
    organizations: [...known.organizations, ...subjects.organizations],
    places: [...known.places, ...subjects.places],
  };
  const mentions = findKnown(text, extended);
  const authors = authorEntries(article, extended, taken);
  const document = documentEntry(article, docId, file.name, text, authors.ids);
  const dates = findDates(text, document.publishedOn);
  const { events, additions: eventAdditions, linked } = eventsOf(text, dates, mentions, known, docId, taken);
  const people = peopleIndex(extended.people, new Set(extended.organizations.map((o) => o.id)));
  const claims = findQuotes(text, mentions, people).map((q) =>
    claimEntry(q, text, docId, mentions, linked, dates, document, taken, extended),
  );
  const knownIds = new Set([...known.people, ...known.organizations, ...known.places].map((s) => s.id));
  return {
    raw: { name: file.name, content },
    document,
    people: [...subjects.people, ...authors.people],
    organizations: subjects.organizations,
    places: subjects.places,
    events,
    claims,
    additions: [...subjectAdditions(text, mentions, known, docId), ...eventAdditions],
    related: relatedClaims(claims, known),
    knownSubjects: mentions.filter((m) => knownIds.has(m.id)).map((m) => ({ id: m.id, how: m.how, words: m.words })),
  };
}

function refuseDuplicate(text: string, article: Article, known: KnownCorpus, name: string): void {
  const hash = textHash(text);
  const same = known.documents.find((d) => textHash(d.text) === hash);
  if (same !== undefined)
    throw new DraftInputError(`${name} is already in the corpus: document ${same.id} has the same text`);
  const url = article.meta.url.value;
  const sameUrl = url === null ? undefined : known.documents.find((d) => d.url === url);
  if (sameUrl !== undefined)
    throw new DraftInputError(`${name} is already in the corpus: document ${sameUrl.id} has the URL ${url}`);
}

function documentEntry(
  article: Article,
  id: string,
  source: string,
  text: string,
  authors: string[],
): Draft['document'] {
  const m = article.meta;
  const evidence = (Object.keys(m) as (keyof typeof m)[])
    .map((field) => ({ field, f: m[field] }))
    .map(({ field, f }) => `${field}: ${f.value === null ? '' : `${JSON.stringify(f.value)} from `}${f.evidence}`)
    .join('; ');
  return {
    id,
    source,
    title: m.title.value ?? `Untitled (${source})`,
    publisher: m.publisher.value,
    url: m.url.value,
    publishedOn: m.publishedOn.value,
    authors,
    note: `Drafted from ${source} (${article.kind}). Removed by cleaning: ${article.removed.map((r) => `"${r.text.slice(0, 50)}" (${r.rule})`).join('; ') || 'nothing'}.`,
    draft: { rule: 'the page metadata, byline and dateline', evidence },
    text,
  };
}

function authorEntries(article: Article, known: KnownCorpus, taken: Set<string>) {
  const ids: string[] = [];
  const people: Draft['people'] = [];
  for (const name of article.meta.authors.value ?? []) {
    const match = findKnown(name, known).find((m) => m.kind === 'person');
    if (match !== undefined) {
      ids.push(match.id);
      continue;
    }
    const id = uniqueId(slugify(name), taken);
    ids.push(id);
    people.push({
      id,
      name,
      aliases: [],
      description: null,
      mentionedIn: [],
      draft: { rule: 'an author the corpus does not know', evidence: article.meta.authors.evidence },
    });
  }
  return { ids, people };
}

function newSubjects(text: string, known: KnownCorpus, docId: string, taken: Set<string>) {
  const mentions = findKnown(text, known);
  const starts = new Set(allSentences(text).map((s) => s.start));
  const found = new Map<string, NewName>();
  for (const n of findNew(text, mentions, starts)) if (!found.has(foldText(n.name))) found.set(foldText(n.name), n);
  const sentences = allSentences(text);
  const out = {
    people: [] as Draft['people'],
    organizations: [] as Draft['organizations'],
    places: [] as Draft['places'],
  };
  // A new person's surname alone is that person, not another name.
  const surnames = new Set(
    [...found.values()].filter((n) => n.kind === 'person').map((n) => foldText(n.name.split(/\s+/u).at(-1)!)),
  );
  for (const n of found.values()) {
    if (n.kind !== 'person' && surnames.has(foldText(n.name))) continue;
    const sentence = sentences.find((s) => s.start <= n.start && n.end <= s.end)?.text ?? n.name;
    const entry = {
      id: uniqueId(slugify(n.name), taken),
      name: n.name,
      aliases: [] as string[],
      description: n.role,
      mentionedIn: [docId],
      draft: { rule: `new ${n.kind}: ${n.rule}`, evidence: sentence },
    };
    if (n.kind === 'person') {
      const surname = n.name.split(/\s+/u).at(-1)!;
      if (
        foldText(text)
          .split(/\W+/u)
          .filter((w) => w === foldText(surname)).length > 1
      )
        entry.aliases.push(surname);
      out.people.push(entry);
    } else if (n.kind === 'organization') out.organizations.push({ ...entry, kind: n.organizationKind ?? 'OTHER' });
    else out.places.push(entry);
  }
  return out;
}

/** Known subjects the text names get the document in `mentionedIn` (only where the corpus checks will agree). */
function subjectAdditions(text: string, mentions: readonly Mention[], known: KnownCorpus, docId: string): Addition[] {
  const folded = foldText(text);
  const files = [
    { file: 'people.yaml' as const, list: known.people, surname: true },
    { file: 'organizations.yaml' as const, list: known.organizations, surname: false },
    { file: 'places.yaml' as const, list: known.places, surname: false },
  ];
  const out: Addition[] = [];
  for (const { file, list, surname } of files)
    for (const s of list) {
      const named = mentions.filter((m) => m.id === s.id);
      if (named.length === 0 || s.mentionedIn.includes(docId)) continue;
      if (!namesSubject(folded, s.name, s.aliases, surname)) continue;
      out.push({
        file,
        id: s.id,
        add: { mentionedIn: [docId] },
        draft: { rule: `named by ${named[0]!.how}`, evidence: [...new Set(named.map((m) => m.words))].join(', ') },
      });
    }
  return out;
}

function occurrenceOf(text: string, quote: string, start: number): number | undefined {
  let count = 0;
  let mine = 1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    count++;
    if (at === start) mine = count;
  }
  return count > 1 ? mine : undefined;
}

function reportedDate(
  text: string,
  c: DateCandidate,
  docId: string,
): ReportedDateEntry & { inferred?: true; inference?: string } {
  const span = dateQuote(text, c);
  const quote = text.slice(span.start, span.end);
  const occurrence = occurrenceOf(text, quote, span.start);
  return {
    document: docId,
    date: c.date,
    quote,
    ...(occurrence === undefined ? {} : { occurrence }),
    ...(c.inference === undefined ? {} : { inferred: true as const, inference: c.inference }),
  };
}

function eventsOf(
  text: string,
  dates: readonly DateCandidate[],
  mentions: readonly Mention[],
  known: KnownCorpus,
  docId: string,
  taken: Set<string>,
) {
  const additions = new Map<string, Addition>();
  const events: Drafted<EventEntry>[] = [];
  const linked = new Map<DateCandidate, string>();
  const addTo = (id: string, rule: string, evidence: string) => {
    const a = additions.get(id) ?? {
      file: 'events.yaml' as const,
      id,
      add: { documents: [docId], reportedDates: [] },
      draft: { rule, evidence },
    };
    additions.set(id, a);
    return a;
  };
  for (const m of mentions.filter((x) => x.kind === 'event'))
    if (!known.events.find((e) => e.id === m.id)?.documents.includes(docId))
      addTo(m.id, `event named by ${m.how}`, m.words);
  for (const c of dates) {
    const link = linkEvent(c, known.events);
    if (c.date.startsWith(UNKNOWN_YEAR)) {
      if (link === undefined) continue;
      c.date = `${link.event.date.slice(0, 4)}${c.date.slice(4)}`;
      c.inference = `the year from the known event ${link.event.id}`;
    }
    if (link !== undefined) {
      linked.set(c, link.event.id);
      const a = addTo(
        link.event.id,
        'a date of the event, in words it shares',
        `"${c.words}"; shared words: ${link.shared.join(', ')}`,
      );
      a.add.reportedDates!.push(reportedDate(text, c, docId));
      continue;
    }
    const id = uniqueId(slugify(`${c.sentence.text.split(/\s+/u).slice(0, 8).join(' ')} ${c.date}`), taken);
    linked.set(c, id);
    const inSentence = mentions.filter((m) => m.start >= c.sentence.start && m.end <= c.sentence.end);
    events.push({
      id,
      title: c.sentence.text
        .split(/\s+/u)
        .slice(0, 14)
        .join(' ')
        .replace(/[,.;:]$/u, ''),
      date: c.date,
      description: null,
      aliases: [],
      participants: [...new Set(inSentence.filter((m) => m.kind === 'person').map((m) => m.id))],
      places: [...new Set(inSentence.filter((m) => m.kind === 'place').map((m) => m.id))],
      documents: [docId],
      reportedDates: [reportedDate(text, c, docId)],
      related: [],
      // Topics are the reviewer's call: the check refuses an untagged event, so review cannot skip it.
      topics: [],
      draft: {
        rule: 'a date no known event agrees with: a new event',
        evidence: `"${c.words}" in "${c.sentence.text}"`,
      },
    });
  }
  return { events, additions: [...additions.values()], linked };
}

function claimEntry(
  q: QuoteProposal,
  text: string,
  docId: string,
  mentions: readonly Mention[],
  linked: ReadonlyMap<DateCandidate, string>,
  dates: readonly DateCandidate[],
  document: Draft['document'],
  taken: Set<string>,
  corpus: KnownCorpus,
): Drafted<ClaimEntry> {
  const speakerId = q.speaker?.person ?? null;
  const speakerName = corpus.people.find((p) => p.id === speakerId)?.name;
  const inContext = (s: number, e: number) => s >= q.context.start && e <= q.context.end;
  const about = [
    ...new Set(
      mentions
        .filter((m) => m.kind !== 'event' && m.start >= q.start && m.end <= q.end && m.id !== speakerId)
        .map((m) => m.id),
    ),
  ];
  const events = [
    ...new Set([
      ...mentions.filter((m) => m.kind === 'event' && inContext(m.start, m.end)).map((m) => m.id),
      ...dates.filter((d) => inContext(d.start, d.end)).map((d) => linked.get(d)!),
    ]),
  ];
  const said = dates.find(
    (d) => inContext(d.start, d.end) && (d.start < q.start || d.start >= q.end) && d.date.length === 10,
  );
  const dateline =
    document.draft.evidence.includes('publishedOn: ') && /dateline/u.test(document.draft.evidence)
      ? document.publishedOn
      : null;
  const words = q.quote.split(/\s+/u);
  return {
    id: uniqueId(
      slugify(`${speakerName?.split(' ').at(-1) ?? docId.split('-')[0]} ${words.slice(0, 6).join(' ')}`),
      taken,
    ),
    document: docId,
    kind: q.kind,
    speaker: speakerId,
    ...(q.speaker?.organization === undefined ? {} : { speakerOrganization: q.speaker.organization }),
    text: `${speakerName ?? 'Someone'} ${q.kind === 'DIRECT_QUOTE' ? 'said' : 'said that'}: ${words.slice(0, 25).join(' ')}${words.length > 25 ? ' …' : ''}`,
    quote: q.quote,
    ...(occurrenceOf(text, q.quote, q.start) === undefined ? {} : { occurrence: occurrenceOf(text, q.quote, q.start) }),
    events,
    about,
    // Topics are the reviewer's call: the check refuses an untagged claim, so review cannot skip it.
    topics: [],
    statedOn: said?.date ?? dateline,
    relations: [],
    draft: {
      rule: `${q.kind === 'DIRECT_QUOTE' ? 'a quotation' : 'reported speech'}; speaker: ${q.speaker?.rule ?? 'no attribution found'}${said ? `; statedOn from "${said.words}"` : ''}`,
      evidence: q.speaker?.words ?? q.context.text.slice(0, 200),
    },
  };
}

function relatedClaims(claims: readonly Drafted<ClaimEntry>[], known: KnownCorpus): RelatedClaims[] {
  return claims.map((c) => {
    const mine = new Set([...c.about, ...c.events, ...(c.speaker === null ? [] : [c.speaker])]);
    const candidates = known.claims
      .filter((k) => k.document !== c.document)
      .map((k) => ({
        k,
        shared: [...new Set([...k.about, ...k.events, ...(k.speaker === null ? [] : [k.speaker])])].filter((id) =>
          mine.has(id),
        ),
      }))
      .filter(({ k, shared }) => shared.length >= 2 || shared.some((id) => k.events.includes(id)))
      .sort((a, b) => b.shared.length - a.shared.length)
      .slice(0, 5)
      .map(({ k, shared }) => ({ claim: k.id, document: k.document, shared, quote: k.quote }));
    return { claim: c.id, candidates };
  });
}
