import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

const storage = '../../functions/data/items.js';
const models = '../../functions/graphql/models.js';
const versions = '../../functions/data/version-store.js';

const served = 'schema/*.graphql';
const operations = 'schema/operations/*.graphql';
/** The explorer is written against the public contract only, so a field the contract lacks fails its codegen. */
const contract = 'schema/contract/*.graphql';
const explorerDocuments = ['explorer/src/**/*.{ts,tsx}', '!explorer/src/gql/**'];
/** Apollo's persisted queries name an operation by the bare hex SHA-256 of its text. */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    // Resolver signatures typed against the storage items that back each type.
    'schema/__generated__/resolvers-types.ts': {
      schema: served,
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        useIndexSignature: false,
        contextType: '../../functions/graphql/context.js#GraphQLContext',
        mappers: {
          Document: `${storage}#StoredDocumentItem`,
          Person: `${storage}#PersonItem`,
          Event: `${storage}#EventItem`,
          Claim: `${storage}#ClaimItem`,
          ReportedDate: `${storage}#ReportedDateItem`,
          TextAnchor: `${storage}#ClaimItem`,
          PartialDate: `${models}#PartialDateModel`,
          PageInfo: `${models}#PageInfoModel`,
          DocumentConnection: `${models}#ConnectionModel<StoredDocumentItem>`,
          PersonConnection: `${models}#ConnectionModel<PersonItem>`,
          EventConnection: `${models}#ConnectionModel<EventItem>`,
          ClaimConnection: `${models}#ConnectionModel<ClaimItem>`,
          DocumentEdge: `${models}#EdgeModel<StoredDocumentItem>`,
          PersonEdge: `${models}#EdgeModel<PersonItem>`,
          EventEdge: `${models}#EdgeModel<EventItem>`,
          ClaimEdge: `${models}#EdgeModel<ClaimItem>`,
          Organization: `${storage}#OrganizationItem`,
          Place: `${storage}#PlaceItem`,
          Topic: `${storage}#TopicItem`,
          TopicConnection: `${models}#ConnectionModel<TopicItem>`,
          TopicEdge: `${models}#EdgeModel<TopicItem>`,
          ClaimRelation: `${models}#ClaimRelationModel`,
          ClaimPair: `${storage}#ClaimPairItem`,
          EventRelation: `${models}#EventRelationModel`,
          OrganizationConnection: `${models}#ConnectionModel<OrganizationItem>`,
          PlaceConnection: `${models}#ConnectionModel<PlaceItem>`,
          ClaimPairConnection: `${models}#ConnectionModel<ClaimPairItem>`,
          OrganizationEdge: `${models}#EdgeModel<OrganizationItem>`,
          PlaceEdge: `${models}#EdgeModel<PlaceItem>`,
          ClaimPairEdge: `${models}#EdgeModel<ClaimPairItem>`,
          SearchHit: `${models}#SearchHitModel`,
          SearchConnection: `${models}#ConnectionModel<SearchHitModel>`,
          SearchEdge: `${models}#EdgeModel<SearchHitModel>`,
          CorpusVersion: `${versions}#VersionRecord`,
          CorpusVersionConnection: `${models}#ConnectionModel<VersionRecord>`,
          CorpusVersionEdge: `${models}#EdgeModel<VersionRecord>`,
          Change: `${versions}#ChangeModel`,
          ChangeConnection: `${models}#ConnectionModel<ChangeModel>`,
          ChangeEdge: `${models}#EdgeModel<ChangeModel>`,
        },
      },
    },
    // The SDL as a module, so the bundled function needs no files at run time.
    'schema/__generated__/type-defs.ts': {
      schema: served,
      plugins: ['./schema/codegen-type-defs.cjs'],
    },
    // The committed operations by hash, registered as persisted queries when the function starts.
    'schema/__generated__/persisted-operations.ts': {
      schema: served,
      documents: operations,
      plugins: ['./schema/codegen-persisted-operations.cjs'],
    },
    // The whole served schema as one printed SDL file, for code generators and other tools to point at.
    'schema/__generated__/schema.graphql': {
      schema: served,
      plugins: ['schema-ast'],
      config: { includeDirectives: true, sort: true },
    },
    // The explorer's operations as its client sends them (with __typename, printed as the client preset prints them).
    'schema/__generated__/explorer-persisted-operations.ts': {
      schema: contract,
      documents: explorerDocuments,
      documentTransforms: [addTypenameSelectionDocumentTransform],
      plugins: ['./schema/codegen-explorer-persisted-operations.cjs'],
    },
    // The explorer's typed documents (client preset), each carrying the hash it is persisted under.
    'explorer/src/gql/': {
      schema: contract,
      documents: explorerDocuments,
      preset: 'client',
      documentTransforms: [addTypenameSelectionDocumentTransform],
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: sha256 } },
      config: { useTypeImports: true, enumsAsTypes: true },
    },
    // Typed client operations (TypedDocumentNode) for front ends, tests and the playground.
    'schema/__generated__/operations.ts': {
      schema: served,
      documents: operations,
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, enumsAsTypes: true, avoidOptionals: { field: true, inputValue: false } },
    },
  },
};

export default config;
