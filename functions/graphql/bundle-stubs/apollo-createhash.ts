/**
 * Stands in for @apollo/utils.createhash in the GraphQL function's bundle
 * (see infra/bundling.ts). That package reaches Node's crypto through
 * `module.require`, which a bundle does not have, and so falls back to sha.js,
 * a SHA-256 in JavaScript: loaded at the first request and run on every
 * query's hash. Node's own is the same function, native.
 */
export { createHash } from 'node:crypto';
