/**
 * Reads what AWS would do in front of the function out of a synthesized
 * CloudFormation template: the forwarding rules of the distribution's
 * behaviour for /graphql (cache and origin request policies), its response
 * headers policy, the headers its origin adds and whether origin access
 * control signs its requests, and the function URL's CORS configuration. scripts/edge-emulation.ts
 * replays them in front of the local handler.
 */
import type { CorsPolicy } from '../../functions/shared/http-contract.js';
import type { CloudFrontForwarding } from '../../scripts/edge-emulation.js';

type Json = Record<string, unknown>;
interface TemplateJson {
  Resources: Record<string, { Type: string; Properties?: Json }>;
}

export interface EdgeRules {
  forwarding: CloudFrontForwarding;
  /** What the behaviour's origin adds: its custom headers (values as the template has them) and OAC signing. */
  origin: { headers: Record<string, unknown>; signed: boolean; authType: string };
  /** The behaviour's origin-request Lambda@Edge association, if any, and whether it includes the body. */
  originRequest: { includeBody: boolean } | undefined;
  responseHeaders: Record<string, string>;
  cors: CorsPolicy;
}

function onlyResource(template: TemplateJson, type: string): Json {
  const found = Object.values(template.Resources).filter((r) => r.Type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]?.Properties ?? {};
}

function referenced(template: TemplateJson, ref: unknown, configKey: string): Json {
  const id = (ref as { Ref?: string } | undefined)?.Ref;
  const config = id === undefined ? undefined : template.Resources[id]?.Properties?.[configKey];
  if (config === undefined) throw new Error(`no ${configKey} behind ${JSON.stringify(ref)}`);
  return config as Json;
}

