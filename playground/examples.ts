/**
 * The playground's example tabs, built from the same operation files that
 * codegen turns into the typed documents used by tests and front ends, so an
 * example can never drift from a real, type-checked operation.
 */
import { readdir, readFile } from 'node:fs/promises';
import { parse, valueFromASTUntyped, type OperationDefinitionNode, Kind } from 'graphql';

export const OPERATIONS_DIR = new URL('../schema/operations/', import.meta.url);

/** The tabs open in this order; operations not listed follow, by name. */
const TAB_ORDER = [
  'Search',
  'Disagreements',
  'Timeline',
  'PersonProfile',
  'OrganizationProfile',
  'PlaceProfile',
  'DocumentReader',
  'EventClaims',
  'ClaimsPage',
];

/**
 * Values for variables that have no default in the operation (or a better
 * one for a first run); ids name records of the seeded corpus.
 */
export const EXAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  DocumentReader: { id: 'jamestown-moscow-declaration-balancing' },
  ClaimAnchor: { id: 'aliyev-putin-signed-in-kremlin' },
  Search: { query: '"allied interaction" Putin OR Erdogan -Armenia' },
  Disagreements: { subjectId: 'turkey' },
  OrganizationProfile: { id: 'turkey' },
  PlaceProfile: { id: 'nagorno-karabakh' },
};

export interface ExampleTab {
  operationName: string;
  file: string;
  query: string;
  variables: string;
}

function operationOf(source: string, file: string): OperationDefinitionNode {
  const operations = parse(source).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const [operation] = operations;
  if (operations.length !== 1 || operation?.name === undefined) {
    throw new Error(`${file}: an example file holds exactly one named operation`);
  }
  return operation;
}

/** The operation's own defaults, overlaid with EXAMPLE_VARIABLES; a required variable left without a value fails the build. */
export function exampleVariables(operation: OperationDefinitionNode, file: string): Record<string, unknown> {
  const name = operation.name?.value ?? '';
  const overrides = EXAMPLE_VARIABLES[name] ?? {};
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const variable = definition.variable.name.value;
    if (variable in overrides) variables[variable] = overrides[variable];
    else if (definition.defaultValue !== undefined) variables[variable] = valueFromASTUntyped(definition.defaultValue);
    else if (definition.type.kind === Kind.NON_NULL_TYPE) {
      throw new Error(
        `${file}: $${variable} is required and has no default; add an example value to EXAMPLE_VARIABLES.${name}`,
      );
    }
  }
  return variables;
}

export async function loadExampleTabs(dir: URL = OPERATIONS_DIR): Promise<ExampleTab[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.graphql')).sort();
  const tabs = await Promise.all(
    files.map(async (file) => {
      const query = await readFile(new URL(file, dir), 'utf8');
      const operation = operationOf(query, file);
      return {
        operationName: operation.name?.value ?? '',
        file,
        query: query.trimEnd() + '\n',
        variables: JSON.stringify(exampleVariables(operation, file), null, 2),
      };
    }),
  );
  const rank = (name: string) => {
    const index = TAB_ORDER.indexOf(name);
    return index === -1 ? TAB_ORDER.length : index;
  };
  return tabs.sort(
    (a, b) => rank(a.operationName) - rank(b.operationName) || a.operationName.localeCompare(b.operationName),
  );
}
