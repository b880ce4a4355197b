/**
 * What the corpus schema cannot say: unique ids, references that resolve,
 * names that the documents really contain, dates that exist, quotes that are
 * in their text, relations that make sense. Each problem names its file and path.
 */
import { allIndexesOf } from '../shared/anchors.js';
import { isDayRange, parsePartialDate } from '../shared/dates.js';
import type { CorpusIssue } from '../shared/errors.js';
import { foldText } from '../shared/text-normalization.js';
import type { Corpus } from './corpus-schema.js';

export type { CorpusIssue };

/** Finds the one (or the named) occurrence of a quote in a text. */
export function locate(
  text: string,
  quote: string,
  occurrence?: number,
): { start: number; end: number } | { error: string } {
  const found = allIndexesOf(text, quote);
  const shown = quote.length > 60 ? `${quote.slice(0, 57)}...` : quote;
  if (found.length === 0) return { error: `quote "${shown}" is not in the document's cleaned text` };
  if (occurrence === undefined && found.length > 1) {
    return {
      error: `quote "${shown}" occurs ${found.length} times; lengthen it or set occurrence (1..${found.length})`,
    };
  }
  const at = found[(occurrence ?? 1) - 1];
  if (at === undefined)
    return { error: `occurrence ${occurrence} asked for, but the quote occurs ${found.length} time(s)` };
  return { start: at, end: at + quote.length };
}

/** Whether a folded text names a subject: its name, an alias, or (for people) the surname. */
export function mentions(foldedText: string, name: string, aliases: readonly string[], withSurname = true): boolean {
  const surname = name.split(/\s+/).at(-1) ?? name;
  return [name, ...aliases, ...(withSurname ? [surname] : [])].some((n) => foldedText.includes(foldText(n)));
}

type Report = (file: string, path: string, message: string) => void;

export function checkCorpus(corpus: Corpus): CorpusIssue[] {
  const issues: CorpusIssue[] = [];
  const report: Report = (file, path, message) => issues.push({ file, path, message });
  const ids = (file: string, list: readonly { id: string }[]) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (seen.has(e.id)) report(file, `[${i}].id`, `duplicate id "${e.id}"`);
      seen.add(e.id);
    });
    return seen;
  };
  const docIds = ids('documents.yaml', corpus.documents);
  const personIds = ids('people.yaml', corpus.people);
  const organizationIds = ids('organizations.yaml', corpus.organizations);
  const placeIds = ids('places.yaml', corpus.places);
  const eventIds = ids('events.yaml', corpus.events);
  const claimIds = ids('claims.yaml', corpus.claims);
  checkSubjectIds(corpus, report);

  const ref = (file: string, path: string, kind: string, known: ReadonlySet<string>, id: string) => {
    if (!known.has(id)) report(file, path, `unknown ${kind} "${id}"`);
  };
  const date = (file: string, path: string, value: string) => {
    const parsed = parsePartialDate(value);
    if (!isDayRange(parsed)) report(file, path, parsed.error);
    return isDayRange(parsed) ? parsed : undefined;
  };
  const docById = new Map(corpus.documents.map((d) => [d.id, d]));
  // Folded once per document: every subject it mentions is looked for in it.
  const foldedText = new Map(corpus.documents.map((d) => [d.id, foldText(d.text)]));

  corpus.documents.forEach((d, i) => {
    d.authors.forEach((a, j) => {
      ref('documents.yaml', `[${i}].authors[${j}]`, 'person', personIds, a);
    });
    if (d.publishedOn !== null) date('documents.yaml', `[${i}].publishedOn`, d.publishedOn);
  });

  const authorIds = new Set(corpus.documents.flatMap((d) => d.authors));
  const subjectFiles = [
    { file: 'people.yaml', list: corpus.people, surname: true },
    { file: 'organizations.yaml', list: corpus.organizations, surname: false },
    { file: 'places.yaml', list: corpus.places, surname: false },
  ] as const;
  for (const { file, list, surname } of subjectFiles) {
    checkAliases(file, list, report);
    list.forEach((s, i) => {
      if (s.mentionedIn.length === 0 && !authorIds.has(s.id)) {
        report(file, `[${i}].mentionedIn`, `${s.name} is neither mentioned in nor the author of any document`);
      }
      s.mentionedIn.forEach((docId, j) => {
        ref(file, `[${i}].mentionedIn[${j}]`, 'document', docIds, docId);
        const doc = docById.get(docId);
        if (
          doc !== undefined &&
          doc.text !== '' &&
          !mentions(foldedText.get(docId) ?? '', s.name, s.aliases, surname)
        ) {
          report(
            file,
            `[${i}].mentionedIn[${j}]`,
            `document "${docId}" never names ${s.name} (nor an alias${surname ? ' or the surname' : ''})`,
          );
        }
      });
    });
  }

  const eventById = new Map(corpus.events.map((e) => [e.id, e]));
  corpus.events.forEach((e, i) => {
    const at = (path: string) => `[${i}].${path}`;
    date('events.yaml', at('date'), e.date);
    e.participants.forEach((p, j) => {
      ref('events.yaml', at(`participants[${j}]`), 'person', personIds, p);
    });
    e.places.forEach((p, j) => {
      ref('events.yaml', at(`places[${j}]`), 'place', placeIds, p);
    });
    e.documents.forEach((d, j) => {
      ref('events.yaml', at(`documents[${j}]`), 'document', docIds, d);
    });
    e.reportedDates.forEach((r, j) => {
      ref('events.yaml', at(`reportedDates[${j}].document`), 'document', docIds, r.document);
      date('events.yaml', at(`reportedDates[${j}].date`), r.date);
      if (!e.documents.includes(r.document)) {
        report(
          'events.yaml',
          at(`reportedDates[${j}].document`),
          `"${r.document}" gives a date but is not in the event's documents`,
        );
      }
      const doc = docById.get(r.document);
      if (doc !== undefined && doc.text !== '') {
        const found = locate(doc.text, r.quote, r.occurrence);
        if ('error' in found) report('events.yaml', at(`reportedDates[${j}].quote`), found.error);
      }
    });
    if (e.reportedDates.length > 0 && !e.reportedDates.some((r) => r.date === e.date)) {
      report(
        'events.yaml',
        at('date'),
        `"${e.date}" is not a date any document gives (${e.reportedDates.map((r) => r.date).join(', ')})`,
      );
    }
    e.related.forEach((r, j) => {
      ref('events.yaml', at(`related[${j}].event`), 'event', eventIds, r.event);
    });
  });
  checkPairs(
    'events.yaml',
    corpus.events.flatMap((e, i) =>
      e.related.map((r, j) => ({ from: e.id, to: r.event, path: `[${i}].related[${j}]` })),
    ),
    report,
  );

  const subjectIds = new Set([...personIds, ...organizationIds, ...placeIds]);
  corpus.claims.forEach((c, i) => {
    const at = (path: string) => `[${i}].${path}`;
    ref('claims.yaml', at('document'), 'document', docIds, c.document);
    const doc = docById.get(c.document);
    if (c.speaker !== null) {
      ref('claims.yaml', at('speaker'), 'person', personIds, c.speaker);
      const speaker = corpus.people.find((p) => p.id === c.speaker);
      if (
        speaker !== undefined &&
        doc !== undefined &&
        !speaker.mentionedIn.includes(doc.id) &&
        !doc.authors.includes(speaker.id)
      ) {
        report('claims.yaml', at('speaker'), `${speaker.id} neither appears in nor wrote "${doc.id}"`);
      }
    }
    if (c.speakerOrganization !== undefined)
      ref('claims.yaml', at('speakerOrganization'), 'organization', organizationIds, c.speakerOrganization);
    c.about.forEach((s, j) => {
      if (!subjectIds.has(s))
        report(
          'claims.yaml',
          at(`about[${j}]`),
          `unknown person, organization or place "${s}"${eventIds.has(s) ? ' (events go in `events`)' : ''}`,
        );
    });
    c.events.forEach((e, j) => {
      ref('claims.yaml', at(`events[${j}]`), 'event', eventIds, e);
      const event = eventById.get(e);
      if (event !== undefined && !event.documents.includes(c.document)) {
        report('claims.yaml', at(`events[${j}]`), `event "${e}" does not list document "${c.document}"`);
      }
    });
    if (c.statedOn !== null) {
      const stated = date('claims.yaml', at('statedOn'), c.statedOn);
      const published = doc?.publishedOn == null ? undefined : parsePartialDate(doc.publishedOn);
      if (stated !== undefined && published !== undefined && isDayRange(published) && stated.start > published.end) {
        report(
          'claims.yaml',
          at('statedOn'),
          `${c.statedOn} is after the document's publishedOn (${doc?.publishedOn})`,
        );
      }
    }
    c.relations.forEach((r, j) => {
      ref('claims.yaml', at(`relations[${j}].claim`), 'claim', claimIds, r.claim);
    });
  });
  checkPairs(
    'claims.yaml',
    corpus.claims.flatMap((c, i) =>
      c.relations.map((r, j) => ({ from: c.id, to: r.claim, path: `[${i}].relations[${j}]` })),
    ),
    report,
  );
  return issues;
}

