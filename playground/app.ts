/**
 * The GraphQL playground page: GraphiQL, bundled by scripts/build-playground.ts
 * with its editor workers, so the page loads nothing from outside its origin.
 * Written with createElement rather than JSX: the project's tsconfig has no
 * `jsx` setting, and one component call does not warrant one.
 */
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { Kind, parse } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './app.css';

interface ExampleTabDefinition {
  query: string;
  variables: string;
}

/** Replaced at build time: the example tabs read from schema/operations. */
declare const PLAYGROUND_TABS: ExampleTabDefinition[];
/** Replaced at build time: the hashed file names of the bundled Monaco workers. */
declare const PLAYGROUND_WORKERS: { editor: string; json: string; graphql: string };

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const file =
      label === 'json'
        ? PLAYGROUND_WORKERS.json
        : label === 'graphql'
          ? PLAYGROUND_WORKERS.graphql
          : PLAYGROUND_WORKERS.editor;
    // Resolved against this script's own URL, so the workers come from the same assets folder.
    return new Worker(new URL(file, import.meta.url), { name: label });
  },
};

/** The page is served at the GraphQL endpoint itself, so the endpoint is the page's own path, wherever it is deployed. */
const endpoint = window.location.pathname;

/**
 * GraphiQL 5.4 updates the selected operation name 100 ms after the editor
 * changes, so a run right after switching tabs can name the previous tab's
 * operation. A name the document does not define is dropped; for the
 * single-operation examples that leaves no ambiguity.
 */
function definedOperationName(query: string, name: string | null | undefined): string | undefined {
  if (name === null || name === undefined || name === '') return undefined;
  try {
    const defined = parse(query).definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
    );
    return defined ? name : undefined;
  } catch {
    // Let the server report the syntax error.
    return name;
  }
}

const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options?.headers,
    },
    body: JSON.stringify({ ...params, operationName: definedOperationName(params.query, params.operationName) }),
  });
  return (await response.json()) as Record<string, unknown>;
};

/** GraphiQL keeps its tabs in localStorage under this key; when they are there, they win over the examples. */
const SAVED_TABS_KEY = 'graphiql:tabState';

function hasSavedTabs(): boolean {
  try {
    return localStorage.getItem(SAVED_TABS_KEY) !== null;
  } catch {
    // Storage can be blocked (privacy settings); GraphiQL then starts from the examples too.
    return false;
  }
}

// GraphiQL 5.4 fills the first tab's variables editor from `initialVariables`, not from `defaultTabs`.
const initialVariables = hasSavedTabs() ? undefined : PLAYGROUND_TABS[0]?.variables;

const container = document.getElementById('graphiql');
if (container === null) throw new Error('The playground page has no #graphiql element');
createRoot(container).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: PLAYGROUND_TABS,
    initialVariables,
    defaultEditorToolsVisibility: 'variables',
  }),
);
