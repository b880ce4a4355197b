/** The cost model's rows and tables in bench/results.json and RESULTS.md (bench/cost.ts measures, cost-model.ts prices). */
import { SERVICES, type Service } from './cost-model.js';
import type { CostReport } from './cost.js';
import { PRICES } from './prices.js';
import type { MetricDefinition } from './report.js';
import { round } from './stats.js';

const SERVICE_NAMES: Record<Service, string> = {
  lambda: 'Lambda',
  edge: 'Lambda@Edge',
  frontDoor: 'front door',
  dynamodb: 'DynamoDB',
  s3: 'S3',
  cloudfront: 'CloudFront requests',
  waf: 'WAF',
  transfer: 'bytes out',
};

const usd = (value: number) => `$${value.toFixed(2)}`;

/** "DynamoDB 34 %, Lambda 21 %, …": the services in the order of their share. */
export function shares(costs: Record<Service, number>): string {
  const sum = SERVICES.reduce((n, s) => n + costs[s], 0);
  return [...SERVICES]
    .filter((s) => costs[s] > 0)
    .sort((a, b) => costs[b] - costs[a])
    .map((s) => `${SERVICE_NAMES[s]} ${Math.round((costs[s] / sum) * 100)} %`)
    .join(', ');
}

const METHOD =
  'Every committed operation, Search included, weighted equally, through the real handler against the engine process at 1× (bench/cost.ts): ' +
  'Lambda at 1,024 MB on Arm billed on the median handler time rounded up to 1 ms, behind a function URL (no fee of its own), the body-hash Lambda@Edge function at 128 MB (its request fee, and its handler time scaled to the CPU share of 128 MB, at least 1 ms), DynamoDB read units as the engine counts them from item sizes (ReturnConsumedCapacity), ' +
  'gzip bytes out, S3 GETs of a warm request; CloudFront HTTPS requests and WAF requests on every request, the rest only on a cache miss. ' +
  'List prices of us-east-1 (bench/prices.ts, read {date}), per million requests.';

export const COST_METRICS: readonly MetricDefinition<CostReport>[] = [
  {
    name: 'costPerMillionQueriesUsd',
    unit: 'USD',
    method: (c) => METHOD.replace('{date}', c.pricesAsOf),
    value: (c) => c.costPerMillionQueriesUsd.uncached ?? Number.NaN,
    note: (c) => `uncached; by service: ${shares(c.mixByService)}`,
  },
  {
    name: 'costPerMillionQueriesUsdHit50',
    unit: 'USD',
    method: 'As costPerMillionQueriesUsd, with CloudFront answering half the requests from its cache.',
    value: (c) => c.costPerMillionQueriesUsd.hit50 ?? Number.NaN,
    note: () => 'a hit pays CloudFront and WAF only',
  },
  {
    name: 'costPerMillionQueriesUsdHit90',
    unit: 'USD',
    method: 'As costPerMillionQueriesUsd, with CloudFront answering 90 % of the requests from its cache.',
    value: (c) => c.costPerMillionQueriesUsd.hit90 ?? Number.NaN,
    note: () => 'a hit pays CloudFront and WAF only',
  },
  {
    name: 'costVsAppSync',
    unit: 'ratio',
    goal: { max: 1 },
    method: `Our uncached cost per million ÷ AppSync serving the same operations: its $${PRICES.appsync.perMillionOperationsUsd} per million query operations, the same DynamoDB reads and the same bytes out at $${PRICES.appsync.perGbOutUsd}/GB.`,
    value: (c) => c.costVsAppSync,
    note: (c) => {
      const dynamo = c.mixByService.dynamodb;
      return `ours ${usd(c.costPerMillionQueriesUsd.uncached ?? Number.NaN)} vs AppSync ${usd(c.appSyncPerMillionUsd)} per million; AppSync's side is its request price (${Math.round((PRICES.appsync.perMillionOperationsUsd / c.appSyncPerMillionUsd) * 100)} %) and the same reads (${usd(dynamo)}); ours: ${shares(c.mixByService)}`;
    },
    limits: (c) => ({
      text: `What dominates ours: ${shares(c.mixByService)}. The request fees in the path (CloudFront, Lambda@Edge, WAF: ${usd(c.mixByService.cloudfront + c.mixByService.edge + c.mixByService.frontDoor + c.mixByService.waf)}) stand against AppSync's ${usd(PRICES.appsync.perMillionOperationsUsd)}; Lambda's duration follows the handler time measured on this machine.`,
    }),
  },
];

/** Each operation's cost per million, by service, beside AppSync's; then the month at 1, 10 and 100 million requests. */
export function costTables(c: CostReport) {
  return [
    {
      title: `Cost per million requests, by operation (USD, us-east-1 list prices of ${c.pricesAsOf}, uncached)`,
      columns: [
        'Operation',
        'Handler ms',
        'Read units',
        'Bytes out (gzip)',
        ...SERVICES.map((s) => SERVICE_NAMES[s]),
        'Total',
        'AppSync',
      ],
      rows: c.operations.map((op) => [
        op.name,
        round(op.handlerMs, 1),
        op.readUnits,
        op.bytesOut,
        ...SERVICES.map((s) => op.byService[s].toFixed(2)),
        op.perMillionUsd.toFixed(2),
        op.appSyncPerMillionUsd.toFixed(2),
      ]),
    },
    {
      title: `A month (USD): fixed ${usd(Object.values(c.monthlyFixedUsd).reduce((a, b) => a + b, 0))} (${Object.entries(
        c.monthlyFixedUsd,
      )
        .map(([k, v]) => `${k} ${usd(v)}`)
        .join(', ')}) plus the mix`,
      columns: ['Requests a month', 'Uncached', 'CloudFront hit ratio 90 %'],
      rows: c.monthlyUsd.map((m) => [`${m.millions} million`, usd(m.uncached), usd(m.hit90)]),
    },
  ];
}
