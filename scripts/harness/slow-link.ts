/**
 * A slow link in front of a local HTTP server (s3rver): each request waits a
 * fixed latency before it is forwarded, and each response streams no faster
 * than a given rate, so a client reading through it pays what it would pay
 * over a real network to S3 (parallel requests each get their own stream).
 * Counts requests and the bytes of their response bodies, and keeps each
 * request's Range header, so a test can check what a reader asked for.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SlowLinkOptions {
  /** Added before each request is forwarded (a round trip to S3). */
  latencyMs: number;
  /** Bytes per second of each response body (one stream). */
  bytesPerSecond: number;
}

/** What went through the link. */
export interface LinkTraffic {
  requests: number;
  /** Bytes of the response bodies. */
  bytes: number;
  /** The Range header of each request (undefined for a request without one), in arrival order. */
  ranges: (string | undefined)[];
}

export interface SlowLink {
  endpoint: string;
  readonly traffic: LinkTraffic;
  /** Zeroes the counters. */
  reset(): void;
  close(): Promise<void>;
}

/** Writes the response body no faster than the rate: each chunk waits until the bytes before it would have arrived. */
async function throttle(from: IncomingMessage, to: ServerResponse, rate: number, count: (n: number) => void) {
  const started = performance.now();
  let sent = 0;
  for await (const chunk of from as AsyncIterable<Buffer>) {
    sent += chunk.length;
    const due = started + (sent / rate) * 1000 - performance.now();
    if (due >= 1) await sleep(due);
    count(chunk.length);
    if (!to.write(chunk)) await new Promise((resolve) => to.once('drain', resolve));
  }
  to.end();
}

export async function startSlowLink(target: string, options: SlowLinkOptions): Promise<SlowLink> {
  const upstream = new URL(target);
  const traffic: LinkTraffic = { requests: 0, bytes: 0, ranges: [] };
  const server = createServer((req, res) => {
    traffic.requests += 1;
    traffic.ranges.push(req.headers.range);
    void (async () => {
      await sleep(options.latencyMs);
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          throttle(reply, res, options.bytesPerSecond, (n) => (traffic.bytes += n)).catch((error: unknown) =>
            res.destroy(error as Error),
          );
        },
      );
      forward.on('error', (error) => res.destroy(error));
      req.pipe(forward);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    traffic,
    reset() {
      traffic.requests = 0;
      traffic.bytes = 0;
      traffic.ranges = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
}
