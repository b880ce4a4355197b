/**
 * Stands in for lodash.merge in the GraphQL function's bundle (see
 * infra/bundling.ts): graphql-jit imports both lodash.merge and
 * lodash.mergewith, each a 10 KB copy of the same lodash internals. `merge`
 * is `mergeWith` with no customizer, which is what a customizer returning
 * undefined means.
 */
import mergeWith from 'lodash.mergewith';

export default function merge(object: unknown, ...sources: unknown[]): unknown {
  return mergeWith(object, ...sources, () => undefined);
}
