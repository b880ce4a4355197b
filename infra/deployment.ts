/**
 * The two stacks of a deployment and how they are wired: the web ACL stack in
 * us-east-1 (CloudFront's WAF scope lives there) and the application stack in
 * the chosen region, which reads the web ACL's ARN through CDK's cross-region
 * references (an SSM parameter in us-east-1 that a custom resource copies).
 */
import type { App } from 'aws-cdk-lib';
import { ApiStack, type StackSettings } from './api-stack.js';
import { EDGE_REGION, EdgeSecurityStack, type EdgeSettings } from './edge-security-stack.js';

/**
 * Cross-region references need a concrete region on both stacks, so the
 * application stack cannot stay environment-agnostic. The region comes from
 * `-c region=…`, else from the CLI's environment (AWS_REGION or the profile,
 * passed on as CDK_DEFAULT_REGION), else us-east-1, so `cdk synth` also works
 * with no AWS configuration at all.
 */
export function deploymentRegion(app: App): string {
  const fromContext: unknown = app.node.tryGetContext('region');
  if (fromContext !== undefined) {
    if (typeof fromContext !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(fromContext)) {
      throw new Error(
        `Context region must be an AWS region name such as eu-west-1, got ${JSON.stringify(fromContext)}`,
      );
    }
    return fromContext;
  }
  return process.env.CDK_DEFAULT_REGION ?? EDGE_REGION;
}

export interface DeploymentOptions {
  /** Stack names; the defaults are the deployed ones. */
  apiStackName?: string;
  edgeStackName?: string;
  /** Overrides of the context settings (tests). */
  settings?: Partial<StackSettings>;
  edgeSettings?: Partial<EdgeSettings>;
}

export interface Deployment {
  edge: EdgeSecurityStack;
  api: ApiStack;
}

export function createDeployment(app: App, options: DeploymentOptions = {}): Deployment {
  // Undefined offline: both stacks then stay account-agnostic, which cross-region references allow.
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const edge = new EdgeSecurityStack(app, options.edgeStackName ?? 'KnowledgeBaseEdgeSecurity', {
    description: 'WAF web ACL (and its alarm topic) for the knowledge base CloudFront distribution; us-east-1 only',
    env: { account, region: EDGE_REGION },
    crossRegionReferences: true,
    settings: options.edgeSettings,
  });
  const api = new ApiStack(app, options.apiStackName ?? 'KnowledgeBaseApi', {
    description: 'Serverless GraphQL API over the Russia–Azerbaijan allied-interaction knowledge base',
    env: { account, region: deploymentRegion(app) },
    crossRegionReferences: true,
    webAclArn: edge.webAclArn,
    // The Lambda@Edge function joins the web ACL in us-east-1 when the application stack is elsewhere.
    edgeStackId: edge.node.id,
    settings: options.settings,
  });
  return { edge, api };
}
