/**
 * Soak: normal traffic at a fixed rate beside open-loop abusive traffic at a
 * fixed rate, against the local server (startLocalStack in its own process,
 * NODE_ENV=production as bench/run.ts sets it, the engine in another). Both
 * generators are open loop: each request leaves at its scheduled time whether
 * or not earlier ones have been answered, and its latency counts from that
 * time, so a stalled server shows up in the figures instead of slowing the load.
 *
 * Phases: warm-up (both kinds, so every path the soak takes is compiled and the
 * heap has grown to what that traffic needs), idle (normal traffic alone), soak
 * (both), settle (nothing). The rates leave headroom on a 2-core machine shared
 * with the engine and the load generator: at 20 + 10 requests a second the
 * server needs about half a core; above its capacity an open loop measures the
 * queue, not the server.
 * Goals: no 5xx; normal p99 during the soak ≤ 3× its idle p99 at the same rate;
 * server RSS after settling within 20 % of its value after warm-up.
 */
import { readFile } from 'node:fs/promises';
import { directorySource } from '../functions/refresh/corpus-source.js';
import { refresh } from '../functions/refresh/refresh.js';
import { QUERY_LIMITS } from '../functions/graphql/limits.js';
import { CursorCodec } from '../functions/graphql/cursor-codec.js';
import { LOCAL_CURSOR_KEY } from '../functions/shared/env.js';
import { CORPUS_DIR } from '../seed/paths.js';
import { nearLimitQueries } from './abuse.js';
import { apiEnvironment, startBenchEngine } from './engine.js';
import { load, type GraphQLRequest, type LoadResult } from './http-load.js';
import { startChild } from './processes.js';
import { loadQueryMix } from './query-mix.js';
import type { MetricDefinition } from './report.js';
import { percentile, round } from './stats.js';

export const SOAK = {
  /** Normal requests a second: the example operations in turn. */
  normalRate: 20,
  /** Abusive requests a second: the attacks of abusiveBodies in turn. */
  abusiveRate: 10,
  warmupSec: 10,
  idleSec: 20,
  soakSec: 60,
  settleSec: 10,
  /** Closed-loop throughput: normal connections, and the abusive ones beside them in the second run. */
  throughputSec: 10,
  normalConnections: 10,
  abusiveConnections: 2,
};

const QUICK = { ...SOAK, warmupSec: 3, idleSec: 5, soakSec: 10, settleSec: 3, throughputSec: 3 };

interface Sample {
  status: number;
  ms: number;
}

/** What the attacker sent in the first round (see docs/limits.md), as raw bodies. */
function abusiveBodies(): { name: string; body: string }[] {
  const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  const forged = CursorCodec.fromSecrets(LOCAL_CURSOR_KEY).encode({
    version: 1,
    list: 'people',
    position: { key: { pk: 'x'.repeat(2000), sk: 'y' } },
  });
  const q = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });
  return [
    // The first round's heaviest text: 120 document texts (refused or accepted as the current limits decide).
    {
      name: 'heaviest-text',
      body: q(
        `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: claims(first: 8) { nodes { id document { text id } } }`).join(' ')} }`,
      ),
    },
    // The first round's most items over two levels of lists.
    {
      name: 'many-items',
      body: q(
        `{ ${[0, 1].map((i) => `a${i}: claims(first: 100) { nodes { id speaker { claims(first: 100) { nodes { id kind } } } } }`).join(' ')} }`,
      ),
    },
    {
      name: 'text-under-lists',
      body: q('{ claims(first: 100) { nodes { speaker { claims(first: 100) { nodes { document { text } } } } } } }'),
    },
    { name: 'deep-variables', body: `{"query":"{ healthy }","variables":{"x":${nested(5000)}}}` },
    {
      name: 'bad-enum',
      body: q('query($t: [SearchType!]) { search(query: "putin", types: $t) { totalCount } }', {
        variables: { t: ['PERSN'] },
      }),
    },
    {
      name: 'first-100000',
      body: q('query($n: Int) { documents(first: $n) { nodes { id } } }', { variables: { n: 100_000 } }),
    },
    {
      name: 'forged-cursor',
      body: q('query($a: String) { people(after: $a) { nodes { id } } }', { variables: { a: forged } }),
    },
    { name: 'long-operation-name', body: q('query A { healthy }', { operationName: 'x'.repeat(60_000) }) },
    { name: 'oversized-body', body: q(`{ healthy }${' '.repeat(QUERY_LIMITS.maxBodyBytes)}`) },
    { name: 'batched', body: JSON.stringify([{ query: '{ healthy }' }, { query: '{ healthy }' }]) },
    {
      name: 'too-deep',
      body: q(`{ claims { nodes { ${'speaker { claims { nodes { '.repeat(6)}id${' } } }'.repeat(6)} } } }`),
    },
  ];
}

/** The third round's attack the cost limit once accepted (4.4 MB of cursors from 369 bytes): refused now. */
const CURSOR_FLOOD = {
  name: 'aliased-nested-cursors',
  body: JSON.stringify({
    query: `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: claims(first: 100) { ...F }`).join(' ')} } fragment F on ClaimConnection { edges { node { document { claims(first: 30) { edges { cursor } } } } } }`,
  }),
};

