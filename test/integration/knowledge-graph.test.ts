/**
 * The knowledge graph through the real handler over the local engine, seeded
 * with the real corpus: organizations and places, what claims are about, how
 * claims and events relate, and the list filters of the graph contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allClaims,
  gql,
  handlerFor,
  startEngine,
  walkConnection,
  type GraphQLResponse,
  type Handler,
  type TestEngine,
  type Json,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let handler: Handler;
beforeAll(async () => {
  env = await startEngine();
  // One version is published: the pointer, read once, stays cached, so the request counts below are the queries' own.
  handler = handlerFor(env.ds, { versionCacheMs: 3_600_000 });
});
afterAll(() => env.close());

async function data(query: string, variables: Record<string, unknown> = {}) {
  const res: GraphQLResponse = await gql(handler, query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** Walks a connection to its end; returns the ids and the totalCount every page reported. */
async function walk(query: string, path: (d: Json) => Json, variables: Record<string, unknown> = {}) {
  const { nodes, totals } = await walkConnection(handler, query, path, variables);
  return { ids: nodes.map((n: { id: string }) => n.id), totals };
}

describe('organizations and places', () => {
  it('serves an organization with its kind, aliases, claims and the documents that name it', async () => {
    const { organization } = await data(`{ organization(id: "turkey") { id name kind aliases description
      claims(first: 100) { totalCount nodes { id about { ... on Organization { id } } } }
      mentionedIn(first: 10) { nodes { id text } } } }`);
    expect(organization).toMatchObject({ id: 'turkey', name: 'Turkey', kind: 'STATE' });
    expect(organization.claims.totalCount).toBeGreaterThan(5);
    for (const claim of organization.claims.nodes)
      expect(claim.about.map((a: { id?: string }) => a.id)).toContain('turkey');
    expect(organization.mentionedIn.nodes.length).toBeGreaterThan(0);
    for (const doc of organization.mentionedIn.nodes) expect(doc.text).toMatch(/Turk/);
  });

  it('lists organizations by name, of one kind, with exact counts', async () => {
    const all = await walk(
      `query($after: String) { organizations(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      (d) => d.organizations,
    );
    expect(all.totals).toEqual([all.ids.length]);
    expect(all.ids.length).toBeGreaterThan(20);
    const states = await walk(
      `query($after: String) { organizations(first: 5, kind: STATE, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id kind } } }`,
      (d) => d.organizations,
    );
    expect(states.totals).toEqual([states.ids.length]);
    expect(states.ids).toEqual(expect.arrayContaining(['russia', 'azerbaijan', 'turkey', 'ukraine']));
    expect(states.ids).not.toContain('nato');
    // A person's or a place's id is not an organization.
    expect(await data(`{ a: organization(id: "ilham-aliyev") { id } b: organization(id: "shusha") { id } }`)).toEqual({
      a: null,
      b: null,
    });
  });

  it('serves places with the spellings users type, their events and claims', async () => {
    const { place } = await data(
      `{ place(id: "shusha") { name aliases claims(first: 50) { totalCount } events(first: 10) { nodes { id } } mentionedIn(first: 10) { nodes { id } } } }`,
    );
    expect(place.name).toBe('Shusha');
    expect(place.aliases).toEqual(expect.arrayContaining(['Shushi', 'Şuşa']));
    expect(place.mentionedIn.nodes.length).toBeGreaterThan(0);
    const { kyiv, karabakh } = await data(
      `{ kyiv: place(id: "kyiv") { aliases } karabakh: place(id: "nagorno-karabakh") { aliases } }`,
    );
    expect(kyiv.aliases).toContain('Kiev');
    expect(karabakh.aliases).toContain('Karabakh');
    const places = await walk(
      `query($after: String) { places(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      (d) => d.places,
    );
    expect(places.totals).toEqual([places.ids.length]);
  });

  it('links documents to the organizations and places they name, and events to where they happened', async () => {
    const { document } = await data(
      `{ document(id: "jamestown-moscow-declaration-balancing") { text organizations { id name aliases } places { id name aliases } } }`,
    );
    expect(document.organizations.length).toBeGreaterThan(3);
    const folded = document.text.toLowerCase();
    for (const subject of [...document.organizations, ...document.places]) {
      expect(
        [subject.name, ...subject.aliases].some((n: string) => folded.includes(n.toLowerCase())),
        subject.id,
      ).toBe(true);
    }
    const { event } = await data(`{ event(id: "moscow-declaration-signed") { places { id } aliases } }`);
    expect(event.places.map((p: { id: string }) => p.id)).toContain('moscow');
    expect(event.aliases).toEqual(expect.arrayContaining(['Moscow Declaration']));
  });
});

describe('what claims are about', () => {
  it('gives people the claims about them, by anyone', async () => {
    const { johnson, stoltenberg } =
      await data(`{ johnson: person(id: "boris-johnson") { claimsAbout(first: 20) { totalCount nodes { id } } }
      stoltenberg: person(id: "jens-stoltenberg") { claimsAbout(first: 20) { totalCount nodes { id } } } }`);
    expect(johnson.claimsAbout.totalCount).toBeGreaterThan(0);
    expect(stoltenberg.claimsAbout.totalCount).toBeGreaterThan(0);
  });

  it('resolves Claim.about to people, organizations, places and events', async () => {
    const claims = await allClaims<{ id: string; about: { __typename: string; id: string }[] }>(
      handler,
      'id about { __typename ... on Person { id } ... on Organization { id } ... on Place { id } ... on Event { id } }',
    );
    const types = new Set(claims.flatMap((c) => c.about.map((a) => a.__typename)));
    expect([...types].sort()).toEqual(['Event', 'Organization', 'Person', 'Place']);
  });

  it('filters claims by aboutId and kind, combined with the other filters by AND, with exact totals', async () => {
    const claims = await allClaims<{
      id: string;
      kind: string;
      speaker: { id: string } | null;
      document: { id: string };
      events: { id: string }[];
      about: { id: string }[];
    }>(
      handler,
      'id kind speaker { id } document { id } events { id } about { ... on Person { id } ... on Organization { id } ... on Place { id } ... on Event { id } }',
    );
    const filters: { aboutId?: string; kind?: string; speakerId?: string; documentId?: string; eventId?: string }[] = [
      { aboutId: 'turkey' },
      { aboutId: 'moscow-declaration-signed' },
      { kind: 'DIRECT_QUOTE' },
      { aboutId: 'turkey', kind: 'AUTHOR_ASSERTION' },
      { aboutId: 'nato', documentId: 'jamestown-moscow-declaration-balancing' },
      { aboutId: 'turkey', speakerId: 'ilham-aliyev' },
      { aboutId: 'turkey', eventId: 'moscow-declaration-signed', kind: 'AUTHOR_ASSERTION' },
      { kind: 'PARAPHRASE', documentId: 'wpr-putins-war-azerbaijan-bind' },
      { aboutId: 'no-such-subject' },
    ];
    for (const f of filters) {
      const expected = claims
        .filter(
          (c) =>
            (f.aboutId === undefined || c.about.some((a) => a.id === f.aboutId)) &&
            (f.kind === undefined || c.kind === f.kind) &&
            (f.speakerId === undefined || c.speaker?.id === f.speakerId) &&
            (f.documentId === undefined || c.document.id === f.documentId) &&
            (f.eventId === undefined || c.events.some((e) => e.id === f.eventId)),
        )
        .map((c) => c.id);
      const walked = await walk(
        `query($after: String, $aboutId: ID, $kind: ClaimKind, $speakerId: ID, $documentId: ID, $eventId: ID) {
          claims(first: 7, after: $after, aboutId: $aboutId, kind: $kind, speakerId: $speakerId, documentId: $documentId, eventId: $eventId) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        (d) => d.claims,
        f,
      );
      expect(walked.ids, JSON.stringify(f)).toEqual(expected);
      expect(walked.totals, JSON.stringify(f)).toEqual([expected.length]);
    }
  });

  it('reads a filtered page from an index, never a Scan', async () => {
    env.counter.reset();
    await data(`{ claims(aboutId: "turkey", kind: AUTHOR_ASSERTION, first: 5) { totalCount nodes { id } } }`);
    expect(env.counter.byCommand().ScanCommand).toBeUndefined();
    expect(env.counter.byCommand().QueryCommand).toBeGreaterThan(0);
  });
});

describe('claim relations', () => {
  it('shows every relation on both claims, QUALIFIES as QUALIFIED_BY on the other', async () => {
    const claims = await allClaims<{
      id: string;
      relations: { kind: string; note: string | null; claim: { id: string } }[];
    }>(handler, 'id relations { kind note claim { id } }');
    const byId = new Map(claims.map((c) => [c.id, c]));
    const inverse: Record<string, string> = {
      SUPPORTS: 'SUPPORTS',
      CONTRADICTS: 'CONTRADICTS',
      QUALIFIES: 'QUALIFIED_BY',
      QUALIFIED_BY: 'QUALIFIES',
    };
    let count = 0;
    for (const c of claims) {
      for (const r of c.relations) {
        count++;
        expect(r.note?.length ?? 0).toBeGreaterThan(10);
        const back = byId.get(r.claim.id)!.relations.filter((o) => o.claim.id === c.id);
        expect(
          back.map((o) => o.kind),
          `${c.id} → ${r.claim.id}`,
        ).toEqual([inverse[r.kind]]);
      }
    }
    expect(count).toBeGreaterThan(40);
    const contradicting = claims.find((c) => c.relations.some((r) => r.kind === 'CONTRADICTS'))!;
    const { claim } = await data(`query($id: ID!) { claim(id: $id) { relations(kind: CONTRADICTS) { kind } } }`, {
      id: contradicting.id,
    });
    expect(claim.relations.length).toBeGreaterThan(0);
    expect(claim.relations.every((r: { kind: string }) => r.kind === 'CONTRADICTS')).toBe(true);
  });

  it('lists each related pair once, by kind or by the subject either claim is about', async () => {
    const claims = await allClaims<{
      id: string;
      relations: { kind: string; claim: { id: string } }[];
      about: { id: string }[];
    }>(
      handler,
      'id relations { kind claim { id } } about { ... on Person { id } ... on Organization { id } ... on Place { id } ... on Event { id } }',
    );
    const aboutOf = new Map(claims.map((c) => [c.id, c.about.map((a) => a.id)]));
    const pairsQuery = `query($after: String, $kind: ClaimRelationKind, $subjectId: ID) {
      claimRelations(first: 9, after: $after, kind: $kind, subjectId: $subjectId) {
        totalCount pageInfo { hasNextPage endCursor } nodes { kind note claim { id } other { id } } } }`;
    const collect = async (variables: Record<string, unknown>) => {
      const pairs: { kind: string; claim: string; other: string }[] = [];
      const totals = new Set<number>();
      let after: string | null = null;
      do {
        // Response shapes are checked by the assertions themselves.
        const page: Json = (await data(pairsQuery, { ...variables, after })).claimRelations;
        totals.add(page.totalCount);
        pairs.push(...page.nodes.map((n: Json) => ({ kind: n.kind, claim: n.claim.id, other: n.other.id })));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after !== null);
      expect([...totals]).toEqual([pairs.length]);
      return pairs;
    };
    const all = await collect({});
    const written = claims.flatMap((c) =>
      c.relations.filter((r) => r.kind !== 'QUALIFIED_BY').map((r) => [c.id, r.claim.id].sort().join(' ')),
    );
    // Symmetric relations show on both claims: each pair once.
    expect(all.map((p) => [p.claim, p.other].sort().join(' ')).sort()).toEqual([...new Set(written)].sort());
    for (const p of all.filter((p) => p.kind === 'QUALIFIES')) {
      expect(claims.find((c) => c.id === p.claim)!.relations).toContainEqual({
        kind: 'QUALIFIES',
        claim: { id: p.other },
      });
    }
    const contradictions = await collect({ kind: 'CONTRADICTS' });
    expect(contradictions).toEqual(all.filter((p) => p.kind === 'CONTRADICTS'));
    expect(contradictions.length).toBeGreaterThanOrEqual(4);
    const aboutTurkey = await collect({ subjectId: 'turkey' });
    expect(aboutTurkey).toEqual(
      all.filter((p) => aboutOf.get(p.claim)!.includes('turkey') || aboutOf.get(p.other)!.includes('turkey')),
    );
    expect(aboutTurkey.length).toBeGreaterThan(0);
    const res = await gql(handler, `{ claimRelations(kind: QUALIFIED_BY) { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records the disagreements an attentive reader sees', async () => {
    const pairs = (
      await data(`{ claimRelations(kind: CONTRADICTS, first: 100) { nodes { note claim { text } other { text } } } }`)
    ).claimRelations.nodes;
    const notes = pairs
      .map((p: { note: string; claim: { text: string }; other: { text: string } }) =>
        `${p.note} ${p.claim.text} ${p.other.text}`.toLowerCase(),
      )
      .join('\n');
    for (const topic of [/sovereignt/, /turk/, /alliance|allied/, /strategic partner/]) expect(notes).toMatch(topic);
  });
});

describe('events', () => {
  it('links related events on both sides, inverted', async () => {
    const events = (await data(`{ events(first: 100) { nodes { id related { kind event { id } } } } }`)).events
      .nodes as { id: string; related: { kind: string; event: { id: string } }[] }[];
    const byId = new Map(events.map((e) => [e.id, e]));
    const inverse: Record<string, string> = {
      PRECEDES: 'FOLLOWS',
      FOLLOWS: 'PRECEDES',
      PART_OF: 'HAS_PART',
      HAS_PART: 'PART_OF',
    };
    let links = 0;
    for (const e of events) {
      for (const r of e.related) {
        links++;
        expect(byId.get(r.event.id)!.related, `${e.id} ${r.kind} ${r.event.id}`).toContainEqual({
          kind: inverse[r.kind],
          event: { id: e.id },
        });
      }
    }
    expect(links).toBeGreaterThan(4);
    const { event } = await data(`{ event(id: "moscow-declaration-signed") { related { kind event { id } } } }`);
    expect(event.related).toContainEqual({ kind: 'PART_OF', event: { id: 'aliyev-visit-moscow-2022' } });
  });

  it('matches reported dates when asked, each event once, with exact totals', async () => {
    const plain = await walk(
      `query($after: String) { events(from: "2022-02-23", to: "2022-02-23", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      (d) => d.events,
    );
    expect(plain.ids).not.toContain('russia-invades-ukraine');
    const reported = await walk(
      `query($after: String) { events(from: "2022-02-23", to: "2022-02-23", matchReportedDates: true, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      (d) => d.events,
    );
    expect(reported.ids).toContain('russia-invades-ukraine');
    expect(reported.totals).toEqual([reported.ids.length]);

    // Over a wide range every event is listed once, at its first date in range, in date order.
    const wide = await walk(
      `query($after: String) { events(from: "2020", to: "2022-02", matchReportedDates: true, first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      (d) => d.events,
    );
    expect(new Set(wide.ids).size).toBe(wide.ids.length);
    expect(wide.totals).toEqual([wide.ids.length]);
    const own = await walk(
      `query($after: String) { events(from: "2020", to: "2022-02", first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      (d) => d.events,
    );
    expect(wide.ids).toEqual(expect.arrayContaining(own.ids));
    // Aliyev's arrival as RUSSTRAT dates it (the day of the recognition) is the editors' inference: it disputes nothing.
    const { event } = await data(
      `{ event(id: "aliyev-visit-moscow-2022") { disputed reportedDates { date { value } } } }`,
    );
    expect(event.reportedDates.map((r: { date: { value: string } }) => r.date.value)).toContain('2022-02-21');
    expect(event.disputed).toBe(false);
  });
});

describe('cost', () => {
  it('reads the new fields one round trip per query level', async () => {
    env.log.reset();
    // Level 1: the claim; 2: what it is about and its related claims; 3: the related claims' subjects and the places' events.
    const res = await gql(
      handler,
      `{ claim(id: "aliyev-read-out-first-article") {
      speakerOrganization { id }
      about { __typename ... on Person { claimsAbout(first: 3) { nodes { id } } } ... on Place { events(first: 2) { nodes { id } } } }
      relations { claim { about { __typename } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    // At most one per level: a level whose items the request already read costs none.
    expect(env.log.sequentialRoundTrips()).toBeLessThanOrEqual(3);
    env.log.reset();
    const orgs = await gql(
      handler,
      `{ organizations(kind: STATE, first: 10) { totalCount nodes { claims(first: 5) { nodes { about { __typename } relations { claim { id } } } } mentionedIn(first: 3) { nodes { id } } } } }`,
    );
    expect(orgs.errors).toBeUndefined();
    // 1 Query (the count beside it), 1 BatchGetItem of claims and documents, 1 of the subjects and related claims.
    expect(env.log.sequentialRoundTrips()).toBe(3);
    env.log.reset();
    await gql(
      handler,
      `{ claimRelations(first: 30) { totalCount nodes { claim { about { __typename } } other { speaker { name } } } } }`,
    );
    expect(env.log.sequentialRoundTrips(), JSON.stringify(env.log.shapes())).toBe(3);
    env.log.reset();
    await gql(
      handler,
      `{ events(from: "2020", matchReportedDates: true, first: 10) { totalCount nodes { places { events(first: 2) { nodes { id } } } related { event { title } } } } }`,
    );
    expect(env.log.sequentialRoundTrips(), JSON.stringify(env.log.shapes())).toBe(3);
  });
});
