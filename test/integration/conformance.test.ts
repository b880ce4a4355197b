/** GraphQL over HTTP conformance (graphql-http's audit) of the local server, which runs the Lambda handler. */
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0 });
});
afterAll(() => stack.close());

describe('graphql-http audit', () => {
  it('passes with zero failures; warnings are the documented ones', async () => {
    const results = await auditServer({ url: stack.url });
    const failures = results.filter((r) => r.status === 'error');
    const warnings = results.filter((r) => r.status === 'warn');
    expect(failures.map((f) => `${f.id} ${f.name}: ${'reason' in f ? f.reason : ''}`)).toEqual([]);
    console.log(
      `audit: ${results.length} checks, ${results.filter((r) => r.status === 'ok').length} ok, ${warnings.length} warnings`,
    );
    for (const w of warnings) console.log(`warn ${w.id} ${w.name}: ${'reason' in w ? w.reason : ''}`);
    expect(results.length).toBeGreaterThan(50);
    // Apollo answers 400 (not 200) to application/json clients for parse, validation and
    // variable errors; the spec allows it (SHOULD), and the README lists these three.
    expect(warnings.map((w) => w.id).sort()).toEqual(['572B', '7B9B', 'FDE2']);
  });
});
