/**
 * The CloudFront distribution in front of the GraphQL function's URL, which it
 * reaches through origin access control (every origin request signed with
 * SigV4; nothing else may call the URL, graphql-api.ts) and with the origin
 * secret header as a second check the function makes. GET answers are cached
 * for as long as the function's Cache-Control says (nothing is cached without
 * one), keyed on the GraphQL parameters of the query string and the request
 * headers that change the answer; POST passes through uncached. Exactly the
 * headers and parameters the function reads reach it, from the one definition
 * in functions/shared/http-contract.ts. Every reply gets the security headers
 * and the Content-Security-Policy defined there too. WAF (from the us-east-1
 * stack) filters every request first.
 */
import { Duration, RemovalPolicy, SecretValue, Validations } from 'aws-cdk-lib';
import type { IFunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachedMethods,
  CachePolicy,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CacheQueryStringBehavior,
  Distribution,
  type DistributionProps,
  type EdgeLambda,
  HttpVersion,
  type IOrigin,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  SSLMethod,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  CACHE_KEY_HEADERS,
  CONTENT_SECURITY_POLICY,
  FORWARDED_HEADERS,
  EXPORT_QUERY_PARAMETERS,
  GRAPHQL_QUERY_PARAMETERS,
  HSTS_MAX_AGE_SECONDS,
  ORIGIN_VERIFY_HEADER,
} from '../../functions/shared/http-contract.js';

export { CACHE_KEY_HEADERS };

/** The longest CloudFront keeps an answer, whatever max-age the function sends. */
export const MAX_CACHE_TTL = Duration.days(1);

export interface GraphQLCdnProps {
  /** The GraphQL function's URL (auth type AWS_IAM): the origin, reached through origin access control. */
  functionUrl: IFunctionUrl;
  /**
   * The secret CloudFront sends as ORIGIN_VERIFY_HEADER and the function checks (defence in depth behind
   * origin access control). Its AWSCURRENT value at the last deploy; scripts/rotate-origin-secret.ts rotates it.
   */
  originSecret: ISecret;
  /**
   * The secret version CloudFront sends (`-c originSecretVersion=<VersionId>`, a rotation's deploy step); its
   * AWSCURRENT value when undefined. CloudFormation re-reads a secret only when the reference changes.
   */
  originSecretVersion?: string;
  /** ARN of a web ACL of scope CLOUDFRONT (from the us-east-1 stack); see ApiStackProps.webAclArn. */
  webAclArn: string | undefined;
  /**
   * The origin-request Lambda@Edge association that sets a body's hash before origin access control
   * signs (PayloadHashEdge): on the API's behaviours, the only ones that take a POST.
   */
  payloadHash: EdgeLambda;
  /** A custom domain and its ACM certificate (in us-east-1): viewers then get TLS 1.2 at least; else *.cloudfront.net. */
  domain?: CustomDomain;
  /** A site for every path outside the API's (the explorer); without one, the API is the default behaviour. */
  site?: { behavior: BehaviorOptions };
  /** The security headers policy, when the stack shares one with another construct (the explorer); else its own. */
  responseHeadersPolicy?: ResponseHeadersPolicy;
}

export interface CustomDomain {
  domainName: string;
  /** An ACM certificate in us-east-1 (CloudFront's certificates live there) that covers domainName. */
  certificateArn: string;
}

/**
 * The viewer TLS policy with a custom domain. The default *.cloudfront.net domain cannot have one: its
 * certificate is CloudFront's, and CloudFront sets its security policy to TLSv1 whatever the distribution says.
 */
export const VIEWER_TLS_POLICY = SecurityPolicyProtocol.TLS_V1_2_2021;

/** The API's paths when a site takes the rest: the endpoint and the playground's assets. */
export const API_PATH_PATTERNS = ['/graphql', '/graphql/*'] as const;

/** HSTS, nosniff, no referrer, no framing and the shared CSP (functions/shared/http-contract.ts) on every reply. */
export function securityHeadersPolicy(scope: Construct): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: 'HSTS, nosniff, no referrer, no framing, and the Content-Security-Policy of the pages served',
    securityHeadersBehavior: {
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
    },
  });
}

