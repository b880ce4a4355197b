/**
 * The deployment's secrets (the cursor key, the origin secret) as the functions
 * read them: the value to use now and the earlier or upcoming ones still
 * accepted. In AWS they come from Secrets Manager by staging label: AWSCURRENT
 * is used, AWSPREVIOUS (the value before the last rotation) and AWSPENDING (the
 * next one, staged ahead of its promotion) are accepted too, which is what lets
 * a rotation overlap (scripts/rotate-secret.ts). The SDK client is imported on
 * first use, so a request that needs no secret loads none of it, and values
 * are cached in the instance for a few minutes.
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretSetting } from '../shared/env.js';

/** A secret's values: `current` is used; `accepted` are the others still accepted (none is `current`). */
export interface SecretValues {
  current: string;
  accepted: readonly string[];
}

/** The secret's values, cached: the same object until they change. */
export type SecretSource = () => Promise<SecretValues>;

/** How long an instance keeps a secret before reading it again: the longest a rotation step waits for. */
export const SECRET_CACHE_MS = 5 * 60_000;

/** A secret given as values (local runs, tests, CURSOR_SECRET set by hand). */
export function fixedSecret(current: string, accepted: readonly string[] = []): SecretSource {
  const values: SecretValues = { current, accepted: accepted.filter((v) => v !== current) };
  return () => Promise.resolve(values);
}

/** Reads one staging label of the secret; undefined when no version carries it. */
export type StageReader = (stage: 'AWSCURRENT' | 'AWSPREVIOUS' | 'AWSPENDING') => Promise<string | undefined>;

/**
 * Values from a reader, cached for `maxAgeMs`. A failed first read is not cached (the next
 * request tries again); a failed re-read keeps serving the values it had, since a
 * Secrets Manager outage must not turn into refused requests while the cached values are good.
 */
export function cachedSecret(read: StageReader, maxAgeMs = SECRET_CACHE_MS, now = Date.now): SecretSource {
  let cached: { values: SecretValues; readAt: number } | undefined;
  let reading: Promise<SecretValues> | undefined;
  const readAll = async (): Promise<SecretValues> => {
    const [current, previous, pending] = await Promise.all([
      read('AWSCURRENT'),
      read('AWSPREVIOUS'),
      read('AWSPENDING'),
    ]);
    if (current === undefined) throw new Error('The secret has no AWSCURRENT version.');
    const accepted = [previous, pending].filter((v): v is string => v !== undefined && v !== current);
    const same =
      cached !== undefined &&
      cached.values.current === current &&
      cached.values.accepted.join('\n') === accepted.join('\n');
    const values = same && cached !== undefined ? cached.values : { current, accepted };
    cached = { values, readAt: now() };
    return values;
  };
  return () => {
    if (cached !== undefined && now() - cached.readAt < maxAgeMs) return Promise.resolve(cached.values);
    reading ??= readAll().finally(() => {
      reading = undefined;
    });
    if (cached === undefined) return reading;
    const stale = cached.values;
    return reading.catch(() => stale);
  };
}

const loadSdk = () => import('@aws-sdk/client-secrets-manager');

export interface SecretsManagerOptions {
  /** SECRETS_MANAGER_ENDPOINT: a local Secrets Manager-compatible endpoint (scripts/harness/local-secrets.ts). */
  endpoint?: string;
  region?: string;
  maxAgeMs?: number;
}

/** The secret `secretId` (its ARN) in Secrets Manager, read by staging label and cached. */
export function secretsManagerSecret(secretId: string, options: SecretsManagerOptions = {}): SecretSource {
  let client: SecretsManagerClient | undefined;
  const read: StageReader = async (stage) => {
    const sdk = await loadSdk();
    client ??= new sdk.SecretsManagerClient(
      options.endpoint === undefined
        ? {}
        : {
            endpoint: options.endpoint,
            region: options.region ?? 'us-east-1',
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          },
    );
    try {
      const reply = await client.send(new sdk.GetSecretValueCommand({ SecretId: secretId, VersionStage: stage }));
      return reply.SecretString;
    } catch (error) {
      // A label no version carries (no rotation yet, no pending value) is not a failure.
      if (stage !== 'AWSCURRENT' && error instanceof sdk.ResourceNotFoundException) return undefined;
      throw error;
    }
  };
  return cachedSecret(read, options.maxAgeMs);
}

/** The source a setting from the environment names (env.ts: cursorSecretFromEnv, originSecretFromEnv). */
export function secretFromSetting(setting: SecretSetting): SecretSource {
  return 'arn' in setting
    ? secretsManagerSecret(setting.arn, { endpoint: setting.endpoint })
    : fixedSecret(setting.current, setting.accepted);
}
