/**
 * `GET /export/claims.csv` and `GET /export/claims.jsonld`: the claims list
 * with the filters of `claims(...)` (documentId, speakerId, eventId, aboutId,
 * topicId, kind), paged by `first` (at most the list's page size) and `after`
 * (the cursor the `Link: rel="next"` header names). Served by the GraphQL
 * function beside /graphql: the same resolver reads the page, the same version
 * rules apply (the x-corpus-version pin, a cursor's version), and a GET is
 * cached like the GraphQL GETs (ETag, Cache-Control). A page of 100 claims is
 * a few hundred kilobytes, far below Lambda's 6 MB reply limit.
 */
import { GraphQLError } from 'graphql';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CLAIM_KINDS, type ClaimItem } from '../data/items.js';
import { VERSION_HEADER } from '../shared/constants.js';
import { EXPORT_QUERY_PARAMETERS } from '../shared/http-contract.js';
import { claimCitation, claimLink } from './citation.js';
import { createContext, type GraphQLContext, type HandlerDependencies } from './context.js';
import type { CursorCodecSource } from './cursor-codec.js';
import { annotationCollectionOf, csvOf, type ExportRow } from './export-format.js';
import { cacheControlOf, httpCache, NO_STORE, type HttpCachePolicy } from './http-cache.js';
import { eventHeader } from './lambda-event.js';
import type { ConnectionModel } from './models.js';
import { MAX_PAGE_SIZE } from './paging.js';
import { claims as claimsResolver } from './resolvers/Query/claims.js';

export const EXPORT_PREFIX = '/export/';
const PARAMETERS: ReadonlySet<string> = new Set(EXPORT_QUERY_PARAMETERS);
const FORMATS = { 'claims.csv': 'text/csv; charset=utf-8', 'claims.jsonld': 'application/ld+json' } as const;
type Format = keyof typeof FORMATS;

type Result = APIGatewayProxyStructuredResultV2;
/** The filters of `claims(...)` and `after`, as strings; `first` as a number. */
type ClaimsArgs = Partial<Record<Exclude<(typeof EXPORT_QUERY_PARAMETERS)[number], 'first'>, string>> & {
  first?: number;
};

export const isExportRequest = (event: APIGatewayProxyEventV2) =>
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a hand-made event may lack its path
  (event.rawPath ?? '').startsWith(EXPORT_PREFIX);

const problem = (statusCode: number, message: string): Result => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': NO_STORE },
  body: JSON.stringify({ error: message }),
});

/** The query string as `claims(...)` arguments, or the message of a 400. */
export function exportArguments(params: Record<string, string | undefined>): ClaimsArgs | { error: string } {
  const args: ClaimsArgs = {};
  for (const [name, value] of Object.entries(params)) {
    if (!PARAMETERS.has(name)) return { error: `unknown parameter "${name}" (allowed: ${[...PARAMETERS].join(', ')})` };
    if (value === undefined || value === '') return { error: `parameter "${name}" is empty` };
    if (name === 'first') {
      if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PAGE_SIZE)
        return { error: `"first" must be an integer from 1 to ${MAX_PAGE_SIZE}` };
      args.first = Number(value);
    } else if (name === 'kind' && !(CLAIM_KINDS as readonly string[]).includes(value)) {
      return { error: `"kind" must be one of ${CLAIM_KINDS.join(', ')}` };
    } else args[name as keyof Omit<ClaimsArgs, 'first'>] = value;
  }
  return { first: args.first ?? MAX_PAGE_SIZE, ...args };
}