/** A CloudFront path pattern (`*` any characters, `?` one) as a test of a path. */
const matchesPattern = (pattern: string, path: string) =>
  new RegExp(
    `^/?${pattern
      .replace(/^\//, '')
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(path);

/** The behaviour CloudFront picks for a path: the first matching path pattern, else the default. */
function behaviourFor(distribution: Json, path: string): Json {
  const behaviours = (distribution.CacheBehaviors as Json[] | undefined) ?? [];
  return (
    behaviours.find((b) => matchesPattern(String(b.PathPattern), path)) ?? (distribution.DefaultCacheBehavior as Json)
  );
}

function namesOf(config: Json | undefined, behaviourKey: string, listKey: string): string[] | 'all' {
  const behaviour = String(config?.[behaviourKey]);
  if (behaviour === 'all' || behaviour === 'allViewer') return 'all';
  if (behaviour === 'none') return [];
  if (behaviour === 'whitelist') return (config?.[listKey] as string[]).map((n) => n);
  throw new Error(`unsupported behaviour ${behaviour}`);
}

function forwardingRules(template: TemplateJson, behaviour: Json): CloudFrontForwarding {
  const cache = referenced(template, behaviour.CachePolicyId, 'CachePolicyConfig')
    .ParametersInCacheKeyAndForwardedToOrigin as Json;
  const origin = referenced(template, behaviour.OriginRequestPolicyId, 'OriginRequestPolicyConfig');
  const union = (a: string[] | 'all', b: string[] | 'all') => (a === 'all' || b === 'all' ? 'all' : [...a, ...b]);
  const headers = union(
    namesOf(cache.HeadersConfig as Json, 'HeaderBehavior', 'Headers'),
    namesOf(origin.HeadersConfig as Json, 'HeaderBehavior', 'Headers'),
  );
  if (headers === 'all')
    throw new Error(
      'forwarding every header would forward Host, which breaks the signature and the function URL routing',
    );
  const cookies = union(
    namesOf(cache.CookiesConfig as Json, 'CookieBehavior', 'Cookies'),
    namesOf(origin.CookiesConfig as Json, 'CookieBehavior', 'Cookies'),
  );
  return {
    headers: headers.map((h) => h.toLowerCase()),
    queryStrings: union(
      namesOf(cache.QueryStringsConfig as Json, 'QueryStringBehavior', 'QueryStrings'),
      namesOf(origin.QueryStringsConfig as Json, 'QueryStringBehavior', 'QueryStrings'),
    ),
    cookies: cookies === 'all' || cookies.length > 0,
    acceptEncoding: cache.EnableAcceptEncodingGzip === true || cache.EnableAcceptEncodingBrotli === true,
  };
}

/** The headers a response headers policy writes, as CloudFront writes them. */
function responseHeadersOf(config: Json): Record<string, string> {
  const security = (config.SecurityHeadersConfig ?? {}) as Record<string, Json | undefined>;
  const headers: Record<string, string> = {};
  const hsts = security.StrictTransportSecurity;
  if (hsts !== undefined) {
    headers['strict-transport-security'] = [
      `max-age=${String(hsts.AccessControlMaxAgeSec)}`,
      ...(hsts.IncludeSubdomains === true ? ['includeSubDomains'] : []),
      ...(hsts.Preload === true ? ['preload'] : []),
    ].join('; ');
  }
  if (security.ContentTypeOptions !== undefined) headers['x-content-type-options'] = 'nosniff';
  if (security.ReferrerPolicy !== undefined)
    headers['referrer-policy'] = String(security.ReferrerPolicy.ReferrerPolicy);
  if (security.FrameOptions !== undefined) headers['x-frame-options'] = String(security.FrameOptions.FrameOption);
  if (security.ContentSecurityPolicy !== undefined)
    headers['content-security-policy'] = String(security.ContentSecurityPolicy.ContentSecurityPolicy);
  const custom = ((config.CustomHeadersConfig as Json | undefined)?.Items ?? []) as Json[];
  for (const item of custom) headers[String(item.Header).toLowerCase()] = String(item.Value);
  return headers;
}

function corsOf(url: Json): CorsPolicy {
  const config = url.Cors as Json | undefined;
  if (config === undefined) throw new Error('the function URL has no CORS configuration');
  if (config.AllowCredentials === true) throw new Error('credentials are not emulated');
  const list = (key: string) => ((config[key] as string[] | undefined) ?? []).map((v) => v);
  return {
    allowOrigins: list('AllowOrigins'),
    allowMethods: list('AllowMethods'),
    allowHeaders: list('AllowHeaders').map((h) => h.toLowerCase()),
    exposeHeaders: list('ExposeHeaders').map((h) => h.toLowerCase()),
    maxAgeSeconds: Number(config.MaxAge ?? 0),
  };
}

function originOf(template: TemplateJson, distribution: Json, behaviour: Json): EdgeRules['origin'] {
  const origin = (distribution.Origins as Json[]).find((o) => o.Id === behaviour.TargetOriginId);
  if (origin === undefined) throw new Error(`no origin ${String(behaviour.TargetOriginId)}`);
  const headers = Object.fromEntries(
    ((origin.OriginCustomHeaders ?? []) as Json[]).map((h) => [String(h.HeaderName).toLowerCase(), h.HeaderValue]),
  );
  const oac = (origin.OriginAccessControlId as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];
  const config =
    oac === undefined ? undefined : (template.Resources[oac]?.Properties?.OriginAccessControlConfig as Json);
  return {
    headers,
    signed: config?.SigningBehavior === 'always' && config.OriginAccessControlOriginType === 'lambda',
    authType: String(onlyResource(template, 'AWS::Lambda::Url').AuthType),
  };
}

function originRequestOf(behaviour: Json): EdgeRules['originRequest'] {
  const associations = ((behaviour.LambdaFunctionAssociations ?? []) as Json[]).filter(
    (a) => a.EventType === 'origin-request',
  );
  if (associations.length > 1) throw new Error('more than one origin-request function');
  const [association] = associations;
  return association === undefined ? undefined : { includeBody: association.IncludeBody === true };
}

export function edgeRulesFromTemplate(template: unknown, path = '/graphql'): EdgeRules {
  const json = template as TemplateJson;
  const distribution = onlyResource(json, 'AWS::CloudFront::Distribution').DistributionConfig as Json;
  const behaviour = behaviourFor(distribution, path);
  return {
    forwarding: forwardingRules(json, behaviour),
    responseHeaders:
      behaviour.ResponseHeadersPolicyId === undefined
        ? {}
        : responseHeadersOf(referenced(json, behaviour.ResponseHeadersPolicyId, 'ResponseHeadersPolicyConfig')),
    cors: corsOf(onlyResource(json, 'AWS::Lambda::Url')),
    origin: originOf(json, distribution, behaviour),
    originRequest: originRequestOf(behaviour),
  };
}
