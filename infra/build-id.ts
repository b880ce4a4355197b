/**
 * The identity of the code a deployment runs: a hash of the function sources,
 * the generated schema and the locked dependencies. The GraphQL function gets
 * it as BUILD_ID and puts it in every ETag, so a deployment that changes what
 * an answer could be changes every ETag; an unchanged build keeps them.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const INPUTS = ['functions', 'schema/__generated__', 'package-lock.json'];

function files(path: string): string[] {
  const full = join(ROOT, path);
  try {
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(ROOT, join(e.parentPath, e.name)));
  } catch {
    return [path];
  }
}

export function buildId(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files).sort())
    hash
      .update(file)
      .update('\u0000')
      .update(readFileSync(join(ROOT, file)))
      .update('\u0000');
  return hash.digest('base64url').slice(0, 16);
}
