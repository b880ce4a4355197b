/**
 * Every environment variable a function reads is refused at start-up when its
 * value cannot be used: the handler module itself fails to load, with an error
 * naming the variable and the value. Each case loads the real module afresh.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TABLE_LIST } from '../../functions/data/tables.js';
import { ConfigurationError } from '../../functions/shared/errors.js';

const GRAPHQL_HANDLER = '../../functions/graphql/handler.js';
const REFRESH_HANDLER = '../../functions/seed-refresh/handler.js';

/** A complete, valid environment for both functions; each case breaks one variable of it. */
function validEnvironment(): void {
  for (const table of TABLE_LIST) vi.stubEnv(table.envVar, `test-${table.name}`);
  // Nothing listens here; a handler that loads may start a read, which fails quietly.
  vi.stubEnv('DYNAMODB_ENDPOINT', 'http://127.0.0.1:9');
  vi.stubEnv('CORPUS_BUCKET', 'corpus');
  vi.stubEnv('CORPUS_PREFIX', 'corpus/');
  vi.stubEnv('KEEP_VERSIONS', '3');
  vi.stubEnv('INTROSPECTION', 'true');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
}

/** Loads a handler module as a cold start would: a fresh module graph, so its top level runs again. */
async function coldStart(module: string): Promise<unknown> {
  vi.resetModules();
  return import(module);
}

beforeEach(validEnvironment);
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('start-up configuration', () => {
  it('loads both handlers with a valid environment', async () => {
    await expect(coldStart(REFRESH_HANDLER)).resolves.toHaveProperty('handler');
    await expect(coldStart(GRAPHQL_HANDLER)).resolves.toHaveProperty('handler');
  });

  const refusals: { module: string; variable: string; value: string | undefined; message: string }[] = [
    {
      module: REFRESH_HANDLER,
      variable: 'KEEP_VERSIONS',
      value: 'three',
      message: 'Environment variable KEEP_VERSIONS is "three": expected an integer from 1 to 100',
    },
    {
      module: REFRESH_HANDLER,
      variable: 'KEEP_VERSIONS',
      value: '0',
      message: 'Environment variable KEEP_VERSIONS is "0": expected an integer from 1 to 100',
    },
    {
      module: REFRESH_HANDLER,
      variable: 'KEEP_VERSIONS',
      value: '2.5',
      message: 'Environment variable KEEP_VERSIONS is "2.5": expected an integer from 1 to 100',
    },
    {
      module: REFRESH_HANDLER,
      variable: 'CORPUS_BUCKET',
      value: undefined,
      message: 'Missing required environment variable CORPUS_BUCKET (a non-empty value)',
    },
    {
      module: REFRESH_HANDLER,
      variable: 'CORPUS_PREFIX',
      value: '',
      message: 'Missing required environment variable CORPUS_PREFIX (a non-empty value)',
    },
    ...TABLE_LIST.map((table) => ({
      module: REFRESH_HANDLER,
      variable: table.envVar,
      value: undefined,
      message: `Missing required environment variable ${table.envVar} (a non-empty value)`,
    })),
    {
      module: REFRESH_HANDLER,
      variable: 'POWERTOOLS_LOG_LEVEL',
      value: 'VERBOSE',
      message:
        'Environment variable POWERTOOLS_LOG_LEVEL is "VERBOSE": expected one of TRACE, DEBUG, INFO, WARN, ERROR, CRITICAL, SILENT',
    },
    {
      module: GRAPHQL_HANDLER,
      variable: 'POWERTOOLS_LOG_LEVEL',
      value: 'loud',
      message:
        'Environment variable POWERTOOLS_LOG_LEVEL is "loud": expected one of TRACE, DEBUG, INFO, WARN, ERROR, CRITICAL, SILENT',
    },
    {
      module: GRAPHQL_HANDLER,
      variable: 'INTROSPECTION',
      value: 'no',
      message: 'Environment variable INTROSPECTION is "no": expected "true" or "false"',
    },
    {
      module: GRAPHQL_HANDLER,
      variable: 'DYNAMODB_ENDPOINT',
      value: 'localhost:8000',
      message: 'Environment variable DYNAMODB_ENDPOINT is "localhost:8000": expected an http:// or https:// URL',
    },
    {
      module: GRAPHQL_HANDLER,
      variable: 'DOCUMENTS_TABLE',
      value: undefined,
      message: 'Missing required environment variable DOCUMENTS_TABLE (a non-empty value)',
    },
  ];

  it.each(refusals)('refuses $variable=$value in $module', async ({ module, variable, value, message }) => {
    vi.stubEnv(variable, value);
    const loading = coldStart(module);
    await expect(loading).rejects.toThrow(message);
    // The error of the module's own graph (a fresh one per load): checked by name, which survives bundling.
    await expect(loading).rejects.toHaveProperty('name', 'ConfigurationError');
  });

  it('refuses to start in production without a cursor key, where the built-in one would let anyone forge cursors', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('CURSOR_SECRET', undefined);
    vi.stubEnv('CURSOR_SECRET_ARN', undefined);
    await expect(coldStart(GRAPHQL_HANDLER)).rejects.toThrow(
      /Missing required environment variable CURSOR_SECRET_ARN \(a Secrets Manager secret ARN .*local runs only\)/,
    );
  });

  it('refuses to start in AWS Lambda without the origin secret, and a cursor key ARN that is not an ARN', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'graphql');
    vi.stubEnv('CURSOR_SECRET_ARN', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:CursorSecret-AbCdEf');
    await expect(coldStart(GRAPHQL_HANDLER)).rejects.toThrow(/Missing required environment variable ORIGIN_SECRET_ARN/);
    vi.stubEnv('ORIGIN_SECRET_ARN', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:OriginSecret-AbCdEf');
    await expect(coldStart(GRAPHQL_HANDLER)).resolves.toHaveProperty('handler');
    vi.stubEnv('CURSOR_SECRET_ARN', 'CursorSecret');
    await expect(coldStart(GRAPHQL_HANDLER)).rejects.toThrow(
      'Environment variable CURSOR_SECRET_ARN is "CursorSecret": expected a Secrets Manager secret ARN',
    );
  });

  it('starts in production with a cursor key set by hand, and locally with the built-in one', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('CURSOR_SECRET', 'a-key-of-this-deployment');
    await expect(coldStart(GRAPHQL_HANDLER)).resolves.toHaveProperty('handler');
    vi.stubEnv('NODE_ENV', 'test');
    vi.stubEnv('CURSOR_SECRET', undefined);
    await expect(coldStart(GRAPHQL_HANDLER)).resolves.toHaveProperty('handler');
  });

  it('refuses a malformed S3_ENDPOINT where the search index store is built', async () => {
    vi.stubEnv('S3_ENDPOINT', 'not a url');
    const { s3ClientConfig } = (await coldStart('../../functions/data/s3-config.js')) as {
      s3ClientConfig: () => unknown;
    };
    expect(() => s3ClientConfig()).toThrow(
      new ConfigurationError('S3_ENDPOINT', 'not a url', 'an http:// or https:// URL'),
    );
  });

  it('reads no environment variable anywhere but functions/shared/env.ts', async () => {
    const root = join(import.meta.dirname, '../../functions');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const readers: string[] = [];
    for (const file of files) {
      if (file === join('shared', 'env.ts')) continue;
      if ((await readFile(join(root, file), 'utf8')).includes('process.env')) readers.push(file);
    }
    expect(readers).toEqual([]);
  });
});
