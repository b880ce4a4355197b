/**
 * A document's text is an item of its own (item format 8): a query that does
 * not ask for a text reads none (and pays no read units for it), one that
 * does reads it in the same round trip as the rest of its level, and the text
 * served is the corpus file. A version written in the format before keeps
 * serving its texts, and the refresh from it publishes the new layout whole.
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_FORMAT, TEXT_ITEM_FORMAT } from '../../functions/data/item-constants.js';
import { keys } from '../../functions/data/keys.js';
import { scanTable } from '../../functions/data/refresh-store.js';
import { readPointer } from '../../functions/data/version-store.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { refresh } from '../../functions/refresh/refresh.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import {
  gql,
  handlerFor,
  startEngine,
  WHOLE_CORPUS_READS,
  type Handler,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';
import { CORPUS_DIR } from '../../seed/paths.js';

let env: TestEngine;
let handler: Handler;
let files: Record<string, string>;
/** The version the seed refresh published. */
let seeded: number;

beforeAll(async () => {
  env = await startEngine({ searchIndex: true });
  handler = handlerFor(env.ds, { versionCacheMs: 0, search: env.search, ...WHOLE_CORPUS_READS });
  files = await corpusFiles();
  seeded = (await readPointer(env.ds))!.current;
});
afterAll(() => env.close());

/** The cleaned text of each document of the corpus, from its file. */
const corpusText = (id: string) => files[`documents/${id}.txt`];

/** The document texts the last request read by key (the log spells each key `<table> <partition> <sort>`). */
const textKeysRead = () =>
  env.log.keysRead().filter((line) => {
    const [table, pk, sk] = line.split(' ');
    return table === 'documents' && keys.partOf({ pk, sk }, 'documents') === 'text';
  });
const totalUnits = () => Object.values(env.log.readUnits()).reduce((sum, units) => sum + units, 0);

