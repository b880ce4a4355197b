/**
 * Property-based fuzzing through the real handler: queries and variables
 * generated from the schema (valid, invalid and hostile) never produce a 5xx,
 * a crash, a hang or an error without a code.
 */
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeDefs } from '../../schema/__generated__/type-defs.js';
import {
  handlerFor,
  httpEvent,
  invoke,
  startEngine,
  type Handler,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let handler: Handler;
beforeAll(async () => {
  env = await startEngine();
  handler = handlerFor(env.ds, { production: true });
});
afterAll(() => env.close());

const schema = buildSchema(typeDefs);
const realIds = [
  'ilham-aliyev',
  'vladimir-putin',
  'moscow-declaration-signed',
  'jamestown-moscow-declaration-balancing',
  'karabakh-ceasefire-statement-2020',
];
const hostileStrings = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '"}',
    '${jndi:x}',
    "' OR 1=1 --",
    '../../etc/passwd',
    '2022-02-30',
    '9999-99-99',
    '2022',
    '2022-02',
    '1992-01-01',
    'a'.repeat(5000),
  ),
);

function argValue(arg: GraphQLArgument): fc.Arbitrary<string> {
  const type = getNamedType(arg.type);
  const literal = (s: string) => JSON.stringify(s);
  if (type.name === 'Int')
    return fc.oneof(fc.integer({ min: -3, max: 130 }), fc.constantFrom(2 ** 31 - 1, -(2 ** 31))).map(String);
  if (type.name === 'ID') return fc.oneof(fc.constantFrom(...realIds), hostileStrings).map(literal);
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (type.name === 'Boolean') return fc.boolean().map(String);
  return hostileStrings.map(literal);
}

function selection(type: GraphQLObjectType, depth: number): fc.Arbitrary<string> {
  const fields = Object.values(type.getFields());
  const field = fc.constantFrom(...fields).chain((f) => {
    const named = getNamedType(f.type);
    const args =
      f.args.length === 0
        ? fc.constant('')
        : fc
            .subarray([...f.args])
            .chain((chosen) =>
              chosen.length === 0
                ? fc.constant('')
                : fc
                    .tuple(...chosen.map((a) => argValue(a).map((v) => `${a.name}: ${v}`)))
                    .map((parts) => `(${parts.join(', ')})`),
            );
    if (isScalarType(named) || isEnumType(named)) return args.map((a) => `${f.name}${a}`);
    if (depth >= 4) return fc.constant('__typename');
    if (isUnionType(named)) return args.map((a) => `${f.name}${a} { __typename }`);
    if (!isObjectType(named)) return fc.constant('__typename');
    return fc.tuple(args, selection(named, depth + 1)).map(([a, sel]) => `${f.name}${a} { ${sel} }`);
  });
  return fc.array(field, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
}

const validShaped = selection(schema.getQueryType()!, 0).map((sel) => ({ query: `{ ${sel} }` }));
const withVariables = fc.record({
  query: fc.constantFrom(
    'query($first: Int, $after: String) { people(first: $first, after: $after) { nodes { id } } }',
    'query($from: String, $to: String) { events(from: $from, to: $to) { nodes { id } } }',
    'query($id: ID!) { person(id: $id) { name claims { nodes { quote } } } }',
    'query($s: ID, $d: ID, $e: ID) { claims(speakerId: $s, documentId: $d, eventId: $e) { totalCount nodes { id } } }',
  ),
  variables: fc.dictionary(
    fc.constantFrom('first', 'after', 'from', 'to', 'id', 's', 'd', 'e'),
    fc.jsonValue({ maxDepth: 2 }),
  ),
});
const hostileBodies = fc.oneof(
  fc.string().map((s) => s),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string().map((q) => JSON.stringify({ query: q })),
  fc
    .integer({ min: 1, max: 400 })
    .map((n) => JSON.stringify({ query: '{ documents { nodes { claims { nodes '.repeat(n) })),
  fc.integer({ min: 1, max: 300 }).map((n) =>
    JSON.stringify({
      query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: documents { nodes { id } }`).join(' ')} }`,
    }),
  ),
);

async function send(body: string) {
  // How long an answer takes is the bench's business; a hang fails on the test's own timeout.
  const result = await invoke(handler, httpEvent('POST', { body }));
  expect(result.statusCode ?? 200).toBeLessThan(500);
  const parsed = JSON.parse(result.body ?? '');
  expect(parsed.data !== undefined || parsed.errors !== undefined).toBe(true);
  for (const error of parsed.errors ?? []) {
    expect(error.extensions?.code, JSON.stringify(error)).toMatch(/^[A-Z_]+$/);
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(error)).not.toMatch(/stacktrace| {4}at /);
  }
}

// Random exploration while developing; a fixed seed in CI so its verdict never depends on the
// luck of a new random input (fast-check prints the seed of any failure: FUZZ_SEED=<seed> replays it).
const seed =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20261125 : undefined;
const runs = { numRuns: 150, ...(seed === undefined ? {} : { seed }) };

describe('fuzzing', () => {
  it('handles schema-shaped queries with random arguments', async () => {
    await fc.assert(
      fc.asyncProperty(validShaped, (body) => send(JSON.stringify(body))),
      runs,
    );
  });

  it('handles random variables of any JSON type', async () => {
    await fc.assert(
      fc.asyncProperty(withVariables, (body) => send(JSON.stringify(body))),
      runs,
    );
  });

  it('handles hostile bodies', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBodies, (body) => send(body)),
      runs,
    );
  });
});
