/**
 * Queries of adversarial shapes: aliases × fragments × nested connections ×
 * the largest fields, from a seed. The reply-bound test sends them through the
 * handler (every accepted reply within the bound), the bench measures the CPU
 * of the costliest accepted one (bench/abuse.ts).
 */
import fc from 'fast-check';
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { QUERY_LIMITS } from '../../functions/graphql/limits.js';

/** Weighted toward what makes replies large: long text, cursors, nested connections. */
const HEAVY = new Set(['text', 'quote', 'description', 'cursor', 'endCursor', 'exact', 'note', 'sourceLink', 'title']);

/**
 * A random selection of `type`'s fields from `rng`: up to `connections` nested connections
 * with their `first`, within `levels` of nesting (the depth limit counts from the root).
 */
function randomSelection(type: GraphQLObjectType, connections: number, levels: number, rng: () => number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(field.type);
    if (rng() > (HEAVY.has(field.name) ? 0.8 : isLeafType(named) ? 0.3 : 0.2)) continue;
    if (isLeafType(named)) parts.push(field.name);
    else if (named.name.endsWith('Connection') && isObjectType(named)) {
      if (connections <= 0 || levels < 3) continue;
      const first = [1, 5, 20, 50, 100][Math.floor(rng() * 5)];
      const node = getNamedType(named.getFields().nodes?.type ?? named) as GraphQLObjectType;
      const inner = randomSelection(node, connections - 1, levels - 3, rng);
      parts.push(
        `${field.name}(first: ${first}) { totalCount pageInfo { endCursor } edges { cursor node { ${inner} } } }`,
      );
    } else if (levels < 1) continue;
    else if (isUnionType(named)) {
      const member = named.getTypes()[Math.floor(rng() * named.getTypes().length)];
      if (member !== undefined)
        parts.push(
          `${field.name} { __typename ... on ${member.name} { ${randomSelection(member, 0, levels - 1, rng)} } }`,
        );
    } else if (isObjectType(named)) {
      parts.push(`${field.name} { ${randomSelection(named, connections, levels - 1, rng)} }`);
    }
  }
  return parts.length === 0 ? '__typename' : parts.join(' ');
}

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const ROOTS = ['claims', 'documents', 'events', 'people', 'organizations', 'places', 'claimRelations'];

/** Aliases × fragments × nested connections × the largest fields: one query of that shape. */
export const shapes = fc.record({
  seed: fc.integer(),
  root: fc.constantFrom(...ROOTS),
  first: fc.constantFrom(1, 10, 30, 100),
  aliases: fc.integer({ min: 1, max: QUERY_LIMITS.maxAliases }),
  depth: fc.integer({ min: 0, max: 3 }),
  fragment: fc.boolean(),
});

export type Shape = typeof shapes extends fc.Arbitrary<infer T> ? T : never;

export function shapeQuery(schema: GraphQLSchema, shape: Shape): string {
  const rootField = schema.getQueryType()?.getFields()[shape.root];
  const connection = getNamedType(rootField?.type ?? schema.getQueryType()!) as GraphQLObjectType;
  const node = getNamedType(connection.getFields().nodes?.type ?? connection) as GraphQLObjectType;
  const selection = `edges { cursor node { ${randomSelection(node, shape.depth, QUERY_LIMITS.maxDepth - 4, mulberry32(shape.seed))} } } pageInfo { endCursor }`;
  const body = shape.fragment ? '...F' : selection;
  const aliases = Array.from(
    { length: shape.aliases },
    (_, i) => `a${i}: ${shape.root}(first: ${shape.first}) { ${body} }`,
  );
  return `{ ${aliases.join(' ')} }${shape.fragment ? ` fragment F on ${connection.name} { ${selection} }` : ''}`;
}
