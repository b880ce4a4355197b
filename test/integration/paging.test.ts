/**
 * Every connection of the API pages through the one cursor codec and
 * connection helper: its cursors are sealed (the key id in the clear, nothing
 * readable after it), its next page follows from them, and a cursor of another
 * list is refused with the one invalid-cursor error. The list of connections
 * below must cover every connection field of the schema.
 */
import { getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aesGcmSeal } from '../../functions/graphql/cursor-codec.js';
import { resolvers } from '../../functions/graphql/resolvers/index.js';
import { buildExecutableSchema } from '../../functions/graphql/server.js';
import { LOCAL_CURSOR_KEY } from '../../functions/shared/env.js';
import { INVALID_CURSOR_MESSAGE } from '../../functions/shared/page-position.js';
import { gql, handlerFor, startEngine, type Handler, type TestEngine } from '../../scripts/harness/local-engine.js';

/** Root lists, with the arguments each needs besides first/after. */
const ROOT: Record<string, string> = {
  changes: 'since: 0',
  claimRelations: '',
  claims: '',
  corpusVersions: '',
  documents: '',
  events: '',
  organizations: '',
  people: '',
  places: '',
  search: 'query: "Azerbaijan"',
  topics: '',
};

/** Nested lists: the root list their parents come from and the lookup that reaches one parent. */
const PARENTS: Record<string, { list: string; lookup: string }> = {
  Document: { list: 'documents', lookup: 'document' },
  Event: { list: 'events', lookup: 'event' },
  Organization: { list: 'organizations', lookup: 'organization' },
  Person: { list: 'people', lookup: 'person' },
  Place: { list: 'places', lookup: 'place' },
  Topic: { list: 'topics', lookup: 'topic' },
};
const NESTED = [
  'Document.claims',
  'Event.claims',
  'Event.documents',
  'Organization.claims',
  'Organization.claimsMade',
  'Organization.mentionedIn',
  'Person.claims',
  'Person.claimsAbout',
  'Person.mentionedIn',
  'Place.claims',
  'Place.events',
  'Place.mentionedIn',
  'Topic.claims',
  'Topic.events',
];

const PAGE = 'pageInfo { endCursor hasNextPage } edges { cursor }';
const KEY_ID = aesGcmSeal(LOCAL_CURSOR_KEY).keyId;

let env: TestEngine;
let handler: Handler;
beforeAll(async () => {
  env = await startEngine({ searchIndex: true });
  handler = handlerFor(env.ds, { search: env.search });
});
afterAll(() => env.close());

interface Page {
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { cursor: string }[];
}

/** A query for one page of a connection and the way to its page in the answer. */
async function target(field: string): Promise<{ query: string; page: (data: Record<string, unknown>) => Page }> {
  const [type, name = ''] = field.split('.');
  if (type === 'Query') {
    const args = [ROOT[name], 'first: 1, after: $after'].filter((a) => a !== '').join(', ');
    return { query: `query($after: String) { list: ${name}(${args}) { ${PAGE} } }`, page: (d) => d.list as Page };
  }
  const parent = PARENTS[type ?? ''];
  if (parent === undefined) throw new Error(`no parent list for ${field}`);
  // A parent whose list has a second page.
  const all = await gql(handler, `{ ${parent.list}(first: 100) { nodes { id ${name}(first: 1) { ${PAGE} } } } }`);
  const nodes = (all.data?.[parent.list] as { nodes: Record<string, unknown>[] }).nodes;
  const id = nodes.find((n) => (n[name] as Page).pageInfo.hasNextPage)?.id;
  if (typeof id !== 'string') throw new Error(`no ${type} has more than one of ${name}`);
  return {
    query: `query($after: String) { one: ${parent.lookup}(id: ${JSON.stringify(id)}) { list: ${name}(first: 1, after: $after) { ${PAGE} } } }`,
    page: (d) => (d.one as { list: Page }).list,
  };
}

const FIELDS = [...Object.keys(ROOT).map((f) => `Query.${f}`), ...NESTED];

describe('every connection', () => {
  it('is listed here: the schema has no connection field this test does not page', () => {
    const schema = buildExecutableSchema(resolvers);
    const connections = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((t) => !t.name.startsWith('__'))
      .flatMap((t) =>
        Object.values(t.getFields())
          .filter((f) => getNamedType(f.type).name.endsWith('Connection'))
          .map((f) => `${t.name}.${f.name}`),
      );
    expect(connections.sort()).toEqual([...FIELDS].sort());
  });

  it.each(FIELDS)('%s: sealed cursors that lead to the next page, refused by any other list', async (field) => {
    // Prepare: the first page.
    const { query, page } = await target(field);
    const first = await gql(handler, query, { after: null });
    expect(first.errors).toBeUndefined();
    const { endCursor } = page(first.data!).pageInfo;
    expect(endCursor).toMatch(new RegExp(`^${KEY_ID}\\.[A-Za-z0-9_-]+$`));
    const opened = Buffer.from(endCursor!.slice(KEY_ID.length + 1), 'base64url').toString('latin1');
    expect(opened).not.toMatch(/"pk"|"sk"|"l"|"o"/);
    expect(page(first.data!).edges.at(-1)?.cursor).toBe(endCursor);

    // Act: the next page, and a cursor issued by another list.
    const next = await gql(handler, query, { after: endCursor });
    const other = await gql(
      handler,
      `{ list: ${field === 'Query.people' ? 'places' : 'people'}(first: 1) { ${PAGE} } }`,
    );
    const foreign = await gql(handler, query, { after: (other.data!.list as Page).pageInfo.endCursor });

    // Assess
    expect(next.errors).toBeUndefined();
    expect(page(next.data!).pageInfo.endCursor).not.toBe(endCursor);
    expect(foreign.errors?.[0]).toMatchObject({
      message: INVALID_CURSOR_MESSAGE,
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
    });
  });
});
