/** Reads a required environment variable; a missing one is a deployment error, not a runtime surprise. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production' || process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined;
}

/** Only for a local engine: cursors made here are never accepted by a deployment, whose key is its own. */
export const LOCAL_CURSOR_KEY = 'knowledge-base-local-cursor-key';

/**
 * The secret cursors are sealed with (the codec derives its keys from it). In
 * AWS it must be set (the stack generates one per deployment): a missing key
 * stops start-up rather than sealing with a public one.
 */
export function cursorKeyFromEnv(): string {
  if (process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined) return requiredEnv('CURSOR_SECRET');
  return optionalEnv('CURSOR_SECRET') ?? LOCAL_CURSOR_KEY;
}

/**
 * A secret cursors were sealed with before CURSOR_SECRET was rotated: its
 * cursors are still opened (new ones are sealed with CURSOR_SECRET) until it is removed.
 */
export function previousCursorKeysFromEnv(): string[] {
  const previous = optionalEnv('CURSOR_PREVIOUS_SECRET');
  return previous === undefined ? [] : [previous];
}

/** The deployed build (BUILD_ID, a hash of the function's sources set by the stack); `local` when run from source. */
export function buildIdFromEnv(): string {
  return optionalEnv('BUILD_ID') ?? 'local';
}
