/**
 * `npm run seed`: runs the seed refresh against DYNAMODB_ENDPOINT (or AWS, with
 * the table env vars set), creating missing tables first, and publishes a new
 * version when the corpus changed. Prints the report.
 *
 *   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT CORPUS_DIR=path npm run seed [-- --allow-shrink] [--allow-orphans]
 *
 * Against a running `npm start`, the server serves the new version within 5 s,
 * search included: both use the same search index folder (SEARCH_INDEX_DIR, by
 * default .local/search-index). `--allow-shrink` publishes a corpus that would
 * remove more than 20 % of a table or empty one; `--allow-orphans` publishes
 * claims whose quote left their text as ORPHANED. A refused corpus is printed
 * as `npm run check` prints it: one line per problem, with file, line and path.
 */
import { createDataSources } from '../functions/data/client.js';
import { fileSearchIndexStore } from '../functions/data/search-index-store.js';
import { ensureTables } from './harness/table-admin.js';
import { logger } from '../functions/shared/logger.js';
import { formatReport } from '../functions/refresh/corpus-reader.js';
import { InvalidCorpusError } from '../functions/shared/errors.js';
import { directorySource } from '../functions/refresh/corpus-source.js';
import { refresh } from '../functions/refresh/refresh.js';
import { CORPUS_DIR } from '../seed/paths.js';
import { LOCAL_SEARCH_INDEX_DIR, useLocalEnvironment } from './local-stack.js';
import { startLocalDynamo } from './local-dynamodb.js';

const args = process.argv.slice(2);
const OPTIONS = ['--allow-shrink', '--allow-orphans'];
const allowShrink = args.includes('--allow-shrink');
const allowOrphans = args.includes('--allow-orphans');
const unknown = args.filter((a) => a.startsWith('--') && !OPTIONS.includes(a));
if (unknown.length > 0) {
  process.stderr.write(`unknown option ${unknown.join(', ')}; the options are ${OPTIONS.join(', ')}\n`);
  process.exit(2);
}
// CORPUS_DIR names the corpus folder (as for `npm start`); a first argument still works.
const dir = process.env.CORPUS_DIR ?? args.find((a) => !a.startsWith('--')) ?? CORPUS_DIR;
// Without an endpoint, load into a throw-away local engine: a dry run that proves the corpus loads.
const engine = process.env.DYNAMODB_ENDPOINT === undefined ? await startLocalDynamo() : undefined;
if (engine !== undefined)
  logger.info('no DYNAMODB_ENDPOINT set: loading into a temporary in-memory engine, without a search index');
useLocalEnvironment(process.env.DYNAMODB_ENDPOINT ?? engine?.endpoint ?? '');
const ds = createDataSources();
// A dry run must not touch the indexes a running server uses: its retention would delete them.
const searchIndex =
  engine !== undefined
    ? null
    : process.env.SEARCH_INDEX_BUCKET === undefined
      ? fileSearchIndexStore(process.env.SEARCH_INDEX_DIR ?? LOCAL_SEARCH_INDEX_DIR)
      : undefined;
try {
  await ensureTables(ds);
  const report = await refresh(ds, directorySource(dir), { allowShrink, allowOrphans, searchIndex });
  logger.info('seed refresh', { report });
} catch (error) {
  if (error instanceof InvalidCorpusError) {
    // For a person: the same report as `npm run check`, not a JSON line.
    const head = error.message.split('\n')[0] ?? '';
    process.stderr.write(`${head}\n${formatReport(error.issues)}\n`);
  } else logger.error('seed refresh failed', { error: error as Error });
  process.exitCode = 1;
} finally {
  ds.raw.destroy();
  await engine?.close();
}
