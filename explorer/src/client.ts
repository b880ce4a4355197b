/**
 * The explorer's GraphQL client: urql with a normalized cache, every query a
 * persisted GET (hash only; the function knows the explorer's operations from
 * its build), so the browser's HTTP cache and CloudFront can keep the answers
 * and revalidate them by ETag. A pinned corpus version is sent as
 * `x-corpus-version` and gets a client (and cache) of its own.
 */
import { Client, fetchExchange, type TypedDocumentNode } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { Kind, type DocumentNode } from 'graphql';
import * as queries from './queries';

export const API_PATH = '/graphql';

/** Types without an id of their own: the cache keeps them inside their parent. */
const EMBEDDED = [
  'PartialDate',
  'TextSpan',
  'TextAnchor',
  'PageInfo',
  'Highlight',
  'SearchHit',
  'SearchEdge',
  'SearchConnection',
  'ClaimRelation',
  'ClaimPair',
  'ClaimPairConnection',
  'ReportedDate',
  'EventRelation',
  'Change',
  'ChangeConnection',
  'CorpusVersionConnection',
  'DocumentConnection',
  'PersonConnection',
  'OrganizationConnection',
  'PlaceConnection',
  'EventConnection',
  'ClaimConnection',
];

function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

/** The hash each operation is persisted under, as codegen computed it (graphcache's copy of a document drops it). */
const HASHES = new Map<string, string>();
for (const document of Object.values(queries) as (TypedDocumentNode & { __meta__?: { hash?: string } })[]) {
  const name = operationName(document);
  const hash = document.__meta__?.hash;
  if (name !== undefined && hash !== undefined) HASHES.set(name, hash);
}

export function createClient(version: number | undefined): Client {
  const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
  if (version !== undefined) headers['x-corpus-version'] = String(version);
  return new Client({
    url: API_PATH,
    fetchOptions: { headers },
    exchanges: [
      cacheExchange({
        keys: {
          ...Object.fromEntries(EMBEDDED.map((type) => [type, () => null])),
          CorpusVersion: (data) => (typeof data.number === 'number' ? String(data.number) : null),
        },
      }),
      persistedExchange({
        preferGetForPersistedQueries: 'force',
        // Every operation is registered at build time: an unknown hash is an error to show, not a cue to send the text.
        enforcePersistedQueries: true,
        generateHash: (_query, document) => Promise.resolve(HASHES.get(operationName(document) ?? '')),
      }),
      fetchExchange,
    ],
  });
}