/** The costliest queries the limits accept (bench/abuse.ts's near-limit shapes), as this server takes them. */
async function nearLimitBodies(url: string): Promise<{ name: string; body: string }[]> {
  const bodyOf = (query: string) => JSON.stringify({ query });
  const accepts = async (query: string) => (await send(url, bodyOf(query), performance.now())).status === 200;
  return (await nearLimitQueries(accepts)).map(({ name, query }) => ({ name, body: bodyOf(query) }));
}

async function send(url: string, body: string, scheduledAt: number): Promise<Sample> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - scheduledAt };
  } catch {
    return { status: 0, ms: performance.now() - scheduledAt };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends bodies in turn at `rate` a second for `sec` seconds, each at its time whatever came back. */
async function openLoop(
  url: string,
  bodies: readonly { name: string; body: string }[],
  rate: number,
  sec: number,
): Promise<(Sample & { name: string })[]> {
  const start = performance.now();
  const total = Math.round(rate * sec);
  const sent: Promise<Sample & { name: string }>[] = [];
  for (let i = 0; i < total; i++) {
    const at = start + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 0) await sleep(wait);
    const { name, body } = bodies[i % bodies.length] ?? { name: '', body: '' };
    sent.push(send(url, body, at).then((s) => ({ ...s, name })));
  }
  return Promise.all(sent);
}

async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN) * 1024;
}

export interface SoakResult {
  settings: typeof SOAK;
  idle: { requests: number; p50Ms: number; p99Ms: number; non2xx: number };
  soak: { requests: number; p50Ms: number; p99Ms: number; non2xx: number };
  abusive: { requests: number; byName: Record<string, { statuses: Record<string, number>; p50Ms: number }> };
  serverErrors: number;
  rssAfterWarmupBytes: number;
  rssPeakDuringSoakBytes: number;
  rssAfterSettleBytes: number;
  /** Information: closed-loop normal throughput alone and beside clients sending the costliest accepted queries. */
  throughput: { alone: LoadResult; besideAbuse: LoadResult; abusive: LoadResult };
}

const summary = (samples: readonly Sample[]) => ({
  requests: samples.length,
  p50Ms: round(
    percentile(
      samples.map((s) => s.ms),
      50,
    ),
  ),
  p99Ms: round(
    percentile(
      samples.map((s) => s.ms),
      99,
    ),
  ),
  non2xx: samples.filter((s) => s.status < 200 || s.status >= 300).length,
});