export class GraphQLCdn extends Construct {
  readonly distribution: Distribution;
  readonly cachePolicy: CachePolicy;
  readonly originRequestPolicy: OriginRequestPolicy;
  /** Security headers and CSP on every reply; other behaviours (a web app's) may share it. */
  readonly responseHeadersPolicy: ResponseHeadersPolicy;
  readonly logBucket: Bucket;
  /** The GraphQL endpoint through the CDN: `https://<distribution domain>/graphql`. */
  readonly graphqlUrl: string;
  /** The host viewers use: the custom domain when there is one, else the distribution's own. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: GraphQLCdnProps) {
    super(scope, id);
    this.cachePolicy = new CachePolicy(this, 'CachePolicy', {
      comment:
        'GraphQL GET answers: origin Cache-Control decides, keyed on the GraphQL parameters and content-changing headers',
      // min 0 and default 0: an answer without Cache-Control (errors, POST-only paths) is not cached.
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: MAX_CACHE_TTL,
      // Any other parameter would split the cache for nothing (and let a random one bypass it): it is dropped.
      queryStringBehavior: CacheQueryStringBehavior.allowList(...GRAPHQL_QUERY_PARAMETERS),
      headerBehavior: CacheHeaderBehavior.allowList(...CACHE_KEY_HEADERS),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    this.originRequestPolicy = new OriginRequestPolicy(this, 'OriginRequestPolicy', {
      comment: 'GraphQL: conditional GETs, POST bodies, CSRF-prevention headers and CORS preflights reach the function',
      // The cache key's parameters are forwarded anyway; no other reaches the function.
      queryStringBehavior: OriginRequestQueryStringBehavior.none(),
      headerBehavior: OriginRequestHeaderBehavior.allowList(...FORWARDED_HEADERS),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });

    this.responseHeadersPolicy = props.responseHeadersPolicy ?? securityHeadersPolicy(this);
    this.logBucket = this.accessLogBucket();
    this.distribution = this.distributionFor(props);
    this.domainName = props.domain?.domainName ?? this.distribution.distributionDomainName;
    this.graphqlUrl = `https://${this.domainName}/graphql`;
  }

  /** GET /export/*: cached like GraphQL GETs, keyed on the export's parameters instead of GraphQL's. */
  private exportBehavior(origin: IOrigin): BehaviorOptions {
    const cachePolicy = new CachePolicy(this, 'ExportCachePolicy', {
      comment: 'Claims exports: origin Cache-Control decides, keyed on the claims filters, paging and pinned version',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: MAX_CACHE_TTL,
      queryStringBehavior: CacheQueryStringBehavior.allowList(...EXPORT_QUERY_PARAMETERS),
      headerBehavior: CacheHeaderBehavior.allowList(...CACHE_KEY_HEADERS),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    return {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachedMethods: CachedMethods.CACHE_GET_HEAD,
      compress: true,
      cachePolicy,
      originRequestPolicy: this.originRequestPolicy,
      responseHeadersPolicy: this.responseHeadersPolicy,
    };
  }

  /** Standard logs are written with ACLs by CloudFront's log delivery, so this bucket keeps ACLs enabled. */
  private accessLogBucket(): Bucket {
    const bucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the access-log target of the distribution; logging its own access would log the logs.',
    });
    return bucket;
  }

  private distributionFor(props: GraphQLCdnProps): Distribution {
    // Resolved by CloudFormation at deploy ({{resolve:secretsmanager:…}}): the value is in no template or asset.
    const originSecret = (
      props.originSecretVersion === undefined
        ? props.originSecret.secretValue
        : SecretValue.secretsManager(props.originSecret.secretArn, { versionId: props.originSecretVersion })
    ).unsafeUnwrap();
    // HTTPS and TLS 1.2 to the origin are what a function URL origin always uses.
    const origin = FunctionUrlOrigin.withOriginAccessControl(props.functionUrl, {
      customHeaders: { [ORIGIN_VERIFY_HEADER]: originSecret },
    });
    const apiBehavior: BehaviorOptions = {
      origin,
      // An API answers plain HTTP with 403: a redirect would turn a POST into a GET in many clients.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachedMethods: CachedMethods.CACHE_GET_HEAD,
      compress: true,
      cachePolicy: this.cachePolicy,
      originRequestPolicy: this.originRequestPolicy,
      responseHeadersPolicy: this.responseHeadersPolicy,
      // Clients send no body hash: the function sets it, since origin access control signs with it.
      edgeLambdas: [props.payloadHash],
    };
    const distribution = new Distribution(this, 'Distribution', {
      comment: 'Knowledge base GraphQL API',
      ...this.viewerCertificate(props.domain),
      httpVersion: HttpVersion.HTTP2_AND_3,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: props.site?.behavior ?? apiBehavior,
      additionalBehaviors: {
        ...(props.site === undefined ? {} : Object.fromEntries(API_PATH_PATTERNS.map((path) => [path, apiBehavior]))),
        '/export/*': this.exportBehavior(origin),
      },
    });
    if (props.domain === undefined) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain given: with the default *.cloudfront.net certificate CloudFront fixes the viewer security policy (TLSv1); `-c domainName -c certificateArn` gives TLSv1.2_2021.',
      });
    }
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'A public API over published analysis: there is no country it must be withheld from; WAF rate limits per IP instead.',
    });
    return distribution;
  }

  /** With a custom domain, its certificate and TLS 1.2 at least; without, CloudFront's default certificate. */
  private viewerCertificate(domain: CustomDomain | undefined): Partial<DistributionProps> {
    if (domain === undefined) return {};
    return {
      domainNames: [domain.domainName],
      certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
      minimumProtocolVersion: VIEWER_TLS_POLICY,
      sslSupportMethod: SSLMethod.SNI,
    };
  }
}