/** The claims of the page with what their citations need; documents and speakers load as one batch. */
async function rowsOf(ctx: GraphQLContext, claims: readonly ClaimItem[]): Promise<ExportRow[]> {
  return Promise.all(
    claims.map(async (claim) => {
      const [document, person, org] = await Promise.all([
        ctx.loaders.document.load(claim.documentId),
        claim.speakerId === undefined ? null : ctx.loaders.person.load(claim.speakerId),
        claim.speakerOrganizationId === undefined ? null : ctx.loaders.organization.load(claim.speakerOrganizationId),
      ]);
      if (document === null) throw new Error(`claim ${claim.id} names a missing document`);
      const speaker = person?.name ?? org?.name ?? null;
      const authors = (document.authors ?? []).map((a) => a.name);
      return {
        claim,
        document,
        speaker,
        citation: claimCitation(claim, document, speaker, authors),
        sourceLink: claimLink(claim, document),
      };
    }),
  );
}

/** The URL of the next page: the same filters, `after` its cursor. */
function nextUrl(event: APIGatewayProxyEventV2, args: ClaimsArgs, cursor: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(args)) if (name !== 'after') query.set(name, String(value));
  query.set('after', cursor);
  return `${event.rawPath}?${query.toString()}`;
}

/** Reads one page through the claims resolver; a bad filter or cursor is a 400 with the resolver's message. */
async function readPage(ctx: GraphQLContext, args: ClaimsArgs): Promise<ConnectionModel<ClaimItem> | Result> {
  if (args.after !== undefined) await ctx.version.askCursor(args.after);
  try {
    const resolve = claimsResolver as unknown as (
      p: unknown,
      a: ClaimsArgs,
      c: GraphQLContext,
      i: undefined,
    ) => unknown;
    return (await resolve({}, args, ctx, undefined)) as ConnectionModel<ClaimItem>;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return problem(400, error.message);
    throw error;
  }
}

/** The export route, over the dependencies the GraphQL handler was built with. */
export function createExportRoute(deps: HandlerDependencies, codec: CursorCodecSource, policy: HttpCachePolicy) {
  const cache = httpCache(deps.versions, deps.buildId, policy);
  return async (event: APIGatewayProxyEventV2, requestId: string): Promise<Result> => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see eventHeader()
    if (event.requestContext?.http?.method !== 'GET') return problem(405, 'the export answers GET only');
    const format = event.rawPath.slice(EXPORT_PREFIX.length);
    if (!(format in FORMATS)) return problem(404, `no export "${format}" (claims.csv or claims.jsonld)`);
    const args = exportArguments(event.queryStringParameters ?? {});
    if ('error' in args) return problem(400, args.error);
    const before = await cache(event);
    if (before !== undefined && typeof before !== 'function') return before;
    const ctx = createContext(deps, codec, requestId);
    const pin = eventHeader(event, VERSION_HEADER);
    if (pin !== '') ctx.version.pin(pin);
    const page = await readPage(ctx, args);
    if (!('edges' in page)) return page;
    const result = await answer(event, ctx, args, page, format as Format, policy);
    if (typeof before === 'function') await before(result);
    return result;
  };
}

async function answer(
  event: APIGatewayProxyEventV2,
  ctx: GraphQLContext,
  args: ClaimsArgs,
  page: ConnectionModel<ClaimItem>,
  format: Format,
  policy: HttpCachePolicy,
): Promise<Result> {
  const [rows, total, view] = await Promise.all([
    rowsOf(
      ctx,
      page.edges.map((e) => e.node),
    ),
    page.totalCount(),
    ctx.snapshot(),
  ]);
  const last = page.edges.at(-1);
  const next = page.hasNextPage && last !== undefined ? nextUrl(event, args, await last.cursor()) : null;
  const self = `${event.rawPath}${event.rawQueryString === '' ? '' : `?${event.rawQueryString}`}`;
  const body =
    format === 'claims.csv'
      ? csvOf(rows)
      : JSON.stringify(annotationCollectionOf(rows, { self, next, total }), null, 1);
  return {
    statusCode: 200,
    headers: {
      'content-type': FORMATS[format],
      'cache-control': cacheControlOf(policy),
      [VERSION_HEADER]: String(view.record.number),
      'x-total-count': String(total),
      ...(next === null ? {} : { link: `<${next}>; rel="next"` }),
    },
    body,
  };
}