/** The seed corpus in a fresh engine, served by the local server in production mode. */
async function startSoakServer() {
  const engine = await startBenchEngine();
  try {
    await refresh(engine.ds, directorySource(CORPUS_DIR), { searchIndex: null });
    const server = await startChild<{ url: string }>('server-process.ts', {
      ...apiEnvironment(engine.endpoint),
      NODE_ENV: 'production',
      // Production refuses the built-in cursor key (in AWS the key comes from Secrets Manager).
      CURSOR_SECRET: 'production-cursor-key',
    });
    return { engine, server };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** Per attack: the statuses it got and its median latency. */
function abusiveByName(abuse: readonly { name: string }[], samples: readonly (Sample & { name: string })[]) {
  const byName: SoakResult['abusive']['byName'] = {};
  for (const { name } of abuse) {
    const mine = samples.filter((s) => s.name === name);
    const statuses: Record<string, number> = {};
    for (const s of mine) statuses[String(s.status)] = (statuses[String(s.status)] ?? 0) + 1;
    byName[name] = {
      statuses,
      p50Ms: round(
        percentile(
          mine.map((s) => s.ms),
          50,
        ),
      ),
    };
  }
  return byName;
}

const asRequests = (bodies: readonly { body: string }[]) => bodies.map((b) => JSON.parse(b.body) as GraphQLRequest);

/** Normal closed-loop load alone, then beside a few connections sending the costliest accepted queries in turn. */
async function throughputUnderAbuse(
  url: string,
  settings: typeof SOAK,
  heaviest: readonly { body: string }[],
): Promise<SoakResult['throughput']> {
  const normal = loadQueryMix().map((op) => ({ query: op.query, variables: op.variables }));
  const run = (requests: GraphQLRequest[], connections: number) =>
    load(url, requests, { connections, durationSec: settings.throughputSec });
  const alone = await run(normal, settings.normalConnections);
  const [besideAbuse, abusive] = await Promise.all([
    run(normal, settings.normalConnections),
    run(asRequests(heaviest), settings.abusiveConnections),
  ]);
  return { alone, besideAbuse, abusive };
}

export async function runSoak(quick: boolean, say: (line: string) => void): Promise<SoakResult> {
  const settings = quick ? QUICK : SOAK;
  const { engine, server } = await startSoakServer();
  try {
    const url = server.ready.url;
    const pid = server.process.pid ?? 0;
    const normal = loadQueryMix().map((op) => ({
      name: op.name,
      body: JSON.stringify({ query: op.query, variables: op.variables }),
    }));
    // The costliest accepted queries go to the closed-loop throughput run, not the open-loop soak:
    // the soak's goal is about what refusals and the first rounds' attacks cost normal traffic.
    const heaviest = await nearLimitBodies(url);
    const abuse = [...abusiveBodies(), CURSOR_FLOOD];
    say(
      `  soak: normal ${settings.normalRate}/s, abusive ${settings.abusiveRate}/s open loop; idle ${settings.idleSec} s, soak ${settings.soakSec} s`,
    );
    await Promise.all([
      openLoop(url, normal, settings.normalRate, settings.warmupSec),
      openLoop(url, abuse, settings.abusiveRate, settings.warmupSec),
    ]);
    const rssAfterWarmupBytes = await rss(pid);
    const idle = await openLoop(url, normal, settings.normalRate, settings.idleSec);
    let rssPeakDuringSoakBytes = 0;
    const sampler = setInterval(() => {
      void rss(pid).then((r) => {
        rssPeakDuringSoakBytes = Math.max(rssPeakDuringSoakBytes, r);
      });
    }, 500);
    const [soakNormal, soakAbusive] = await Promise.all([
      openLoop(url, normal, settings.normalRate, settings.soakSec),
      openLoop(url, abuse, settings.abusiveRate, settings.soakSec),
    ]);
    clearInterval(sampler);
    await sleep(settings.settleSec * 1000);
    const rssAfterSettleBytes = await rss(pid);
    const throughput = await throughputUnderAbuse(url, settings, heaviest);
    const all = [...idle, ...soakNormal, ...soakAbusive];
    return {
      settings,
      idle: summary(idle),
      soak: summary(soakNormal),
      abusive: { requests: soakAbusive.length, byName: abusiveByName(abuse, soakAbusive) },
      serverErrors: all.filter((s) => s.status >= 500 || s.status === 0).length,
      rssAfterWarmupBytes,
      rssPeakDuringSoakBytes,
      rssAfterSettleBytes,
      throughput,
    };
  } finally {
    await server.stop();
    await engine.close();
  }
}

const mb = (b: number) => `${round(b / 2 ** 20, 1)} MB`;
const rates = (r: SoakResult) =>
  `normal ${r.settings.normalRate}/s (example operations in turn) beside abusive ${r.settings.abusiveRate}/s open loop (${Object.keys(r.abusive.byName).length} attacks in turn), ${r.settings.soakSec} s`;
const method = ({ settings: s }: SoakResult) =>
  `bench/soak.ts against the local server (scripts/local-stack.ts, NODE_ENV=production) in its own process: ${s.warmupSec} s warm-up, ${s.idleSec} s normal traffic alone, ${s.soakSec} s normal beside abusive traffic, ${s.settleSec} s quiet; latency from each request's scheduled send time.`;

/** The soak's rows of bench/results.json. */
export const SOAK_METRICS: readonly MetricDefinition<SoakResult>[] = [
  {
    name: 'soakServerErrors',
    unit: 'count',
    goal: { max: 0 },
    method,
    value: (r) => r.serverErrors,
    note: (r) =>
      `5xx answers and failed connections over idle and soak, ${r.idle.requests + r.soak.requests + r.abusive.requests} requests; ${rates(r)}`,
  },
  {
    name: 'soakNormalP99VsIdle',
    unit: 'ratio',
    goal: { max: 3 },
    method,
    value: (r) => r.soak.p99Ms / r.idle.p99Ms,
    note: (r) =>
      `normal p99 ${r.soak.p99Ms} ms during the soak vs ${r.idle.p99Ms} ms idle at the same rate (p50 ${r.soak.p50Ms} vs ${r.idle.p50Ms} ms; non-2xx ${r.soak.non2xx} vs ${r.idle.non2xx})`,
    limits: () => ({
      text: 'The local server runs every request on one event loop: the allowed heaviest queries among the abusive traffic (each within the cost limit) delay the normal ones beside them. In Lambda each instance serves one request at a time.',
    }),
  },
  {
    name: 'soakNormalP99Ms',
    unit: 'ms',
    method,
    value: (r) => r.soak.p99Ms,
    note: (r) => `normal requests during the soak, from their scheduled send time (${r.soak.requests} requests)`,
  },
  {
    name: 'soakIdleP99Ms',
    unit: 'ms',
    method,
    value: (r) => r.idle.p99Ms,
    note: (r) =>
      `normal requests alone at ${r.settings.normalRate}/s for ${r.settings.idleSec} s, from their scheduled send time`,
  },
  {
    name: 'soakRssAfterVsWarm',
    unit: 'ratio',
    goal: { max: 1.2 },
    method,
    value: (r) => r.rssAfterSettleBytes / r.rssAfterWarmupBytes,
    note: (r) =>
      `server RSS ${mb(r.rssAfterSettleBytes)} ${r.settings.settleSec} s after the soak vs ${mb(r.rssAfterWarmupBytes)} after warm-up (peak during the soak ${mb(r.rssPeakDuringSoakBytes)})`,
  },
  {
    name: 'throughputUnderAbuseVsAlone',
    unit: 'ratio',
    method: ({ settings: s }) =>
      `bench/soak.ts after the soak, closed loop with autocannon: ${s.normalConnections} connections cycling through the example operations for ${s.throughputSec} s alone, then again beside ${s.abusiveConnections} connections sending the costliest accepted queries (bench/abuse.ts's near-limit shapes at the most aliases the server accepts) in turn.`,
    value: (r) => r.throughput.besideAbuse.requestsPerSec / r.throughput.alone.requestsPerSec,
    note: ({ throughput: t }) =>
      `information, no goal: normal ${round(t.besideAbuse.requestsPerSec, 1)} req/s beside abuse vs ${round(t.alone.requestsPerSec, 1)} alone (p99 ${round(t.besideAbuse.p99Ms)} vs ${round(t.alone.p99Ms)} ms; non-2xx ${t.besideAbuse.non2xx}); the abusive connections got ${round(t.abusive.requestsPerSec, 1)} answers/s`,
    limits: () => ({
      text: 'The local server shares one event loop between all clients, so an accepted heavy query delays the others; in AWS each request has an instance to itself and the figure that bounds abuse there is maxAcceptedCpuVsMedian.',
    }),
  },
  {
    name: 'soakAbusiveAnswers',
    unit: 'count',
    method,
    value: (r) => r.abusive.requests,
    note: (r) =>
      Object.entries(r.abusive.byName)
        .map(([name, a]) => `${name} ${JSON.stringify(a.statuses)} p50 ${a.p50Ms} ms`)
        .join('; '),
  },
];
