/**
 * What the corpus schema cannot say: unique ids, references that resolve,
 * names that the documents really contain, dates that exist, quotes that are
 * in their text, relations that make sense. Each rule is a function over one
 * shared context; each problem names its file and path. The editor's lint
 * rules (spans, quotation marks, dates, tags) are in corpus-lint.ts.
 */
import { isDayRange, parsePartialDate, type DayRange } from '../shared/dates.js';
import { foldText } from '../shared/text-normalization.js';
import { createContext, locate, mentions, type CheckContext, type CorpusIssue } from './corpus-issues.js';
import { lintCorpus } from './corpus-lint.js';
import type { Corpus } from './corpus-schema.js';

export { isWarning, locate, mentions, type CorpusIssue } from './corpus-issues.js';

/**
 * Every check (references, dates, mentions, graph, and the lint rules), errors
 * and warnings together; `{ warnings: false }` skips the rules that only warn.
 */
export function checkCorpus(corpus: Corpus, options: { warnings?: boolean } = {}): CorpusIssue[] {
  const issues: CorpusIssue[] = [];
  const ctx = createContext(corpus, issues, options.warnings ?? true);
  checkSubjectIds(ctx);
  checkDocuments(ctx);
  checkSubjects(ctx);
  checkEvents(ctx);
  checkClaims(ctx);
  lintCorpus(ctx);
  return issues;
}

/** Reports an id that is not among the known ones. */
function reference(
  ctx: CheckContext,
  file: string,
  path: string,
  kind: string,
  known: ReadonlySet<string>,
  id: string,
) {
  if (!known.has(id)) ctx.report(file, path, `unknown ${kind} "${id}"`);
}

/** Reports an impossible date; the day range of a possible one. */
function dayRange(ctx: CheckContext, file: string, path: string, value: string): DayRange | undefined {
  const parsed = parsePartialDate(value);
  if (!isDayRange(parsed)) ctx.report(file, path, parsed.error);
  return isDayRange(parsed) ? parsed : undefined;
}

function checkDocuments(ctx: CheckContext): void {
  ctx.corpus.documents.forEach((d, i) => {
    d.authors.forEach((a, j) => {
      reference(ctx, 'documents.yaml', `[${i}].authors[${j}]`, 'person', ctx.ids.people, a);
    });
    if (d.publishedOn !== null) dayRange(ctx, 'documents.yaml', `[${i}].publishedOn`, d.publishedOn);
    if (d.publisherOrganization !== undefined) checkPublisher(ctx, i, d.publisherOrganization);
  });
}

/** A publisher organization is an outlet: an organization of kind MEDIA_OR_THINK_TANK. */
function checkPublisher(ctx: CheckContext, i: number, id: string): void {
  const org = ctx.corpus.organizations.find((o) => o.id === id);
  if (org === undefined) ctx.report('documents.yaml', `[${i}].publisherOrganization`, `unknown organization "${id}"`);
  else if (org.kind !== 'MEDIA_OR_THINK_TANK')
    ctx.report('documents.yaml', `[${i}].publisherOrganization`, `"${id}" is not an outlet (kind MEDIA_OR_THINK_TANK)`);
}

/** People, organizations and places: aliases, and documents that really name them. */
function checkSubjects(ctx: CheckContext): void {
  const { corpus } = ctx;
  // An author or an outlet is known from a document's byline or source, not from its words.
  const authorIds = new Set(
    corpus.documents.flatMap((d) => [
      ...d.authors,
      ...(d.publisherOrganization === undefined ? [] : [d.publisherOrganization]),
    ]),
  );
  const subjectFiles = [
    { file: 'people.yaml', list: corpus.people, surname: true },
    { file: 'organizations.yaml', list: corpus.organizations, surname: false },
    { file: 'places.yaml', list: corpus.places, surname: false },
  ] as const;
  for (const { file, list, surname } of subjectFiles) {
    checkAliases(ctx, file, list);
    list.forEach((s, i) => {
      if (s.mentionedIn.length === 0 && !authorIds.has(s.id)) {
        ctx.report(
          file,
          `[${i}].mentionedIn`,
          `${s.name} is neither mentioned in nor the author or publisher of any document`,
        );
      }
      s.mentionedIn.forEach((docId, j) => {
        const path = `[${i}].mentionedIn[${j}]`;
        reference(ctx, file, path, 'document', ctx.ids.documents, docId);
        const doc = ctx.docById.get(docId);
        if (doc === undefined || doc.text === '') return;
        if (!mentions(ctx.foldedText.get(docId) ?? '', s.name, s.aliases, surname)) {
          const or = surname ? ' or the surname' : '';
          ctx.report(file, path, `document "${docId}" never names ${s.name} (nor an alias${or})`);
        }
      });
    });
  }
}