async function run(query: string, variables?: Record<string, unknown>) {
  env.log.reset();
  const res = await gql(handler, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const ALL_IDS = '{ documents(first: 100) { nodes { id } } }';
const documentIds = async () => ((await run(ALL_IDS)).documents.nodes as { id: string }[]).map((d) => d.id);

describe('a document text apart', () => {
  it('is read by no query that does not ask for it, links and citations included', async () => {
    const ids = await documentIds();
    const claims = await run('{ claims(first: 50) { nodes { id sourceLink citation document { id title url } } } }');
    expect(claims.claims.nodes.length).toBeGreaterThan(0);
    expect(claims.claims.nodes.some((c: { sourceLink: string | null }) => c.sourceLink !== null)).toBe(true);
    expect(textKeysRead()).toEqual([]);

    await run(
      'query ($id: ID!) { document(id: $id) { id title citation authors { name } claims(first: 5) { nodes { id } } } }',
      { id: ids[0] },
    );
    expect(env.log.keysRead().length).toBeGreaterThan(0);
    expect(textKeysRead()).toEqual([]);
  });

  it('is read, once per document, only when asked for, and is the corpus file', async () => {
    const ids = await documentIds();
    const data = await run('{ documents(first: 100) { nodes { id text } } }');
    const served = data.documents.nodes as { id: string; text: string }[];
    expect(served.map((d) => d.id)).toEqual(ids);
    for (const doc of served) expect(doc.text, doc.id).toBe(corpusText(doc.id));
    const stored = ids.map((id) => keys.partAt('documents', id, 'text', seeded));
    expect(textKeysRead().toSorted()).toEqual(stored.map((key) => `documents ${key.pk} ${key.sk}`).toSorted());
  });

  it('costs read units only where it is read', async () => {
    const [id] = await documentIds();
    await run('query ($id: ID!) { document(id: $id) { id title } }', { id });
    const withoutText = totalUnits();
    await run('query ($id: ID!) { document(id: $id) { id title text } }', { id });
    const withText = totalUnits();
    expect(withoutText).toBeGreaterThan(0);
    // The text item is billed by its size: at least a unit more than the entity alone.
    expect(withText).toBeGreaterThan(withoutText);
    expect(textKeysRead()).toHaveLength(1);
  });

  it('is read in the same round trip as the other reads of its level', async () => {
    await run('{ documents(first: 100) { nodes { id people { name } } } }');
    const without = env.log.sequentialRoundTrips();
    await run('{ documents(first: 100) { nodes { id text people { name } } } }');
    expect(env.log.sequentialRoundTrips()).toBe(without);
    expect(env.log.counter.byCommand().BatchGetItemCommand).toBe(1);
  });

  it('is read for the highlights of a document hit, and the highlights point into the served text', async () => {
    const [id] = await documentIds();
    const text = corpusText(id!)!;
    // The text's rarest long word among the documents, so the document is among the first hits.
    const inDocuments = (word: string) => Object.values(files).filter((f) => f.includes(word)).length;
    const word = [...new Set(text.split(/[^A-Za-z]+/).filter((w) => w.length >= 8))].sort(
      (a, b) => inDocuments(a) - inDocuments(b),
    )[0]!;
    const data = await run(
      'query ($q: String!) { search(query: $q, types: [DOCUMENT], first: 20) { nodes { highlights { field span { start end } } node { ... on Document { id } } } } }',
      { q: word },
    );
    const hits = data.search.nodes as {
      highlights: { field: string; span: { start: number; end: number } }[];
      node: { id: string };
    }[];
    const inText = hits.find((h) => h.node.id === id)?.highlights.filter((h) => h.field === 'text') ?? [];
    expect(inText.length).toBeGreaterThan(0);
    // A word the search matched, in any of its forms (the stemmer's): it begins as the word does.
    const stem = (w: string) => w.toLowerCase().slice(0, 6);
    for (const h of inText) expect(stem(text.slice(h.span.start, h.span.end))).toBe(stem(word));
    expect(textKeysRead().length).toBeGreaterThanOrEqual(1);
  });
});

describe('a version written before texts had items of their own', () => {
  it('serves the same texts, links and citations, and the refresh from it publishes the new layout whole', async () => {
    const query =
      '{ documents(first: 100) { nodes { id text citation claims(first: 100) { nodes { id sourceLink citation } } } } }';
    const current = await run(query);
    const older = seeded;
    await rewriteAsPreviousFormat(older);
    const before = await run(query);
    expect(before).toEqual(current);
    // Read from the document items themselves: no text item exists in that version.
    expect(textKeysRead()).toEqual([]);

    // Until the pointer moves, readers get the older version whole, though every item of the new one is written.
    let midway: unknown;
    let written = 0;
    const report = await refresh(env.ds, directorySource(CORPUS_DIR), {
      beforePublish: async () => {
        midway = await run(query);
        written = (await scanTable(env.ds, 'documents')).filter(
          (item) => keys.versionOf(item.pk) === older + 1 && keys.partOf(item, 'documents') === 'text',
        ).length;
      },
    });
    expect(midway).toEqual(current);
    expect(written).toBe((current.documents.nodes as unknown[]).length);

    expect(report.status).toBe('published');
    // The documents serve what they served: the change list is empty.
    expect(report.changes).toEqual({ added: 0, updated: 0, removed: 0 });
    expect((await readPointer(env.ds))?.kept[0]?.itemFormat).toBe(ITEM_FORMAT);
    const after = await run(query);
    expect(after).toEqual(current);
    expect(textKeysRead()).toHaveLength((current.documents.nodes as unknown[]).length);
  });
});

/**
 * Rewrites version `version` as item format 7 wrote it: each document's text on its entity item and no text
 * item, claims without their text directive, and the record's format and content hash of that format.
 */
async function rewriteAsPreviousFormat(version: number): Promise<void> {
  const { documents, claims } = env.ds.tables;
  const items = (await scanTable(env.ds, 'documents')).filter((item) => keys.versionOf(item.pk) === version);
  for (const text of items.filter((item) => keys.partOf(item, 'documents') === 'text')) {
    await env.ds.db.send(
      new UpdateCommand({
        TableName: documents,
        Key: keys.partAt('documents', String(text.id), 'entity', version),
        UpdateExpression: 'SET #t = :t',
        ExpressionAttributeNames: { '#t': 'text' },
        ExpressionAttributeValues: { ':t': text.text },
      }),
    );
    await env.ds.db.send(new DeleteCommand({ TableName: documents, Key: { pk: text.pk, sk: text.sk } }));
  }
  for (const claim of (await scanTable(env.ds, 'claims')).filter(
    (item) => keys.versionOf(item.pk) === version && keys.isEntity(item, 'claims'),
  )) {
    const { textFragment: _made, ...older } = claim;
    await env.ds.db.send(new PutCommand({ TableName: claims, Item: older }));
  }
  const pointer = (await readPointer(env.ds))!;
  const [record, ...rest] = pointer.kept;
  await env.ds.db.send(
    new PutCommand({
      TableName: documents,
      Item: {
        ...keys.current(),
        ...pointer,
        kept: [{ ...record!, itemFormat: TEXT_ITEM_FORMAT - 1, contentHash: 'written-by-format-7' }, ...rest],
      },
    }),
  );
}
