/**
 * The local HTTP server (startLocalStack) in a process of its own, over the
 * engine the parent names in DYNAMODB_ENDPOINT; the parent reads this
 * process's memory while it serves.
 */
import { startLocalStack } from '../scripts/local-stack.js';

const stack = await startLocalStack({ port: 0, seed: false });
process.send?.({ url: stack.url });
process.on('disconnect', () => void stack.close().then(() => process.exit(0)));
