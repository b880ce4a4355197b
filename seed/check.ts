/**
 * `npx tsx seed/check.ts`: validates the corpus under seed/data without any
 * database: shapes, ids, references, dates, quotes, relations, that every
 * quotation of a text is covered by a claim (or excused), and that every
 * paragraph of a cleaned text appears verbatim in its raw article under seed/raw.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readCorpus, type CorpusIssue } from '../functions/refresh/corpus-reader.js';
import { formatIssue } from '../functions/shared/errors.js';
import { buildItems } from '../functions/refresh/item-builder.js';
import { directorySource } from '../functions/refresh/corpus-source.js';
import type { Corpus } from '../functions/refresh/corpus-schema.js';
import { documentTextFile } from '../functions/refresh/corpus-schema.js';
import { CORPUS_DIR, RAW_DIR } from './paths.js';
import { readExclusions, uncoveredQuotations } from './quotations.js';

/** Paragraphs (separated by blank lines) of a cleaned text that its raw article does not contain verbatim. */
export async function unfaithfulParagraphs(corpus: Corpus, rawDir = RAW_DIR): Promise<CorpusIssue[]> {
  const issues: CorpusIssue[] = [];
  for (const doc of corpus.documents) {
    const raw = await readFile(`${rawDir}${doc.source}`, 'utf8').catch(() => undefined);
    if (raw === undefined) {
      issues.push({ file: 'documents.yaml', path: doc.id, message: `raw article ${doc.source} is not under seed/raw` });
      continue;
    }
    doc.text.split('\n\n').forEach((paragraph, i) => {
      if (paragraph.trim() === '' || !raw.includes(paragraph)) {
        issues.push({
          file: documentTextFile(doc.id),
          path: `paragraph ${i + 1}`,
          message: `not verbatim in ${doc.source}: "${paragraph.slice(0, 60)}"`,
        });
      }
    });
  }
  return issues;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { corpus, issues } = await readCorpus(directorySource(CORPUS_DIR));
  if (issues.length === 0) issues.push(...buildItems(corpus, new Map()).issues);
  issues.push(...(await unfaithfulParagraphs(corpus)));
  const source = directorySource(CORPUS_DIR);
  for (const { document, quotation } of uncoveredQuotations(corpus, await readExclusions(source))) {
    issues.push({
      file: documentTextFile(document),
      path: `at ${quotation.start}`,
      message: `quotation "${quotation.text.slice(0, 60)}" is covered by no claim (add one, or excuse it in quotation-exclusions.yaml)`,
    });
  }
  const perDoc = corpus.documents.map((d) => `${d.id}: ${corpus.claims.filter((c) => c.document === d.id).length}`);
  console.log(
    `documents ${corpus.documents.length}, people ${corpus.people.length}, events ${corpus.events.length}, claims ${corpus.claims.length}\nclaims per document: ${perDoc.join(', ')}`,
  );
  if (issues.length > 0) {
    console.log(`${issues.length} problem(s):\n${issues.map(formatIssue).join('\n')}`);
    process.exit(1);
  }
  console.log('corpus OK');
}
