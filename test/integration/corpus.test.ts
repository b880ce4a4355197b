/** The seed corpus: valid, faithful to the raw articles, and walkable through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildItems, readCorpus } from '../../seed/corpus.js';
import { unfaithfulParagraphs } from '../../seed/check.js';
import { directorySource } from '../../seed/corpus-source.js';
import type { Corpus } from '../../seed/corpus-schema.js';
import { gql, handlerFor, startEngine, type Handler, type TestEngine } from '../support/local.js';

let corpus: Corpus;

beforeAll(async () => {
  const read = await readCorpus(directorySource());
  expect(read.issues).toEqual([]);
  corpus = read.corpus;
});

describe('the corpus files', () => {
  it('validates and anchors every claim and reported date', () => {
    const built = buildItems(corpus, new Map());
    expect(built.issues).toEqual([]);
    expect(built.anchors.exact).toBe(corpus.claims.length);
  });

  it('has the size the knowledge base promises', () => {
    expect(corpus.documents).toHaveLength(5);
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
      expect(doc.text, doc.id).not.toMatch(/remove_red_eye|account_circle|access_time|^Categories$|Share this|Log in to post comments|Reply$/m);
    }
  });

  it('has no duplicate people or events', () => {
    const names = corpus.people.flatMap((p) => [p.name, ...p.aliases.filter((a) => a.includes(' '))].map((n) => n.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    const events = corpus.events.map((e) => `${e.date}|${e.title.toLowerCase()}`);
    expect(new Set(events).size).toBe(events.length);
    const titles = corpus.events.map((e) => e.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('keeps namesakes apart by date', () => {
    const aliyevs = corpus.people.filter((p) => p.name.endsWith('Aliyev'));
    expect(aliyevs.map((p) => p.id).sort()).toEqual(['heydar-aliyev', 'ilham-aliyev']);
  });

  it('gives every date at most the precision its words allow', () => {
    for (const e of corpus.events) {
      for (const r of e.reportedDates) {
        if (r.date.length === 10) expect(r.quote, `${e.id}: ${r.quote}`).toMatch(/\d/);
      }
    }
  });
});

describe('walking the knowledge base through the API', () => {
  let env: TestEngine;
  let handler: Handler;
  beforeAll(async () => {
    env = await startEngine();
    handler = handlerFor(env.ds);
  });
  afterAll(() => env.close());

  it('goes from a claim to its document, speaker and events and back', async () => {
    const res = await gql(handler, `{ claims(first: 100) { nodes { id
      document { id claims(first: 100) { nodes { id } } }
      speaker { id claims(first: 100) { nodes { id } } mentionedIn(first: 100) { nodes { id } } authored { id } }
      events { id claims(first: 100) { nodes { id } } documents(first: 100) { nodes { id } } } } } }`);
    expect(res.errors).toBeUndefined();
    const claims = res.data!.claims.nodes;
    expect(claims.length).toBe(corpus.claims.length);
    for (const c of claims) {
      expect(c.document.claims.nodes.map((n: { id: string }) => n.id)).toContain(c.id);
      if (c.speaker !== null) {
        expect(c.speaker.claims.nodes.map((n: { id: string }) => n.id)).toContain(c.id);
        const docs = [...c.speaker.mentionedIn.nodes, ...c.speaker.authored].map((d: { id: string }) => d.id);
        expect(docs).toContain(c.document.id);
      }
      for (const e of c.events) {
        expect(e.claims.nodes.map((n: { id: string }) => n.id)).toContain(c.id);
        expect(e.documents.nodes.map((n: { id: string }) => n.id)).toContain(c.document.id);
      }
    }
  });

  it('answers who said what about the declaration, in which article, in what words', async () => {
    const res = await gql(handler, `{ event(id: "moscow-declaration-signed") { title date { value precision } participants { id }
      claims(first: 100) { totalCount nodes { kind quote speaker { name } document { title } } } } }`);
    const event = res.data!.event;
    expect(event.date).toEqual({ value: '2022-02-22', precision: 'DAY' });
    expect(event.participants.map((p: { id: string }) => p.id).sort()).toEqual(expect.arrayContaining(['ilham-aliyev', 'vladimir-putin']));
    expect(event.claims.totalCount).toBeGreaterThan(10);
    expect(event.claims.nodes.some((c: { kind: string; speaker: { name: string } | null }) => c.kind === 'DIRECT_QUOTE' && c.speaker?.name === 'Ilham Aliyev')).toBe(true);
  });
});
