/**
 * What a million queries cost in AWS, from what the bench measures of each
 * operation (handler time, DynamoDB read units, reply bytes, S3 GETs) and the
 * list prices in prices.ts. Pure arithmetic: bench/cost.ts does the measuring.
 *
 * A request that CloudFront answers from its cache pays CloudFront and WAF
 * only; a miss also pays the Lambda@Edge function that hashes its body for
 * origin access control (functions/payload-hash/handler.ts), the front door,
 * Lambda, DynamoDB and S3.
 */
import { HOURS_PER_MONTH, PRICES } from './prices.js';

/** One operation as the bench measured it: medians over its runs. */
export interface OperationMeasure {
  name: string;
  /** The handler's time for one request (the function's duration before rounding). */
  handlerMs: number;
  /** DynamoDB read request units its reads consumed, as the engine reports them from item sizes. */
  readUnits: number;
  /** Reply body bytes as sent to a viewer that accepts gzip (CloudFront compresses). */
  bytesOut: number;
  /** S3 GETs a request makes, averaged over the runs (search reads its index once per instance). */
  s3Gets: number;
  /** The origin-request Lambda@Edge handler's time for this request's body, on this machine. */
  edgeMs: number;
}

export type FrontDoor = 'httpApi' | 'functionUrl';

export interface DeploymentShape {
  memoryMb: number;
  frontDoor: FrontDoor;
  /** Rules in the CloudFront web ACL (each a monthly fee). */
  wafRules: number;
  /** Memory of the origin-request Lambda@Edge function on every miss; undefined when there is none (an HTTP API). */
  edgeMemoryMb: number | undefined;
}

/**
 * As infra/ deploys it: 1,024 MB on Arm behind a function URL (no front-door fee) with the 128 MB
 * body-hash function at the edge (infra/constructs/payload-hash-edge.ts); four web ACL rules.
 */
export const DEPLOYED: DeploymentShape = { memoryMb: 1024, frontDoor: 'functionUrl', wafRules: 4, edgeMemoryMb: 128 };

/** The HTTP API front door the function URL replaced: no edge function, API Gateway's request fee. */
export const HTTP_API_SHAPE: DeploymentShape = { ...DEPLOYED, frontDoor: 'httpApi', edgeMemoryMb: undefined };

/**
 * Lambda gives a function CPU in proportion to its memory, one vCPU at 1,769 MB
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html): a handler's time on
 * a full core of this machine, scaled to the share its memory buys.
 */
const FULL_CPU_MB = 1769;

export const SERVICES = ['lambda', 'edge', 'frontDoor', 'dynamodb', 's3', 'cloudfront', 'waf', 'transfer'] as const;
export type Service = (typeof SERVICES)[number];
export type ServiceCosts = Record<Service, number>;

const GB = 1024 ** 3;
const perMillion = (unitPriceUsd: number, units: number) => unitPriceUsd * units;

/** Lambda's billed duration: the measured time rounded up to the billing granularity. */
export function billedMs(handlerMs: number): number {
  const step = PRICES.lambda.billingGranularityMs;
  return Math.ceil(handlerMs / step) * step;
}

/** Lambda@Edge's billed time at `memoryMb` for a handler that took `handlerMs` on a full core, at least its granularity. */
export function edgeBilledMs(handlerMs: number, memoryMb: number): number {
  const step = PRICES.lambdaEdge.billingGranularityMs;
  const scaled = handlerMs * Math.max(1, FULL_CPU_MB / memoryMb);
  return Math.max(step, Math.ceil(scaled / step) * step);
}

/** The origin-request function on a miss, per million requests. */
function edgeCost(op: OperationMeasure, shape: DeploymentShape): number {
  if (shape.edgeMemoryMb === undefined) return 0;
  const gbSeconds = (edgeBilledMs(op.edgeMs, shape.edgeMemoryMb) / 1000) * (shape.edgeMemoryMb / 1024);
  return PRICES.lambdaEdge.perMillionRequestsUsd + gbSeconds * PRICES.lambdaEdge.perGbSecondUsd * 1e6;
}

