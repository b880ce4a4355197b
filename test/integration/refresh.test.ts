/** The seed refresh against the local engine: idempotent, convergent, all-or-nothing on bad input, locked. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { scanTable } from '../../functions/data/refresh-store.js';
import { acquireRefreshLock, RefreshLockedError } from '../../functions/data/refresh-store.js';
import { TABLE_LIST } from '../../functions/data/tables.js';
import { InvalidCorpusError } from '../../functions/refresh/corpus-reader.js';
import { memorySource } from '../../functions/refresh/corpus-source.js';
import { refresh } from '../../functions/refresh/refresh.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import { gql, handlerFor, startEngine, type TestEngine, type Json } from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let files: Record<string, string>;

beforeEach(async () => {
  env = await startEngine({ corpus: false });
  files = await corpusFiles();
});
afterEach(() => env.close());

async function snapshot() {
  const tables: Record<string, unknown[]> = {};
  for (const t of TABLE_LIST) {
    tables[t.name] = (await scanTable(env.ds, t.name)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return tables;
}

function edited(file: string, edit: (entries: Json[]) => Json[]): Record<string, string> {
  return { ...files, [file]: stringify(edit(parse(files[file]!))) };
}

describe('refresh', () => {
  it('writes everything once, then nothing', async () => {
    const first = await refresh(env.ds, memorySource(files));
    expect(first.created).toBeGreaterThan(100);
    expect(first.updated + first.deleted).toBe(0);
    const second = await refresh(env.ds, memorySource(files));
    expect(second.writes).toBe(0);
    expect(second.unchanged).toBe(first.created);
  });

  it('converges to exactly the corpus after a run killed half-way', async () => {
    let batches = 0;
    await expect(
      refresh(env.ds, memorySource(files), {
        beforeBatch: () => {
          if (++batches === 4) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const partial = await snapshot();
    expect(Object.values(partial).flat().length).toBeGreaterThan(0);

    const resumed = await refresh(env.ds, memorySource(files));
    expect(resumed.created).toBeGreaterThan(0);
    const afterResume = await snapshot();

    // A clean engine loaded in one go holds the same items.
    const clean = await startEngine({ corpus: memorySource(files) });
    try {
      for (const t of TABLE_LIST) {
        const items = (await scanTable(clean.ds, t.name)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        expect(afterResume[t.name], t.name).toEqual(items);
      }
    } finally {
      await clean.close();
    }
    expect((await refresh(env.ds, memorySource(files))).writes).toBe(0);
  });

  it('updates changed items and deletes what the corpus no longer has', async () => {
    await refresh(env.ds, memorySource(files));
    const removedClaim = (parse(files['claims.yaml']!) as { id: string }[])[0]!.id;
    const next = edited('claims.yaml', (claims) => claims.slice(1));
    const report = await refresh(env.ds, memorySource(next));
    expect(report.tables.claims.deleted).toBeGreaterThanOrEqual(1);
    expect(report.tables.claims.updated).toBeGreaterThanOrEqual(1); // the table count
    const res = await gql(handlerFor(env.ds), `query($id: ID!) { claim(id: $id) { id } claims(first: 100) { totalCount } }`, { id: removedClaim });
    expect(res.data!.claim).toBeNull();
    expect(res.data!.claims.totalCount).toBe((parse(next['claims.yaml']!) as unknown[]).length);
  });

  it('writes nothing for an invalid corpus and reports every problem at once', async () => {
    await refresh(env.ds, memorySource(files));
    const before = await snapshot();
    const broken = {
      ...edited('claims.yaml', (claims) => [
        { ...claims[0], id: 'dangling-speaker', speaker: 'no-such-person' },
        { ...claims[1], id: claims[3].id },
        { ...claims[2], id: 'brand-new-claim', quote: 'words that appear in no document at all' },
        ...claims.slice(3),
      ]),
      'events.yaml': stringify(
        (parse(files['events.yaml']!) as Json[]).map((e, i) =>
          i === 0 ? { ...e, date: '2022-02-30' } : i === 1 ? { ...e, reportedDates: [{ ...e.reportedDates[0], quote: 'no document says this' }] } : e,
        ),
      ),
    };
    const error = await refresh(env.ds, memorySource(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCorpusError);
    const messages = (error as InvalidCorpusError).issues.map((i) => `${i.file} ${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^claims\.yaml \[0\]\.speaker: unknown person "no-such-person"/),
        expect.stringMatching(/^claims\.yaml \[3\]\.id: duplicate id/),
        expect.stringMatching(/^events\.yaml \[0\]\.date: .*not a calendar day/),
        expect.stringMatching(/^claims\.yaml \[2\]\.quote: quote "words that appear in no document at all" is not in the document's cleaned text/),
      ]),
    );
    // Each problem once, however many stages look at it.
    expect(messages.filter((m) => m.includes('"no document says this"'))).toEqual([
      expect.stringMatching(/^events\.yaml \[1\]\.reportedDates\[0\]\.quote: quote "no document says this" is not in/),
    ]);
    expect(new Set(messages).size).toBe(messages.length);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to run while another refresh holds the lock', async () => {
    await acquireRefreshLock(env.ds, 'someone-else', 60_000);
    await expect(refresh(env.ds, memorySource(files))).rejects.toBeInstanceOf(RefreshLockedError);
    expect((await snapshot()).claims).toEqual([]);
  });

  it('lets only one of two concurrent refreshes run', async () => {
    const results = await Promise.allSettled([refresh(env.ds, memorySource(files)), refresh(env.ds, memorySource(files))]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(RefreshLockedError);
  });

  it('takes over a lock whose holder crashed and let it expire', async () => {
    await acquireRefreshLock(env.ds, 'crashed', -1);
    const report = await refresh(env.ds, memorySource(files));
    expect(report.created).toBeGreaterThan(0);
  });
});
