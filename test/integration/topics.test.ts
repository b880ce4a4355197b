/**
 * Topics, stated vs inferred dates, outlets and citations (contract-topics.graphql)
 * through the real handler over the local engine, seeded with the real corpus;
 * every expectation is computed from the corpus files, never from their size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allClaims,
  gql,
  handlerFor,
  startEngine,
  walkConnection,
  type Handler,
  type Json,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';
import { CORPUS_DIR } from '../../seed/paths.js';

interface Tagged {
  id: string;
  topics: string[];
  provision?: number;
}
const corpusFile = (file: string): Json => parse(readFileSync(join(CORPUS_DIR, file), 'utf8'));
const topicsFile: { id: string; name: string; aliases: string[] }[] = corpusFile('topics.yaml');
const claimsFile: (Tagged & { kind: string; document: string })[] = corpusFile('claims.yaml');
const eventsFile: (Tagged & { reportedDates: { inferred?: boolean }[] })[] = corpusFile('events.yaml');

let env: TestEngine;
let handler: Handler;
beforeAll(async () => {
  env = await startEngine({ searchIndex: true });
  handler = handlerFor(env.ds, { versionCacheMs: 3_600_000, search: env.search });
});
afterAll(() => env.close());

async function data(query: string, variables: Record<string, unknown> = {}) {
  const res = await gql(handler, query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** Every event, through the paged `events` list, with the given fields. */
async function allEvents(fields: string): Promise<Json[]> {
  const query = `query($after: String) { events(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`;
  return (await walkConnection(handler, query, (d) => d.events)).nodes;
}

async function ids(query: string, path: (d: Json) => Json, variables: Record<string, unknown> = {}) {
  const { nodes, totals } = await walkConnection(handler, query, path, variables);
  return { ids: nodes.map((n: { id: string }) => n.id), totals };
}

