/**
 * CDK assertions on the synthesized application stack. The deployment (the
 * us-east-1 web ACL stack and the application stack, here in eu-west-1 so the
 * reference between them really crosses regions) is built once (synthesis
 * bundles both functions with esbuild) and every test reads that template.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnResource } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyAttributes, TABLE_LIST } from '../../functions/data/tables.js';
import { DEFAULT_SETTINGS, settingsFromContext, type ApiStack } from '../../infra/api-stack.js';
import { ESM_BANNER } from '../../infra/bundling.js';
import { PROJECT_ROOT } from '../../infra/constructs/bundled-function.js';
import { API_PATH_PATTERNS, MAX_CACHE_TTL } from '../../infra/constructs/cdn.js';
import {
  API_REQUEST_HEADERS,
  CONTENT_SECURITY_POLICY,
  CORS_ALLOW_HEADERS,
  EXPORT_QUERY_PARAMETERS,
  GRAPHQL_QUERY_PARAMETERS,
  HSTS_MAX_AGE_SECONDS,
  ORIGIN_VERIFY_HEADER,
  PAYLOAD_HASH_HEADER,
  SECURITY_HEADERS,
} from '../../functions/shared/http-contract.js';
import { edgeRulesFromTemplate } from '../support/edge-from-template.js';
import { TABLE_ACCESS } from '../../infra/constructs/data-tables.js';
import { REFRESH_LEASE, REFRESH_TIMEOUT } from '../../infra/constructs/seed-refresh.js';
import { DURATION_ALARM_SHARE } from '../../infra/constructs/alarms.js';
import { GRAPHQL_TIMEOUT } from '../../infra/constructs/graphql-function.js';
import { DEADLINE_RESERVE_MS } from '../../functions/refresh/lease.js';
import { LEASE_MS } from '../../functions/shared/constants.js';
import { createDeployment, deploymentRegion } from '../../infra/deployment.js';
import type { EdgeSecurityStack } from '../../infra/edge-security-stack.js';
import { buildId } from '../../infra/build-id.js';

/** The feature flags `cdk synth` reads from cdk.json, so the test synthesizes what the CLI would. */
const CDK_CONTEXT = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }
).context;

type Resource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: Record<string, unknown>;
};
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

let app: App;
let stack: ApiStack;
let edge: EdgeSecurityStack;
let template: Template;
let resources: Record<string, Resource>;

const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnResource);
const asArray = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

/** Every statement of every policy (inline, attached AWS::IAM::Policy, managed) that reaches a role. */
function statementsOfRole(roleId: string): { statements: Statement[]; managedPolicies: unknown[] } {
  const role = resources[roleId];
  const statements: Statement[] = [];
  for (const inline of (role?.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined) ??
    []) {
    statements.push(...inline.PolicyDocument.Statement);
  }
  for (const resource of Object.values(resources)) {
    if (resource.Type !== 'AWS::IAM::Policy' && resource.Type !== 'AWS::IAM::ManagedPolicy') continue;
    const roles = (resource.Properties?.Roles as unknown[] | undefined) ?? [];
    if (!roles.some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId }))) continue;
    statements.push(...(resource.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
  }
  return { statements, managedPolicies: (role?.Properties?.ManagedPolicyArns as unknown[] | undefined) ?? [] };
}

beforeAll(() => {
  // Asset metadata (on by default under the CLI) tells the bundle test where the function's asset is.
  app = new App({ context: { ...CDK_CONTEXT, 'aws:cdk:enable-asset-metadata': true, region: 'eu-west-1' } });
  ({ api: stack, edge } = createDeployment(app, { apiStackName: 'TestStack', edgeStackName: 'TestEdge' }));
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
}, 60_000);

describe('tables', () => {
  it('creates exactly the four tables of TABLE_LIST', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', TABLE_LIST.length);
  });

  it.each(TABLE_LIST.map((def) => [def.name, def] as const))(
    '%s: keys, indexes and protection come from the one definition',
    (name, def) => {
      const table = resources[logicalId(stack.data.tables[name])];
      expect(table?.Type).toBe('AWS::DynamoDB::Table');
      const props = table?.Properties ?? {};
      expect(props.KeySchema).toEqual([
        { AttributeName: def.partitionKey, KeyType: 'HASH' },
        { AttributeName: def.sortKey, KeyType: 'RANGE' },
      ]);
      expect(props.AttributeDefinitions).toEqual(
        expect.arrayContaining(keyAttributes(def).map((n) => ({ AttributeName: n, AttributeType: 'S' }))),
      );
      expect(props.AttributeDefinitions).toHaveLength(keyAttributes(def).length);
      expect(props.GlobalSecondaryIndexes).toEqual(
        def.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      );
      expect(props.BillingMode).toBe('PAY_PER_REQUEST');
      expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(props.SSESpecification).toEqual({ SSEEnabled: true });
      expect(table?.DeletionPolicy).toBe('Retain');
      expect(table?.UpdateReplacePolicy).toBe('Retain');
      expect(props.DeletionProtectionEnabled).toBe(true);
    },
  );

  it('gives each function every table name through its env var', () => {
    for (const fn of [stack.graphql.function, stack.refresh.function]) {
      const env = (resources[logicalId(fn)]?.Properties?.Environment as { Variables: Record<string, unknown> })
        .Variables;
      for (const def of TABLE_LIST) expect(env[def.envVar]).toEqual({ Ref: logicalId(stack.data.tables[def.name]) });
    }
  });
});

