/**
 * Apollo Server answering `{ hello }` through the same Lambda integration as
 * the API (@as-integrations/aws-lambda): what GraphQL itself costs a cold
 * start, the floor under coldInitMs that no change to this project's code can remove.
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';

const server = new ApolloServer({
  typeDefs: 'type Query { hello: String! }',
  resolvers: { Query: { hello: () => 'world' } },
});

// `as never` as in functions/graphql/lambda.ts: the integration's types name Apollo's CommonJS build, the import is its ESM one.
export const handler = startServerAndCreateLambdaHandler(server as never, handlers.createAPIGatewayProxyEventV2RequestHandler());
