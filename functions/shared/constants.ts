/**
 * Values the functions and the CDK stack (infra/) must agree on. This module
 * imports nothing, so the stack reads them without loading any function code
 * (a dependency rule, .dependency-cruiser.cjs, keeps infra to such modules).
 */

/** Published versions readers may use: the current one and the ones before it (the refresh's KEEP_VERSIONS). */
export const DEFAULT_KEEP_VERSIONS = 3;

/** How long a refresh lease lasts without renewal: well under the refresh function's 5-minute timeout. */
export const LEASE_MS = 60_000;

/** The request header that pins a request to a kept version; the response names the version that answered. */
export const VERSION_HEADER = 'x-corpus-version';
