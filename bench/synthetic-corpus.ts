/**
 * Synthetic corpora for the benchmarks: the seed corpus cloned `scale` times,
 * same shape and id scheme. Clone 0 keeps the seed ids (so 1× is the seed
 * corpus itself and the example operations' ids resolve at every scale); clone
 * k gets the suffix `-x<k>` on every id, and its references point inside the
 * clone, so each clone is a self-contained copy of the knowledge base.
 */
import { parse, stringify } from 'yaml';
import { COUNT_SK, META_PK } from '../functions/data/items.js';
import { ENTITY_SK, TABLE_LIST, type EntityTable } from '../functions/data/tables.js';
import { InvalidCorpusError, buildItems, contentHash, type StoredItem } from '../seed/corpus.js';
import { CORPUS_FILES, documentTextFile, type Corpus } from '../seed/corpus-schema.js';
import { DEFAULT_CORPUS_DIR, directorySource, memorySource, type CorpusSource } from '../seed/corpus-source.js';

type Entry = Record<string, unknown> & { id: string };

export interface SeedFiles {
  documents: Entry[];
  people: Entry[];
  events: Entry[];
  claims: Entry[];
  texts: Map<string, string>;
}

export interface SyntheticCorpus {
  scale: number;
  source: CorpusSource;
  /** Entries per file, for the record. */
  counts: Record<keyof typeof CORPUS_FILES, number>;
  bytes: number;
  generateMs: number;
}

async function readList(file: string): Promise<Entry[]> {
  const raw = await directorySource().read(file);
  if (raw === undefined) throw new Error(`${file} is missing from ${DEFAULT_CORPUS_DIR}`);
  return parse(raw) as Entry[];
}

export async function readSeedFiles(): Promise<SeedFiles> {
  const [documents, people, events, claims] = await Promise.all([
    readList(CORPUS_FILES.documents.file),
    readList(CORPUS_FILES.people.file),
    readList(CORPUS_FILES.events.file),
    readList(CORPUS_FILES.claims.file),
  ]);
  const texts = new Map<string, string>();
  for (const d of documents) {
    const text = await directorySource().read(documentTextFile(d.id));
    if (text === undefined) throw new Error(`text of ${d.id} is missing`);
    texts.set(d.id, text);
  }
  return { documents, people, events, claims, texts };
}

export const cloneSuffix = (clone: number) => (clone === 0 ? '' : `-x${String(clone).padStart(4, '0')}`);

/** Every field of a corpus entry that names another entry, and how. */
function cloneEntry<T extends { id: string }>(entry: T, suffix: string): T {
  const id = (value: unknown) => `${String(value)}${suffix}`;
  const ids = (value: unknown) => (Array.isArray(value) ? value.map(id) : value);
  const source = entry as unknown as Entry;
  const copy: Entry = { ...source, id: id(entry.id) };
  for (const field of ['authors', 'mentionedIn', 'participants', 'documents', 'events'] as const) {
    if (field in source) copy[field] = ids(source[field]);
  }
  if (typeof source.document === 'string') copy.document = id(source.document);
  if (typeof source.speaker === 'string') copy.speaker = id(source.speaker);
  if (Array.isArray(source.reportedDates)) {
    copy.reportedDates = (source.reportedDates as Record<string, unknown>[]).map((r) => ({ ...r, document: id(r.document) }));
  }
  return copy as unknown as T;
}

/** The seed corpus cloned `scale` times, as the YAML and text files the real refresh reads. */
export function syntheticCorpus(seed: SeedFiles, scale: number): SyntheticCorpus {
  const started = performance.now();
  const lists = { documents: [] as Entry[], people: [] as Entry[], events: [] as Entry[], claims: [] as Entry[] };
  const files: Record<string, string> = {};
  for (let clone = 0; clone < scale; clone++) {
    const suffix = cloneSuffix(clone);
    for (const name of ['documents', 'people', 'events', 'claims'] as const) {
      for (const entry of seed[name]) lists[name].push(cloneEntry(entry, suffix));
    }
    for (const [docId, text] of seed.texts) files[documentTextFile(`${docId}${suffix}`)] = text;
  }
  let bytes = 0;
  for (const name of ['documents', 'people', 'events', 'claims'] as const) {
    // Clones share nested values (dates, alias lists) by reference; written out in full, as a real corpus
    // has them, not as YAML anchors and aliases (the parser refuses their number at 1000×).
    files[CORPUS_FILES[name].file] = stringify(lists[name], { aliasDuplicateObjects: false });
  }
  for (const content of Object.values(files)) bytes += Buffer.byteLength(content);
  return {
    scale,
    source: memorySource(files, `synthetic corpus ${scale}×`),
    counts: {
      documents: lists.documents.length,
      people: lists.people.length,
      events: lists.events.length,
      claims: lists.claims.length,
    },
    bytes,
    generateMs: performance.now() - started,
  };
}

/**
 * The items the refresh would write for the corpus cloned `scale` times, built
 * clone by clone. Each clone only references itself, so this equals
 * buildItems over the whole synthetic corpus (the bench checks that at 10×),
 * without the cost of buildItems growing with the square of the corpus.
 */
export function directItems(seedCorpus: Corpus, scale: number): Record<EntityTable, StoredItem[]> {
  const tables: Record<EntityTable, StoredItem[]> = { documents: [], people: [], events: [], claims: [] };
  const entities: Record<EntityTable, number> = { documents: 0, people: 0, events: 0, claims: 0 };
  for (let clone = 0; clone < scale; clone++) {
    const suffix = cloneSuffix(clone);
    const corpus: Corpus = {
      documents: seedCorpus.documents.map((d) => cloneEntry(d, suffix) as Corpus['documents'][number]),
      people: seedCorpus.people.map((p) => cloneEntry(p, suffix) as Corpus['people'][number]),
      events: seedCorpus.events.map((e) => cloneEntry(e, suffix) as Corpus['events'][number]),
      claims: seedCorpus.claims.map((c) => cloneEntry(c, suffix) as Corpus['claims'][number]),
    };
    const built = buildItems(corpus, new Map());
    if (built.issues.length > 0) throw new InvalidCorpusError(built.issues);
    for (const def of TABLE_LIST) {
      for (const item of built.tables[def.name]) {
        if (item[def.partitionKey] === META_PK) continue;
        tables[def.name].push(item);
        if (item[def.sortKey] === ENTITY_SK) entities[def.name]++;
      }
    }
  }
  for (const def of TABLE_LIST) {
    const count = { [def.partitionKey]: META_PK, [def.sortKey]: COUNT_SK, count: entities[def.name] };
    tables[def.name].push({ ...count, hash: contentHash(count) });
  }
  return tables;
}

/** Keys and hashes of items, to compare two ways of building them. */
export function itemDigest(tables: Record<EntityTable, readonly StoredItem[]>): string[] {
  return TABLE_LIST.flatMap((def) =>
    tables[def.name].map((item) => `${def.name}|${String(item[def.partitionKey])}|${String(item[def.sortKey])}|${item.hash}`),
  ).sort();
}
