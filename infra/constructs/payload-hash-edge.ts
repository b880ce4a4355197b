/**
 * The Lambda@Edge function that hashes a request body for origin access
 * control (functions/payload-hash/handler.ts), attached to the API's
 * behaviours as origin request with include-body. Lambda@Edge functions live
 * in us-east-1: CDK's EdgeFunction creates it in the application stack when
 * that stack is in us-east-1, else in the named us-east-1 stack (the web ACL
 * stack), and reads its version ARN across regions. Bundled by esbuild in this
 * process like every function of the project; no environment, no layer, x86
 * (Lambda@Edge supports no other architecture) and the smallest memory.
 */
import {
  AssetHashType,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
  type CfnResource,
  type ILocalBundling,
} from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { experimental, LambdaEdgeEventType, type EdgeLambda } from 'aws-cdk-lib/aws-cloudfront';
import { Architecture, Code } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { ESBUILD_TARGET, PROJECT_ROOT } from '../bundling.js';
import { FUNCTION_RUNTIME } from './bundled-function.js';

/** The handler's source; the bundle is one CommonJS file with node:crypto as its only import. */
export const PAYLOAD_HASH_ENTRY = 'functions/payload-hash/handler.ts';

/**
 * The runtime of every function of the project (bundled-function.ts). Not Node.js 20: Lambda deprecated
 * it on 2026-04-30 and blocks creating functions on it next (CDK's synth warns, W2531).
 */
export const EDGE_RUNTIME = FUNCTION_RUNTIME;

/** Hashing a body of at most 1 MB takes milliseconds; memory buys CPU, and 128 MB is the cheapest. */
export const EDGE_MEMORY_MB = 128;

class EdgeBundle implements ILocalBundling {
  readonly entry = PAYLOAD_HASH_ENTRY;

  tryBundle(outputDir: string): boolean {
    buildSync({
      absWorkingDir: PROJECT_ROOT,
      entryPoints: { index: this.entry },
      outdir: outputDir,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: ESBUILD_TARGET,
      minify: true,
      logLevel: 'error',
    });
    return true;
  }
}

/** The construct id CDK gives the provider of EdgeFunction's cross-region reader (one per stack). */
const ARN_READER_PROVIDER = 'Custom::CrossRegionStringParameterReaderCustomResourceProvider';

export interface PayloadHashEdgeProps {
  /** Retention of the log group of CDK's cross-region reader, when the function is in another region. */
  logRetention: RetentionDays;
  /**
   * The us-east-1 stack to create the function in when the application stack is elsewhere
   * (its construct id, a sibling in the app: the web ACL stack); CDK makes a stack of its own without it.
   */
  edgeStackId?: string;
}

export class PayloadHashEdge extends Construct {
  readonly function: experimental.EdgeFunction;

  constructor(scope: Construct, id: string, props: PayloadHashEdgeProps) {
    super(scope, id);
    // EdgeFunction ignores the stack id when this stack is in us-east-1 itself.
    this.function = this.edgeFunction(props.edgeStackId);
    acknowledgeEdgeFindings(this.function);
    this.retainReaderLogs(props.logRetention);
  }

  /**
   * Across regions, CDK reads the function's version ARN with a custom resource whose handler would
   * create its log group on first run, with no retention: the group is made first, with one.
   */
  private retainReaderLogs(retention: RetentionDays): void {
    const provider = Stack.of(this).node.tryFindChild(ARN_READER_PROVIDER);
    const handler = provider?.node.tryFindChild('Handler') as CfnResource | undefined;
    const reader = this.function.node.tryFindChild('ArnReader');
    if (handler === undefined || reader === undefined) return;
    const logs = new LogGroup(this, 'ArnReaderLogs', {
      logGroupName: `/aws/lambda/${handler.ref}`,
      retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    reader.node.addDependency(logs);
  }

  /** The behaviour's association: origin request, with the body, which the hash needs. */
  get association(): EdgeLambda {
    return {
      eventType: LambdaEdgeEventType.ORIGIN_REQUEST,
      functionVersion: this.function.currentVersion,
      includeBody: true,
    };
  }

  private edgeFunction(stackId: string | undefined): experimental.EdgeFunction {
    return new experimental.EdgeFunction(this, 'PayloadHashFunction', {
      description: 'Sets x-amz-content-sha256 from the request body before CloudFront signs it for the function URL',
      code: Code.fromAsset(PROJECT_ROOT, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: { local: new EdgeBundle(), image: EDGE_RUNTIME.bundlingImage },
      }),
      handler: 'index.handler',
      runtime: EDGE_RUNTIME,
      architecture: Architecture.X86_64,
      memorySize: EDGE_MEMORY_MB,
      timeout: Duration.seconds(5),
      stackId,
    });
  }
}

/** cdk-nag's findings on a Lambda@Edge function, each answered by what Lambda@Edge allows. */
function acknowledgeEdgeFindings(edge: experimental.EdgeFunction): void {
  const fn = edge.lambda;
  Validations.of(fn).acknowledge(
    {
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime every function of the project is built and tested for (FUNCTION_RUNTIME); a newer one is a deliberate change of all together.',
    },
    {
      id: 'Serverless-LambdaLatestVersion',
      reason:
        'Node.js 22 is the runtime every function of the project is built and tested for (FUNCTION_RUNTIME); a newer one is a deliberate change of all together.',
    },
    {
      id: 'Serverless-LambdaTracing',
      reason: 'Lambda@Edge does not support AWS X-Ray; its duration and errors are in CloudWatch per region.',
    },
    {
      id: 'Serverless-LambdaDLQ',
      reason: 'Lambda@Edge supports no dead-letter queue: CloudFront invokes it synchronously, per request.',
    },
    {
      id: 'Serverless-LambdaDefaultMemorySize',
      reason: 'Hashing a body of at most 1 MB needs no more than the smallest memory, which is also the cheapest.',
    },
    {
      id: 'Serverless-LambdaLogGroupRetention',
      reason:
        'Lambda@Edge writes to a log group named after the function in each region that runs it, created on first use: no single log group to set a retention on.',
    },
  );
  if (fn.role !== undefined) {
    Validations.of(fn.role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'Lambda@Edge logs to /aws/lambda/us-east-1.<name> in whichever region runs it: the basic role grants exactly that, in every region.',
    });
  }
}
