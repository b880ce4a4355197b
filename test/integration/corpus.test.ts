/** The seed corpus: valid, faithful to the raw articles, and walkable through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../functions/refresh/corpus-reader.js';
import { buildItems } from '../../functions/refresh/item-builder.js';
import { unfaithfulParagraphs } from '../../seed/check.js';
import { directorySource, memorySource } from '../../functions/refresh/corpus-source.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import type { Corpus } from '../../functions/refresh/corpus-schema.js';
import {
  allClaims,
  gql,
  handlerFor,
  startEngine,
  type Handler,
  type TestEngine,
  type Json,
  WHOLE_CORPUS_READS,
} from '../../scripts/harness/local-engine.js';
import { CORPUS_DIR } from '../../seed/paths.js';

let corpus: Corpus;

beforeAll(async () => {
  const read = await readCorpus(directorySource(CORPUS_DIR));
  expect(read.issues).toEqual([]);
  corpus = read.corpus;
});

describe('the corpus files', () => {
  it('validates and anchors every claim and reported date', () => {
    const built = buildItems(corpus, new Map());
    expect(built.issues).toEqual([]);
    expect(built.anchors.exact).toBe(corpus.claims.length);
  });

  it('has the breadth the knowledge base promises, each document from an article of its own', () => {
    const sources = corpus.documents.map((d) => d.source);
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources).size).toBe(sources.length);
    expect(corpus.events.length).toBeGreaterThanOrEqual(25);
    expect(corpus.claims.length).toBeGreaterThanOrEqual(60);
    for (const doc of corpus.documents) {
      expect(corpus.claims.filter((c) => c.document === doc.id).length, doc.id).toBeGreaterThanOrEqual(8);
    }
    const years = corpus.events.map((e) => Number(e.date.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThanOrEqual(1993);
    expect(Math.max(...years)).toBe(2025);
  });

  it('keeps every paragraph of each cleaned text verbatim from its raw article', async () => {
    expect(await unfaithfulParagraphs(corpus)).toEqual([]);
  });

  it('has removed site chrome and reader comments', () => {
    for (const doc of corpus.documents) {
      expect(doc.text, doc.id).not.toMatch(
        /remove_red_eye|account_circle|access_time|^Categories$|Share this|Log in to post comments|Reply$/m,
      );
    }
  });

  it('has no duplicate people or events', () => {
    const names = corpus.people.flatMap((p) =>
      [p.name, ...p.aliases.filter((a) => a.includes(' '))].map((n) => n.toLowerCase()),
    );
    expect(new Set(names).size).toBe(names.length);
    const events = corpus.events.map((e) => `${e.date}|${e.title.toLowerCase()}`);
    expect(new Set(events).size).toBe(events.length);
    const titles = corpus.events.map((e) => e.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('refuses a person linked to a document that never names them', async () => {
    const files = await corpusFiles();
    const people = `${files['people.yaml']}\n- id: nobody-named\n  name: Nobody Named\n  mentionedIn: [jamestown-moscow-declaration-balancing]\n`;
    const { issues } = await readCorpus(memorySource({ ...files, 'people.yaml': people }));
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/"jamestown-moscow-declaration-balancing" never names Nobody Named/),
    ]);
  });

  it('keeps namesakes apart by date', () => {
    const aliyevs = corpus.people.filter((p) => p.name.endsWith('Aliyev'));
    expect(aliyevs.map((p) => p.id).sort()).toEqual(['heydar-aliyev', 'ilham-aliyev']);
  });

  it('gives every date at most the precision its words allow', () => {
    for (const e of corpus.events) {
      for (const r of e.reportedDates) {
        // A day is given by a number, or relative to another dated happening ("a day after", "on the day of", "following the signing").
        if (r.date.length === 10) expect(r.quote, `${e.id}: ${r.quote}`).toMatch(/\d|\bday\b|\bfollowing\b|\bafter\b/);
      }
    }
  });
});

describe('walking the knowledge base through the API', () => {
  let env: TestEngine;
  let handler: Handler;
  beforeAll(async () => {
    env = await startEngine();
    handler = handlerFor(env.ds, WHOLE_CORPUS_READS);
  });
  afterAll(() => env.close());

  it('goes from a claim to its document, speaker and events and back', async () => {
    const ids = (list: { id: string }[]) => list.map((n) => n.id);
    const claims = await allClaims(handler, 'id document { id } speaker { id } events { id }');
    const docs = (await gql(handler, `{ documents(first: 100) { nodes { id claims(first: 100) { nodes { id } } } } }`))
      .data!.documents.nodes;
    const people = (
      await gql(
        handler,
        `{ people(first: 100) { nodes { id claims(first: 100) { nodes { id } } mentionedIn(first: 100) { nodes { id } } authored { id } } } }`,
      )
    ).data!.people.nodes;
    const events = (
      await gql(
        handler,
        `{ events(first: 100) { nodes { id claims(first: 50) { totalCount pageInfo { endCursor } nodes { id } } documents(first: 10) { nodes { id } } } } }`,
      )
    ).data!.events.nodes;
    // An event with more claims than a page holds gets the rest of its list.
    for (const e of events) {
      for (let after = e.claims.pageInfo.endCursor; e.claims.nodes.length < e.claims.totalCount;) {
        const next = (
          await gql(
            handler,
            `query($id: ID!, $after: String) { event(id: $id) { claims(first: 100, after: $after) { pageInfo { endCursor } nodes { id } } } }`,
            { id: e.id, after },
          )
        ).data!.event.claims;
        e.claims.nodes.push(...next.nodes);
        after = next.pageInfo.endCursor;
      }
    }
    expect(claims.length).toBe(corpus.claims.length);
    // Response shapes are checked by the assertions themselves.
    const byId = (list: Json[]) => new Map<string, Json>(list.map((x) => [x.id, x]));
    const [docById, personById, eventById] = [byId(docs), byId(people), byId(events)];
    for (const c of claims) {
      expect(ids(docById.get(c.document.id).claims.nodes)).toContain(c.id);
      if (c.speaker !== null) {
        const speaker = personById.get(c.speaker.id);
        expect(ids(speaker.claims.nodes)).toContain(c.id);
        expect([...ids(speaker.mentionedIn.nodes), ...ids(speaker.authored)]).toContain(c.document.id);
      }
      for (const e of c.events) {
        expect(ids(eventById.get(e.id).claims.nodes)).toContain(c.id);
        expect(ids(eventById.get(e.id).documents.nodes)).toContain(c.document.id);
      }
    }
  });

  it('answers who said what about the declaration, in which article, in what words', async () => {
    const res = await gql(
      handler,
      `{ event(id: "moscow-declaration-signed") { title date { value precision } participants { id }
      claims(first: 100) { totalCount nodes { kind quote speaker { name } document { title } } } } }`,
    );
    const event = res.data!.event;
    expect(event.date).toEqual({ value: '2022-02-22', precision: 'DAY' });
    expect(event.participants.map((p: { id: string }) => p.id).sort()).toEqual(
      expect.arrayContaining(['ilham-aliyev', 'vladimir-putin']),
    );
    expect(event.claims.totalCount).toBeGreaterThan(10);
    expect(
      event.claims.nodes.some(
        (c: { kind: string; speaker: { name: string } | null }) =>
          c.kind === 'DIRECT_QUOTE' && c.speaker?.name === 'Ilham Aliyev',
      ),
    ).toBe(true);
  });
});
