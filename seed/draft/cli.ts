/**
 * `npm run draft -- <file> [--out DIR] [--corpus DIR]`: drafts a saved article
 * (HTML or plain text) against the corpus into seed/drafts/<document id>/.
 * Nothing is written when the input is refused.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCorpus } from '../../functions/refresh/corpus-reader.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { CORPUS_DIR } from '../paths.js';
import { draftArticle } from './draft.js';
import { writeDraft } from './files.js';
import { DraftInputError } from './types.js';

export const DRAFTS_DIR = fileURLToPath(new URL('../drafts/', import.meta.url));

export async function runDraft(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, corpus: { type: 'string' } },
    allowPositionals: true,
  });
  // npm runs scripts from the package folder: paths are the caller's.
  const file = positionals[0] === undefined ? undefined : resolve(process.env.INIT_CWD ?? '.', positionals[0]);
  if (file === undefined)
    throw new DraftInputError('usage: npm run draft -- <article.html|article.txt> [--out DIR] [--corpus DIR]');
  const bytes = await readFile(file).catch(() => {
    throw new DraftInputError(`${file}: no such file`);
  });
  const { corpus } = await readCorpus(
    directorySource(values.corpus === undefined ? CORPUS_DIR : resolve(process.env.INIT_CWD ?? '.', values.corpus)),
  );
  const draft = draftArticle({ name: basename(file), bytes }, corpus);
  const out =
    values.out === undefined ? join(DRAFTS_DIR, draft.document.id) : resolve(process.env.INIT_CWD ?? '.', values.out);
  if (
    await stat(out).then(
      () => true,
      () => false,
    )
  )
    throw new DraftInputError(`${out} exists: remove it or name another folder with --out`);
  await writeDraft(draft, out);
  return [
    `drafted ${draft.document.id} into ${out}`,
    `  claims ${draft.claims.length}, new people ${draft.people.length}, organizations ${draft.organizations.length}, places ${draft.places.length}, events ${draft.events.length}, additions ${draft.additions.length}`,
    '  review every entry (its draft: rule and evidence), delete the draft: field of what you accept and the entries you do not,',
    `  then: npm run draft:merge -- ${out}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(await runDraft(process.argv.slice(2)));
  } catch (error) {
    if (!(error instanceof DraftInputError)) throw error;
    console.error(`draft: ${error.message}`);
    process.exit(1);
  }
}
