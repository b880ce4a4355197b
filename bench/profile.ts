/**
 * Where the time of a repeated async action goes, from a V8 CPU profile taken
 * in this process (node:inspector): self time per run, grouped by package
 * (node_modules), project file, or runtime activity. `(idle)` is time this
 * process waited, here on the engine's answers.
 */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function group(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === '(idle)') return '(idle: waiting on the engine)';
  if (frame.functionName === '(garbage collector)') return '(garbage collector)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url)?.[1];
  if (pkg !== undefined) {
    if (pkg.startsWith('@aws-sdk/') || pkg.startsWith('@smithy/')) return 'AWS SDK (@aws-sdk, @smithy)';
    if (pkg.startsWith('@apollo/') || pkg.startsWith('@as-integrations/')) return 'Apollo Server + Lambda integration';
    return pkg;
  }
  const own = /\/((?:functions|bench|seed|schema)\/.*)$/.exec(frame.url)?.[1];
  if (own !== undefined) return own;
  return 'Node.js (HTTP client, streams, buffers, microtasks, native)';
}

/** Runs `action` `runs` times under the profiler; milliseconds of self time per run by group, largest first. */
export async function profileRuns(action: () => Promise<unknown>, runs: number): Promise<Record<string, number>> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    for (let i = 0; i < runs; i++) await action();
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const totals = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      if (node === undefined) return;
      const name = group(node.callFrame);
      totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    return Object.fromEntries(
      [...totals]
        .sort((a, b) => b[1] - a[1])
        .map(([name, micros]) => [name, Math.round((micros / 1000 / runs) * 100) / 100]),
    );
  } finally {
    session.disconnect();
  }
}
