/**
 * `npm run check -- [folder]` (or `npx tsx seed/check.ts [folder]`): checks a
 * corpus folder without any database, and reports every problem at once, one
 * line each with file, line and path. The folder is the argument, else
 * CORPUS_DIR, else seed/data. It checks what the refresh checks (shapes, ids,
 * references, dates, quotes, the lint rules, drafts), that every quotation of
 * a text is covered by a claim (or excused), and that every paragraph of a
 * cleaned text appears verbatim in its raw article (in the `raw` folder beside
 * the corpus folder, as seed/raw is beside seed/data, or `--raw DIR`).
 *
 * Exit code 0 when there is no error (warnings are printed), 1 when there is one,
 * 2 for a wrong command line.
 */
import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkClaimQuotes, isWarning } from '../functions/refresh/corpus-checks.js';
import { lineAt } from '../functions/refresh/corpus-lines.js';
import { formatReport, readCorpus, type CorpusIssue } from '../functions/refresh/corpus-reader.js';
import { QUOTATION_EXCLUSIONS_FILE, documentTextFile, type Corpus } from '../functions/refresh/corpus-schema.js';
import { directorySource, type CorpusSource } from '../functions/refresh/corpus-source.js';
import { CORPUS_DIR, RAW_DIR } from './paths.js';
import { readExclusions, uncoveredQuotations } from './quotations.js';

/** Paragraphs (separated by blank lines) of a cleaned text that its raw article does not contain verbatim. */
export async function unfaithfulParagraphs(corpus: Corpus, rawDir = RAW_DIR): Promise<CorpusIssue[]> {
  const issues: CorpusIssue[] = [];
  for (const doc of corpus.documents) {
    const raw = await readFile(join(rawDir, doc.source), 'utf8').catch(() => undefined);
    if (raw === undefined) {
      issues.push({ file: 'documents.yaml', path: doc.id, message: `raw article ${doc.source} is not in ${rawDir}` });
      continue;
    }
    let offset = 0;
    doc.text.split('\n\n').forEach((paragraph, i) => {
      if (paragraph.trim() === '' || !raw.includes(paragraph)) {
        issues.push({
          file: documentTextFile(doc.id),
          path: `paragraph ${i + 1}`,
          line: lineAt(doc.text, offset),
          message: `not verbatim in ${doc.source}: "${paragraph}"`,
        });
      }
      offset += paragraph.length + 2;
    });
  }
  return issues;
}

/** Quotations of a text that no claim covers and no exclusion excuses. */
async function uncoveredIssues(corpus: Corpus, source: CorpusSource): Promise<CorpusIssue[]> {
  const texts = new Map(corpus.documents.map((d) => [d.id, d.text]));
  return uncoveredQuotations(corpus, await readExclusions(source)).map(({ document, quotation }) => ({
    file: documentTextFile(document),
    path: `at ${quotation.start}`,
    line: lineAt(texts.get(document) ?? '', quotation.start),
    message: `quotation "${quotation.text}" is covered by no claim (add one, or excuse it in quotation-exclusions.yaml)`,
  }));
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

export interface CheckResult {
  corpus: Corpus;
  /** Errors and warnings, errors first. */
  issues: CorpusIssue[];
}

/** Every check of a corpus folder, every problem at once. */
export async function checkFolder(dir: string, rawDir = join(dir, '..', 'raw')): Promise<CheckResult> {
  const source = directorySource(dir);
  const { corpus, issues, warnings, lineIndex } = await readCorpus(source, { warnings: true });
  const found = [...issues, ...lineIndex.annotate(checkClaimQuotes(corpus))];
  if (await exists(rawDir)) found.push(...(await unfaithfulParagraphs(corpus, rawDir)));
  else
    warnings.push({
      file: dir,
      path: '',
      severity: 'warning',
      message: `no raw articles at ${rawDir}: faithfulness not checked (give --raw DIR)`,
    });
  found.push(
    ...(await uncoveredIssues(corpus, source).catch((error: unknown) => [
      { file: QUOTATION_EXCLUSIONS_FILE, path: '', message: error instanceof Error ? error.message : String(error) },
    ])),
  );
  return { corpus, issues: [...found, ...warnings] };
}

function parseArguments(args: readonly string[]): { dir: string; rawDir?: string } {
  const rawAt = args.indexOf('--raw');
  const rawDir = rawAt === -1 ? undefined : args[rawAt + 1];
  const rest = args.filter((_, i) => rawAt === -1 || (i !== rawAt && i !== rawAt + 1));
  const unknown = rest.filter((a) => a.startsWith('--'));
  if (unknown.length > 0 || rest.length > 1 || (rawAt !== -1 && rawDir === undefined)) {
    process.stderr.write('usage: npm run check -- [corpus folder] [--raw DIR]\n');
    process.exit(2);
  }
  const dir = resolve(rest[0] ?? process.env.CORPUS_DIR ?? CORPUS_DIR);
  return rawDir === undefined ? { dir } : { dir, rawDir: resolve(rawDir) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { dir, rawDir } = parseArguments(process.argv.slice(2));
  const { corpus, issues } = await checkFolder(dir, rawDir);
  const perDoc = corpus.documents.map((d) => `${d.id}: ${corpus.claims.filter((c) => c.document === d.id).length}`);
  console.log(
    `${dir}\ndocuments ${corpus.documents.length}, people ${corpus.people.length}, events ${corpus.events.length}, claims ${corpus.claims.length}\nclaims per document: ${perDoc.join(', ')}`,
  );
  console.log(formatReport(issues));
  if (issues.some((i) => !isWarning(i))) process.exitCode = 1;
  else console.log('corpus OK');
}
