/**
 * The shape of a cursor's payload, checked after its signature. Loaded with
 * the first cursor an instance reads (paging.ts): a request without cursors,
 * a cold start's first among them, needs no zod.
 */
import * as z from 'zod/mini';

/** A key part DynamoDB accepts (sort keys ≤ 1024 bytes) and a cursor can carry: checked before any read. */
const keyPart = z.string().check(z.minLength(1), z.maxLength(1024));

/** `v`: the version the page was read from; a request that carries the cursor is answered from it. */
const version = z.int().check(z.gte(1));

export const payloadSchema = z.union([
  z.object({
    v: version,
    l: z.string(),
    k: z.record(z.string().check(z.maxLength(64)), keyPart).check(z.refine((k) => Object.keys(k).length <= 8)),
  }),
  z.object({ v: version, l: z.string(), o: z.int().check(z.gt(0)) }),
]);
