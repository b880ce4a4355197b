/**
 * A Node.js function bundled locally by esbuild with the settings in
 * infra/bundling.ts (esbuildOptions: ESM, code splitting, minified, source
 * maps), with its own log group (so retention is set) and the runtime,
 * architecture and source-map setup every function of this project shares.
 *
 * Not NodejsFunction: it runs esbuild with `--outfile`, one file, which rules
 * out code splitting; the chunks a cold start does not load are what keeps
 * the GraphQL function's start short. The asset is bundled the way
 * NodejsFunction bundles it (Code.fromAsset of the project with local
 * bundling, hashed on the output), by the same code the benchmarks build with.
 */
import { execSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { AssetHashType, Duration, RemovalPolicy, Validations, type ILocalBundling } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  Runtime,
  Tracing,
  type FunctionProps,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { esbuildOptions, HANDLER_FILE, NODE_OPTIONS, PROJECT_ROOT, type FunctionName } from '../bundling.js';

export { PROJECT_ROOT };

/** The runtime esbuild targets (ESBUILD_TARGET in infra/bundling.ts); the two change together. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;

/** Files a bundle reads at run time: built by a command, then copied beside index.mjs. */
export interface BundleAssets {
  /** Shell commands run in the project root before esbuild. */
  build: string[];
  /** Directories to copy: project-relative source to bundle-relative destination. */
  copy: Record<string, string>;
}

export interface BundledFunctionProps {
  /** Which function (FUNCTION_ENTRIES): its entry and esbuild settings. */
  name: FunctionName;
  memorySize: number;
  timeout: Duration;
  logRetention: RetentionDays;
  environment?: Record<string, string>;
  reservedConcurrentExecutions?: number;
  description?: string;
  deadLetterQueue?: FunctionProps['deadLetterQueue'];
  assets?: BundleAssets;
}

/**
 * Bundles a function into the asset's directory in this process (esbuild is a
 * devDependency): never in a Docker image. Its fields are part of the key CDK
 * caches staged assets by (the JSON of the bundling options): without them,
 * every function bundled from the project root would get the first one's asset.
 */
class LocalEsbuild implements ILocalBundling {
  constructor(
    readonly functionName: FunctionName,
    readonly assets: BundleAssets | undefined,
  ) {}

  tryBundle(outputDir: string): boolean {
    for (const command of this.assets?.build ?? [])
      execSync(command, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    buildSync(esbuildOptions(this.functionName, outputDir));
    for (const [from, to] of Object.entries(this.assets?.copy ?? {}))
      cpSync(join(PROJECT_ROOT, from), join(outputDir, to), { recursive: true });
    return true;
  }
}

export class BundledFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      // Logs outlive a torn-down stack like the tables do; deleting them is a deliberate act.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // A role of our own instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const nodeOptions = NODE_OPTIONS[props.name];
    super(scope, id, {
      code: Code.fromAsset(PROJECT_ROOT, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          local: new LocalEsbuild(props.name, props.assets),
          // Required by the type; never used, since local bundling either succeeds or throws.
          image: FUNCTION_RUNTIME.bundlingImage,
        },
      }),
      handler: `${HANDLER_FILE.replace(/\.mjs$/, '')}.handler`,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      logGroup,
      role,
      tracing: Tracing.ACTIVE,
      description: props.description,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      deadLetterQueue: props.deadLetterQueue,
      environment: {
        ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }),
        NODE_ENV: 'production',
        ...props.environment,
      },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
    });
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime the bundles are built and benchmarked for (ESBUILD_TARGET in infra/bundling.ts); moving to a newer runtime is a deliberate change of both together.',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason:
          'Node.js 22 is the runtime the bundles are built and benchmarked for (ESBUILD_TARGET in infra/bundling.ts); moving to a newer runtime is a deliberate change of both together.',
      },
    );
  }
}
