/**
 * What every corpus check shares: the shape of a problem (an error or a
 * warning, with its file, path and, where known, line), the context the rules
 * read, and how a quote is found in its text.
 */
import { allIndexesOf } from '../shared/anchors.js';
import type { CorpusIssue } from '../shared/errors.js';
import { foldText } from '../shared/text-normalization.js';
import type { Corpus } from './corpus-schema.js';

export type { CorpusIssue };

export const isWarning = (issue: CorpusIssue): boolean => issue.severity === 'warning';

/** Finds the one (or the named) occurrence of a quote in a text. */
export function locate(
  text: string,
  quote: string,
  occurrence?: number,
): { start: number; end: number } | { error: string } {
  const found = allIndexesOf(text, quote);
  if (found.length === 0) return { error: `quote "${quote}" is not in the document's cleaned text` };
  if (occurrence === undefined && found.length > 1) {
    return {
      error: `quote "${quote}" occurs ${found.length} times; lengthen it or set occurrence (1..${found.length})`,
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

export type Report = (file: string, path: string, message: string) => void;

/** What every rule reads: the corpus, its ids and texts, and where to report. */
export interface CheckContext {
  corpus: Corpus;
  /** An error: the corpus is refused. */
  report: Report;
  /** A warning: printed, never refuses. */
  warn: Report;
  /**
   * Whether to run the rules that can only warn. A refresh skips them: it
   * ignores warnings, and the `about` rule compares every quote with every
   * name, which a refresh of a large corpus should not pay for.
   */
  withWarnings: boolean;
  ids: Record<
    'documents' | 'people' | 'organizations' | 'places' | 'topics' | 'events' | 'claims',
    ReadonlySet<string>
  >;
  docById: ReadonlyMap<string, Corpus['documents'][number]>;
  eventById: ReadonlyMap<string, Corpus['events'][number]>;
  personById: ReadonlyMap<string, Corpus['people'][number]>;
  /** Each document's text, folded once: every subject it mentions is looked for in it. */
  foldedText: ReadonlyMap<string, string>;
}

export function createContext(corpus: Corpus, issues: CorpusIssue[], withWarnings = true): CheckContext {
  const report: Report = (file, path, message) => issues.push({ file, path, message });
  const warn: Report = (file, path, message) => issues.push({ file, path, message, severity: 'warning' });
  const ids = (file: string, list: readonly { id: string }[]) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (seen.has(e.id)) report(file, `[${i}].id`, `duplicate id "${e.id}"`);
      seen.add(e.id);
    });
    return seen;
  };
  return {
    corpus,
    report,
    warn,
    withWarnings,
    ids: {
      documents: ids('documents.yaml', corpus.documents),
      people: ids('people.yaml', corpus.people),
      organizations: ids('organizations.yaml', corpus.organizations),
      places: ids('places.yaml', corpus.places),
      topics: ids('topics.yaml', corpus.topics),
      events: ids('events.yaml', corpus.events),
      claims: ids('claims.yaml', corpus.claims),
    },
    docById: new Map(corpus.documents.map((d) => [d.id, d])),
    eventById: new Map(corpus.events.map((e) => [e.id, e])),
    personById: new Map(corpus.people.map((p) => [p.id, p])),
    foldedText: new Map(corpus.documents.map((d) => [d.id, foldText(d.text)])),
  };
}
