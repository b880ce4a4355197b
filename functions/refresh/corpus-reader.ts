/**
 * Reads the corpus files and checks their shapes (corpus-schema.ts), then their
 * ids, references, dates and lint rules (corpus-checks.ts, corpus-lint.ts).
 * Every problem is collected and reported at once, with its file, line and
 * path; nothing is written while there is an error. Warnings never refuse.
 */
import { LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod/mini';
import { checkCorpus, isWarning, type CorpusIssue } from './corpus-checks.js';
import { LineIndex } from './corpus-lines.js';
import { CORPUS_FILES, QUOTATION_EXCLUSIONS_FILE, documentTextFile, type Corpus } from './corpus-schema.js';
import type { CorpusSource } from './corpus-source.js';

export type { CorpusIssue } from './corpus-checks.js';
export { locate } from './corpus-checks.js';
export { formatIssue, formatReport } from './corpus-lines.js';

function pathOf(segments: readonly PropertyKey[]): string {
  return segments
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`))
    .join('')
    .replace(/^\./, '');
}

async function readList<S extends z.ZodMiniType>(
  source: CorpusSource,
  file: string,
  schema: S,
  issues: CorpusIssue[],
  lines: LineIndex,
): Promise<z.infer<S>[]> {
  const raw = await source.read(file);
  if (raw === undefined) {
    issues.push({ file, path: '', message: `missing from ${source.location}` });
    return [];
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter });
  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      issues.push({ file, path: '', message: `YAML: ${e.message}`, ...(e.linePos ? { line: e.linePos[0].line } : {}) });
    return [];
  }
  lines.add(file, doc, lineCounter);
  const data: unknown = doc.toJS();
  if (!Array.isArray(data)) {
    issues.push({ file, path: '', message: 'expected a YAML list of entries' });
    return [];
  }
  const entries: z.infer<S>[] = [];
  data.forEach((entry, index) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) entries.push(parsed.data);
    else
      for (const e of parsed.error.issues) issues.push({ file, path: pathOf([index, ...e.path]), message: e.message });
  });
  return entries;
}

export interface ReadCorpus {
  corpus: Corpus;
  /** Errors: the corpus is refused while there is one. */
  issues: CorpusIssue[];
  /** Printed, never refusing. */
  warnings: CorpusIssue[];
  /** Lines and entry ids of the YAML files, for problems found later (lineIndex.annotate). */
  lineIndex: LineIndex;
}

/**
 * Reads every corpus file and checks shapes, ids, references, dates and the
 * lint rules. The rules that can only warn run when asked (`npm run check`
 * does; a refresh, which ignores warnings, does not).
 */
export async function readCorpus(source: CorpusSource, options: { warnings?: boolean } = {}): Promise<ReadCorpus> {
  const issues: CorpusIssue[] = [];
  const lineIndex = new LineIndex();
  const read = <S extends z.ZodMiniType>(entry: { file: string; schema: S }) =>
    readList(source, entry.file, entry.schema, issues, lineIndex);
  const [documents, people, organizations, places, topics, events, claims] = await Promise.all([
    read(CORPUS_FILES.documents),
    read(CORPUS_FILES.people),
    read(CORPUS_FILES.organizations),
    read(CORPUS_FILES.places),
    read(CORPUS_FILES.topics),
    read(CORPUS_FILES.events),
    read(CORPUS_FILES.claims),
  ]);
  const withText = await Promise.all(
    documents.map(async (d) => {
      const text = await source.read(documentTextFile(d.id));
      if (text === undefined)
        issues.push({ file: documentTextFile(d.id), path: '', message: `cleaned text of document ${d.id} is missing` });
      else if (text.trim().length === 0)
        issues.push({ file: documentTextFile(d.id), path: '', message: 'cleaned text is empty' });
      return { ...d, text: text ?? '' };
    }),
  );
  if (source.list !== undefined)
    issues.push(
      ...unknownFiles(
        await source.list(),
        withText.map((d) => d.id),
      ),
    );
  const corpus: Corpus = { documents: withText, people, organizations, places, topics, events, claims };
  const all = lineIndex.annotate([...issues, ...checkCorpus(corpus, { warnings: options.warnings ?? false })]);
  return { corpus, issues: all.filter((i) => !isWarning(i)), warnings: all.filter(isWarning), lineIndex };
}

/** Files the corpus format does not know: a typo in a file name must not pass as an empty list. */
function unknownFiles(files: readonly string[], documentIds: readonly string[]): CorpusIssue[] {
  const known = new Set<string>([
    ...Object.values(CORPUS_FILES).map((f) => f.file),
    ...documentIds.map(documentTextFile),
    QUOTATION_EXCLUSIONS_FILE,
  ]);
  return files
    .filter((file) => !known.has(file))
    .map((file) => ({
      file,
      path: '',
      message:
        'not a file of the corpus format (documents, people, organizations, places, topics, events, claims .yaml and documents/<id>.txt)',
    }));
}
