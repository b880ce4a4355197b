/**
 * Apollo Server answering `{ hello }` through the same Lambda integration as
 * the API (@as-integrations/aws-lambda), built as the API is built
 * (GRAPHQL_ALIASES included, so its schema is made with graphql-js, as
 * server.ts makes the API's): what GraphQL alone costs a cold start.
 * bench/apollo-lambda-get-item.ts is the same with one GetItem.
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { hello: { type: new GraphQLNonNull(GraphQLString), resolve: () => 'world' } },
  }),
});

// `as never` as in functions/graphql/lambda.ts: the integration's types name Apollo's CommonJS build, the import is its ESM one.
export const handler = startServerAndCreateLambdaHandler(
  new ApolloServer({ schema }) as never,
  handlers.createAPIGatewayProxyEventV2RequestHandler(),
);
