// The dependency rule (docs/architecture.md, "Which folder imports which"): folders depend only downward,
// infra → functions → schema types, the tools (scripts, bench, seed) and the tests on top, and no import cycle
// anywhere. `npm run lint` runs it (`lint:deps`). Type-only imports count: a cycle of types is still a cycle
// a reader has to untangle, and an import of a type still ties one folder to another.
const TOOLS = '^(infra|scripts|bench|seed|test|playground)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No module imports, even for a type, a module that leads back to it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'functions-import-no-tools',
      comment:
        'Deployed code stands on its own: functions/ never imports infra/, the tools, the tests or the playground. ' +
        'Dev-only helpers live in scripts/harness/.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: TOOLS },
    },
    {
      name: 'schema-types-below-functions',
      comment:
        'The generated schema types sit below the functions: they name the storage types resolvers receive ' +
        '(codegen mappers), as types only, and nothing above.',
      severity: 'error',
      from: { path: '^schema/' },
      to: { path: TOOLS },
    },
    {
      name: 'schema-types-load-no-function-code',
      comment: 'Codegen mappers are types: schema/ imports from functions/ with `import type` only.',
      severity: 'error',
      from: { path: '^schema/' },
      to: { path: '^functions/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'infra-reads-plain-data',
      comment:
        'The stack reads from functions/ only modules of plain data (tables, shared constants, the HTTP contract), never code ' +
        'that would load the functions into the CDK app, and stored-search-index.ts, a leaf of types and the ' +
        "index's key prefix (SEARCH_INDEX_PREFIX) that the bucket's permissions name.",
      severity: 'error',
      from: { path: '^infra/' },
      to: {
        path: '^functions/',
        pathNot: '^functions/(shared/constants|shared/http-contract|data/tables|data/stored-search-index)[.]ts$',
      },
    },
    {
      name: 'infra-imports-no-tools',
      comment: 'The stack never imports the tools, the tests or the playground sources.',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^(scripts|bench|seed|test|playground)/' },
    },
    {
      name: 'only-bench-imports-bench',
      comment:
        'The benchmarks are a leaf: tests, scripts and the seed tools never import bench/. Code that a test ' +
        'and a benchmark share lives in scripts/harness/, which bench/ imports.',
      severity: 'error',
      from: { pathNot: '^bench/' },
      to: { path: '^bench/' },
    },
    {
      name: 'only-tests-import-tests',
      comment: 'Nothing outside test/ imports a test module.',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    // Type-only imports are dependencies too (see the header).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)(node_modules|cdk[.]out|playground/dist|bench/[.]build)/' },
  },
};
