/**
 * cdk-nag (v3) runs as a CDK validation plugin: a violation that is neither
 * fixed nor acknowledged fails `cdk synth`. These tests apply the same packs
 * as infra/app.ts to a fresh app, list what they find, and synthesize.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiStack, applyNagPacks } from '../../infra/api-stack.js';
import { PROJECT_ROOT } from '../../infra/constructs/bundled-function.js';
import { createDeployment, type Deployment } from '../../infra/deployment.js';

const CDK_CONTEXT = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }
).context;

/** Findings of both packs as `severity rule @ path`, so a failure names what to fix. */
function findings(scope: IConstruct): string[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack
      .validateScope(scope)
      .violations.flatMap((v) =>
        v.violatingResources.map((r) => `${v.severity ?? 'error'} ${v.ruleName} @ ${r.constructPath}`),
      ),
  );
}

function acknowledgments(scope: IConstruct): { path: string; id: string; reason: unknown }[] {
  return scope.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) =>
          Object.entries(m.data as Record<string, unknown>).map(([id, reason]) => ({ path: c.node.path, id, reason })),
        ),
    );
}

describe('cdk-nag', () => {
  let app: App;
  let stacks: Deployment;

  beforeAll(() => {
    // With an e-mail subscription, so the optional resources are checked too.
    app = new App({ context: { ...CDK_CONTEXT, region: 'eu-west-1', alarmEmail: 'ops@example.org' } });
    stacks = createDeployment(app, { apiStackName: 'NagStack', edgeStackName: 'NagEdge' });
    applyNagPacks(app);
  }, 60_000);

  it('finds no unacknowledged AwsSolutions or Serverless error or warning in either stack', () => {
    expect(findings(stacks.api)).toEqual([]);
    expect(findings(stacks.edge)).toEqual([]);
  });

  it('gives every acknowledgment a reason', () => {
    const acks = [...acknowledgments(stacks.api), ...acknowledgments(stacks.edge)];
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(
        typeof ack.reason === 'string' ? ack.reason.trim().length : 0,
        `${ack.id} @ ${ack.path}`,
      ).toBeGreaterThanOrEqual(40);
    }
  });

  it('synthesizes both stacks with both packs applied as validation plugins', () => {
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['NagEdge', 'NagStack']);
  });

  it('fails a synthesis on a violation (the plugins applyNagPacks adds really run)', () => {
    const probeApp = new App();
    applyNagPacks(probeApp);
    new Queue(new Stack(probeApp, 'Probe'), 'PlainQueue', { enforceSSL: false });
    expect(() => probeApp.synth()).toThrow(/AwsSolutions-SQS4/);
  });

  it('refuses a distribution without the web ACL (an application stack synthesized alone)', () => {
    const alone = new ApiStack(new App({ context: CDK_CONTEXT }), 'Alone', { env: { region: 'us-east-1' } });
    expect(findings(alone)).toEqual([expect.stringMatching(/^\w+ AwsSolutions-CFR2 @ Alone\/Cdn\/Distribution/)]);
  });

  it('would catch a violation (the packs are really applied)', () => {
    const probe = new Stack(new App(), 'Probe');
    new Queue(probe, 'PlainQueue', { enforceSSL: false });
    expect(findings(probe)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^error AwsSolutions-SQS4 @ Probe\/PlainQueue/)]),
    );
  });
});
