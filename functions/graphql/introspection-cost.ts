/**
 * The cost of introspection, counted exactly instead of estimated. What
 * `__schema` and `__type` return depends on the schema alone, so walking the
 * selection over the schema itself (with graphql-js's own introspection
 * resolvers) gives the reply's exact size: the standard queries of GraphiQL,
 * codegen, Rover or Postman cost what they really put in the reply, far below
 * what a list-times-ten estimate says, while a shape that multiplies (`types {
 * fields { type { fields … } } }`, `__schema` under many aliases) costs its
 * real, large size. The walk stops once the request's budget is spent, so
 * refusing an abusive introspection costs at most the budget's worth of work.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Thrown out of the walk when the budget is spent: the remaining selections need not be counted. */
class BudgetSpent extends Error {}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Bytes the walk may still count before it stops. */
  remaining: number;
}

function charge(walk: Walk, bytes: number): void {
  walk.remaining -= bytes;
  if (walk.remaining < 0) throw new BudgetSpent();
}

function included(walk: Walk, node: FieldNode | SelectionSetNode['selections'][number]): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, walk.variables);
  const include = getDirectiveValues(GraphQLIncludeDirective, node, walk.variables);
  return skip?.if !== true && include?.if !== false;
}

/** The fields a selection set asks of an object type, fragments expanded (introspection types are all object types). */
function collectFields(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLObjectType, into: FieldNode[] = []) {
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    charge(walk, 1);
    if (selection.kind === Kind.FIELD) into.push(selection);
    else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      const condition = fragment?.typeCondition?.name.value;
      if (fragment !== undefined && (condition === undefined || condition === type.name))
        collectFields(walk, fragment.selectionSet, type, into);
    }
  }
  return into;
}

/** Counts the JSON bytes of one value of the given type, as execution would write it. */
function countValue(walk: Walk, value: unknown, type: GraphQLOutputType, node: FieldNode): void {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) {
    charge(walk, 4);
    return;
  }
  if (isListType(inner)) {
    charge(walk, 2);
    for (const item of value as Iterable<unknown>) {
      charge(walk, 1);
      countValue(walk, item, inner.ofType, node);
    }
    return;
  }
  if (isLeafType(inner)) {
    charge(walk, JSON.stringify(inner.serialize(value)).length);
    return;
  }
  if (!isObjectType(inner) || node.selectionSet === undefined) {
    charge(walk, 4);
    return;
  }
  charge(walk, 2);
  for (const field of collectFields(walk, node.selectionSet, inner)) countField(walk, value, inner, field);
}

function countField(walk: Walk, source: unknown, parent: GraphQLObjectType, node: FieldNode): void {
  charge(walk, (node.alias ?? node.name).value.length + 4);
  if (node.name.value === '__typename') {
    charge(walk, parent.name.length + 2);
    return;
  }
  const field = parent.getFields()[node.name.value];
  // Validation has refused unknown fields: nothing to count.
  if (field === undefined) return;
  countValue(walk, resolve(walk, field, source, node), field.type, node);
}

function resolve(walk: Walk, field: GraphQLField<unknown, unknown>, source: unknown, node: FieldNode): unknown {
  const args = getArgumentValues(field, node, walk.variables);
  if (field.resolve === undefined) return (source as Record<string, unknown>)[field.name];
  // graphql-js's introspection resolvers read only the schema from the info.
  return field.resolve(source, args, undefined, { schema: walk.schema } as GraphQLResolveInfo);
}

/**
 * Counts the bytes `__schema` or `__type` (the field at `node`) would put in the reply, up to
 * `budget`; returns undefined when the reply would be larger than that.
 */
export function introspectionBytes(
  schema: GraphQLSchema,
  document: DocumentNode,
  node: FieldNode,
  variables: Record<string, unknown>,
  budget: number,
): number | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const walk: Walk = { schema, fragments, variables, remaining: budget };
  const field = node.name.value === '__schema' ? SchemaMetaFieldDef : TypeMetaFieldDef;
  try {
    const value =
      node.name.value === '__schema' ? schema : schema.getType(String(getArgumentValues(field, node, variables).name));
    countValue(walk, value ?? null, getNamedType(field.type), node);
  } catch (error) {
    if (error instanceof BudgetSpent) return undefined;
    throw error;
  }
  return budget - walk.remaining;
}
