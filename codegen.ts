import type { CodegenConfig } from '@graphql-codegen/cli';

const storage = '../../functions/data/items.js';
const models = '../../functions/graphql/models.js';
const versions = '../../functions/data/version-store.js';

const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema/*.graphql',
  documents: 'schema/operations/*.graphql',
  generates: {
    // Resolver signatures typed against the storage items that back each type.
    'schema/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        useIndexSignature: false,
        contextType: '../../functions/graphql/context.js#GraphQLContext',
        mappers: {
          Document: `${storage}#DocumentItem`,
          Person: `${storage}#PersonItem`,
          Event: `${storage}#EventItem`,
          Claim: `${storage}#ClaimItem`,
          ReportedDate: `${storage}#ReportedDateItem`,
          TextAnchor: `${storage}#ClaimItem`,
          PartialDate: `${models}#PartialDateModel`,
          DocumentConnection: `${models}#ConnectionModel<DocumentItem>`,
          PersonConnection: `${models}#ConnectionModel<PersonItem>`,
          EventConnection: `${models}#ConnectionModel<EventItem>`,
          ClaimConnection: `${models}#ConnectionModel<ClaimItem>`,
          DocumentEdge: `${models}#EdgeModel<DocumentItem>`,
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
      plugins: ['./schema/codegen-type-defs.cjs'],
    },
    // The committed operations by hash, registered as persisted queries when the function starts.
    'schema/__generated__/persisted-operations.ts': {
      documents: 'schema/operations/*.graphql',
      plugins: ['./schema/codegen-persisted-operations.cjs'],
    },
    // The whole served schema as one printed SDL file, for code generators and other tools to point at.
    'schema/__generated__/schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true, sort: true },
    },
    // Typed client operations (TypedDocumentNode) for front ends, tests and the playground.
    'schema/__generated__/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, enumsAsTypes: true, avoidOptionals: { field: true, inputValue: false } },
    },
  },
};

export default config;
