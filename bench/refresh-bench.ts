/**
 * What a refresh costs, in writes and time, at one corpus scale: a first load
 * into empty tables, a rerun of the same corpus, and a one-claim change; and
 * what retention costs (deleting the version the change dropped). Used by the
 * suite, and on its own:
 *
 *   node --max-old-space-size=6144 --import tsx bench/refresh-bench.ts 1 100 [1000 --first-only]
 *
 * `--first-only` measures the first load and the rerun only: the one-claim
 * change holds two versions in the engine, and the local engine keeps them in
 * memory (about 13 GB for two 1000× versions).
 */
import type { DataSources } from '../functions/data/client.js';
import type { CorpusSource } from '../functions/refresh/corpus-source.js';
import { refresh } from '../functions/refresh/refresh.js';
import { startBenchEngine } from './engine.js';
import { round } from './stats.js';
import { readSeedFiles, syntheticCorpus, withOneClaimChanged } from '../scripts/harness/synthetic-corpus.js';

export interface RefreshRun {
  writes: number;
  ms: number;
}

export interface RefreshCosts {
  scale: number;
  /** Items of one version (entities, relationship and count items; change pages not included). */
  items: number;
  firstLoad: RefreshRun;
  unchanged: RefreshRun;
  /** Building and publishing the version that changes one claim (its retention counted apart). */
  oneClaim?: RefreshRun & { changes: number };
  /** Deleting the version the one-claim change dropped (kept: 1, no grace, so it goes at once). */
  retention?: { deletes: number; ms: number };
}

export async function measureRefreshCosts(
  ds: DataSources,
  source: CorpusSource,
  scale: number,
  options: { firstOnly?: boolean; progress?: (line: string) => void } = {},
): Promise<RefreshCosts> {
  // The tables only: the search index the refresh also builds is measured on its own (searchBenchAt).
  const noIndex = { searchIndex: null };
  const say = options.progress ?? (() => undefined);
  const first = await refresh(ds, source, noIndex);
  say(`${scale}× first load: ${first.writes} writes, ${first.durationMs} ms`);
  const second = await refresh(ds, source, noIndex);
  say(`${scale}× unchanged rerun: ${second.writes} writes, ${second.durationMs} ms`);
  const costs: RefreshCosts = {
    scale,
    // Every item of the version, relationship items included; not its change list.
    items: first.writes - first.changePages,
    firstLoad: { writes: first.writes, ms: first.durationMs },
    unchanged: { writes: second.writes, ms: second.durationMs },
  };
  if (options.firstOnly === true) return costs;
  const change = await refresh(ds, withOneClaimChanged(source), { ...noIndex, keepVersions: 1, retireGraceMs: 0 });
  say(`${scale}× one-claim change: ${change.writes} writes, ${change.durationMs} ms with retention`);
  return {
    ...costs,
    oneClaim: {
      writes: change.writes,
      ms: change.durationMs - change.retention.durationMs,
      changes: change.changes.added + change.changes.updated + change.changes.removed,
    },
    retention: { deletes: change.retention.deletedItems, ms: change.retention.durationMs },
  };
}

export function describeCosts(c: RefreshCosts): string {
  const s = (ms: number) => `${round(ms / 1000, 2)} s`;
  return [
    `${c.scale}× (${c.items} items a version):`,
    `  first load       ${c.firstLoad.writes} writes, ${s(c.firstLoad.ms)}`,
    `  unchanged rerun  ${c.unchanged.writes} writes, ${s(c.unchanged.ms)}`,
    c.oneClaim === undefined
      ? '  one-claim change not measured'
      : `  one-claim change ${c.oneClaim.writes} writes, ${s(c.oneClaim.ms)} (${c.oneClaim.changes} entities changed)`,
    c.retention === undefined
      ? '  retention        not measured'
      : `  retention        ${c.retention.deletes} deletes, ${s(c.retention.ms)} (the version the change dropped)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const scales = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const firstOnly = process.argv.includes('--first-only');
  const seed = await readSeedFiles();
  for (const scale of scales.length > 0 ? scales : [1]) {
    const engine = await startBenchEngine();
    try {
      const costs = await measureRefreshCosts(engine.ds, syntheticCorpus(seed, scale).source, scale, {
        firstOnly: firstOnly && scale === Math.max(...scales),
        progress: (line) => process.stdout.write(`${line}\n`),
      });
      process.stdout.write(`${describeCosts(costs)}\n${JSON.stringify(costs)}\n`);
    } finally {
      await engine.close();
    }
  }
}