describe('topics', () => {
  it('lists the controlled list by name, with exact counts', async () => {
    const all = await ids(
      `query($after: String) { topics(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`,
      (d) => d.topics,
    );
    expect(new Set(all.ids)).toEqual(new Set(topicsFile.map((t) => t.id)));
    expect(new Set(all.totals)).toEqual(new Set([topicsFile.length]));
  });

  it('serves each topic with the claims and events the corpus tags with it', async () => {
    for (const t of topicsFile.slice(0, 4)) {
      const { topic } = await data(
        `query($id: ID!) { topic(id: $id) { id name aliases claims(first: 100) { totalCount pageInfo { hasNextPage } nodes { id topics { id } } } events(first: 100) { pageInfo { hasNextPage } nodes { id } } } }`,
        { id: t.id },
      );
      expect(topic).toMatchObject({ id: t.id, name: t.name, aliases: t.aliases });
      // A topic with more claims than a page holds is compared on its first page and its count.
      const whole = !topic.claims.pageInfo.hasNextPage;
      const tagged = claimsFile.filter((c) => c.topics.includes(t.id)).map((c) => c.id);
      const served: string[] = topic.claims.nodes.map((c: { id: string }) => c.id);
      if (whole) expect(new Set(served)).toEqual(new Set(tagged));
      else for (const id of served) expect(tagged).toContain(id);
      expect(topic.claims.totalCount).toBe(tagged.length);
      for (const c of topic.claims.nodes) expect(c.topics.map((x: { id: string }) => x.id)).toContain(t.id);
      const events = eventsFile.filter((e) => e.topics.includes(t.id)).map((e) => e.id);
      expect(new Set(topic.events.nodes.map((e: { id: string }) => e.id))).toEqual(new Set(events));
    }
  });

  it("pages a topic's claims from its partition to the end, each once, in the count it states", async () => {
    const t = topicsFile
      .map((x) => ({ ...x, tagged: claimsFile.filter((c) => c.topics.includes(x.id)).map((c) => c.id) }))
      .sort((a, b) => b.tagged.length - a.tagged.length)[0]!;
    const walked = await ids(
      `query($id: ID!, $after: String) { topic(id: $id) { claims(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`,
      (d) => d.topic.claims,
      { id: t.id },
    );
    expect(walked.ids).toHaveLength(t.tagged.length);
    expect(new Set(walked.ids)).toEqual(new Set(t.tagged));
    expect(new Set(walked.totals)).toEqual(new Set([t.tagged.length]));
  });

  it('is null for an unknown id or the id of a subject, and a subject query never returns a topic', async () => {
    const topicId = topicsFile[0]!.id;
    const res = await data(
      `query($t: ID!) { topic(id: "turkey") { id } missing: topic(id: "nope") { id } organization(id: $t) { id } place(id: $t) { id } }`,
      { t: topicId },
    );
    expect(res).toEqual({ topic: null, missing: null, organization: null, place: null });
  });

  it('filters claims(topicId), alone and with the other filters by AND', async () => {
    const t = topicsFile.find((x) => claimsFile.some((c) => c.topics.includes(x.id)))!;
    const q = `query($after: String, $t: ID, $d: ID, $k: ClaimKind) { claims(first: 25, after: $after, topicId: $t, documentId: $d, kind: $k) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const alone = await ids(q, (d) => d.claims, { t: t.id });
    const expected = claimsFile.filter((c) => c.topics.includes(t.id)).map((c) => c.id);
    expect(new Set(alone.ids)).toEqual(new Set(expected));
    expect(alone.totals.every((n) => n === expected.length)).toBe(true);
    const doc = claimsFile.find((c) => c.topics.includes(t.id))!.document;
    const both = await ids(q, (d) => d.claims, { t: t.id, d: doc });
    expect(new Set(both.ids)).toEqual(
      new Set(claimsFile.filter((c) => c.topics.includes(t.id) && c.document === doc).map((c) => c.id)),
    );
    const quotes = await ids(q, (d) => d.claims, { t: t.id, k: 'DIRECT_QUOTE' });
    expect(new Set(quotes.ids)).toEqual(
      new Set(claimsFile.filter((c) => c.topics.includes(t.id) && c.kind === 'DIRECT_QUOTE').map((c) => c.id)),
    );
  });

  it('tags every claim and event, and carries the provisions the corpus gives', async () => {
    const claims = await allClaims<Json>(handler, 'id provision topics { id }');
    expect(claims.length).toBe(claimsFile.length);
    const byId = new Map(claimsFile.map((c) => [c.id, c]));
    for (const c of claims) {
      expect(c.topics.length).toBeGreaterThan(0);
      expect(c.topics.map((x: { id: string }) => x.id).sort()).toEqual([...byId.get(c.id)!.topics].sort());
      expect(c.provision).toBe(byId.get(c.id)!.provision ?? null);
    }
    for (const e of await allEvents('id topics { id }')) expect(e.topics.length).toBeGreaterThan(0);
  });

  it('filters search(topicId) to hits that address the topic', async () => {
    const t = topicsFile.find((x) => x.id === 'military-cooperation') ?? topicsFile[0]!;
    const { search } = await data(
      `query($t: ID) { search(query: "declaration", topicId: $t, first: 50) { totalCount nodes { node { __typename ... on Claim { topics { id } } ... on Event { topics { id } } } } } }`,
      { t: t.id },
    );
    expect(search.totalCount).toBeGreaterThan(0);
    for (const hit of search.nodes) expect(hit.node.topics.map((x: { id: string }) => x.id)).toContain(t.id);
  });
});

describe('stated and inferred dates', () => {
  it('serves ReportedDate.inferred and inference as the corpus records them', async () => {
    const events = await allEvents('id reportedDates { inferred inference }');
    const byId = new Map(eventsFile.map((e) => [e.id, e]));
    let inferred = 0;
    for (const e of events) {
      const expected = byId.get(e.id)!.reportedDates.map((r) => r.inferred === true);
      expect(e.reportedDates.map((r: { inferred: boolean }) => r.inferred)).toEqual(expected);
      for (const r of e.reportedDates) {
        expect(r.inference === null).toBe(!r.inferred);
        if (r.inferred) inferred++;
      }
    }
    expect(inferred).toBeGreaterThan(0);
  });

  it('splits events(disputed) into the disputed events and the others', async () => {
    const q = `query($after: String, $d: Boolean) { events(first: 7, after: $after, disputed: $d) { totalCount pageInfo { hasNextPage endCursor } nodes { id disputed } } }`;
    const all = await ids(q, (d) => d.events, {});
    const yes = await ids(q, (d) => d.events, { d: true });
    const no = await ids(q, (d) => d.events, { d: false });
    const events = await allEvents('id disputed');
    const disputed = events.filter((e: { disputed: boolean }) => e.disputed).map((e: { id: string }) => e.id);
    expect(yes.ids).toEqual(disputed);
    expect(new Set([...yes.ids, ...no.ids])).toEqual(new Set(all.ids));
    expect(yes.ids.filter((id) => no.ids.includes(id))).toEqual([]);
    expect(yes.totals.every((n) => n === yes.ids.length)).toBe(true);
    expect(no.totals.every((n) => n === no.ids.length)).toBe(true);
    const ranged = await data(
      `{ events(from: "2022", disputed: false, first: 100) { totalCount nodes { id disputed } } }`,
    );
    expect(ranged.events.totalCount).toBe(ranged.events.nodes.length);
    for (const e of ranged.events.nodes) expect(e.disputed).toBe(false);
  });
});

describe('outlets and citations', () => {
  it('links documents to their outlet and cites them with what is known', async () => {
    const docs: { id: string; title: string; publisherOrganization?: string; url: string | null }[] =
      corpusFile('documents.yaml');
    const { documents } = await data(
      `{ documents(first: 50) { nodes { id title url citation publisherOrganization { id kind } } } }`,
    );
    for (const d of documents.nodes) {
      const entry = docs.find((x) => x.id === d.id)!;
      expect(d.publisherOrganization?.id ?? undefined).toBe(entry.publisherOrganization);
      if (d.publisherOrganization !== null) expect(d.publisherOrganization.kind).toBe('MEDIA_OR_THINK_TANK');
      expect(d.citation).toContain(`“${entry.title}.”`);
      if (entry.url !== null) expect(d.citation).toContain(entry.url);
    }
  });

  it('cites a claim with its speaker, its exact words and the link to them', async () => {
    const claims = await allClaims<Json>(handler, 'citation quote sourceLink speaker { name } document { title }');
    for (const c of claims) {
      expect(c.citation).toContain(`“${c.quote}”`);
      expect(c.citation).toContain(c.document.title);
      if (c.speaker !== null) expect(c.citation.startsWith(`${c.speaker.name}: `)).toBe(true);
      if (c.sourceLink !== null) expect(c.citation).toContain(c.sourceLink);
    }
  });
});

describe('cost', () => {
  it('reads topics one round trip per query level', async () => {
    env.log.reset();
    await data(
      `{ topics(first: 20) { totalCount nodes { claims(first: 3) { nodes { topics { id } document { id } } } events(first: 2) { nodes { topics { id } } } } } }`,
    );
    // 1: the topics (and their count); 2: their claims and events; 3: the claims' topics and documents, the events' topics.
    expect(env.log.sequentialRoundTrips(), JSON.stringify(env.log.shapes())).toBeLessThanOrEqual(3);
  });
});
