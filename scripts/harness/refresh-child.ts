/**
 * A seed refresh in a process of its own, for the kill test: it refreshes the
 * tables of a local engine listening elsewhere (`test-*` tables at the given
 * endpoint) from a corpus folder, prints `batch` before each write batch and
 * `publish` before the publishing write, and waits for a line on stdin before
 * going on, so the test can SIGKILL it at an exact point. Prints `done` and
 * the report's status when it finishes.
 *
 *   node --import tsx scripts/harness/refresh-child.ts <endpoint> <corpus dir>
 */
import { createInterface } from 'node:readline';
import { createDataSources } from '../../functions/data/client.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { refresh } from '../../functions/refresh/refresh.js';
import { tableNames } from './local-engine.js';

const [endpoint, dir] = process.argv.slice(2);
if (endpoint === undefined || dir === undefined) throw new Error('usage: refresh-child.ts <endpoint> <corpus dir>');

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const step = async (name: string) => {
  process.stdout.write(`${name}\n`);
  await lines.next();
};

const ds = createDataSources({ endpoint, tables: tableNames('test') });
const report = await refresh(ds, directorySource(dir), {
  owner: 'child',
  searchIndex: null,
  beforeBatch: () => step('batch'),
  beforePublish: () => step('publish'),
});
process.stdout.write(`done ${report.status} ${report.version}\n`);
ds.raw.destroy();
process.exit(0);
