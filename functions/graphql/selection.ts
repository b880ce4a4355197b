/** What a resolver's field selects, read from its GraphQL info (fragments and inline fragments included). */
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';

/** The names of the fields selected directly on this field's result, through fragments too. */
function selectedNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet.selections);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment !== undefined) visit(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet !== undefined) visit(node.selectionSet.selections);
  return names;
}

/** Whether the query selects `name` directly on this field's result. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectedNames(info).has(name);
}

/** Whether every field selected directly on this field's result is one of `served`. */
export function selectsOnly(info: GraphQLResolveInfo, served: ReadonlySet<string>): boolean {
  return [...selectedNames(info)].every((name) => served.has(name));
}