describe('GraphQL function', () => {
  it('runs Node.js 22 on arm64 with the configured memory, timeout, concurrency and env', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 10,
      ReservedConcurrentExecutions: DEFAULT_SETTINGS.graphqlReservedConcurrency,
      Environment: {
        Variables: Match.objectLike({
          NODE_ENV: 'production',
          // No --enable-source-maps: the function maps its own stack traces when one is formatted (stack-traces.ts).
          NODE_OPTIONS: Match.absent(),
          INTROSPECTION: 'true',
          POWERTOOLS_SERVICE_NAME: Match.anyValue(),
          // Secrets by ARN: their values are in no template, asset or environment.
          CURSOR_SECRET_ARN: { Ref: logicalId(stack.graphql.cursorSecret) },
          ORIGIN_SECRET_ARN: { Ref: logicalId(stack.graphql.originSecret) },
          CURSOR_SECRET: Match.absent(),
          // Part of every ETag: the hash of the function's sources, dependencies and generated schema.
          BUILD_ID: buildId(),
        }),
      },
    });
  });

  it('may only read the tables: no write, scan or wildcard action in any policy of its role', () => {
    const roleId = logicalId(stack.graphql.function.role!);
    const { statements, managedPolicies } = statementsOfRole(roleId);
    expect(managedPolicies).toEqual([]);
    const dynamoActions = statements.flatMap((s) => asArray(s.Action)).filter((a) => a.startsWith('dynamodb:'));
    expect(new Set(dynamoActions)).toEqual(new Set(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']));
    for (const forbidden of [
      'PutItem',
      'BatchWriteItem',
      'DeleteItem',
      'UpdateItem',
      'Scan',
      'TransactWriteItems',
      'PartiQLInsert',
      'PartiQLUpdate',
      'PartiQLDelete',
      '*',
    ]) {
      expect(dynamoActions).not.toContain(`dynamodb:${forbidden}`);
    }
    for (const action of statements.flatMap((s) => asArray(s.Action)))
      expect(action).not.toMatch(/^(\*|[a-z0-9]+:\*)$/);
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('grants its reads on every table and on the indexes of every table', () => {
    const { statements } = statementsOfRole(logicalId(stack.graphql.function.role!));
    const read = statements.find((s) => asArray(s.Action).includes('dynamodb:Query'));
    expect(new Set(asArray(read!.Action))).toEqual(new Set(TABLE_ACCESS.read.actions));
    const granted = asArray(read!.Resource).map((r) => JSON.stringify(r));
    for (const def of TABLE_LIST) {
      const arn = { 'Fn::GetAtt': [logicalId(stack.data.tables[def.name]), 'Arn'] };
      expect(granted).toContain(JSON.stringify(arn));
      expect(granted).toContain(JSON.stringify({ 'Fn::Join': ['', [arn, '/index/*']] }));
    }
  });

  it('was bundled locally by esbuild as ESM with the shared banner, with the playground beside it', () => {
    const assetPath = resources[logicalId(stack.graphql.function)]?.Metadata?.['aws:asset:path'] as string;
    const dir = join(app.outdir, assetPath);
    const bundle = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(bundle.startsWith(ESM_BANNER)).toBe(true);
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    expect(existsSync(join(dir, 'playground'))).toBe(true);
  });

  it('leaves what a cold start does not use to chunks loaded on first use, and bundles each function apart', () => {
    const assetDir = (fn: IConstruct) =>
      join(app.outdir, resources[logicalId(fn)]?.Metadata?.['aws:asset:path'] as string);
    const dir = assetDir(stack.graphql.function);
    // index.mjs and what it imports statically, transitively: what a cold start reads and compiles.
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const [, chunk] of readFileSync(join(dir, file), 'utf8').matchAll(
        /(?:^|[;}\n])import\s*(?:[^"'()]*?from\s*)?"\.\/([^"]+\.mjs)"/g,
      ))
        visit(chunk!);
    };
    visit('index.mjs');
    const sourcesOf = (files: string[]) =>
      files.flatMap(
        (file) => (JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as { sources: string[] }).sources,
      );
    const coldSources = sourcesOf([...loaded]);
    const allSources = sourcesOf(readdirSync(dir).filter((file) => file.endsWith('.mjs')));
    expect(coldSources.some((s) => s.endsWith('functions/graphql/server.ts'))).toBe(true);
    for (const lazy of [
      /node_modules\/graphql-jit\//,
      /functions\/search\/search-query\.ts$/,
      /functions\/search\/compact-index\.ts$/,
      /functions\/data\/s3-search-index-store\.ts$/,
    ]) {
      expect(
        allSources.some((s) => lazy.test(s)),
        String(lazy),
      ).toBe(true);
      expect(
        coldSources.filter((s) => lazy.test(s)),
        String(lazy),
      ).toEqual([]);
    }
    // The refresh function has an asset of its own (the staging cache must not hand it the GraphQL one).
    const refreshDir = assetDir(stack.refresh.function);
    expect(refreshDir).not.toBe(dir);
    expect(existsSync(join(refreshDir, 'playground'))).toBe(false);
    const refreshSources = (
      JSON.parse(readFileSync(join(refreshDir, 'index.mjs.map'), 'utf8')) as { sources: string[] }
    ).sources;
    expect(refreshSources.some((s) => s.endsWith('functions/seed-refresh/handler.ts'))).toBe(true);
  });
});

describe('function URL: only CloudFront reaches the function', () => {
  const graphqlArn = () => ({ 'Fn::GetAtt': [logicalId(stack.graphql.function), 'Arn'] });
  const distributionArn = () => ({
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':cloudfront::',
        { Ref: 'AWS::AccountId' },
        ':distribution/',
        { Ref: logicalId(stack.cdn.distribution) },
      ],
    ],
  });

  it('has no API Gateway in front of the function: the function URL is the only front door', () => {
    for (const type of ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGateway::RestApi'])
      template.resourceCountIs(type, 0);
    template.resourceCountIs('AWS::Lambda::Url', 1);
  });

  it('takes signed requests only (AWS_IAM): an unsigned request is refused by Lambda before any invocation', () => {
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'AWS_IAM',
      InvokeMode: 'BUFFERED',
      TargetFunctionArn: graphqlArn(),
    });
  });

  it("allows only CloudFront, for this deployment's distribution, to invoke the function or its URL", () => {
    const targets = [logicalId(stack.graphql.function), logicalId(stack.api.url)];
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter((p) =>
      targets.some((id) => JSON.stringify(p.Properties.FunctionName).includes(`"${id}"`)),
    );
    expect(permissions.map((p) => p.Properties.Action).sort()).toEqual([
      'lambda:InvokeFunction',
      'lambda:InvokeFunctionUrl',
    ]);
    for (const { Properties: permission } of permissions) {
      expect(permission.Principal).toBe('cloudfront.amazonaws.com');
      expect(permission.SourceArn).toEqual(distributionArn());
      // No FunctionUrlAuthType NONE grant: that is what would open the URL to everyone.
      expect(permission.FunctionUrlAuthType).toBeUndefined();
    }
    // The plain invoke grant holds only for calls through the URL, which must be signed.
    expect(
      permissions.find((p) => p.Properties.Action === 'lambda:InvokeFunction')?.Properties.InvokedViaFunctionUrl,
    ).toBe(true);
  });

  it('lets browsers call it from any origin without credentials, from the one CORS definition', () => {
    template.hasResourceProperties('AWS::Lambda::Url', {
      Cors: {
        AllowOrigins: ['*'],
        // Lambda answers preflights itself: OPTIONS is not one of a function URL's methods.
        AllowMethods: ['GET', 'POST'],
        AllowHeaders: [...CORS_ALLOW_HEADERS],
        ExposeHeaders: ['etag', 'x-corpus-version'],
        AllowCredentials: false,
        MaxAge: 86400,
      },
    });
    // Clients send no body hash (the edge function sets it): a browser's preflight need not allow one.
    expect(CORS_ALLOW_HEADERS).not.toContain(PAYLOAD_HASH_HEADER);
  });

  it('keeps its two secrets in Secrets Manager, generated at deploy, retained, readable by the function only', () => {
    for (const secret of [stack.graphql.cursorSecret, stack.graphql.originSecret]) {
      const resource = resources[logicalId(secret)];
      expect(resource?.Properties?.GenerateSecretString).toMatchObject({
        PasswordLength: 64,
        ExcludePunctuation: true,
      });
      expect(resource?.Properties?.SecretString).toBeUndefined();
      expect(resource?.DeletionPolicy).toBe('Retain');
    }
    const { statements } = statementsOfRole(logicalId(stack.graphql.function.role!));
    const reads = statements.filter((s) => asArray(s.Action).includes('secretsmanager:GetSecretValue'));
    expect(reads.flatMap((s) => asArray(s.Resource)).sort()).toEqual(
      [{ Ref: logicalId(stack.graphql.cursorSecret) }, { Ref: logicalId(stack.graphql.originSecret) }].sort(),
    );
  });

  it('outputs the function URL beside the public one', () => {
    template.hasOutput('ApiOriginUrl', {
      Value: { 'Fn::GetAtt': [logicalId(stack.api.url), 'FunctionUrl'] },
    });
  });
});

