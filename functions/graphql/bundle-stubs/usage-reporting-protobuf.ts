/**
 * Stands in for @apollo/usage-reporting-protobuf in the GraphQL function's
 * bundle (see infra/bundling.ts). Only Apollo's usage-reporting and inline-trace
 * plugins use it; this server turns both off and never reports to Apollo
 * GraphOS, so the 200 KB of protobuf code would only slow the cold start.
 * Any use fails loudly rather than silently.
 */
function unavailable(name: string): never {
  throw new Error(`${name}: Apollo usage reporting is not bundled into this function`);
}

const stub = (name: string) =>
  new Proxy(
    {},
    {
      get: (_target, property) =>
        property === Symbol.toPrimitive ? undefined : unavailable(`${name}.${String(property)}`),
    },
  );

export const Trace = stub('Trace');
export const Report = stub('Report');
export const ReportHeader = stub('ReportHeader');
export const ReferencedFieldsForType = stub('ReferencedFieldsForType');
export const google = stub('google');
