/**
 * The bench's targeted parts alone, at 1×, for measuring one change at a time:
 *
 *   npx tsx bench/targeted.ts overhead [iterations]   # DocumentsDeep vs the raw floor, CPU, profile
 *   npx tsx bench/targeted.ts cold [runs]             # cold start vs Apollo + GetItem (built bundles)
 *   npx tsx bench/targeted.ts cold-ab <bundle> [runs] # the GraphQL bundle built now vs another built one, interleaved
 *   npx tsx bench/targeted.ts abuse [runs]            # maxAcceptedCpuVsMedian: the costliest accepted query's CPU
 *
 * Same functions as `npm run bench` (bench/suite.ts), without the other stages.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.NODE_ENV ??= 'production';
// Production refuses the built-in cursor key: the bench brings a key of its own, as the stack does.
process.env.CURSOR_SECRET ??= 'bench-cursor-key';

const { startBenchEngine } = await import('./engine.js');
const { measureRefreshCosts } = await import('./refresh-bench.js');
const { readSeedFiles, syntheticCorpus } = await import('../scripts/harness/synthetic-corpus.js');
const { DEEP_OPERATION, loadQueryMix } = await import('./query-mix.js');
const { measureColdStarts, measureMix, measureOverhead } = await import('./suite-measure.js');
const { round, median } = await import('./stats.js');
const { buildDeployedFunction, buildFunction } = await import('./bundles.js');
const { coldStart } = await import('./cold-init.js');
const { apiEnvironment } = await import('./engine.js');
const { httpEvent } = await import('../scripts/harness/local-engine.js');

const [what = 'overhead', countArg] = process.argv.slice(2);
const mix = loadQueryMix();
const deep = mix.find((op) => op.name === DEEP_OPERATION);
if (deep === undefined) throw new Error(`${DEEP_OPERATION} is missing`);
const engine = await startBenchEngine();
try {
  const corpus = syntheticCorpus(await readSeedFiles(), 1);
  await measureRefreshCosts(engine.ds, corpus.source, 1);
  if (what === 'overhead') {
    const { api } = await measureMix(engine, mix, 2);
    const o = await measureOverhead(engine, deep, api, Number(countArg ?? 100));
    console.log(
      JSON.stringify({
        ratio: round(o.handlerMs / o.floorMs, 3),
        handlerMs: round(o.handlerMs, 2),
        floorMs: round(o.floorMs, 2),
        handlerCpuMs: round(o.handlerCpuMs, 2),
        floorCpuMs: round(o.floorCpuMs, 2),
        requests: [o.apiRequests, o.floorRequests],
      }),
    );
    console.log('handler profile', JSON.stringify(o.handlerProfile));
    console.log('floor profile', JSON.stringify(o.floorProfile));
  } else if (what === 'cold') {
    const c = await measureColdStarts(engine, { coldStarts: Number(countArg ?? 20) }, mix);
    const side = (s: { totalMs: number; importMs: number }) =>
      `${round(s.totalMs, 1)} (import ${round(s.importMs, 1)} + answer ${round(s.totalMs - s.importMs, 1)})`;
    console.log(
      JSON.stringify({
        ratio: round(c.api.totalMs / c.apolloGetItem.totalMs, 3),
        api: side(c.api),
        apolloGetItem: side(c.apolloGetItem),
        apolloHello: side(c.apolloHello),
        bytes: [c.graphql.bytes, c.apolloGetItem.bytes],
      }),
    );
  } else if (what === 'cold-ab') {
    if (countArg === undefined)
      throw new Error('cold-ab takes the paths of built bundles to compare with, comma-separated');
    const others = countArg.split(',');
    const runs = Number(process.argv[4] ?? 20);
    const built = await buildDeployedFunction('graphql');
    const runner = await buildFunction('cold-start', 'bench/cold-start.ts');
    const op = mix.find((o) => o.name === 'DocumentsList');
    if (op === undefined) throw new Error('DocumentsList is missing');
    const event = httpEvent('POST', { body: { query: op.query, variables: op.variables } });
    const env = apiEnvironment(engine.endpoint);
    const files = [built.file, ...others];
    const sides = files.map((): { totalMs: number; importMs: number }[] => []);
    for (let i = 0; i < runs; i++) {
      // Interleaved, so the machine's drift falls on every side alike.
      for (const [j, file] of files.entries()) sides[j]?.push(await coldStart(runner.file, file, event, env));
    }
    const show = (r: { totalMs: number; importMs: number }[]) => {
      const total = median(r.map((x) => x.totalMs));
      const imported = median(r.map((x) => x.importMs));
      const answer = median(r.map((x) => x.totalMs - x.importMs));
      return `${round(total, 1)} (import ${round(imported, 1)}, answer ${round(answer, 1)})`;
    };
    console.log(
      JSON.stringify({
        bytes: built.bytes,
        ...Object.fromEntries(files.map((f, j) => [j === 0 ? 'now' : f, show(sides[j] ?? [])])),
      }),
    );
  } else if (what === 'abuse') {
    const { measureAbuse } = await import('./abuse.js');
    console.log(JSON.stringify(await measureAbuse(engine, mix, { runs: Number(countArg ?? 10) })));
  } else throw new Error(`unknown part ${what}`);
} finally {
  await engine.close();
}