/** People, organizations, places and events share one id space: `about` and `subjectId` take any of them. */
function checkSubjectIds(corpus: Corpus, report: Report): void {
  const owner = new Map<string, string>();
  const lists = [
    ['people.yaml', corpus.people],
    ['organizations.yaml', corpus.organizations],
    ['places.yaml', corpus.places],
    ['events.yaml', corpus.events],
  ] as const;
  for (const [file, list] of lists) {
    list.forEach((e, i) => {
      const other = owner.get(e.id);
      if (other !== undefined && other !== file)
        report(
          file,
          `[${i}].id`,
          `"${e.id}" is already an id in ${other}: subject ids are shared by people, organizations, places and events`,
        );
      owner.set(e.id, file);
    });
  }
}

/**
 * An alias names one subject of its kind: two sharing it would make a search
 * or a mention ambiguous. (Two subjects may share a name, as people do.)
 */
function checkAliases(file: string, list: readonly { id: string; aliases: readonly string[] }[], report: Report): void {
  const owner = new Map<string, string>();
  list.forEach((s, i) => {
    const own = new Set<string>();
    s.aliases.forEach((alias, j) => {
      const key = foldText(alias);
      if (own.has(key)) return;
      own.add(key);
      const other = owner.get(key);
      if (other !== undefined) report(file, `[${i}].aliases[${j}]`, `the alias "${alias}" is also one of ${other}'s`);
      else owner.set(key, s.id);
    });
  });
}

/** Relations are written once: never to itself, never the same pair twice or in both directions. */
function checkPairs(file: string, pairs: readonly { from: string; to: string; path: string }[], report: Report): void {
  const seen = new Map<string, string>();
  for (const { from, to, path } of pairs) {
    if (from === to) {
      report(file, path, `"${from}" is related to itself`);
      continue;
    }
    const key = from < to ? `${from}\u0000${to}` : `${to}\u0000${from}`;
    const first = seen.get(key);
    if (first !== undefined)
      report(file, path, `the pair ${from} / ${to} is already related at ${first}: write each pair once`);
    else seen.set(key, path);
  }
}