function checkEvents(ctx: CheckContext): void {
  const file = 'events.yaml';
  ctx.corpus.events.forEach((e, i) => {
    const at = (path: string) => `[${i}].${path}`;
    dayRange(ctx, file, at('date'), e.date);
    e.participants.forEach((p, j) => {
      reference(ctx, file, at(`participants[${j}]`), 'person', ctx.ids.people, p);
    });
    e.places.forEach((p, j) => {
      reference(ctx, file, at(`places[${j}]`), 'place', ctx.ids.places, p);
    });
    e.documents.forEach((d, j) => {
      reference(ctx, file, at(`documents[${j}]`), 'document', ctx.ids.documents, d);
    });
    checkReportedDates(ctx, e, i);
    e.related.forEach((r, j) => {
      reference(ctx, file, at(`related[${j}].event`), 'event', ctx.ids.events, r.event);
    });
    checkTopics(ctx, file, i, e.topics);
  });
  checkPairs(
    ctx,
    file,
    ctx.corpus.events.flatMap((e, i) =>
      e.related.map((r, j) => ({ from: e.id, to: r.event, path: `[${i}].related[${j}]` })),
    ),
  );
}

/** Every topic of a claim or an event is one of topics.yaml, named once (the schema requires at least one). */
function checkTopics(ctx: CheckContext, file: string, i: number, topics: readonly string[]): void {
  topics.forEach((t, j) => {
    reference(ctx, file, `[${i}].topics[${j}]`, 'topic', ctx.ids.topics, t);
    if (topics.indexOf(t) !== j) ctx.report(file, `[${i}].topics[${j}]`, `the topic "${t}" is named twice`);
  });
}

/** Each reported date: its document, its date, its words; the event's date is one of them. */
function checkReportedDates(ctx: CheckContext, e: Corpus['events'][number], i: number): void {
  const file = 'events.yaml';
  e.reportedDates.forEach((r, j) => {
    const at = `[${i}].reportedDates[${j}]`;
    reference(ctx, file, `${at}.document`, 'document', ctx.ids.documents, r.document);
    dayRange(ctx, file, `${at}.date`, r.date);
    if (!e.documents.includes(r.document)) {
      ctx.report(file, `${at}.document`, `"${r.document}" gives a date but is not in the event's documents`);
    }
    const doc = ctx.docById.get(r.document);
    if (doc !== undefined && doc.text !== '') {
      const found = locate(doc.text, r.quote, r.occurrence);
      if ('error' in found) ctx.report(file, `${at}.quote`, found.error);
    }
    if (r.inferred === true && r.inference === undefined)
      ctx.report(file, `${at}.inference`, 'an inferred date says how it was derived (`inference`)');
    if (r.inferred === undefined && r.inference !== undefined)
      ctx.report(file, `${at}.inferred`, '`inference` is given but the date is not marked `inferred: true`');
  });
  if (e.reportedDates.length > 0 && !e.reportedDates.some((r) => r.date === e.date)) {
    const given = e.reportedDates.map((r) => r.date).join(', ');
    ctx.report(file, `[${i}].date`, `"${e.date}" is not a date any document gives (${given})`);
  }
}

function checkClaims(ctx: CheckContext): void {
  const { corpus, ids } = ctx;
  const file = 'claims.yaml';
  const subjectIds = new Set([...ids.people, ...ids.organizations, ...ids.places]);
  corpus.claims.forEach((c, i) => {
    const at = (path: string) => `[${i}].${path}`;
    reference(ctx, file, at('document'), 'document', ids.documents, c.document);
    checkSpeaker(ctx, c, i);
    if (c.speakerOrganization !== undefined)
      reference(ctx, file, at('speakerOrganization'), 'organization', ids.organizations, c.speakerOrganization);
    checkTopics(ctx, file, i, c.topics);
    c.about.forEach((s, j) => {
      if (subjectIds.has(s)) return;
      const hint = ids.events.has(s) ? ' (events go in `events`)' : '';
      ctx.report(file, at(`about[${j}]`), `unknown person, organization or place "${s}"${hint}`);
    });
    c.events.forEach((e, j) => {
      reference(ctx, file, at(`events[${j}]`), 'event', ids.events, e);
      const event = ctx.eventById.get(e);
      if (event !== undefined && !event.documents.includes(c.document)) {
        ctx.report(file, at(`events[${j}]`), `event "${e}" does not list document "${c.document}"`);
      }
    });
    checkStatedOn(ctx, c, i);
    c.relations.forEach((r, j) => {
      reference(ctx, file, at(`relations[${j}].claim`), 'claim', ids.claims, r.claim);
    });
  });
  checkPairs(
    ctx,
    file,
    corpus.claims.flatMap((c, i) =>
      c.relations.map((r, j) => ({ from: c.id, to: r.claim, path: `[${i}].relations[${j}]` })),
    ),
  );
}

