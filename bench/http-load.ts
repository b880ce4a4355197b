/** HTTP load with autocannon: every connection cycles through the given requests; bodies are checked for GraphQL errors. */
import autocannon, { type AutocannonRequest } from 'autocannon';
import { percentile } from './stats.js';

export interface LoadResult {
  requestsPerSec: number;
  completed: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Replies whose body has `errors` or no `data`. */
  errorBodies: number;
  /** Connection errors, timeouts included. */
  socketErrors: number;
  timeouts: number;
}

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export async function load(
  url: string,
  requests: readonly GraphQLRequest[],
  options: { connections: number; durationSec: number },
): Promise<LoadResult> {
  const { pathname } = new URL(url);
  let errorBodies = 0;
  const checked: AutocannonRequest[] = requests.map((r) => ({
    method: 'POST',
    path: pathname,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(r),
    onResponse: (_status, body) => {
      try {
        const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
        if (parsed.errors !== undefined || parsed.data == null) errorBodies++;
      } catch {
        errorBodies++;
      }
    },
  }));
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.durationSec,
    timeout: 10,
    requests: checked,
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  return {
    requestsPerSec: result.requests.total / result.duration,
    completed: result.requests.total,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    non2xx: result.non2xx,
    errorBodies,
    socketErrors: result.errors,
    timeouts: result.timeouts,
  };
}
