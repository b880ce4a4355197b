/** The cost model alone, at 1×: `npx tsx bench/cost-run.ts [runs]` prints its report as JSON (bench/cost.ts). */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.NODE_ENV ??= 'production';
// Production refuses the built-in cursor key: the bench brings a key of its own, as the stack does.
process.env.CURSOR_SECRET ??= 'bench-cursor-key';

const { costReport, measureOperationCosts } = await import('./cost.js');
const runs = Number(process.argv[2] ?? 30);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${process.argv[2]}`);
process.stdout.write(`${JSON.stringify(costReport(await measureOperationCosts(runs)), null, 2)}\n`);