describe('CDN', () => {
  const distribution = () =>
    resources[logicalId(stack.cdn.distribution)]?.Properties?.DistributionConfig as Record<string, unknown>;
  // The API's behaviour: /graphql (the explorer takes the default one).
  const behavior = () =>
    (distribution().CacheBehaviors as Record<string, unknown>[]).find((b) => b.PathPattern === '/graphql')!;

  it('points the GraphQLUrl output at the distribution', () => {
    template.hasOutput('GraphQLUrl', {
      Value: {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.cdn.distribution), 'DomainName'] }, '/graphql']],
      },
    });
  });

  it('sends /graphql to the function URL over HTTPS, signed by origin access control, with the origin secret', () => {
    const origins = distribution().Origins as Record<string, unknown>[];
    const api = origins.find((o) => o.Id === behavior().TargetOriginId);
    expect(api).toMatchObject({
      DomainName: {
        'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId(stack.api.url), 'FunctionUrl'] }] }],
      },
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
      OriginCustomHeaders: [
        {
          HeaderName: ORIGIN_VERIFY_HEADER,
          // Resolved by CloudFormation at deploy: the template holds a reference, not the value.
          HeaderValue: {
            'Fn::Join': [
              '',
              ['{{resolve:secretsmanager:', { Ref: logicalId(stack.graphql.originSecret) }, ':SecretString:::}}'],
            ],
          },
        },
      ],
    });
    const oacId = (api?.OriginAccessControlId as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(resources[oacId]?.Properties?.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 'lambda',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    expect(behavior().ViewerProtocolPolicy).toBe('https-only');
  });

  it('caches /export/* like GraphQL GETs, keyed on exactly the export parameters', () => {
    const behaviors = distribution().CacheBehaviors as Record<string, unknown>[];
    const exportBehavior = behaviors.find((b) => b.PathPattern === '/export/*');
    expect(exportBehavior).toMatchObject({ ViewerProtocolPolicy: 'https-only', CachedMethods: ['GET', 'HEAD'] });
    const policyId = (exportBehavior?.CachePolicyId as { Ref: string }).Ref;
    const config = resources[policyId]?.Properties?.CachePolicyConfig as Record<string, Record<string, unknown>>;
    expect(config.ParametersInCacheKeyAndForwardedToOrigin?.QueryStringsConfig).toEqual({
      QueryStringBehavior: 'whitelist',
      QueryStrings: [...EXPORT_QUERY_PARAMETERS],
    });
  });

  it('lets every method through but caches only GET and HEAD, compressed', () => {
    expect(behavior().AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'POST']));
    expect(behavior().CachedMethods).toEqual(['GET', 'HEAD']);
    expect(behavior().Compress).toBe(true);
  });

  it('caches for as long as the origin says: TTL 0 without Cache-Control, keyed on the GraphQL parameters and the headers that change the answer', () => {
    expect(behavior().CachePolicyId).toEqual({ Ref: logicalId(stack.cdn.cachePolicy) });
    const config = resources[logicalId(stack.cdn.cachePolicy)]?.Properties?.CachePolicyConfig as Record<
      string,
      unknown
    >;
    expect(config).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: MAX_CACHE_TTL.toSeconds() });
    expect(config.ParametersInCacheKeyAndForwardedToOrigin).toEqual({
      EnableAcceptEncodingGzip: true,
      EnableAcceptEncodingBrotli: true,
      // A random parameter (?nocache=123) neither splits the cache nor bypasses it.
      QueryStringsConfig: {
        QueryStringBehavior: 'whitelist',
        QueryStrings: ['query', 'variables', 'operationName', 'extensions'],
      },
      CookiesConfig: { CookieBehavior: 'none' },
      HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['accept', 'origin', 'x-corpus-version'] },
    });
  });

  it('passes the validator, the content type, the CSRF-prevention headers and the preflight questions to the origin without splitting the cache', () => {
    expect(behavior().OriginRequestPolicyId).toEqual({ Ref: logicalId(stack.cdn.originRequestPolicy) });
    const config = resources[logicalId(stack.cdn.originRequestPolicy)]?.Properties?.OriginRequestPolicyConfig as Record<
      string,
      unknown
    >;
    expect(config).toEqual({
      Name: expect.any(String),
      Comment: expect.any(String),
      QueryStringsConfig: { QueryStringBehavior: 'none' },
      CookiesConfig: { CookieBehavior: 'none' },
      HeadersConfig: {
        HeaderBehavior: 'whitelist',
        Headers: [
          'if-none-match',
          'content-type',
          'apollo-require-preflight',
          'x-apollo-operation-name',
          'access-control-request-method',
          'access-control-request-headers',
        ],
      },
    });
    // A viewer's body hash never reaches the signature: the edge function sets the body's own.
    expect((config.HeadersConfig as { Headers: string[] }).Headers).not.toContain(PAYLOAD_HASH_HEADER);
    // Host must stay CloudFront's choice (the URL's own domain), or the signature and Lambda's routing fail.
    expect((config.HeadersConfig as { Headers: string[] }).Headers.map((h) => h.toLowerCase())).not.toContain('host');
  });

  it('lets every request header the API reads, and every header CORS allows, reach the function', () => {
    const rules = edgeRulesFromTemplate(template.toJSON());
    for (const header of [...API_REQUEST_HEADERS, ...CORS_ALLOW_HEADERS])
      expect(rules.forwarding.headers).toContain(header);
    expect(rules.forwarding.queryStrings).toEqual([...GRAPHQL_QUERY_PARAMETERS]);
  });

  it('adds HSTS, nosniff, no referrer, no framing and the playground CSP to every reply, overriding the origin', () => {
    expect(behavior().ResponseHeadersPolicyId).toEqual({ Ref: logicalId(stack.cdn.responseHeadersPolicy) });
    const config = resources[logicalId(stack.cdn.responseHeadersPolicy)]?.Properties?.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    };
    expect(config.SecurityHeadersConfig).toEqual({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS,
        IncludeSubdomains: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentSecurityPolicy: { ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true },
    });
    // Read back as the headers CloudFront writes: the ones the local server sends.
    expect(edgeRulesFromTemplate(template.toJSON()).responseHeaders).toEqual(SECURITY_HEADERS);
  });

  it('is protected by the web ACL of the us-east-1 stack, read across regions', () => {
    expect(stack.region).toBe('eu-west-1');
    expect(edge.region).toBe('us-east-1');
    expect(distribution().WebACLId).toEqual({
      'Fn::GetStackOutput': { StackName: 'TestEdge', Region: 'us-east-1', OutputName: expect.any(String) },
    });
    const outputName = (distribution().WebACLId as { 'Fn::GetStackOutput': { OutputName: string } })[
      'Fn::GetStackOutput'
    ].OutputName;
    const edgeOutputs = Template.fromStack(edge).toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(edgeOutputs[outputName]?.Value).toEqual({ 'Fn::GetAtt': [edge.getLogicalId(edge.waf.webAcl), 'Arn'] });
    expect(stack.dependencies).toContain(edge);
  });

  it('writes access logs to a private, TLS-only bucket that keeps ACLs for CloudFront log delivery', () => {
    expect(distribution().Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logicalId(stack.cdn.logBucket), 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    expect(resources[logicalId(stack.cdn.logBucket)]?.Properties).toMatchObject({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack.cdn.logBucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('deployment region', () => {
  const appWith = (context: Record<string, unknown>) => new App({ context });

  it('takes -c region, else the CLI environment, else us-east-1', () => {
    const saved = process.env.CDK_DEFAULT_REGION;
    try {
      delete process.env.CDK_DEFAULT_REGION;
      expect(deploymentRegion(appWith({}))).toBe('us-east-1');
      process.env.CDK_DEFAULT_REGION = 'ap-southeast-2';
      expect(deploymentRegion(appWith({}))).toBe('ap-southeast-2');
      expect(deploymentRegion(appWith({ region: 'eu-central-1' }))).toBe('eu-central-1');
    } finally {
      if (saved === undefined) delete process.env.CDK_DEFAULT_REGION;
      else process.env.CDK_DEFAULT_REGION = saved;
    }
  });

  it('rejects a region that is not a region name', () => {
    expect(() => deploymentRegion(appWith({ region: 'Frankfurt' }))).toThrow(/region/);
  });
});

describe('corpus and seed refresh', () => {
  it('keeps the corpus in a versioned, private, encrypted, TLS-only bucket that is retained', () => {
    const bucket = resources[logicalId(stack.corpus.bucket)];
    expect(bucket?.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(stack.corpus.node.findChild('AccessLogs')) } },
    });
    expect(bucket?.DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack.corpus.bucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('uploads seed/data under corpus/ at deploy', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: logicalId(stack.corpus.bucket) },
      DestinationBucketKeyPrefix: 'corpus/',
    });
  });

  it('runs the refresh with one concurrent execution, five minutes, a DLQ and the corpus location', () => {
    const fn = resources[logicalId(stack.refresh.function)]?.Properties;
    expect(fn).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: 300,
      ReservedConcurrentExecutions: 1,
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [logicalId(stack.refresh.deadLetterQueue), 'Arn'] } },
      Environment: {
        Variables: expect.objectContaining({
          CORPUS_BUCKET: { Ref: logicalId(stack.corpus.bucket) },
          CORPUS_PREFIX: 'corpus/',
          KEEP_VERSIONS: '3',
        }),
      },
    });
  });

  it('gives the refresh a lease far shorter than its timeout, so a killed run is retried and resumed within minutes', () => {
    const timeout = Number(resources[logicalId(stack.refresh.function)]?.Properties?.Timeout);
    // The lease lapses (a minute) before Lambda's first retry of an async invocation (about a minute later), and is renewed
    // every third of it while a run works; a run stops writing DEADLINE_RESERVE_MS before the timeout.
    expect(REFRESH_LEASE.toSeconds()).toBe(LEASE_MS / 1000);
    expect(LEASE_MS / 1000).toBeLessThanOrEqual(timeout / 5);
    expect(DEADLINE_RESERVE_MS / 1000).toBeLessThan(timeout / 5);
  });

  it('lets the refresh read the corpus prefix and write the tables, nothing else', () => {
    const { statements, managedPolicies } = statementsOfRole(logicalId(stack.refresh.function.role!));
    expect(managedPolicies).toEqual([]);
    const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(new Set(dynamo.flatMap((s) => asArray(s.Action)))).toEqual(new Set(TABLE_ACCESS.refresh.actions));
    const s3Actions = statements.flatMap((s) => asArray(s.Action)).filter((a) => a.startsWith('s3:'));
    expect(new Set(s3Actions)).toEqual(new Set(['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket']));
    const bucketArn = { 'Fn::GetAtt': [logicalId(stack.corpus.bucket), 'Arn'] };
    const corpusRead = statements.find((s) => asArray(s.Action).join() === 's3:GetObject');
    expect(corpusRead?.Resource).toEqual({ 'Fn::Join': ['', [bucketArn, '/corpus/*']] });
    // It writes and deletes only the search indexes (one per content, named by its hash).
    const indexWrite = statements.find((s) => asArray(s.Action).includes('s3:PutObject'));
    expect(indexWrite?.Resource).toEqual({ 'Fn::Join': ['', [bucketArn, '/search/*']] });
    expect(asArray(indexWrite?.Action)).toContain('s3:DeleteObject');
  });

  it('scopes every S3 permission of the refresh to its prefixes: listing only under them, objects only inside them', () => {
    const { statements } = statementsOfRole(logicalId(stack.refresh.function.role!));
    const bucketArn = { 'Fn::GetAtt': [logicalId(stack.corpus.bucket), 'Arn'] };
    const s3 = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('s3:')));
    const list = s3.filter((s) => asArray(s.Action).includes('s3:ListBucket'));
    expect(list).toHaveLength(1);
    expect(list[0]?.Resource).toEqual(bucketArn);
    expect(list[0]?.Condition).toEqual({ StringLike: { 's3:prefix': ['corpus/*', 'search/*'] } });
    const objectResources = s3
      .filter((s) => !asArray(s.Action).includes('s3:ListBucket'))
      .flatMap((s) => asArray(s.Resource));
    expect(objectResources.map((r) => JSON.stringify(r)).sort()).toEqual(
      [{ 'Fn::Join': ['', [bucketArn, '/corpus/*']] }, { 'Fn::Join': ['', [bucketArn, '/search/*']] }]
        .map((r) => JSON.stringify(r))
        .sort(),
    );
  });

  it('denies the deployment handler any write or delete outside the corpus prefix', () => {
    const { statements } = statementsOfRole(logicalId(stack.corpus.deployment.handlerRole));
    const deny: (Statement & { NotResource?: unknown }) | undefined = statements.find((s) => s.Effect === 'Deny');
    expect(deny).toBeDefined();
    expect(asArray(deny!.Action)).toEqual(
      expect.arrayContaining(['s3:PutObject*', 's3:DeleteObject*', 's3:AbortMultipartUpload']),
    );
    expect(deny!.NotResource).toEqual({
      'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack.corpus.bucket), 'Arn'] }, '/corpus/*']],
    });
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: 'corpus/',
      Prune: true,
    });
  });

  it('lets the GraphQL function read the search indexes and nothing else in S3', () => {
    const { statements } = statementsOfRole(logicalId(stack.graphql.function.role!));
    const s3 = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('s3:')));
    const bucketArn = { 'Fn::GetAtt': [logicalId(stack.corpus.bucket), 'Arn'] };
    expect(s3.flatMap((s) => asArray(s.Action)).sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(s3.find((s) => asArray(s.Action).includes('s3:GetObject'))?.Resource).toEqual({
      'Fn::Join': ['', [bucketArn, '/search/*']],
    });
    const list = s3.find((s) => asArray(s.Action).includes('s3:ListBucket'));
    expect(list?.Resource).toEqual(bucketArn);
    expect(list?.Condition).toEqual({ StringLike: { 's3:prefix': 'search/*' } });
  });

  it('schedules the refresh daily with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(stack.refresh.function), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack.refresh.deadLetterQueue), 'Arn'] } },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: Match.anyValue() }),
        }),
      ],
    });
  });

  it('encrypts the dead-letter queue and requires TLS', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('operations', () => {
  it('alarms on refresh errors, dead letters, GraphQL errors and throttles, and function URL 5xx', () => {
    // Those below, one duration alarm per function and one throttle alarm per table.
    template.resourceCountIs('AWS::CloudWatch::Alarm', 5 + 2 + TABLE_LIST.length);
    const fnDim = (fn: IConstruct) => [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }];
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: fnDim(stack.refresh.function),
      Threshold: 1,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: fnDim(stack.graphql.function),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Throttles',
      Dimensions: fnDim(stack.graphql.function),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Url5xxCount', Namespace: 'AWS/Lambda' });
  });

  it('alarms when an invocation nears its function timeout', () => {
    for (const [fn, timeout] of [
      [stack.graphql.function, GRAPHQL_TIMEOUT],
      [stack.refresh.function, REFRESH_TIMEOUT],
    ] as const) {
      const functionTimeout = resources[logicalId(fn)]?.Properties?.Timeout;
      expect(functionTimeout).toBe(timeout.toSeconds());
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Duration',
        Namespace: 'AWS/Lambda',
        Statistic: 'Maximum',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }],
        Threshold: timeout.toMilliseconds() * DURATION_ALARM_SHARE,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it('alarms on DynamoDB throttling of every table', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    for (const def of TABLE_LIST) {
      const table = { Ref: logicalId(stack.data.tables[def.name]) };
      const onTable = alarms.filter((alarm) => {
        const metrics = (alarm.Properties.Metrics ?? []) as { MetricStat?: { Metric: Record<string, unknown> } }[];
        return metrics.some(
          (m) =>
            m.MetricStat?.Metric.MetricName === 'ThrottledRequests' &&
            JSON.stringify(m.MetricStat.Metric.Dimensions).includes(JSON.stringify(table)),
        );
      });
      expect(onTable, def.name).toHaveLength(1);
      const operations = (onTable[0]!.Properties.Metrics as { MetricStat?: { Metric: { Dimensions: unknown } } }[])
        .filter((m) => m.MetricStat)
        .map((m) => JSON.stringify(m.MetricStat!.Metric.Dimensions));
      for (const op of ['Query', 'BatchGetItem', 'GetItem', 'BatchWriteItem']) {
        expect(
          operations.some((d) => d.includes(`"${op}"`)),
          `${def.name} ${op}`,
        ).toBe(true);
      }
    }
  });

  it('notifies the alarm topic of its own stack on ALARM and on OK, from every alarm', () => {
    const topic = { Ref: logicalId(stack.alarms.topic) };
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions, alarm.Properties.AlarmDescription as string).toEqual([topic]);
      expect(alarm.Properties.OKActions, alarm.Properties.AlarmDescription as string).toEqual([topic]);
    }
  });

  it('encrypts the alarm topic with a rotated key CloudWatch may use, and requires TLS to publish', () => {
    const keyId = logicalId(stack.alarms.key);
    expect(resources[logicalId(stack.alarms.topic)]?.Properties?.KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [keyId, 'Arn'],
    });
    expect(resources[keyId]?.Properties).toMatchObject({ EnableKeyRotation: true });
    const keyStatements = (
      resources[keyId]?.Properties?.KeyPolicy as { Statement: (Statement & { Principal: unknown })[] }
    ).Statement;
    expect(keyStatements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']),
        }),
      ]),
    );
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
          }),
        ]),
      },
    });
    // No e-mail in the context, no subscription.
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('sets a retention on the log group of every function', () => {
    const functions = Object.entries(template.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(3);
    // A function CDK provides without a logging setting (the cross-region reader) gets a group of its name.
    const byName = (id: string) =>
      Object.keys(resources).find((key) =>
        JSON.stringify(resources[key]?.Properties?.LogGroupName ?? '').includes(`{"Ref":"${id}"}`),
      );
    for (const [id, fn] of functions) {
      const ref =
        (fn.Properties.LoggingConfig as { LogGroup?: { Ref: string } } | undefined)?.LogGroup?.Ref ?? byName(id);
      expect(
        ref,
        `function without its own log group: ${JSON.stringify(fn.Properties.Description ?? fn.Properties.Handler)}`,
      ).toBeDefined();
      expect(resources[ref!]?.Properties?.RetentionInDays).toBeGreaterThan(0);
    }
  });
});

describe('settings from context', () => {
  const scopeWith = (context: Record<string, unknown>) => new Stack(new App({ context }), 'Settings');

  it('defaults without context', () => {
    expect(settingsFromContext(scopeWith({}))).toEqual(DEFAULT_SETTINGS);
  });

  it('reads -c strings and cdk.json values', () => {
    const settings = settingsFromContext(
      scopeWith({
        introspection: 'false',
        graphqlReservedConcurrency: 'none',
        refreshIntervalHours: '6',
        logRetentionDays: '90',
      }),
    );
    expect(settings).toEqual({
      introspection: 'false',
      graphqlReservedConcurrency: undefined,
      refreshIntervalHours: 6,
      logRetentionDays: RetentionDays.THREE_MONTHS,
      corsOrigins: ['*'],
      originSecretVersion: undefined,
      domain: undefined,
    });
  });

  it('takes a custom domain only with its us-east-1 certificate, and refuses one without the other', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/1f2e3d4c-5b6a-4789-8abc-def012345678';
    expect(settingsFromContext(scopeWith({ domainName: 'API.example.org', certificateArn })).domain).toEqual({
      domainName: 'api.example.org',
      certificateArn,
    });
    expect(() => settingsFromContext(scopeWith({ domainName: 'api.example.org' }))).toThrow(/go together/);
    expect(() => settingsFromContext(scopeWith({ certificateArn }))).toThrow(/go together/);
    expect(() => settingsFromContext(scopeWith({ domainName: 'https://api.example.org', certificateArn }))).toThrow(
      /domainName/,
    );
    const elsewhere = certificateArn.replace('us-east-1', 'eu-west-1');
    expect(() => settingsFromContext(scopeWith({ domainName: 'api.example.org', certificateArn: elsewhere }))).toThrow(
      /certificateArn .*us-east-1/,
    );
  });

  it('pins the origin secret version CloudFront sends during a rotation, and refuses anything but a version id', () => {
    const version = '0d2f7a52-4c1e-4b8a-9d36-2f7e1c9a4b10';
    expect(settingsFromContext(scopeWith({ originSecretVersion: version })).originSecretVersion).toBe(version);
    expect(() => settingsFromContext(scopeWith({ originSecretVersion: 'AWSCURRENT' }))).toThrow(/originSecretVersion/);
  });

  it('allows only the origins given by the corsOrigins context, and refuses one that is not an origin', () => {
    const only = scopeWith({ corsOrigins: 'https://app.example.org, http://localhost:5173' });
    expect(settingsFromContext(only).corsOrigins).toEqual(['https://app.example.org', 'http://localhost:5173']);
    const json = scopeWith({ corsOrigins: ['https://app.example.org'] });
    expect(settingsFromContext(json).corsOrigins).toEqual(['https://app.example.org']);
    expect(DEFAULT_SETTINGS.corsOrigins).toEqual(['*']);
    const withPath = scopeWith({ corsOrigins: 'https://app.example.org/' });
    expect(() => settingsFromContext(withPath)).toThrow(/not an origin/);
  });

  it('reads an alarm e-mail address and refuses anything else', () => {
    expect(settingsFromContext(scopeWith({ alarmEmail: 'ops@example.org' })).alarmEmail).toBe('ops@example.org');
    expect(settingsFromContext(scopeWith({ alarmEmail: '' })).alarmEmail).toBeUndefined();
    expect(() => settingsFromContext(scopeWith({ alarmEmail: 'ops' }))).toThrow(/alarmEmail/);
  });

  it('rejects values that would synthesize a broken stack', () => {
    expect(() => settingsFromContext(scopeWith({ refreshIntervalHours: '0' }))).toThrow(/refreshIntervalHours/);
    expect(() => settingsFromContext(scopeWith({ logRetentionDays: 31 }))).toThrow(/logRetentionDays/);
    expect(() => settingsFromContext(scopeWith({ introspection: 'yes' }))).toThrow(/introspection/);
  });
});

describe('explorer site', () => {
  const distribution = () =>
    resources[logicalId(stack.cdn.distribution)]?.Properties?.DistributionConfig as Record<string, unknown>;

  it('serves the explorer from its private bucket as the default behaviour, through origin access control', () => {
    const defaults = distribution().DefaultCacheBehavior as Record<string, unknown>;
    const origins = distribution().Origins as Record<string, unknown>[];
    const site = origins.find((o) => o.Id === defaults.TargetOriginId);
    expect(site).toMatchObject({
      DomainName: { 'Fn::GetAtt': [logicalId(stack.explorer.bucket), 'RegionalDomainName'] },
      OriginAccessControlId: { 'Fn::GetAtt': [expect.any(String), 'Id'] },
    });
    expect(defaults.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(defaults.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(resources[logicalId(stack.explorer.bucket)]?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('answers deep links with a CloudFront Function on its behaviour, not with distribution-wide error pages', () => {
    const defaults = distribution().DefaultCacheBehavior as Record<string, unknown>;
    expect(defaults.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: { 'Fn::GetAtt': [logicalId(stack.explorer.deepLinks), 'FunctionARN'] },
      },
    ]);
    expect(distribution().CustomErrorResponses).toBeUndefined();
    const api = (distribution().CacheBehaviors as Record<string, unknown>[]).filter((b) =>
      (API_PATH_PATTERNS as readonly string[]).includes(b.PathPattern as string),
    );
    expect(api.map((b) => b.PathPattern).sort()).toEqual([...API_PATH_PATTERNS].sort());
    for (const behavior of api) expect(behavior.FunctionAssociations).toBeUndefined();
  });

  it('uploads the built explorer on every deploy and invalidates its page', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: logicalId(stack.explorer.bucket) },
      DistributionId: { Ref: logicalId(stack.cdn.distribution) },
      DistributionPaths: ['/', '/index.html'],
      Prune: false,
    });
  });
});

describe('Lambda@Edge body hash', () => {
  const distribution = () =>
    resources[logicalId(stack.cdn.distribution)]?.Properties?.DistributionConfig as Record<string, unknown>;
  const behaviours = () => [
    distribution().DefaultCacheBehavior as Record<string, unknown>,
    ...(distribution().CacheBehaviors as Record<string, unknown>[]),
  ];
  const edgeTemplate = () => Template.fromStack(edge);

  it('runs on origin request, with the body, on every behaviour that lets a POST through, and on no other', () => {
    const posting = behaviours().filter((b) => (b.AllowedMethods as string[]).includes('POST'));
    expect(posting.map((b) => b.PathPattern).sort()).toEqual([...API_PATH_PATTERNS].sort());
    for (const behaviour of behaviours()) {
      const associations = behaviour.LambdaFunctionAssociations as Record<string, unknown>[] | undefined;
      if (!posting.includes(behaviour)) {
        expect(associations, String(behaviour.PathPattern)).toBeUndefined();
        continue;
      }
      expect(associations).toEqual([
        {
          EventType: 'origin-request',
          IncludeBody: true,
          // A numbered version of the function in us-east-1, read across regions.
          LambdaFunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^PayloadHash.*ArnReader/), 'FunctionArn'] },
        },
      ]);
    }
  });

  it('lives in the us-east-1 stack when the application stack is elsewhere: Node.js 22 on x86, no environment', () => {
    expect(stack.region).toBe('eu-west-1');
    expect(edge.region).toBe('us-east-1');
    const functions = edgeTemplate().findResources('AWS::Lambda::Function');
    const [fn, ...others] = Object.values(functions);
    expect(others).toHaveLength(0);
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['x86_64'],
      MemorySize: 128,
      Handler: 'index.handler',
    });
    expect(fn?.Properties.Environment).toBeUndefined();
    edgeTemplate().resourceCountIs('AWS::Lambda::Version', 1);
    template.resourceCountIs('Custom::CrossRegionStringParameterReader', 1);
  });

  it('can be assumed by Lambda@Edge, and may do nothing but write its logs', () => {
    const roles = Object.values(edgeTemplate().findResources('AWS::IAM::Role'));
    const role = roles.find((r) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('edgelambda'));
    const principals = (
      role?.Properties.AssumeRolePolicyDocument.Statement as { Principal: { Service: string | string[] } }[]
    )
      .flatMap((s) => asArray(s.Principal.Service))
      .sort();
    expect(principals).toEqual(['edgelambda.amazonaws.com', 'lambda.amazonaws.com']);
    expect(JSON.stringify(role?.Properties.ManagedPolicyArns)).toContain('AWSLambdaBasicExecutionRole');
    expect(role?.Properties.Policies).toBeUndefined();
    edgeTemplate().resourceCountIs('AWS::IAM::Policy', 0);
  });

  it('stays in the application stack when that stack is in us-east-1 (the default offline)', () => {
    const app = new App({ context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
    const deployment = createDeployment(app, { apiStackName: 'EastStack', edgeStackName: 'EastEdge' });
    expect(deployment.api.region).toBe('us-east-1');
    const east = Template.fromStack(deployment.api);
    east.resourceCountIs('Custom::CrossRegionStringParameterReader', 0);
    east.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Architectures: ['x86_64'] });
    Template.fromStack(deployment.edge).resourceCountIs('AWS::Lambda::Function', 0);
  });
});

describe('viewer domain and TLS', () => {
  const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/1f2e3d4c-5b6a-4789-8abc-def012345678';
  const configOf = (template: Template) =>
    Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]?.Properties.DistributionConfig as Record<
      string,
      unknown
    >;

  it('uses the *.cloudfront.net domain and its certificate without -c domainName', () => {
    const config = configOf(template);
    expect(config.Aliases).toBeUndefined();
    expect(config.ViewerCertificate).toBeUndefined();
    template.hasOutput('GraphQLUrl', {
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.anyValue(), 'DomainName'] }, '/graphql']] },
    });
  });

  it('serves -c domainName with -c certificateArn at TLS 1.2 at least (TLSv1.2_2021), over SNI', () => {
    // Prepare
    const app = new App({
      context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [], domainName: 'api.example.org', certificateArn },
    });

    // Act
    const custom = Template.fromStack(
      createDeployment(app, { apiStackName: 'Domain', edgeStackName: 'DomainEdge' }).api,
    );

    // Assess
    const config = configOf(custom);
    expect(config.Aliases).toEqual(['api.example.org']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    custom.hasOutput('GraphQLUrl', { Value: 'https://api.example.org/graphql' });
    custom.hasOutput('ExplorerUrl', { Value: 'https://api.example.org/' });
  });
});
