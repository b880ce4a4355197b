/**
 * The realistic query mix: every example operation in schema/operations (the
 * deep walk among them), with variables that name seed ids, which exist at
 * every corpus scale because clone 0 keeps them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  GraphQLObjectType,
  TypeInfo,
  buildSchema,
  getNamedType,
  parse,
  visit,
  visitWithTypeInfo,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type InlineFragmentNode,
} from 'graphql';
import { EXAMPLE_VARIABLES } from '../playground/examples.js';
import { typeDefs } from '../schema/__generated__/type-defs.js';

export interface MixOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Resolver levels: see `resolverLevels`. */
  levels: number;
}

const OPERATIONS_DIR = fileURLToPath(new URL('../schema/operations/', import.meta.url));

/** Values for required arguments without a default: the playground's, which name seed ids (clone 0 keeps them at every scale). */
const VARIABLES = EXAMPLE_VARIABLES;

/**
 * Left out of the mix: Search reads the search index, which the in-process
 * handler has no store for here; the search engine has its own rows (bench/search-bench.ts).
 */
const NOT_IN_MIX = new Set(['Search']);

export const DEEP_OPERATION = 'DocumentsDeep';

const isEntity = (type: GraphQLNamedType): boolean => type instanceof GraphQLObjectType && 'id' in type.getFields();
/** A list read from storage: its nodes are entities, or stored items of their own (a related pair of claims). */
const isConnection = (type: GraphQLNamedType): boolean => {
  if (!(type instanceof GraphQLObjectType)) return false;
  const nodes = type.getFields().nodes;
  if (nodes === undefined) return false;
  const node = getNamedType(nodes.type);
  return isEntity(node) || (node instanceof GraphQLObjectType && 'pageInfo' in type.getFields());
};
const isPaging = (type: GraphQLNamedType): boolean =>
  isConnection(type) || (type instanceof GraphQLObjectType && type.name.endsWith('Edge'));

/**
 * Resolver levels of an operation: the most fields that read storage on any
 * path from the root. A field reads storage when its type is an entity (an
 * object type with an `id`) or a connection of entities; the fields of a
 * connection or edge (`nodes`, `edges`, `node`) only project what their
 * connection field read, and value objects (span, anchor, dates) and scalars
 * add no level. `totalCount` reads storage too, but in the same step as its
 * list, so it adds no level (it does add requests, which the ratio shows).
 */
/** The operation with every named fragment spread in place, so its fields count at the depth they are used. */
function inlineFragments(document: DocumentNode): DocumentNode {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return visit(document, {
    FragmentDefinition: () => null,
    FragmentSpread(node): InlineFragmentNode | undefined {
      const fragment = fragments.get(node.name.value);
      return fragment === undefined
        ? undefined
        : { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, selectionSet: fragment.selectionSet };
    },
  });
}

export function resolverLevels(schema: GraphQLSchema, query: string): number {
  const typeInfo = new TypeInfo(schema);
  let depth = 0;
  let deepest = 0;
  const counted: boolean[] = [];
  visit(
    inlineFragments(parse(query)),
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter() {
          const type = typeInfo.getType();
          const parent = typeInfo.getParentType();
          const named = type === null || type === undefined ? undefined : getNamedType(type);
          const reads =
            named !== undefined &&
            (isEntity(named) || isConnection(named)) &&
            !(parent !== null && parent !== undefined && isPaging(parent));
          counted.push(reads);
          if (reads) depth++;
          deepest = Math.max(deepest, depth);
        },
        leave() {
          if (counted.pop() === true) depth--;
        },
      },
    }),
  );
  return deepest;
}

/** The mix of the latency figures: every committed operation but those NOT_IN_MIX. */
export function loadQueryMix(): MixOperation[] {
  return loadOperations().filter((op) => !NOT_IN_MIX.has(op.name));
}

/** Every committed operation, Search included (the cost model gives its handler a search index). */
export function loadOperations(): MixOperation[] {
  const schema = buildSchema(typeDefs);
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(`${OPERATIONS_DIR}${file}`, 'utf8');
      const name = /query\s+(\w+)/.exec(query)?.[1];
      if (name === undefined) throw new Error(`${file} holds no named query`);
      return { name, query, variables: VARIABLES[name] ?? {}, levels: resolverLevels(schema, query) };
    });
}
