/**
 * The shape of an opened cursor on the wire, `[version, list, key or offset]`
 * (cursor-codec.ts maps it to named fields). Loaded with the first cursor an
 * instance reads: a request without cursors, a cold start's first among them,
 * needs no zod.
 */
import * as z from 'zod/mini';

/** A key part DynamoDB accepts (sort keys ≤ 1024 bytes) and a cursor can carry: checked before any read. */
const keyPart = z.string().check(z.minLength(1), z.maxLength(1024));

const key = z.record(z.string().check(z.maxLength(64)), keyPart).check(z.refine((k) => Object.keys(k).length <= 8));

export const wireCursorSchema = z.tuple([z.int().check(z.gte(1)), z.string(), z.union([key, z.int().check(z.gt(0))])]);
