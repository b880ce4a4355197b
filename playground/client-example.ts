/**
 * A typed GraphQL client with nothing but fetch: the documents generated from
 * schema/operations (`npm run codegen`) carry their result and variable types,
 * so a front end gets typed data without a GraphQL client library.
 *
 * Run against a stack: GRAPHQL_URL=<GraphQLUrl stack output> tsx playground/client-example.ts
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { fileURLToPath } from 'node:url';
import { print } from 'graphql';
import { PersonProfileDocument, type PersonProfileQuery } from '../schema/__generated__/operations.js';

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphQLResponse<unknown>['errors'] = [],
  ) {
    super(message);
  }
}

/** Sends one typed operation as a JSON POST (the content type also satisfies the API's CSRF prevention). */
export async function request<TData, TVariables extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<TData> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as GraphQLResponse<TData>;
  if (body.errors !== undefined && body.errors.length > 0) {
    throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), response.status, body.errors);
  }
  if (body.data === undefined || body.data === null)
    throw new GraphQLRequestError(`No data (HTTP ${response.status})`, response.status);
  return body.data;
}

/** A person's profile, typed from person-profile.graphql: `person` is null for an unknown id. */
export async function personProfile(url: string, id: string): Promise<PersonProfileQuery['person']> {
  const data = await request(url, PersonProfileDocument, { id, first: 3 });
  return data.person;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.GRAPHQL_URL ?? 'http://localhost:4000/graphql';
  const person = await personProfile(url, process.argv[2] ?? 'ilham-aliyev');
  process.stdout.write(person === null ? 'not found\n' : `${person.name}: ${person.claims.totalCount} claims\n`);
}
