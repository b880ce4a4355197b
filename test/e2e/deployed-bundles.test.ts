/**
 * The functions as the CDK app bundles them for Lambda, run in plain Node
 * processes against the local DynamoDB engine and an S3-compatible server:
 * the seed refresh loads the corpus from S3 and writes the search index, and
 * the GraphQL bundle answers queries, searches and serves the playground.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { App, Stack, type CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSources } from '../../functions/data/client.js';
import { keys } from '../../functions/data/keys.js';
import { ensureTables } from '../../scripts/harness/table-admin.js';
import { TABLE_LIST } from '../../functions/data/tables.js';
import { ApiStack } from '../../infra/api-stack.js';
import { PROJECT_ROOT } from '../../infra/constructs/bundled-function.js';
import { startLocalDynamo, type LocalDynamo } from '../../scripts/local-dynamodb.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import { seedCorpus } from '../../scripts/harness/seed-corpus.js';
import { httpEvent, tableNames, type Json } from '../../scripts/harness/local-engine.js';
import { startLocalS3, type LocalS3 } from '../../scripts/harness/s3rver.js';

const run = promisify(execFile);
const BUCKET = 'kb-corpus';

let dynamo: LocalDynamo;
let s3: LocalS3;
let refreshBundle: string;
let graphqlBundle: string;
let env: NodeJS.ProcessEnv;
let outdir: string;
/** The refresh bundle run twice in beforeAll: a first load from S3, then a rerun. */
let refreshRuns: Json[];

/**
 * Imports a bundle in a fresh Node process, as Lambda does, and calls its handler
 * with each event. The replies are either function's; the assertions pick fields.
 * `logs`: what the function logged (JSON lines), at the level `logLevel` names.
 */
async function invokeBundle(
  bundle: string,
  events: unknown[],
  logLevel = 'SILENT',
  environment = env,
): Promise<{ results: Json[]; logs: Json[] }> {
  const script = `
    const { handler } = await import(${JSON.stringify(bundle)});
    const context = { awsRequestId: 'e2e', functionName: 'e2e', getRemainingTimeInMillis: () => 30000 };
    const results = [];
    for (const event of ${JSON.stringify(events)}) results.push(await handler(event, context));
    process.stdout.write('\\n' + JSON.stringify(results));`;
  const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...environment, POWERTOOLS_LOG_LEVEL: logLevel },
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = stdout.split('\n');
  // The logger writes errors to stderr, the rest to stdout.
  const logs = [...lines.slice(0, -1), ...stderr.split('\n')]
    .filter((line) => line.startsWith('{'))
    .map((line): Json => JSON.parse(line));
  return { results: JSON.parse(lines.at(-1) ?? '[]'), logs };
}

beforeAll(async () => {
  const context = (
    JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }
  ).context;
  // Under the project, so the bundles resolve @aws-sdk/* from node_modules as Lambda does from its runtime.
  mkdirSync(join(PROJECT_ROOT, 'cdk.out'), { recursive: true });
  outdir = await mkdtemp(join(PROJECT_ROOT, 'cdk.out', 'e2e-'));
  const app = new App({ outdir, context: { ...context, 'aws:cdk:enable-asset-metadata': true } });
  // A region, as Lambda@Edge needs one (infra/constructs/payload-hash-edge.ts).
  const stack = new ApiStack(app, 'BundleStack', { env: { region: 'us-east-1' } });
  const resources = Template.fromStack(stack).toJSON().Resources as Record<
    string,
    { Metadata?: Record<string, unknown> }
  >;
  const assetOf = (fn: IConstruct) =>
    join(
      app.outdir,
      String(resources[Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnResource)]?.Metadata?.['aws:asset:path']),
      'index.mjs',
    );
  refreshBundle = assetOf(stack.refresh.function);
  graphqlBundle = assetOf(stack.graphql.function);

  dynamo = await startLocalDynamo();
  const names = tableNames('e2e');
  const tables = Object.fromEntries(TABLE_LIST.map((t) => [t.envVar, names[t.name]]));
  const ds = createDataSources({ endpoint: dynamo.endpoint, tables: names });
  await ensureTables(ds);
  ds.raw.destroy();

  s3 = await startLocalS3([BUCKET]);
  const client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // s3rver predates the SDK's default request checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  for (const [path, body] of Object.entries(await corpusFiles())) {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `corpus/${path}`, Body: body }));
  }
  client.destroy();

  env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    // Production refuses the built-in cursor key (in AWS the key comes from Secrets Manager).
    CURSOR_SECRET: 'production-cursor-key',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    S3_ENDPOINT: s3.endpoint,
    CORPUS_BUCKET: BUCKET,
    CORPUS_PREFIX: 'corpus/',
    SEARCH_INDEX_BUCKET: BUCKET,
    ...tables,
  };
  refreshRuns = (await invokeBundle(refreshBundle, [{}, {}])).results;
}, 120_000);

