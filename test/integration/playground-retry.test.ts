/** A failed read of the playground's build is retried by the next request, not kept for the life of the process. */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { playgroundMiddleware } from '../../functions/graphql/playground.js';
import { MANIFEST_FILE } from '../../functions/graphql/playground-manifest.js';
import { buildPlayground } from '../../scripts/build-playground.js';
import { httpEvent } from '../../scripts/harness/local-engine.js';

const BUILT = fileURLToPath(new URL('../../playground/dist/', import.meta.url));
let dir: string;

beforeAll(async () => {
  await buildPlayground();
  dir = await mkdtemp(join(tmpdir(), 'kb-playground-'));
  process.env.PLAYGROUND_DIR = dir;
});
afterAll(async () => {
  delete process.env.PLAYGROUND_DIR;
  await rm(dir, { recursive: true, force: true });
});

it('serves the page once the build can be read, after a read that failed', async () => {
  const page = httpEvent('GET', { headers: { accept: 'text/html' } });
  // A manifest that cannot be read (a folder where the file should be): the request fails.
  await mkdir(join(dir, MANIFEST_FILE));
  await expect(playgroundMiddleware(page)).rejects.toThrow();
  // The build is put right: the next request reads it, no restart.
  await rm(join(dir, MANIFEST_FILE), { recursive: true });
  await cp(BUILT, dir, { recursive: true });
  const result = await playgroundMiddleware(page);
  expect(result).toMatchObject({ statusCode: 200 });
});
