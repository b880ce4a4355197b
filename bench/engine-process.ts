/**
 * The local DynamoDB engine in a process of its own: the load generator, the
 * server under test and the engine would otherwise share one event loop, and
 * the numbers would describe that contention rather than the API.
 */
import { startLocalDynamo } from '../scripts/local-dynamodb.js';

const engine = await startLocalDynamo();
process.send?.({ endpoint: engine.endpoint });
process.on('disconnect', () => void engine.close().then(() => process.exit(0)));
