/**
 * `npm run bench` (and `npm run bench -- --quick`). The environment is set
 * before anything else loads: the logger reads its level when imported.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const { runSuite } = await import('./suite.js');
await runSuite(process.argv.includes('--quick'));
