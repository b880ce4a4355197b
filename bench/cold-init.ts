/** Fresh Node processes, each importing a built handler and answering one event (bench/cold-start.ts). */
import { spawn } from 'node:child_process';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { NODE_OPTIONS } from '../infra/bundling.js';

export interface ColdStart {
  /** Import plus the first answer, timed inside the process. */
  totalMs: number;
  importMs: number;
  /** From spawn to exit, seen by the parent (Node's own boot included). */
  processMs: number;
}

export async function coldStart(
  runner: string,
  handlerFile: string,
  event: APIGatewayProxyEventV2,
  env: Record<string, string>,
): Promise<ColdStart> {
  const started = performance.now();
  const child = spawn(process.execPath, [runner], {
    env: {
      PATH: process.env.PATH ?? '',
      // What the CDK stack sets on the GraphQL function.
      NODE_ENV: 'production',
      // Production refuses the built-in cursor key (in AWS the key comes from Secrets Manager).
      CURSOR_SECRET: 'production-cursor-key',
      ...(NODE_OPTIONS.graphql === undefined ? {} : { NODE_OPTIONS: NODE_OPTIONS.graphql }),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      ...env,
      BENCH_HANDLER_FILE: handlerFile,
      BENCH_EVENT: JSON.stringify(event),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const processMs = performance.now() - started;
  const last = out.trim().split('\n').at(-1) ?? '';
  const report = JSON.parse(last) as { totalMs: number; importMs: number; ok: boolean };
  if (code !== 0 || !report.ok)
    throw new Error(`cold start of ${handlerFile} failed (exit ${code}): ${out.slice(0, 400)}`);
  return { totalMs: report.totalMs, importMs: report.importMs, processMs };
}
