/**
 * Where a problem is, for a person with an editor open: the line of a YAML
 * node (from the `yaml` package's node ranges), or of an offset in a cleaned
 * text, and one line of report per problem.
 */
import { isNode, type Document, type LineCounter } from 'yaml';
import { formatIssue, type CorpusIssue } from '../shared/errors.js';

/** `[12].reportedDates[0].quote` → [12, 'reportedDates', 0, 'quote']; undefined for a path of another kind. */
export function pathSegments(path: string): (string | number)[] | undefined {
  if (!/^\[\d+\]/.test(path)) return undefined;
  const segments: (string | number)[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|\.?([A-Za-z_]\w*)/g))
    segments.push(m[1] !== undefined ? Number(m[1]) : (m[2] ?? ''));
  return segments;
}

/** The line (1-based) of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The parsed YAML files of a corpus, kept to turn an issue's path into a line and an entry id. */
export class LineIndex {
  private readonly files = new Map<string, { doc: Document; lines: LineCounter }>();

  add(file: string, doc: Document, lines: LineCounter): void {
    this.files.set(file, { doc, lines });
  }

  /** The line of the deepest node the path reaches (the entry itself when the field is missing). */
  lineOf(file: string, path: string): number | undefined {
    const parsed = this.files.get(file);
    const segments = pathSegments(path);
    if (parsed === undefined || segments === undefined) return undefined;
    for (let n = segments.length; n > 0; n--) {
      const node: unknown = parsed.doc.getIn(segments.slice(0, n), true);
      if (isNode(node) && node.range != null) return parsed.lines.linePos(node.range[0]).line;
    }
    return undefined;
  }

  /** The `id` of the entry a path starts in. */
  entryOf(file: string, path: string): string | undefined {
    const index = pathSegments(path)?.[0];
    const id: unknown = index === undefined ? undefined : this.files.get(file)?.doc.getIn([index, 'id']);
    return typeof id === 'string' ? id : undefined;
  }

  /** The issues with their lines and entry ids filled in where the files give them. */
  annotate(issues: readonly CorpusIssue[]): CorpusIssue[] {
    return issues.map((issue) => {
      const line = issue.line ?? this.lineOf(issue.file, issue.path);
      const entry = issue.entry ?? this.entryOf(issue.file, issue.path);
      return { ...issue, ...(line === undefined ? {} : { line }), ...(entry === undefined ? {} : { entry }) };
    });
  }
}

/**
 * One line per problem: `claims.yaml:812: error: [63].quote (putin-satisfied-with-level): message`.
 * Quotes in messages are whole: an editor searches for them.
 */
export { formatIssue };

/** The whole report: errors, then warnings, each one line, and a closing count. */
export function formatReport(issues: readonly CorpusIssue[]): string {
  const errors = issues.filter((i) => i.severity !== 'warning');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    ...errors.map(formatIssue),
    ...warnings.map(formatIssue),
    `${count(errors.length, 'error')}, ${count(warnings.length, 'warning')}`,
  ].join('\n');
}
