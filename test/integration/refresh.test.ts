/** The seed refresh against the local engine: idempotent, all-or-nothing on bad input, guarded, leased, out of time before the deadline. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { acquireRefreshLock, scanTable } from '../../functions/data/refresh-store.js';
import { LEASE_MS } from '../../functions/shared/constants.js';
import { readPointer } from '../../functions/data/version-store.js';
import { TABLE_LIST } from '../../functions/data/tables.js';
import { memorySource } from '../../functions/refresh/corpus-source.js';
import { refresh } from '../../functions/refresh/refresh.js';
import {
  InvalidCorpusError,
  LeaseLostError,
  RefreshLockedError,
  RefreshOutOfTimeError,
  ShrinkRefusedError,
} from '../../functions/shared/errors.js';
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
    tables[t.name] = (await scanTable(env.ds, t.name)).sort((a, b) =>
      JSON.stringify(a).localeCompare(JSON.stringify(b)),
    );
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

  it('stops writing before the deadline with a clear error, and the retry resumes', async () => {
    // Prepare: version 1, then a run whose invocation has time for 6 batches only.
    await refresh(env.ds, memorySource(files));
    const next = edited('claims.yaml', (claims) => claims.slice(1));
    let batches = 0;
    const remainingMs = () => (batches < 6 ? 120_000 : 20_000);

    // Act
    const error = await refresh(env.ds, memorySource(next), {
      remainingMs,
      beforeBatch: () => {
        batches++;
      },
    }).catch((e: unknown) => e);

    // Assess: the invocation fails with the reason and the progress; readers stay on version 1; the lease is free at once.
    expect(error).toBeInstanceOf(RefreshOutOfTimeError);
    const progress =
      /stopped before the function's deadline \(20 s left\) after writing (\d+) of the \d+ items version 2 still needed/.exec(
        (error as Error).message,
      );
    expect(progress).not.toBeNull();
    const written = Number(progress![1]);
    expect(written).toBeGreaterThan(0);
    expect((await readPointer(env.ds))?.current).toBe(1);
    const resumed = await refresh(env.ds, memorySource(next));
    expect(resumed).toMatchObject({ status: 'published', version: 2, resumed: true });
    const clean = await startEngine({ corpus: memorySource(files) });
    try {
      const full = await refresh(clean.ds, memorySource(next));
      expect(resumed.writes).toBe(full.writes - written);
    } finally {
      await clean.close();
    }
  });

  it('keeps a lease that lapsed while nobody took it, and stops without publishing when another run took it', async () => {
    // Prepare: a clock the test moves; each batch takes "two leases" of time, as a long synchronous build would.
    let clock = Date.now();
    const slow = await refresh(env.ds, memorySource(files), {
      now: () => clock,
      beforeBatch: () => {
        clock += 2 * LEASE_MS;
      },
    });
    expect(slow).toMatchObject({ status: 'published', version: 1 });

    // Act: another run takes the lapsed lease during the second batch.
    const next = edited('claims.yaml', (claims) => claims.slice(1));
    let batches = 0;
    const error = await refresh(env.ds, memorySource(next), {
      now: () => clock,
      beforeBatch: async () => {
        clock += 2 * LEASE_MS;
        if (++batches === 2) await acquireRefreshLock(env.ds, 'another-run', LEASE_MS, clock);
      },
    }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(LeaseLostError);
    expect((await readPointer(env.ds))?.current).toBe(1);
  });

  it('updates changed items and deletes what the corpus no longer has', async () => {
    await refresh(env.ds, memorySource(files));
    const removedClaim = (parse(files['claims.yaml']!) as { id: string }[])[0]!.id;
    const next = edited('claims.yaml', (claims) => claims.slice(1));
    const report = await refresh(env.ds, memorySource(next));
    expect(report.tables.claims.deleted).toBeGreaterThanOrEqual(1);
    expect(report.tables.documents.updated).toBe(1); // the claim list of the document that held it
    const res = await gql(
      handlerFor(env.ds),
      `query($id: ID!) { claim(id: $id) { id } claims(first: 100) { totalCount } }`,
      { id: removedClaim },
    );
    expect(res.data!.claim).toBeNull();
    expect(res.data!.claims.totalCount).toBe((parse(next['claims.yaml']!) as unknown[]).length);
  });

  it('reports entities, not the items that store them: a one-claim change is one claim updated', async () => {
    // Prepare: version 1, whose change list (every entity ADDED) fills several pages of the documents table.
    const first = await refresh(env.ds, memorySource(files));
    const listed = (file: string) => (parse(files[file]!) as unknown[]).length;
    expect(first.tables.documents.created).toBe(listed('documents.yaml'));
    expect(first.tables.people.created).toBe(
      listed('people.yaml') + listed('organizations.yaml') + listed('places.yaml'),
    );
    expect(first.tables.events.created).toBe(listed('events.yaml'));
    expect(first.tables.claims.created).toBe(listed('claims.yaml'));
    expect(first.created).toBe(first.changes.added);
    expect(first.changePages).toBe(Math.ceil(first.changes.added / 25));
    expect(first.changePages).toBeGreaterThan(1);

    // Act: one claim's text changes.
    const next = edited('claims.yaml', (claims) => [
      { ...claims[0], text: `${claims[0].text} (edited)` },
      ...claims.slice(1),
    ]);
    const report = await refresh(env.ds, memorySource(next));

    // Assess: the previous version's change pages are neither documents nor deleted.
    expect(report.tables.claims).toEqual({ created: 0, updated: 1, deleted: 0, unchanged: listed('claims.yaml') - 1 });
    for (const table of ['documents', 'people', 'events'] as const)
      expect(report.tables[table], table).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(report).toMatchObject({ created: 0, updated: 1, deleted: 0, unchanged: first.created - 1 });
    expect(report.changes).toEqual({ added: 0, updated: 1, removed: 0 });
    expect(report.changePages).toBe(1);
    // What it wrote is a whole version: every item, relationship items and its one change page included.
    expect(report.writes).toBeGreaterThan(report.unchanged + report.updated + report.changePages);
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
          i === 0
            ? { ...e, date: '2022-02-30' }
            : i === 1
              ? { ...e, reportedDates: [{ ...e.reportedDates[0], quote: 'no document says this' }] }
              : e,
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
        expect.stringMatching(
          /^claims\.yaml \[2\]\.quote: quote "words that appear in no document at all" is not in the document's cleaned text/,
        ),
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
    const results = await Promise.allSettled([
      refresh(env.ds, memorySource(files)),
      refresh(env.ds, memorySource(files)),
    ]);
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

describe('guards', () => {
  const emptied = () =>
    Object.fromEntries(
      Object.entries(files).map(([name, content]) => [
        name,
        name.endsWith('.yaml') && name !== 'quotation-exclusions.yaml' ? '[]\n' : content,
      ]),
    );

  it('refuses a corpus of empty lists, naming each table and its numbers, and writes nothing', async () => {
    await refresh(env.ds, memorySource(files));
    const before = await snapshot();
    const onlyTexts = Object.fromEntries(Object.entries(emptied()).filter(([name]) => !name.startsWith('documents/')));
    const error = await refresh(env.ds, memorySource(onlyTexts)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShrinkRefusedError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Refresh refused, nothing written: /);
    for (const table of ['documents', 'people', 'events', 'claims'])
      expect(message).toMatch(new RegExp(`leave the ${table} table empty \\(\\d+ entities now\\)`));
    expect(message).toMatch(/allowShrink/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to remove more than 20 % of a table unless allowed, and then publishes it', async () => {
    await refresh(env.ds, memorySource(files));
    const claims = parse(files['claims.yaml']!) as Json[];
    const kept = Math.floor(claims.length * 0.7);
    // The claims kept, with their relations to claims that went dropped too, so that the corpus stays valid.
    const shrunk = edited('claims.yaml', (all) => {
      const ids = new Set(all.slice(0, kept).map((c) => c.id as string));
      return all
        .slice(0, kept)
        .map((c) => ({ ...c, relations: ((c.relations ?? []) as Json[]).filter((r) => ids.has(r.claim as string)) }));
    });
    const before = await snapshot();

    const error = await refresh(env.ds, memorySource(shrunk)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShrinkRefusedError);
    expect((error as Error).message).toContain(
      `remove ${claims.length - kept} of ${claims.length} entities of the claims table`,
    );
    expect((error as Error).message).toMatch(/more than the 20 % allowed/);
    expect(await snapshot()).toEqual(before);

    // A share under the limit passes; the same shrink passes when allowed.
    expect((await refresh(env.ds, memorySource(shrunk), { maxShrink: 0.5 })).status).toBe('published');
    await refresh(env.ds, memorySource(files), { allowShrink: true });
    expect(await refresh(env.ds, memorySource(shrunk), { allowShrink: true })).toMatchObject({
      status: 'published',
      version: 4,
    });
  });

  it('still refuses files the corpus format does not know', async () => {
    const error = await refresh(env.ds, memorySource({ ...files, 'claim.yaml': '[]\n' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCorpusError);
    expect((error as InvalidCorpusError).issues).toEqual([
      expect.objectContaining({
        file: 'claim.yaml',
        message: expect.stringMatching(/not a file of the corpus format/),
      }),
    ]);
    expect((await snapshot()).claims).toEqual([]);
  });
});
