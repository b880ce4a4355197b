/**
 * A refresh killed with SIGKILL: the engine runs in this process, listening on
 * a port; the refresh runs in a child process against it and stops at each
 * write batch until told to go on, so the test kills it at an exact point.
 * Readers stay on the previous version, intact; the next run resumes and ends
 * with exactly the tables an uninterrupted run makes.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { keys } from '../../functions/data/keys.js';
import { scanTable } from '../../functions/data/refresh-store.js';
import { TABLE_LIST, TABLES } from '../../functions/data/tables.js';
import { readPointer } from '../../functions/data/version-store.js';
import { memorySource, directorySource } from '../../functions/refresh/corpus-source.js';
import { LEASE_MS } from '../../functions/shared/constants.js';
import { refresh } from '../../functions/refresh/refresh.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import {
  gql,
  handlerFor,
  startEngine,
  type Json,
  type TestEngine,
  WHOLE_CORPUS_READS,
} from '../../scripts/harness/local-engine.js';

const CHILD = fileURLToPath(new URL('../../scripts/harness/refresh-child.ts', import.meta.url));

let filesA: Record<string, string>;
let dirB: string;
let reference: TestEngine;
/** Batches an uninterrupted A → B refresh writes. */
let batchesAtoB = 0;

/** Corpus B: one claim gone, a document retitled, a person's description changed. */
function corpusB(files: Record<string, string>): Record<string, string> {
  const edit = (file: string, change: (entries: Json[]) => Json[]) => stringify(change(parse(files[file]!) as Json[]));
  return {
    ...files,
    'claims.yaml': edit('claims.yaml', (claims) => claims.slice(1)),
    'documents.yaml': edit('documents.yaml', (docs) =>
      docs.map((d, i) => (i === 0 ? { ...d, title: `${d.title as string} (revised)` } : d)),
    ),
    'people.yaml': edit('people.yaml', (people) =>
      people.map((p, i) => (i === 0 ? { ...p, description: 'Described anew.' } : p)),
    ),
  };
}

async function writeCorpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kill-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

/** Every item but the pointer and the lease, in a stable order, with publishedAt-free content. */
async function tables(env: TestEngine) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLE_LIST) {
    out[t.name] = (await scanTable(env.ds, t.name))
      .filter((item) => !(t.name === 'documents' && item[TABLES.documents.partitionKey] === keys.current().pk))
      .map((item) => JSON.stringify(item))
      .sort();
  }
  return out;
}

const FINGERPRINT = `{ documents(first: 100) { totalCount nodes { id title claims(first: 100) { totalCount nodes { id } } } }
  people(first: 100) { totalCount nodes { id description claims(first: 100) { totalCount nodes { id } } } }
  claims(first: 100) { totalCount nodes { id document { id } } } corpusVersion { number claims } }`;

async function readerView(env: TestEngine) {
  const res = await gql(handlerFor(env.ds, { versionCacheMs: 0, ...WHOLE_CORPUS_READS }), FINGERPRINT);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** Runs the child until its `stopAt`-th step (1-based: `batch` lines, then `publish`) and kills it there with SIGKILL. */
async function killedAt(endpoint: string, stopAt: number): Promise<{ steps: string[]; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, endpoint, dirB], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const steps: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => {
      resolve(signal);
    }),
  );
  for await (const line of createInterface({ input: child.stdout })) {
    steps.push(line);
    if (line.startsWith('done')) break;
    if (steps.length === stopAt) {
      child.kill('SIGKILL');
      break;
    }
    child.stdin.write('\n');
  }
  return { steps, signal: await exited };
}

beforeAll(async () => {
  filesA = await corpusFiles();
  dirB = await writeCorpus(corpusB(filesA));
  // The uninterrupted run every killed one must end equal to: A, then B.
  reference = await startEngine({ corpus: memorySource(filesA) });
  const report = await refresh(reference.ds, directorySource(dirB), {
    searchIndex: null,
    beforeBatch: () => {
      batchesAtoB++;
    },
  });
  expect(report).toMatchObject({ status: 'published', version: 2 });
});
afterAll(async () => {
  await reference.close();
  await rm(dirB, { recursive: true, force: true });
});

describe('a refresh killed with SIGKILL', () => {
  // Before the first write, after one batch, half-way, before the last batch, and just before the publishing write.
  const points = () => [1, 2, Math.ceil(batchesAtoB / 2), batchesAtoB, batchesAtoB + 1];

  it('has a write phase of many batches to kill it in', () => {
    expect(batchesAtoB).toBeGreaterThan(8);
  });

  it.each([0, 1, 2, 3, 4])(
    'leaves readers on the previous version, and the next run converges (kill point %i)',
    async (which) => {
      // Prepare: an engine on version 1 (corpus A), and what its readers see.
      const env = await startEngine({ corpus: memorySource(filesA) });
      try {
        const before = await readerView(env);
        const stopAt = points()[which]!;

        // Act: the child refreshes to corpus B and is killed at the chosen step.
        const { steps, signal } = await killedAt(env.engine.endpoint, stopAt);

        // Assess: it died there, by the signal; nothing was published and readers see version 1 exactly as before.
        expect(signal).toBe('SIGKILL');
        expect(steps).toHaveLength(stopAt);
        expect(steps.at(-1)).toBe(stopAt > batchesAtoB ? 'publish' : 'batch');
        expect((await readPointer(env.ds))?.current).toBe(1);
        expect(await readerView(env)).toEqual(before);

        // The dead run's lease blocks a new run until it lapses (here: a clock moved past it), then the run resumes.
        const later = Date.now() + LEASE_MS + 1_000;
        const resumed = await refresh(env.ds, directorySource(dirB), { searchIndex: null, now: () => later });
        expect(resumed).toMatchObject({ status: 'published', version: 2, resumed: stopAt > 1 });
        // Only what the dead run had not written yet: nothing but the publication when it died just before it.
        const perBatch = 25;
        expect(resumed.writes).toBeLessThanOrEqual((batchesAtoB - (stopAt - 1)) * perBatch);
        if (stopAt > batchesAtoB) expect(resumed.writes).toBe(0);

        // Exactly the items of the uninterrupted run, and the same answers.
        expect(await tables(env)).toEqual(await tables(reference));
        expect(await readerView(env)).toEqual(await readerView(reference));
      } finally {
        await env.close();
      }
    },
  );
});
