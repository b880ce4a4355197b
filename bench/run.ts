/**
 * `npm run bench` (and `npm run bench -- --quick`). The environment is set
 * before anything else loads: the logger reads its level when imported.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// As deployed (the CDK stack sets it on every function): graphql-js reads it once at import and, when it is
// not "production", checks every instanceOf across realms; the HTTP server child inherits it too.
process.env.NODE_ENV ??= 'production';
// Production refuses the built-in cursor key: the bench brings a key of its own, as the stack does.
process.env.CURSOR_SECRET ??= 'bench-cursor-key';

// The largest refresh (and the 1000× search index) hold a corpus, its parse and what is built from it at once:
// below 6 GB of heap, run again in a child that has it.
const { getHeapStatistics } = await import('node:v8');
// `-- --only soak` runs the soak alone (bench/soak.ts) and updates its rows of the results.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];
if (getHeapStatistics().heap_size_limit < 6 * 2 ** 30 && !process.argv.includes('--quick') && only === undefined) {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=6144', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(child.status ?? 1);
}

const { runSuite } = await import('./suite.js');
await runSuite(process.argv.includes('--quick'), only);
