/**
 * A Node.js function bundled locally with the settings in infra/bundling.ts,
 * with its own log group (so retention is set) and the runtime, architecture
 * and source-map setup every function of this project shares.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type ICommandHooks, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { BUNDLE, FUNCTION_ENTRIES, NODE_OPTIONS } from '../bundling.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The runtime esbuild targets (ESBUILD_TARGET in infra/bundling.ts); the two change together. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;

export interface BundledFunctionProps {
  /** Entry file relative to the project root (FUNCTION_ENTRIES). */
  entry: string;
  memorySize: number;
  timeout: Duration;
  logRetention: RetentionDays;
  environment?: Record<string, string>;
  reservedConcurrentExecutions?: number;
  description?: string;
  deadLetterQueue?: NodejsFunctionProps['deadLetterQueue'];
  /** Shell commands around the esbuild step (files the bundle reads at run time). */
  commandHooks?: ICommandHooks;
  /** Module replacements for esbuild (`--alias`), paths relative to the project root. */
  aliases?: Record<string, string>;
  /** Modules left to the runtime, besides BUNDLE.externalModules. */
  externalModules?: string[];
}

export class BundledFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      // Logs outlive a torn-down stack like the tables do; deleting them is a deliberate act.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // A role of our own instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const name = (Object.keys(FUNCTION_ENTRIES) as (keyof typeof FUNCTION_ENTRIES)[]).find((key) => FUNCTION_ENTRIES[key] === props.entry);
    const nodeOptions = name === undefined ? undefined : NODE_OPTIONS[name];
    super(scope, id, {
      entry: join(PROJECT_ROOT, props.entry),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
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
      bundling: {
        // esbuild is a devDependency: bundle with it here, never in a Docker image.
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        minify: BUNDLE.minify,
        sourceMap: BUNDLE.sourceMap,
        sourcesContent: BUNDLE.sourcesContent,
        target: BUNDLE.target,
        externalModules: [...BUNDLE.externalModules, ...(props.externalModules ?? [])],
        mainFields: [...BUNDLE.mainFields],
        banner: BUNDLE.banner,
        commandHooks: props.commandHooks,
        esbuildArgs: Object.fromEntries(Object.entries(props.aliases ?? {}).map(([name, path]) => [`--alias:${name}`, path])),
      },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
    });
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason: 'Node.js 22 is the runtime the bundles are built and benchmarked for (ESBUILD_TARGET in infra/bundling.ts); moving to a newer runtime is a deliberate change of both together.',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason: 'Node.js 22 is the runtime the bundles are built and benchmarked for (ESBUILD_TARGET in infra/bundling.ts); moving to a newer runtime is a deliberate change of both together.',
      },
    );
  }
}
