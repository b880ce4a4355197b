/** An Apollo Server hello world, standalone: the baseline the API's HTTP throughput is compared with. */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const server = new ApolloServer({
  typeDefs: 'type Query { hello: String! }',
  resolvers: { Query: { hello: () => 'world' } },
});
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
process.send?.({ url });
process.on('disconnect', () => void server.stop().then(() => process.exit(0)));
