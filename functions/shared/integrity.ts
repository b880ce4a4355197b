/**
 * A reference the seed refresh guarantees (a claim's document) is missing:
 * the data is inconsistent, which is an internal error, never the client's.
 */
export function notFoundInternally(kind: string, id: string): never {
  throw new Error(`Referenced ${kind} ${id} is missing from its table`);
}
