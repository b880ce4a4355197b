/**
 * What reading a secret adds to the request that first needs it (the cursor
 * key, the origin secret): `npx tsx bench/secret-read.ts`. A loopback server
 * answers Secrets Manager's GetSecretValue (its JSON protocol), so the SDK,
 * its lazy import and the three label reads run for real; only the network is
 * local. Each sample is a fresh process: first read (import, client, three
 * GetSecretValue in parallel), then a cached read. Medians of the samples.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const SAMPLES = Number(process.env.SAMPLES ?? 7);
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bench-AbCdEf';

async function sample(endpoint: string): Promise<void> {
  const { secretsManagerSecret } = await import('../functions/data/secret-store.js');
  const started = performance.now();
  // The import the first read makes, timed apart (the module cache then serves the read's own import).
  await import('@aws-sdk/client-secrets-manager');
  const imported = performance.now() - started;
  const source = secretsManagerSecret(ARN, { endpoint });
  await source();
  const first = performance.now() - started;
  const cachedStart = performance.now();
  await source();
  process.stdout.write(JSON.stringify({ first, imported, cached: performance.now() - cachedStart }));
}

function secretsManagerStub() {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { VersionStage } = JSON.parse(body) as { VersionStage: string };
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (VersionStage !== 'AWSCURRENT') {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'no such version' }));
        return;
      }
      res.end(
        JSON.stringify({
          ARN,
          Name: 'bench',
          VersionId: 'v1',
          SecretString: 'x'.repeat(64),
          VersionStages: ['AWSCURRENT'],
        }),
      );
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const server = secretsManagerStub();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const results: { first: number; imported: number; cached: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    // Asynchronous: the stub answers from this process's event loop.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), endpoint],
      { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
    );
    results.push(JSON.parse(stdout) as { first: number; imported: number; cached: number });
  }
  server.close();
  process.stdout.write(
    `secret read, ${SAMPLES} fresh processes, loopback GetSecretValue: first read median ${median(results.map((r) => r.first)).toFixed(1)} ms ` +
      `(of which the SDK import ${median(results.map((r) => r.imported)).toFixed(1)} ms, ` +
      `the client and 3 label reads ${median(results.map((r) => r.first - r.imported)).toFixed(1)} ms), cached read median ${median(results.map((r) => r.cached)).toFixed(3)} ms\n`,
  );
}

const endpointArg = process.argv[2];
if (endpointArg === undefined) await main();
else await sample(endpointArg);
