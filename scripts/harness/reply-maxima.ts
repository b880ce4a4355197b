/**
 * What the API serves over the corpus at its largest: for every field, the
 * longest JSON-encoded value, and for every list without `first`, the most
 * items. Read through the API itself, every item of every root list with every
 * field it has (nested connections by their cursors), so the constants of the
 * reply bound (functions/graphql/reply-bound.ts) can be checked against it.
 */
import {
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { walkConnection, type Handler, type Json } from './local-engine.js';

/** A selection and how to read its answer: each field's schema coordinate and kind. */
interface Plan {
  coordinate: string;
  list: boolean;
  children?: Map<string, Plan>;
}

export interface ReplyMaxima {
  /** Largest JSON-encoded value of each field (a list's items for a list of leaves). */
  leaves: Map<string, number>;
  /** Most items of each list field. */
  lists: Map<string, number>;
}

const unwrap = (type: GraphQLOutputType) => (isNonNullType(type) ? type.ofType : type);
const isConnection = (type: GraphQLOutputType) => getNamedType(type).name.endsWith('Connection');
const hasId = (type: GraphQLOutputType) => {
  const named = getNamedType(type);
  return isObjectType(named) && named.getFields().id !== undefined;
};

/** Every field of `type` that needs no argument: leaves, nested values, items with an id by their typename. */
function selection(type: GraphQLObjectType, depth: number): { text: string; plan: Map<string, Plan> } {
  const parts: string[] = [];
  const plan = new Map<string, Plan>();
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const coordinate = `${type.name}.${field.name}`;
    const list = isListType(unwrap(field.type));
    const named = getNamedType(field.type);
    if (isConnection(field.type)) {
      if (depth > 0) continue;
      parts.push(`${field.name}(first: 30) { edges { cursor } pageInfo { endCursor } }`);
      const edges = new Map([
        ['cursor', { coordinate: `${named.name.replace(/Connection$/, 'Edge')}.cursor`, list: false }],
      ]);
      const pageInfo = new Map([['endCursor', { coordinate: 'PageInfo.endCursor', list: false }]]);
      plan.set(field.name, {
        coordinate,
        list: false,
        children: new Map([
          ['edges', { coordinate: `${named.name}.edges`, list: true, children: edges }],
          ['pageInfo', { coordinate: `${named.name}.pageInfo`, list: false, children: pageInfo }],
        ]),
      });
    } else if (isLeafType(named)) {
      parts.push(field.name);
      plan.set(field.name, { coordinate, list });
    } else if (hasId(field.type) || !isObjectType(named) || depth > 1) {
      parts.push(`${field.name} { __typename }`);
      plan.set(field.name, { coordinate, list, children: new Map() });
    } else {
      const nested = selection(named, depth + 1);
      parts.push(`${field.name} { ${nested.text} }`);
      plan.set(field.name, { coordinate, list, children: nested.plan });
    }
  }
  return { text: parts.join(' '), plan };
}

function record(maxima: ReplyMaxima, plan: Map<string, Plan>, value: Json): void {
  if (value === null || value === undefined) return;
  for (const [key, field] of plan) {
    const v = value[key];
    const items = field.list && Array.isArray(v) ? v : [v];
    if (field.list) maxima.lists.set(field.coordinate, Math.max(maxima.lists.get(field.coordinate) ?? 0, items.length));
    for (const item of items) {
      if (field.children !== undefined) record(maxima, field.children, item);
      else {
        const bytes = Buffer.byteLength(JSON.stringify(item ?? null));
        maxima.leaves.set(field.coordinate, Math.max(maxima.leaves.get(field.coordinate) ?? 0, bytes));
      }
    }
  }
}

/** Reads every root list without required arguments to its end, a few items a page. */
export async function measureReplyMaxima(handler: Handler, schema: GraphQLSchema): Promise<ReplyMaxima> {
  const maxima: ReplyMaxima = { leaves: new Map(), lists: new Map() };
  const query = schema.getQueryType();
  if (query === null || query === undefined) return maxima;
  for (const root of Object.values(query.getFields())) {
    if (!isConnection(root.type) || root.args.some((a) => isNonNullType(a.type))) continue;
    const edge = getNamedType(root.type) as GraphQLObjectType;
    const node = getNamedType(edge.getFields().nodes?.type ?? edge) as GraphQLObjectType;
    const { text, plan } = selection(node, 0);
    const { nodes } = await walkConnection(
      handler,
      `query($after: String) { r: ${root.name}(first: 3, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${text} } } }`,
      (data) => data.r,
    );
    for (const item of nodes) record(maxima, plan, item);
  }
  return maxima;
}
