/**
 * Item validation without copying, for the hot read path. A zod object
 * schema's parse builds a new object (and new arrays) for every item read: on
 * a deep query that is a couple of hundred copies a request, and their
 * garbage. `inPlaceParser` compiles the same schema into a check that walks
 * the raw item and, when it holds, returns the item itself; when it fails,
 * zod parses the item, so the error (or, should the two ever differ, the
 * result) is zod's own.
 *
 * The check is derived from the schema's definition, so it cannot drift from
 * it: it understands the parts the item schemas use (objects, arrays,
 * strings with regex checks, safe integers and numbers with bounds, literals,
 * enums, nullable, optional, unions) and hands anything else to zod. One
 * difference in the result: keys the schema does not name (the index
 * attributes) stay on the item, where zod would drop them; no resolver reads
 * them, and the types do not name them.
 */
import type * as z from 'zod/mini';

type Check = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  catchall?: unknown;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: unknown;
  inclusive?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A check of one refinement (`checks` of a schema), or undefined when it is not one this module knows. */
function refinement(def: CheckDef): Check | undefined {
  if (def.check === 'string_format' && def.format === 'regex' && def.pattern instanceof RegExp) {
    const pattern = def.pattern;
    return (value) => {
      pattern.lastIndex = 0;
      return pattern.test(value as string);
    };
  }
  if ((def.check === 'greater_than' || def.check === 'less_than') && typeof def.value === 'number') {
    const bound = def.value;
    const above = def.check === 'greater_than';
    if (def.inclusive === true) return above ? (v) => (v as number) >= bound : (v) => (v as number) <= bound;
    return above ? (v) => (v as number) > bound : (v) => (v as number) < bound;
  }
  return undefined;
}

/** The check of a schema definition, or undefined when some part of it is not one this module knows. */
function compile(def: Def): Check | undefined {
  const refinements: Check[] = [];
  for (const c of def.checks ?? []) {
    const r = refinement(c._zod.def);
    if (r === undefined) return undefined;
    refinements.push(r);
  }
  const base = compileType(def);
  if (base === undefined) return undefined;
  if (refinements.length === 0) return base;
  return (value) => base(value) && refinements.every((r) => r(value));
}

function compileType(def: Def): Check | undefined {
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      if (def.format === 'safeint') return (value) => Number.isSafeInteger(value);
      if (def.format === undefined) return (value) => typeof value === 'number' && Number.isFinite(value);
      return undefined;
    case 'literal': {
      const values = def.values ?? [];
      return (value) => values.includes(value);
    }
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return (value) => values.includes(value);
    }
    case 'nullable': {
      const inner = def.innerType === undefined ? undefined : compile(def.innerType._zod.def);
      return inner === undefined ? undefined : (value) => value === null || inner(value);
    }
    case 'optional': {
      const inner = def.innerType === undefined ? undefined : compile(def.innerType._zod.def);
      return inner === undefined ? undefined : (value) => value === undefined || inner(value);
    }
    case 'array': {
      const element = def.element === undefined ? undefined : compile(def.element._zod.def);
      return element === undefined ? undefined : (value) => Array.isArray(value) && value.every(element);
    }
    case 'object': {
      if (def.catchall !== undefined || def.shape === undefined) return undefined;
      const fields: [string, Check][] = [];
      for (const [key, schema] of Object.entries(def.shape)) {
        const check = compile(schema._zod.def);
        if (check === undefined) return undefined;
        fields.push([key, check]);
      }
      return (value) => isRecord(value) && fields.every(([key, check]) => check(value[key]));
    }
    case 'union': {
      const options: Check[] = [];
      for (const option of def.options ?? []) {
        const check = compile(option._zod.def);
        if (check === undefined) return undefined;
        options.push(check);
      }
      return (value) => options.some((check) => check(value));
    }
    default:
      return undefined;
  }
}

/**
 * `schema.parse`, without the copy when the item is valid: the item itself is
 * returned. A schema with a part the check does not know is parsed by zod.
 */
export function inPlaceParser<T>(schema: z.ZodMiniType<T>): (raw: unknown) => T {
  // Compiled on first use: a cold start pays only for the item types its first request reads.
  let check: Check | null | undefined;
  return (raw) => {
    if (check === undefined) check = compile((schema as unknown as { _zod: { def: Def } })._zod.def) ?? null;
    return check !== null && check(raw) ? (raw as T) : schema.parse(raw);
  };
}
