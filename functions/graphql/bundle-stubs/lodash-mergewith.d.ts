/** lodash.mergewith, which graphql-jit depends on, ships no types: what lodash-merge.ts uses of it. */
declare module 'lodash.mergewith' {
  export default function mergeWith(object: unknown, ...sourcesAndCustomizer: unknown[]): unknown;
}
