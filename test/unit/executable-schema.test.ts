import { parse, validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs, typeDefsDocument } from '../../schema/__generated__/type-defs.js';
import { resolvers } from '../../functions/graphql/resolvers/index.js';
import { buildExecutableSchema } from '../../functions/graphql/server.js';

describe('the executable schema built from the pre-parsed SDL', () => {
  it('is the generated SDL, parsed', () => {
    // Prepare / Act
    const parsed = parse(typeDefs, { noLocation: true });
    // Assess: the JSON round trip drops only undefined fields, which no AST consumer tells from absent.
    expect(typeDefsDocument).toEqual(JSON.parse(JSON.stringify(parsed)));
  });

  it('is valid (it is built with assumeValid) and carries every resolver', () => {
    const schema = buildExecutableSchema(resolvers);
    expect(validateSchema(schema)).toEqual([]);
    // Each resolver is installed behind the execution budget's counter (execution-budget.ts), which calls it.
    const healthy = schema.getQueryType()?.getFields().healthy?.resolve;
    expect(healthy?.({}, {}, {}, {} as never)).toBe(true);
    expect(schema.getQueryType()?.getFields().documents?.resolve).toBeTypeOf('function');
    expect(schema.getType('SearchResult')).toHaveProperty('resolveType', resolvers.SearchResult?.__resolveType);
  });
});
