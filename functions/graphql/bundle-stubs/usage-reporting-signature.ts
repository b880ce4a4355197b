/**
 * Stands in for @apollo/utils.usagereporting in the GraphQL function's bundle
 * (see infra/bundling.ts). Only Apollo's usage-reporting plugin uses it, which
 * this server turns off (server.ts); with it go the AST sorting and lodash
 * code it carries, about 17 KB. Any use fails loudly rather than silently.
 */
function unavailable(name: string): never {
  throw new Error(`${name}: Apollo usage reporting is not bundled into this function`);
}

export const usageReportingSignature = (): never => unavailable('usageReportingSignature');
export const calculateReferencedFieldsByType = (): never => unavailable('calculateReferencedFieldsByType');
