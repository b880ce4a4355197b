/**
 * Faults against the real local engine: the engine going away and coming back,
 * throttling, and partial batch reads. Queries stay correct or fail with a code.
 */
import type { BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDataSources } from '../../functions/data/client.js';
import { ensureTables } from '../../scripts/harness/table-admin.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { refresh } from '../../functions/refresh/refresh.js';
import { startLocalDynamo, type LocalDynamo } from '../../scripts/local-dynamodb.js';
import {
  gql,
  handlerFor,
  startEngine,
  tableNames,
  type TestEngine,
  WHOLE_CORPUS_READS,
} from '../../scripts/harness/local-engine.js';
import { CORPUS_DIR } from '../../seed/paths.js';

const MIX = `{
  documents { nodes { id claims(first: 50) { nodes { id speaker { id name } events { id } } } } }
  people(first: 100) { nodes { id } }
  events(from: "2020", to: "2022") { totalCount nodes { id participants { id } } }
}`;

let env: TestEngine | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function baseline(): Promise<unknown> {
  const clean = await startEngine();
  try {
    const res = await gql(handlerFor(clean.ds, WHOLE_CORPUS_READS), MIX);
    expect(res.errors).toBeUndefined();
    return res.data;
  } finally {
    await clean.close();
  }
}

describe('faults', () => {
  it('answers SERVICE_UNAVAILABLE while the engine is down and recovers by itself when it returns', async () => {
    let engine: LocalDynamo = await startLocalDynamo();
    const port = Number(new URL(engine.endpoint).port);
    const ds = createDataSources({ endpoint: engine.endpoint, tables: tableNames('test'), maxAttempts: 2 });
    await ensureTables(ds);
    await refresh(ds, directorySource(CORPUS_DIR));
    const handler = handlerFor(ds, { production: true, ...WHOLE_CORPUS_READS });
    const expected = (await gql(handler, MIX)).data;

    // Traffic in flight while the engine stops.
    const inFlight = Promise.all(Array.from({ length: 10 }, () => gql(handler, MIX)));
    await engine.close();
    const during = await inFlight;
    for (const res of during) {
      if (res.errors !== undefined) expect(res.errors.map((e) => e.extensions?.code)).toContain('SERVICE_UNAVAILABLE');
      else expect(res.data).toEqual(expected);
    }
    const down = await gql(handler, MIX);
    expect(down.status).toBeLessThan(500);
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toMatch(/retry/);

    // The engine returns on the same address (empty: it is in memory) and is reloaded.
    engine = await startLocalDynamo(port);
    try {
      await ensureTables(ds);
      await refresh(ds, directorySource(CORPUS_DIR));
      const after = await gql(handler, MIX);
      expect(after.errors).toBeUndefined();
      expect(after.data).toEqual(expected);
    } finally {
      ds.raw.destroy();
      await engine.close();
    }
  });

  it('keeps every query correct when a third of DynamoDB calls are throttled', async () => {
    const expected = await baseline();
    env = await startEngine({ maxAttempts: 10 });
    let calls = 0;
    let throttled = 0;
    // Inside the retry loop, so the SDK's backoff and retry handle each throttle.
    env.ds.raw.middlewareStack.add(
      (next) => async (args) => {
        if (++calls % 3 === 0) {
          throttled++;
          throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
            name: 'ThrottlingException',
            $fault: 'client',
            $metadata: { httpStatusCode: 400 },
          });
        }
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'injectThrottling' },
    );
    const handler = handlerFor(env.ds, WHOLE_CORPUS_READS);
    for (let i = 0; i < 5; i++) {
      const res = await gql(handler, MIX);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual(expected);
    }
    expect(throttled).toBeGreaterThan(5);
  });

  it('completes batch reads when BatchGetItem returns UnprocessedKeys', async () => {
    const expected = await baseline();
    env = await startEngine();
    let deferred = 0;
    env.ds.raw.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName !== 'BatchGetItemCommand') return result;
        const output = result.output as BatchGetCommandOutput;
        for (const [table, items] of Object.entries(output.Responses ?? {})) {
          if (items.length < 2) continue;
          // Hand back half of the keys as unprocessed, as DynamoDB does under load.
          const kept = items.slice(0, Math.ceil(items.length / 2));
          const moved = items.slice(kept.length).map((item) => ({ pk: item.pk, sk: item.sk }));
          deferred += moved.length;
          output.Responses![table] = kept;
          output.UnprocessedKeys = { ...output.UnprocessedKeys, [table]: { Keys: moved } };
        }
        return result;
      },
      { step: 'initialize', name: 'injectUnprocessedKeys' },
    );
    const res = await gql(handlerFor(env.ds, WHOLE_CORPUS_READS), MIX);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual(expected);
    expect(deferred).toBeGreaterThan(10);
  });
});
