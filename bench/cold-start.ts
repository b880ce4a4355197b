/**
 * Runs in a fresh Node process: imports a built handler and answers one
 * event, then prints how long that took. The parent starts many of these.
 */
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { lambdaContext } from '../scripts/http-adapter.js';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: ReturnType<typeof lambdaContext>,
) => Promise<{ statusCode?: number; body?: string }>;

const handlerFile = process.env.BENCH_HANDLER_FILE;
const eventJson = process.env.BENCH_EVENT;
if (handlerFile === undefined || eventJson === undefined)
  throw new Error('BENCH_HANDLER_FILE and BENCH_EVENT are required');
const event = JSON.parse(eventJson) as APIGatewayProxyEventV2;

const started = performance.now();
const module = (await import(pathToFileURL(handlerFile).href)) as { handler: Handler };
const imported = performance.now();
const result = await module.handler(event, lambdaContext(event.requestContext.requestId));
const answered = performance.now();
const ok = result.statusCode === 200 && !(result.body ?? '').includes('"errors"');
process.stdout.write(
  `${JSON.stringify({ importMs: imported - started, answerMs: answered - imported, totalMs: answered - started, sinceProcessStartMs: answered, ok })}\n`,
);
