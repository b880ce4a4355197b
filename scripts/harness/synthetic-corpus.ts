/**
 * Synthetic corpora for the benchmarks: the seed corpus cloned `scale` times,
 * same shape and id scheme. Clone 0 keeps the seed ids (so 1× is the seed
 * corpus itself and the example operations' ids resolve at every scale); clone
 * k gets the suffix `-x<k>` on every id, and its references point inside the
 * clone, so each clone is a self-contained copy of the knowledge base.
 */
import { parse, stringify } from 'yaml';
import { CORPUS_FILES, documentTextFile } from '../../functions/refresh/corpus-schema.js';
import { directorySource, memorySource, type CorpusSource } from '../../functions/refresh/corpus-source.js';
import { CORPUS_DIR } from '../../seed/paths.js';

type Entry = Record<string, unknown> & { id: string };

const LISTS = ['documents', 'people', 'organizations', 'places', 'events', 'claims'] as const;
type ListName = (typeof LISTS)[number];

/** The topics are a controlled list: written once, not cloned (every clone's claims and events tag the same topics). */
export type SeedFiles = Record<ListName, Entry[]> & { topics: Entry[]; texts: Map<string, string> };

export interface SyntheticCorpus {
  scale: number;
  source: CorpusSource;
  /** Entries per file, for the record. */
  counts: Record<keyof typeof CORPUS_FILES, number>;
  bytes: number;
  generateMs: number;
}

async function readList(file: string): Promise<Entry[]> {
  const raw = await directorySource(CORPUS_DIR).read(file);
  if (raw === undefined) throw new Error(`${file} is missing from ${CORPUS_DIR}`);
  return parse(raw) as Entry[];
}

export async function readSeedFiles(): Promise<SeedFiles> {
  const [documents, people, organizations, places, events, claims] = await Promise.all(
    LISTS.map((name) => readList(CORPUS_FILES[name].file)),
  );
  if (
    documents === undefined ||
    people === undefined ||
    organizations === undefined ||
    places === undefined ||
    events === undefined ||
    claims === undefined
  ) {
    throw new Error('a corpus list is missing');
  }
  const texts = new Map<string, string>();
  for (const d of documents) {
    const text = await directorySource(CORPUS_DIR).read(documentTextFile(d.id));
    if (text === undefined) throw new Error(`text of ${d.id} is missing`);
    texts.set(d.id, text);
  }
  const topics = await readList(CORPUS_FILES.topics.file);
  return { documents, people, organizations, places, events, claims, topics, texts };
}

export const cloneSuffix = (clone: number) => (clone === 0 ? '' : `-x${String(clone).padStart(4, '0')}`);

/** Every field of a corpus entry that names another entry, and how. */
function cloneEntry<T extends { id: string }>(entry: T, suffix: string): T {
  const id = (value: unknown) => `${String(value)}${suffix}`;
  const ids = (value: unknown) => (Array.isArray(value) ? value.map(id) : value);
  const source = entry as unknown as Entry;
  const copy: Entry = { ...source, id: id(entry.id) };
  for (const field of ['authors', 'mentionedIn', 'participants', 'documents', 'events', 'about', 'places'] as const) {
    if (field in source) copy[field] = ids(source[field]);
  }
  // Aliases name one subject of a kind: each clone's are its own.
  if (Array.isArray(source.aliases) && suffix !== '') copy.aliases = (source.aliases as string[]).map(id);
  if (typeof source.document === 'string') copy.document = id(source.document);
  if (typeof source.speaker === 'string') copy.speaker = id(source.speaker);
  if (typeof source.speakerOrganization === 'string') copy.speakerOrganization = id(source.speakerOrganization);
  if (typeof source.publisherOrganization === 'string') copy.publisherOrganization = id(source.publisherOrganization);
  if (Array.isArray(source.relations))
    copy.relations = (source.relations as Record<string, unknown>[]).map((r) => ({ ...r, claim: id(r.claim) }));
  if (Array.isArray(source.related))
    copy.related = (source.related as Record<string, unknown>[]).map((r) => ({ ...r, event: id(r.event) }));
  if (Array.isArray(source.reportedDates)) {
    copy.reportedDates = (source.reportedDates as Record<string, unknown>[]).map((r) => ({
      ...r,
      document: id(r.document),
    }));
  }
  return copy as unknown as T;
}

/**
 * A clone's aliases carry its suffix (aliases are unique per kind), so a
 * subject its document names only by an alias would no longer be named there:
 * the clone's text ends with a line naming those aliases (claim spans are unchanged).
 */
function cloneAliasLine(seed: SeedFiles, docId: string, suffix: string): string {
  if (suffix === '') return '';
  const aliases = (['people', 'organizations', 'places'] as const).flatMap((list) =>
    seed[list]
      .filter((s) => Array.isArray(s.mentionedIn) && s.mentionedIn.includes(docId))
      .flatMap((s) => (Array.isArray(s.aliases) ? (s.aliases as string[]) : [])),
  );
  return aliases.length === 0 ? '' : `\n\n${aliases.map((a) => `${a}${suffix}`).join('; ')}\n`;
}

/** The seed corpus cloned `scale` times, as the YAML and text files the real refresh reads. */
export function syntheticCorpus(seed: SeedFiles, scale: number): SyntheticCorpus {
  const started = performance.now();
  const lists = Object.fromEntries(LISTS.map((name) => [name, [] as Entry[]])) as Record<ListName, Entry[]>;
  const files: Record<string, string> = {};
  for (let clone = 0; clone < scale; clone++) {
    const suffix = cloneSuffix(clone);
    for (const name of LISTS) {
      for (const entry of seed[name]) lists[name].push(cloneEntry(entry, suffix));
    }
    for (const [docId, text] of seed.texts)
      files[documentTextFile(`${docId}${suffix}`)] = text + cloneAliasLine(seed, docId, suffix);
  }
  let bytes = 0;
  for (const name of LISTS) {
    // Clones share nested values (dates, alias lists) by reference; written out in full, as a real corpus
    // has them, not as YAML anchors and aliases (the parser refuses their number at 1000×).
    files[CORPUS_FILES[name].file] = stringify(lists[name], { aliasDuplicateObjects: false });
  }
  files[CORPUS_FILES.topics.file] = stringify(seed.topics);
  for (const content of Object.values(files)) bytes += Buffer.byteLength(content);
  return {
    scale,
    source: memorySource(files, `synthetic corpus ${scale}×`),
    counts: {
      ...(Object.fromEntries(LISTS.map((name) => [name, lists[name].length])) as Record<ListName, number>),
      topics: seed.topics.length,
    },
    bytes,
    generateMs: performance.now() - started,
  };
}

/**
 * The same corpus with one claim's text changed: the smallest change a
 * refresh can publish. Only the first entry of claims.yaml is parsed and
 * rewritten, so it costs nothing at 1000×.
 */
export function withOneClaimChanged(source: CorpusSource): CorpusSource {
  return {
    ...source,
    location: `${source.location}, one claim changed`,
    async read(path) {
      const raw = await source.read(path);
      if (path !== CORPUS_FILES.claims.file || raw === undefined) return raw;
      const cut = raw.indexOf('\n- ', 1) + 1;
      const [first] = parse(raw.slice(0, cut)) as Entry[];
      if (first === undefined) throw new Error('claims.yaml has no entries');
      return stringify([{ ...first, text: `${String(first.text)} (changed)` }]) + raw.slice(cut);
    },
  };
}
