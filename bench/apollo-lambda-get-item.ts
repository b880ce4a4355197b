/**
 * The cold-start floor of this design: bench/apollo-lambda-hello.ts with its
 * resolver reading one item through the API's own DynamoDB client
 * (functions/data/client.ts, made on first use, as the API makes it at
 * import). What a GraphQL function over DynamoDB cannot go below, whatever
 * this project's code does.
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createDataSources, type DataSources } from '../functions/data/client.js';
import { keys } from '../functions/data/keys.js';

let ds: DataSources | undefined;

async function hello(): Promise<string> {
  ds ??= createDataSources();
  const out = await ds.db.send(new GetCommand({ TableName: ds.tables.documents, Key: { ...keys.current() } }));
  return out.Item === undefined ? 'nothing' : 'world';
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { hello: { type: new GraphQLNonNull(GraphQLString), resolve: hello } },
  }),
});

// `as never` as in functions/graphql/lambda.ts: the integration's types name Apollo's CommonJS build, the import is its ESM one.
export const handler = startServerAndCreateLambdaHandler(
  new ApolloServer({ schema }) as never,
  handlers.createAPIGatewayProxyEventV2RequestHandler(),
);
