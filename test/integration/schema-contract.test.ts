/** The served schema keeps every promise of the public contracts. */
import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../schema/__generated__/type-defs.js';
import { createApolloServer } from '../../functions/graphql/server.js';

const contractDir = new URL('../../../shared/design/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, contractDir), 'utf8');

describe('schema contract', () => {
  const served = buildSchema(typeDefs);

  it('has zero breaking changes against contract.graphql', () => {
    expect(findBreakingChanges(buildSchema(read('contract.graphql')), served)).toEqual([]);
  });

  it('has zero breaking changes against contract.graphql with contract-analyst.graphql', () => {
    const analyst = buildSchema(`${read('contract.graphql')}\n${read('contract-analyst.graphql')}`);
    expect(findBreakingChanges(analyst, served)).toEqual([]);
  });

  it('is the schema the Apollo server executes', async () => {
    const server = createApolloServer({ production: false });
    await server.start();
    try {
      const res = await server.executeOperation({ query: '{ __schema { queryType { fields { name } } } }' });
      const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
      const fields = (body?.data as { __schema: { queryType: { fields: { name: string }[] } } }).__schema.queryType.fields.map((f) => f.name);
      expect(fields).toEqual(expect.arrayContaining(Object.keys(served.getQueryType()!.getFields())));
      expect(printSchema(served)).toContain('type Claim');
    } finally {
      await server.stop();
    }
  });
});
