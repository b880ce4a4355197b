/**
 * The one place the functions read their environment. Each variable is read
 * through a parser of its type, called while the function starts (a handler
 * module's top level, or what it builds there), so a value that cannot be used
 * stops the start with a ConfigurationError naming the variable and the value,
 * rather than surfacing as NaN or a wrong default later. Hand-written parsers,
 * not zod: the GraphQL function's cold path loads no schema library.
 *
 * The variables (set by the CDK stack, infra/constructs/*, or by hand locally):
 * - NODE_ENV, AWS_LAMBDA_FUNCTION_NAME: production mode (isProduction).
 * - POWERTOOLS_SERVICE_NAME, POWERTOOLS_LOG_LEVEL: the logger (loggerSettingsFromEnv).
 * - The four table names (tables.ts `envVar`), DYNAMODB_ENDPOINT, AWS_REGION,
 *   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: the data sources (data/client.ts).
 * - SEARCH_INDEX_BUCKET, SEARCH_INDEX_DIR, S3_ENDPOINT: the search index store.
 * - CURSOR_SECRET_ARN (or CURSOR_SECRET, CURSOR_PREVIOUS_SECRET), ORIGIN_SECRET_ARN (or
 *   ORIGIN_SECRET, ORIGIN_PREVIOUS_SECRET), SECRETS_MANAGER_ENDPOINT, BUILD_ID,
 *   INTROSPECTION, PLAYGROUND_DIR: the GraphQL function.
 * - CORPUS_BUCKET, CORPUS_PREFIX, KEEP_VERSIONS: the seed refresh function.
 */
import { ConfigurationError } from './errors.js';

/** Reads a required environment variable; a missing one is a deployment error, not a runtime surprise. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new ConfigurationError(name, undefined, 'a non-empty value');
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** An integer within `min..max`; undefined when unset. */
export function integerEnv(name: string, min: number, max: number): number | undefined {
  const raw = optionalEnv(name);
  if (raw === undefined) return undefined;
  const value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigurationError(name, raw, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** `true` or `false` (any case); `fallback` when unset. */
export function booleanEnv(name: string, fallback: boolean): boolean {
  const raw = optionalEnv(name);
  if (raw === undefined) return fallback;
  const value = raw.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') throw new ConfigurationError(name, raw, '"true" or "false"');
  return value === 'true';
}

/** One of `allowed` (any case, returned as listed); `fallback` when unset. */
export function oneOfEnv<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = optionalEnv(name);
  if (raw === undefined) return fallback;
  const value = allowed.find((a) => a.toLowerCase() === raw.trim().toLowerCase());
  if (value === undefined) throw new ConfigurationError(name, raw, `one of ${allowed.join(', ')}`);
  return value;
}

/** An http(s) URL; undefined when unset. */
export function urlEnv(name: string): string | undefined {
  const raw = optionalEnv(name);
  if (raw === undefined) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new ConfigurationError(name, raw, 'an http:// or https:// URL');
  }
  return raw;
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production' || process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined;
}

/** The log levels Powertools Logger knows. */
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** The logger's service name and level (POWERTOOLS_LOG_LEVEL: one of LOG_LEVELS, defaults to INFO). */
export function loggerSettingsFromEnv(): { serviceName: string; logLevel: LogLevelName } {
  return {
    serviceName: optionalEnv('POWERTOOLS_SERVICE_NAME') ?? 'knowledge-base',
    logLevel: oneOfEnv('POWERTOOLS_LOG_LEVEL', LOG_LEVELS, 'INFO'),
  };
}

/** Only for local runs: cursors made here are never accepted by a deployment, whose key is its own. */
export const LOCAL_CURSOR_KEY = 'knowledge-base-local-cursor-key';

/** Where a secret comes from: a Secrets Manager secret (read by the function when first needed), or values set by hand. */
export type SecretSetting =
  { arn: string; endpoint: string | undefined } | { current: string; accepted: readonly string[] };

const ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/;

function secretArnEnv(name: string): string | undefined {
  const raw = optionalEnv(name);
  if (raw !== undefined && !ARN.test(raw)) throw new ConfigurationError(name, raw, 'a Secrets Manager secret ARN');
  return raw;
}

/** A secret from `<prefix>_ARN`, else from `<prefix>` and `<previous>` set by hand; undefined when none is set. */
function secretSetting(prefix: string, previous: string): SecretSetting | undefined {
  const arn = secretArnEnv(`${prefix}_ARN`);
  if (arn !== undefined) return { arn, endpoint: urlEnv('SECRETS_MANAGER_ENDPOINT') };
  const current = optionalEnv(prefix);
  if (current === undefined) return undefined;
  const earlier = optionalEnv(previous);
  return { current, accepted: earlier === undefined ? [] : [earlier] };
}

/**
 * The key cursors are sealed with: the Secrets Manager secret CURSOR_SECRET_ARN names (the stack
 * generates one per deployment), else CURSOR_SECRET (with CURSOR_PREVIOUS_SECRET still opened while
 * it is rotated). The built-in LOCAL_CURSOR_KEY only outside production: a production process
 * without a key stops at start-up rather than sealing cursors with a key anyone can read.
 */
export function cursorSecretFromEnv(): SecretSetting {
  const setting = secretSetting('CURSOR_SECRET', 'CURSOR_PREVIOUS_SECRET');
  if (setting !== undefined) return setting;
  if (isProduction()) {
    throw new ConfigurationError(
      'CURSOR_SECRET_ARN',
      undefined,
      'a Secrets Manager secret ARN (or CURSOR_SECRET) in production: the built-in cursor key is for local runs only',
    );
  }
  return { current: LOCAL_CURSOR_KEY, accepted: [] };
}

/**
 * The value CloudFront sends in the origin-verify header: the secret ORIGIN_SECRET_ARN names, else
 * ORIGIN_SECRET (and ORIGIN_PREVIOUS_SECRET). Required in AWS Lambda, where CloudFront is in front;
 * undefined elsewhere (the local server has no CloudFront, and checks nothing).
 */
export function originSecretFromEnv(): SecretSetting | undefined {
  const setting = secretSetting('ORIGIN_SECRET', 'ORIGIN_PREVIOUS_SECRET');
  if (setting === undefined && process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined) {
    throw new ConfigurationError(
      'ORIGIN_SECRET_ARN',
      undefined,
      'a Secrets Manager secret ARN (or ORIGIN_SECRET) in AWS Lambda: the function refuses requests CloudFront did not send',
    );
  }
  return setting;
}

/** The deployed build (BUILD_ID, a hash of the function's sources set by the stack); `local` when run from source. */
export function buildIdFromEnv(): string {
  return optionalEnv('BUILD_ID') ?? 'local';
}

/** Introspection is on unless INTROSPECTION=false: the playground and codegen rely on it, and the schema is public. */
export function introspectionFromEnv(): boolean {
  return booleanEnv('INTROSPECTION', true);
}

/** Versions a refresh keeps (KEEP_VERSIONS, 1 to 100); undefined leaves the refresh's default. */
export function keepVersionsFromEnv(): number | undefined {
  return integerEnv('KEEP_VERSIONS', 1, 100);
}
