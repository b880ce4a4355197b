/* eslint-disable @typescript-eslint/no-non-null-assertion -- offsets and indices come from the loops and matches just above */
/**
 * `npm run draft:merge -- <draft folder> [--corpus DIR] [--raw DIR]`: merges a
 * reviewed draft into the corpus (seed/data, its raw file into seed/raw). It
 * refuses a draft that still has entries marked `draft:` (not yet reviewed),
 * and a result the corpus checks refuse; then it writes nothing.
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMap, isSeq, parse, parseDocument, YAMLSeq, type Document } from 'yaml';
import { formatIssue, readCorpus } from '../../functions/refresh/corpus-reader.js';
import { CORPUS_FILES, documentTextFile } from '../../functions/refresh/corpus-schema.js';
import { memorySource } from '../../functions/refresh/corpus-source.js';
import { buildItems } from '../../functions/refresh/item-builder.js';
import { CORPUS_DIR, RAW_DIR } from '../paths.js';
import { ADDITIONS_FILE, RAW_FOLDER, YAML_OPTIONS } from './files.js';
import { DraftInputError, type Addition } from './types.js';

type Entry = Record<string, unknown> & { id?: string };

const readYaml = async (path: string): Promise<Entry[]> => {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  const data: unknown = text === undefined ? [] : (parse(text) ?? []);
  if (!Array.isArray(data)) throw new DraftInputError(`${path}: expected a YAML list`);
  return data as Entry[];
};

/** Entries a reviewer has not passed yet: those that still say why they were drafted. */
export function unreviewed(files: Record<string, Entry[]>): string[] {
  return Object.entries(files).flatMap(([file, entries]) =>
    entries
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => 'draft' in e)
      .map(
        ({ e, i }) => `${file} [${i}] ${e.id ?? ''}: still marked draft (${(e.draft as { rule?: string }).rule ?? ''})`,
      ),
  );
}

/** Merges a reviewed draft; `rawDir` null leaves the raw file where it is (a corpus without raw files). */
export async function mergeDraft(draftDir: string, corpusDir = CORPUS_DIR, rawDir: string | null = RAW_DIR) {
  const drafted: Record<string, Entry[]> = {};
  for (const { file } of Object.values(CORPUS_FILES)) drafted[file] = await readYaml(join(draftDir, file));
  drafted[ADDITIONS_FILE] = await readYaml(join(draftDir, ADDITIONS_FILE));
  const pending = unreviewed(drafted);
  if (pending.length > 0)
    throw new DraftInputError(
      `the draft is not reviewed: ${pending.length} entries still marked draft\n${pending.join('\n')}`,
    );
  const documents = drafted['documents.yaml']!;
  if (documents.length !== 1)
    throw new DraftInputError(`${draftDir}: documents.yaml must hold the one drafted document`);
  const docId = String(documents[0]!.id);
  const text = await readFile(join(draftDir, documentTextFile(docId)), 'utf8');

  const merged: Record<string, string> = {};
  for (const { file } of Object.values(CORPUS_FILES)) {
    const doc: Document = parseDocument(await readFile(join(corpusDir, file), 'utf8'));
    const list = doc.contents;
    if (!isSeq(list)) throw new DraftInputError(`${join(corpusDir, file)}: expected a YAML list`);
    for (const entry of drafted[file]!) list.add(doc.createNode(entry));
    applyAdditions(doc, file, drafted[ADDITIONS_FILE] as unknown as Addition[]);
    merged[file] = doc.toString(YAML_OPTIONS);
  }
  const corpusTexts = await readdir(join(corpusDir, 'documents'));
  const files: Record<string, string> = { ...merged, [documentTextFile(docId)]: text };
  for (const name of corpusTexts)
    files[`documents/${name}`] ??= await readFile(join(corpusDir, 'documents', name), 'utf8');
  await refuseInvalid(files);

  for (const [file, content] of Object.entries(merged)) await writeFile(join(corpusDir, file), content);
  await writeFile(join(corpusDir, documentTextFile(docId)), text);
  if (rawDir !== null) {
    const source = String(documents[0]!.source);
    await mkdir(rawDir, { recursive: true });
    await copyFile(join(draftDir, RAW_FOLDER, source), join(rawDir, source));
  }
  return docId;
}

function applyAdditions(doc: Document, file: string, additions: readonly Addition[]) {
  const entries = isSeq(doc.contents) ? doc.contents.items.filter(isMap) : [];
  for (const a of additions.filter((x) => x.file === file)) {
    const entry = entries.find((e) => e.get('id') === a.id);
    if (entry === undefined) throw new DraftInputError(`${ADDITIONS_FILE}: ${file} has no entry ${a.id}`);
    for (const [field, values] of Object.entries(a.add)) {
      const existing = entry.get(field);
      const seq = isSeq(existing) ? existing : new YAMLSeq();
      if (!isSeq(existing)) {
        seq.flow = field !== 'reportedDates';
        entry.set(field, seq);
      }
      const present = JSON.stringify(seq.toJSON());
      for (const value of values as unknown[])
        if (!present.includes(JSON.stringify(value))) seq.add(doc.createNode(value));
    }
  }
}

async function refuseInvalid(files: Record<string, string>) {
  const { corpus, issues } = await readCorpus(memorySource(files));
  if (issues.length === 0) issues.push(...buildItems(corpus, new Map()).issues);
  if (issues.length > 0)
    throw new DraftInputError(
      `the merged corpus would be invalid; nothing written (${issues.length} problems):\n${issues.map(formatIssue).join('\n')}`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { corpus: { type: 'string' }, raw: { type: 'string' } },
    allowPositionals: true,
  });
  try {
    if (positionals[0] === undefined)
      throw new DraftInputError('usage: npm run draft:merge -- <draft folder> [--corpus DIR] [--raw DIR]');
    // npm runs scripts from the package folder: paths are the caller's.
    const here = (path: string) => resolve(process.env.INIT_CWD ?? '.', path);
    const corpusDir = values.corpus === undefined ? CORPUS_DIR : here(values.corpus);
    const rawDir = values.raw !== undefined ? here(values.raw) : values.corpus === undefined ? RAW_DIR : null;
    const id = await mergeDraft(here(positionals[0]), corpusDir, rawDir);
    console.log(
      `merged ${id} into ${corpusDir}${rawDir === null ? '' : ` (raw file into ${rawDir})`}; now run npm run check`,
    );
  } catch (error) {
    if (!(error instanceof DraftInputError)) throw error;
    console.error(`draft:merge: ${error.message}`);
    process.exit(1);
  }
}
