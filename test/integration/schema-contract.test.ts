/** The served schema keeps every promise of the public contracts (copies in schema/contract/). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { buildSchema, findBreakingChanges, isNonNullType, printSchema, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../schema/__generated__/type-defs.js';
import { createApolloServer } from '../../functions/graphql/server.js';

const contractDir = new URL('../../schema/contract/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, contractDir), 'utf8');
/** The design folder beside a checkout, when there is one: the copies must not drift from it. */
const designDir = new URL('../../../shared/design/', import.meta.url);

/** The contract files the schema serves so far, each with the ones it extends. */
const SERVED = [
  'contract.graphql',
  'contract-analyst.graphql',
  'contract-graph.graphql',
  'contract-versions.graphql',
  'contract-topics.graphql',
];

const contractCopies = () =>
  readdirSync(contractDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();

const argumentOf = (schema: GraphQLSchema, field: string, name: string) => {
  const fields = schema.getQueryType()?.getFields() ?? {};
  return fields[field]?.args.find((a) => a.name === name);
};

describe('schema contract', () => {
  const served = buildSchema(typeDefs);

  it.each(SERVED.map((file, i) => [file, SERVED.slice(0, i + 1)] as const))(
    'has zero breaking changes against %s',
    (_file, files) => {
      const contract = buildSchema(files.map(read).join('\n'));
      expect(findBreakingChanges(contract, served)).toEqual([]);
    },
  );

  it('serves the arguments the graph contract lists as a note', () => {
    expect(String(argumentOf(served, 'claims', 'aboutId')?.type)).toBe('ID');
    expect(String(argumentOf(served, 'claims', 'kind')?.type)).toBe('ClaimKind');
    const match = argumentOf(served, 'events', 'matchReportedDates');
    expect(String(match?.type)).toBe('Boolean');
    expect(match?.defaultValue).toBe(false);
    expect(isNonNullType(match?.type)).toBe(false);
  });

  it('serves the arguments the topics contract lists as a note', () => {
    const topicId = argumentOf(served, 'claims', 'topicId');
    expect(String(topicId?.type)).toBe('ID');
    expect(String(argumentOf(served, 'search', 'topicId')?.type)).toBe('ID');
    const disputed = argumentOf(served, 'events', 'disputed');
    expect(String(disputed?.type)).toBe('Boolean');
    expect(disputed?.defaultValue).toBeUndefined();
  });

  it('commits a copy of each contract file it serves', () => {
    expect(contractCopies()).toEqual([...SERVED].sort());
  });

  // A clone on its own has no design folder: the copies are then the contract, and this check is reported skipped.
  it.skipIf(!existsSync(designDir))(
    'keeps the committed copies equal to ../shared/design (skipped where a checkout has no ../shared/design beside it)',
    () => {
      for (const file of contractCopies())
        expect(read(file), file).toBe(readFileSync(new URL(file, designDir), 'utf8'));
    },
  );

  it('is the schema the Apollo server executes', async () => {
    const server = createApolloServer({ production: false });
    await server.start();
    try {
      const res = await server.executeOperation({ query: '{ __schema { queryType { fields { name } } } }' });
      const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
      const fields = (
        body?.data as { __schema: { queryType: { fields: { name: string }[] } } }
      ).__schema.queryType.fields.map((f) => f.name);
      expect(fields).toEqual(expect.arrayContaining(Object.keys(served.getQueryType()!.getFields())));
      expect(printSchema(served)).toContain('type Claim');
    } finally {
      await server.stop();
    }
  });
});