afterAll(async () => {
  await s3?.close();
  await dynamo?.close();
  await rm(outdir, { recursive: true, force: true });
});

describe('the deployed bundles', () => {
  it('load the corpus from S3, then answer queries, searches and the playground', async () => {
    const [first, second] = refreshRuns;
    const corpus = await seedCorpus();
    // At least one item per entity of the corpus files (relationship items come on top); topics are a
    // controlled list, not entities the refresh counts (docs/refresh.md).
    const { topics: _topics, ...entities } = corpus;
    const entries = Object.values(entities).reduce<number>((n, list: unknown[]) => n + list.length, 0);
    expect(first.created).toBeGreaterThanOrEqual(entries);
    expect(first.searchIndex.status).toBe('written');
    expect(second.writes).toBe(0);

    const [documents, search, page] = (
      await invokeBundle(graphqlBundle, [
        httpEvent('POST', { body: { query: '{ documents(first: 2) { totalCount nodes { title } } }' } }),
        httpEvent('POST', {
          body: { query: '{ search(query: "Ismail", first: 1) { nodes { node { ... on Person { id } } } } }' },
        }),
        httpEvent('GET', { headers: { accept: 'text/html' } }),
      ])
    ).results;
    expect(JSON.parse(documents.body).data.documents.totalCount).toBe(corpus.documents.length);
    expect(JSON.parse(search.body).data.search.nodes[0].node.id).toBe('togrul-ismayil');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('compiles an operation on its second run, with the same answers, errors included', async () => {
    const query = '{ documents(first: 2) { totalCount edges { cursor node { title authors { name } } } } }';
    const bad = '{ people(after: "not-a-cursor") { nodes { id } } }';
    const events = [query, query, query, bad, bad].map((q) => httpEvent('POST', { body: { query: q } }));

    const { results, logs } = await invokeBundle(graphqlBundle, events, 'DEBUG');

    const bodies = results.map((r) => r.body);
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
    expect(JSON.parse(bodies[0]).data.documents.edges).toHaveLength(2);
    expect(bodies[4]).toBe(bodies[3]);
    expect(JSON.parse(bodies[3]).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Each operation compiled once, on its second run; none refused or diverging.
    expect(logs.filter((l) => l.message === 'Compiled operation')).toHaveLength(2);
    expect(logs.filter((l) => l.level === 'WARN' || l.level === 'ERROR')).toEqual([]);
  });

  it('logs stack traces at source files and lines without --enable-source-maps', async () => {
    // Tables of their own whose version pointer is corrupt: reading it fails inside the project's code.
    const names = tableNames('e2e-corrupt');
    const ds = createDataSources({ endpoint: dynamo.endpoint, tables: names });
    await ensureTables(ds);
    await ds.db.send(
      new PutCommand({ TableName: names.documents, Item: { ...keys.current(), current: 'not a version' } }),
    );
    ds.raw.destroy();
    const corrupt = { ...env, ...Object.fromEntries(TABLE_LIST.map((t) => [t.envVar, names[t.name]])) };

    const { results, logs } = await invokeBundle(
      graphqlBundle,
      [httpEvent('POST', { body: { query: '{ documents(first: 1) { totalCount } }' } })],
      'ERROR',
      corrupt,
    );

    expect(JSON.parse(results[0].body).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const stack = String(logs.find((l) => l.message === 'GraphQL request failed')?.error?.stack);
    expect(stack).toMatch(/\(functions\/data\/version-store\.ts:\d+:\d+\)/);
    // No frame is left at a position in index.mjs or a chunk: every one was mapped.
    expect(stack).not.toMatch(/\.mjs:\d+:\d+/);
  });
});
