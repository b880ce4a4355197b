/**
 * `npm run rotate-origin-secret` / `npm run rotate-cursor-secret`: the AWS CLI
 * steps that rotate one of the GraphQL function's secrets with overlap, printed
 * in order with the waits between them (nothing here calls AWS). The function
 * accepts a secret's AWSCURRENT, AWSPREVIOUS and AWSPENDING values and seals or
 * sends only AWSCURRENT (functions/data/secret-store.ts), re-reading them every
 * SECRET_CACHE_MS, so each step waits until every instance has seen the last.
 *
 * Options: --secret-arn (the OriginSecretArn or CursorSecretArn output),
 * --distribution-id (origin only), --stack, --region, --keep-versions and
 * --refresh-hours (cursor only: how long the old key must keep opening cursors).
 */
import { parseArgs } from 'node:util';
import { SECRET_CACHE_MS } from '../functions/data/secret-store.js';

export type SecretKind = 'origin' | 'cursor';

export interface RotationOptions {
  secretArn: string;
  /** Origin: the distribution whose deploy sends the new value. */
  distributionId?: string;
  stack?: string;
  region?: string;
  /** Cursor: the versions a refresh keeps (KEEP_VERSIONS) and the hours between refreshes. */
  keepVersions?: number;
  refreshHours?: number;
}

export interface RotationStep {
  title: string;
  /** Shell commands, run as written once the placeholders in the title are known. */
  commands: string[];
}

const waitForCaches = (): RotationStep => ({
  title: `Wait ${SECRET_CACHE_MS / 60_000} minutes: every instance of the function re-reads the secret and accepts the new value.`,
  commands: [`sleep ${SECRET_CACHE_MS / 1000}`],
});

function stageNewValue(arn: string): RotationStep[] {
  return [
    {
      title: 'Note the version in use now (AWSCURRENT), to move the label from it later.',
      commands: [
        `OLD=$(aws secretsmanager list-secret-version-ids --secret-id ${arn} --query "Versions[?contains(VersionStages, 'AWSCURRENT')].VersionId" --output text)`,
      ],
    },
    {
      title: 'Stage a new random value as AWSPENDING: accepted by the function, not yet used.',
      commands: [
        `NEW=$(aws secretsmanager put-secret-value --secret-id ${arn} --secret-string "$(openssl rand -hex 32)" --version-stages AWSPENDING --query VersionId --output text)`,
      ],
    },
    waitForCaches(),
  ];
}

/** Makes the new value current; the old one becomes AWSPREVIOUS, still accepted until the next rotation. */
function promote(arn: string): RotationStep {
  return {
    title: 'Promote the new value to AWSCURRENT (the old one becomes AWSPREVIOUS) and drop the AWSPENDING label.',
    commands: [
      `aws secretsmanager update-secret-version-stage --secret-id ${arn} --version-stage AWSCURRENT --move-to-version-id "$NEW" --remove-from-version-id "$OLD"`,
      `aws secretsmanager update-secret-version-stage --secret-id ${arn} --version-stage AWSPENDING --remove-from-version-id "$NEW"`,
    ],
  };
}

/** Origin secret: the new value is accepted, then CloudFront sends it, then it becomes current. */
export function originRotation(options: RotationOptions): RotationStep[] {
  const stack = options.stack ?? 'KnowledgeBaseApi';
  const region = options.region === undefined ? '' : ` -c region=${options.region}`;
  const distribution = options.distributionId ?? '<DistributionId>';
  return [
    ...stageNewValue(options.secretArn),
    {
      title: 'Deploy with the new version pinned: CloudFront sends it from then on (the old value stays accepted).',
      commands: [
        `npx cdk deploy --all${region} -c originSecretVersion="$NEW"`,
        `aws cloudfront wait distribution-deployed --id ${distribution}`,
      ],
    },
    promote(options.secretArn),
    {
      title: `Later deploys of ${stack} need no -c originSecretVersion: the reference then resolves AWSCURRENT, the new value.`,
      commands: [],
    },
  ];
}

/** Cursor key: accepted everywhere first, then sealing; the old key opens cursors until its versions are gone. */
export function cursorRotation(options: RotationOptions, now = new Date()): RotationStep[] {
  const keep = options.keepVersions ?? 3;
  const hours = options.refreshHours ?? 24;
  const until = new Date(now.getTime() + keep * hours * 3_600_000 + SECRET_CACHE_MS);
  return [
    ...stageNewValue(options.secretArn),
    promote(options.secretArn),
    {
      title:
        `Cursors sealed with the old key keep working until their version is no longer kept (${keep} refreshes, ${hours} h apart). ` +
        `Do not rotate again before ${until.toISOString()}: the next rotation stops accepting the old key.`,
      commands: [],
    },
  ];
}

export function rotationSteps(kind: SecretKind, options: RotationOptions, now = new Date()): RotationStep[] {
  return kind === 'origin' ? originRotation(options) : cursorRotation(options, now);
}

export function formatSteps(kind: SecretKind, steps: RotationStep[]): string {
  const lines = [`# Rotating the ${kind} secret: run each step once the one before it has finished.`, ''];
  steps.forEach((step, i) => {
    lines.push(`# ${i + 1}. ${step.title}`, ...step.commands, '');
  });
  return lines.join('\n');
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'secret-arn': { type: 'string' },
      'distribution-id': { type: 'string' },
      stack: { type: 'string' },
      region: { type: 'string' },
      'keep-versions': { type: 'string' },
      'refresh-hours': { type: 'string' },
    },
  });
  const kind = positionals[0];
  if (kind !== 'origin' && kind !== 'cursor') throw new Error('Say which secret: origin or cursor.');
  const steps = rotationSteps(kind, {
    secretArn: values['secret-arn'] ?? (kind === 'origin' ? '<OriginSecretArn>' : '<CursorSecretArn>'),
    distributionId: values['distribution-id'],
    stack: values.stack,
    region: values.region,
    keepVersions: values['keep-versions'] === undefined ? undefined : Number(values['keep-versions']),
    refreshHours: values['refresh-hours'] === undefined ? undefined : Number(values['refresh-hours']),
  });
  process.stdout.write(formatSteps(kind, steps));
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