function checkSpeaker(ctx: CheckContext, c: Corpus['claims'][number], i: number): void {
  if (c.speaker === null) return;
  reference(ctx, 'claims.yaml', `[${i}].speaker`, 'person', ctx.ids.people, c.speaker);
  const speaker = ctx.personById.get(c.speaker);
  const doc = ctx.docById.get(c.document);
  if (speaker === undefined || doc === undefined) return;
  if (!speaker.mentionedIn.includes(doc.id) && !doc.authors.includes(speaker.id)) {
    ctx.report('claims.yaml', `[${i}].speaker`, `${speaker.id} neither appears in nor wrote "${doc.id}"`);
  }
}

/** A statement cannot be dated after the document that reports it. */
function checkStatedOn(ctx: CheckContext, c: Corpus['claims'][number], i: number): void {
  if (c.statedOn === null) return;
  const path = `[${i}].statedOn`;
  const stated = dayRange(ctx, 'claims.yaml', path, c.statedOn);
  const publishedOn = ctx.docById.get(c.document)?.publishedOn ?? null;
  const published = publishedOn === null ? undefined : parsePartialDate(publishedOn);
  if (stated !== undefined && published !== undefined && isDayRange(published) && stated.start > published.end) {
    ctx.report('claims.yaml', path, `${c.statedOn} is after the document's publishedOn (${publishedOn})`);
  }
}

/**
 * Claims whose quote is not (exactly once, or at its occurrence) in its
 * document's text. The refresh finds these itself, against the stored
 * anchors: a claim it already holds is then ORPHANED (refused unless
 * `allowOrphans`), a new one is an error. Without stored anchors, as in
 * `npm run check`, each is an error.
 */
export function checkClaimQuotes(corpus: Corpus): CorpusIssue[] {
  const docById = new Map(corpus.documents.map((d) => [d.id, d]));
  const issues: CorpusIssue[] = [];
  corpus.claims.forEach((c, i) => {
    const doc = docById.get(c.document);
    if (doc === undefined || doc.text === '') return;
    const found = locate(doc.text, c.quote, c.occurrence);
    if ('error' in found) issues.push({ file: 'claims.yaml', path: `[${i}].quote`, message: found.error });
  });
  return issues;
}

/** People, organizations, places and events share one id space: `about` and `subjectId` take any of them. */
function checkSubjectIds(ctx: CheckContext): void {
  const owner = new Map<string, string>();
  const { corpus } = ctx;
  const lists = [
    ['people.yaml', corpus.people],
    ['organizations.yaml', corpus.organizations],
    ['places.yaml', corpus.places],
    ['topics.yaml', corpus.topics],
    ['events.yaml', corpus.events],
  ] as const;
  for (const [file, list] of lists) {
    list.forEach((e, i) => {
      const other = owner.get(e.id);
      if (other !== undefined && other !== file)
        ctx.report(
          file,
          `[${i}].id`,
          `"${e.id}" is already an id in ${other}: subject ids are shared by people, organizations, places, topics and events`,
        );
      owner.set(e.id, file);
    });
  }
}

/**
 * An alias names one subject of its kind: two sharing it would make a search
 * or a mention ambiguous. (Two subjects may share a name, as people do.)
 */
function checkAliases(
  ctx: CheckContext,
  file: string,
  list: readonly { id: string; aliases: readonly string[] }[],
): void {
  const owner = new Map<string, string>();
  list.forEach((s, i) => {
    const own = new Set<string>();
    s.aliases.forEach((alias, j) => {
      const key = foldText(alias);
      if (own.has(key)) return;
      own.add(key);
      const other = owner.get(key);
      if (other !== undefined)
        ctx.report(file, `[${i}].aliases[${j}]`, `the alias "${alias}" is also one of ${other}'s`);
      else owner.set(key, s.id);
    });
  });
}

/** Relations are written once: never to itself, never the same pair twice or in both directions. */
function checkPairs(
  ctx: CheckContext,
  file: string,
  pairs: readonly { from: string; to: string; path: string }[],
): void {
  const seen = new Map<string, string>();
  for (const { from, to, path } of pairs) {
    if (from === to) {
      ctx.report(file, path, `"${from}" is related to itself`);
      continue;
    }
    const key = from < to ? `${from}\u0000${to}` : `${to}\u0000${from}`;
    const first = seen.get(key);
    if (first !== undefined)
      ctx.report(file, path, `the pair ${from} / ${to} is already related at ${first}: write each pair once`);
    else seen.set(key, path);
  }
}
