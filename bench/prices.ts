/**
 * AWS list prices the cost model uses: us-east-1, on-demand, first pricing tier,
 * no free tier. Each constant names the page it was read from and when; a
 * price change is a one-line edit here, and every figure derived from it
 * (bench/RESULTS.md, docs/deploy.md, docs/search.md) follows at the next bench run.
 */

/** When the prices below were read from the pages they name. */
export const PRICES_AS_OF = '2026-12-07';

export const PRICES = {
  lambda: {
    source: 'https://aws.amazon.com/lambda/pricing/',
    /** Arm (Graviton), per GB-second of billed duration, first 7.5 billion GB-seconds a month. */
    armPerGbSecondUsd: 0.0000133334,
    perMillionRequestsUsd: 0.2,
    /** Lambda bills duration rounded up to the millisecond. */
    billingGranularityMs: 1,
  },
  httpApi: {
    source: 'https://aws.amazon.com/api-gateway/pricing/',
    /** HTTP API requests, first 300 million a month; each 512 KB of a request or reply counts as one more request. */
    perMillionRequestsUsd: 1.0,
    meteringBytes: 512 * 1024,
  },
  restApi: {
    source: 'https://aws.amazon.com/api-gateway/pricing/',
    /** REST API requests, first 333 million a month (an origin option weighed in docs/deploy.md). */
    perMillionRequestsUsd: 3.5,
  },
  lambdaEdge: {
    source: 'https://aws.amazon.com/lambda/pricing/ (section "Lambda@Edge pricing")',
    /** Lambda@Edge: $0.60 per million requests, and duration per GB-second (x86 only, billed per millisecond). */
    perMillionRequestsUsd: 0.6,
    perGbSecondUsd: 0.00005001,
    billingGranularityMs: 1,
  },
  alb: {
    source: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
    /** Application Load Balancer hours and load balancer capacity units (the floor of a private VPC origin). */
    perHourUsd: 0.0225,
    perLcuHourUsd: 0.008,
  },
  functionUrl: {
    source: 'https://aws.amazon.com/lambda/pricing/',
    /** A Lambda function URL has no fee of its own: the invocation is billed as any other. */
    perMillionRequestsUsd: 0,
  },
  dynamodb: {
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    /** On-demand read request units (one strongly consistent read of up to 4 KB, or two eventually consistent). */
    perMillionReadUnitsUsd: 0.125,
    perMillionWriteUnitsUsd: 0.625,
    storagePerGbMonthUsd: 0.25,
  },
  cloudfront: {
    source: 'https://aws.amazon.com/cloudfront/pricing/',
    /** HTTPS requests, United States / Europe: $0.0100 per 10,000. */
    perMillionHttpsRequestsUsd: 1.0,
    /** Data transfer out to the internet, United States / Europe, first 10 TB a month. */
    perGbOutUsd: 0.085,
    /** CloudFront Functions invocations (the explorer's deep links). */
    perMillionFunctionInvocationsUsd: 0.1,
  },
  waf: {
    source: 'https://aws.amazon.com/waf/pricing/',
    perWebAclMonthUsd: 5.0,
    perRuleMonthUsd: 1.0,
    perMillionRequestsUsd: 0.6,
    /** WAF logs delivered to CloudWatch Logs (vended logs, first 10 TB). */
    logsPerGbUsd: 0.5,
  },
  s3: {
    source: 'https://aws.amazon.com/s3/pricing/',
    /** GET requests to S3 Standard: $0.0004 per 1,000. Transfer to Lambda in the same region is free. */
    perMillionGetUsd: 0.4,
    storagePerGbMonthUsd: 0.023,
  },
  appsync: {
    source: 'https://aws.amazon.com/appsync/pricing/',
    /** GraphQL query and data modification operations. */
    perMillionOperationsUsd: 4.0,
    /** Data transferred out, billed at EC2's internet rate, first 10 TB a month. */
    perGbOutUsd: 0.09,
  },
  secretsManager: {
    source: 'https://aws.amazon.com/secrets-manager/pricing/',
    perSecretMonthUsd: 0.4,
    perTenThousandCallsUsd: 0.05,
  },
  cloudwatch: {
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
    /** A standard-resolution alarm, per metric it evaluates (a metric-math alarm pays for each metric). */
    perAlarmMetricMonthUsd: 0.1,
    logsIngestedPerGbUsd: 0.5,
    logsStoredPerGbMonthUsd: 0.03,
  },
  kms: {
    source: 'https://aws.amazon.com/kms/pricing/',
    perKeyMonthUsd: 1.0,
  },
  opensearchServerless: {
    source: 'https://aws.amazon.com/opensearch-service/pricing/',
    /** OpenSearch Compute Units, per hour. */
    perOcuHourUsd: 0.24,
    /**
     * The least a collection runs on: with redundancy (production), 1 OCU for indexing and 1 for search
     * (each two halves in two zones); without it (development), 0.5 and 0.5.
     */
    minimumOcusProduction: 2,
    minimumOcusDevelopment: 1,
    storagePerGbMonthUsd: 0.024,
  },
} as const;

/** Hours in the average month AWS bills by. */
export const HOURS_PER_MONTH = 730;