/** The work behind a cache miss, per million requests. */
function originCosts(
  op: OperationMeasure,
  shape: DeploymentShape,
): Pick<ServiceCosts, 'lambda' | 'edge' | 'frontDoor' | 'dynamodb' | 's3'> {
  const gbSeconds = (billedMs(op.handlerMs) / 1000) * (shape.memoryMb / 1024);
  const meteredRequests =
    shape.frontDoor === 'httpApi' ? Math.max(1, Math.ceil(op.bytesOut / PRICES.httpApi.meteringBytes)) : 1;
  return {
    lambda: PRICES.lambda.perMillionRequestsUsd + gbSeconds * PRICES.lambda.armPerGbSecondUsd * 1e6,
    edge: edgeCost(op, shape),
    frontDoor: perMillion(PRICES[shape.frontDoor].perMillionRequestsUsd, meteredRequests),
    dynamodb: perMillion(PRICES.dynamodb.perMillionReadUnitsUsd, op.readUnits),
    s3: perMillion(PRICES.s3.perMillionGetUsd, op.s3Gets),
  };
}

/** USD per million requests of one operation, by service, when CloudFront answers `hitRatio` of them. */
export function operationCost(op: OperationMeasure, hitRatio = 0, shape: DeploymentShape = DEPLOYED): ServiceCosts {
  const miss = 1 - hitRatio;
  const origin = originCosts(op, shape);
  return {
    lambda: origin.lambda * miss,
    edge: origin.edge * miss,
    frontDoor: origin.frontDoor * miss,
    dynamodb: origin.dynamodb * miss,
    s3: origin.s3 * miss,
    cloudfront: PRICES.cloudfront.perMillionHttpsRequestsUsd,
    waf: PRICES.waf.perMillionRequestsUsd,
    transfer: (op.bytesOut * 1e6 * PRICES.cloudfront.perGbOutUsd) / GB,
  };
}

/** The same operation served by AppSync straight from DynamoDB: its request price, the same reads, the same bytes out. */
export function appSyncCost(op: OperationMeasure): number {
  return (
    PRICES.appsync.perMillionOperationsUsd +
    perMillion(PRICES.dynamodb.perMillionReadUnitsUsd, op.readUnits) +
    (op.bytesOut * 1e6 * PRICES.appsync.perGbOutUsd) / GB
  );
}

export const total = (costs: ServiceCosts): number => SERVICES.reduce((sum, s) => sum + costs[s], 0);

/** The mix: every operation weighted equally, USD per million requests by service. */
export function mixCost(ops: OperationMeasure[], hitRatio = 0, shape: DeploymentShape = DEPLOYED): ServiceCosts {
  const sum = Object.fromEntries(SERVICES.map((s) => [s, 0])) as ServiceCosts;
  for (const op of ops) {
    const cost = operationCost(op, hitRatio, shape);
    for (const s of SERVICES) sum[s] += cost[s] / ops.length;
  }
  return sum;
}

export const mixAppSyncCost = (ops: OperationMeasure[]): number =>
  ops.reduce((sum, op) => sum + appSyncCost(op), 0) / ops.length;

/** What the stacks cost a month before any request: the parts that do not scale with traffic. */
export interface FixedCosts {
  wafWebAcl: number;
  kmsKeys: number;
  alarms: number;
  secrets: number;
}

/** Alarm metrics of the two stacks: one per plain alarm, one per metric of a metric-math alarm. */
export interface AlarmInventory {
  alarmMetrics: number;
  kmsKeys: number;
  secrets: number;
}

export function monthlyFixedCosts(inventory: AlarmInventory, shape: DeploymentShape = DEPLOYED): FixedCosts {
  return {
    wafWebAcl: PRICES.waf.perWebAclMonthUsd + shape.wafRules * PRICES.waf.perRuleMonthUsd,
    kmsKeys: inventory.kmsKeys * PRICES.kms.perKeyMonthUsd,
    alarms: inventory.alarmMetrics * PRICES.cloudwatch.perAlarmMetricMonthUsd,
    secrets: inventory.secrets * PRICES.secretsManager.perSecretMonthUsd,
  };
}

/** A month at `millions` of requests: the fixed part plus the mix at the given hit ratio. */
export function monthlyCost(fixed: FixedCosts, perMillionUsd: number, millions: number): number {
  return fixed.wafWebAcl + fixed.kmsKeys + fixed.alarms + fixed.secrets + perMillionUsd * millions;
}

/** OpenSearch Serverless's floor: the least OCUs a collection runs on, all month. */
export const openSearchServerlessFloorUsd = (production = true): number =>
  (production
    ? PRICES.opensearchServerless.minimumOcusProduction
    : PRICES.opensearchServerless.minimumOcusDevelopment) *
  PRICES.opensearchServerless.perOcuHourUsd *
  HOURS_PER_MONTH;
