// ESLint with typescript-eslint's strict, type-aware rules over every TypeScript file of the project.
// A rule turned off or relaxed below says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'cdk.out/',
      'bench/.build/',
      'playground/dist/',
      'explorer/dist/',
      'explorer/src/gql/',
      'schema/__generated__/',
      '**/*.cjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers and booleans read naturally in messages; objects, nullish values and the like stay refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Async functions here implement promise-returning interfaces (Apollo plugin hooks, Lambda middleware,
      // stores, corpus sources); an async body says so even where it has nothing to await.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a binding destructured only to leave it out of the rest.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The search engine's hot loops index typed arrays within bounds they have just checked;
    // noUncheckedIndexedAccess makes every such read optional, and `!` keeps those loops free of re-checks.
    files: ['functions/search/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Tests and the bench walk GraphQL responses whose shape is the thing under test: they are untyped
    // JSON (`any`) on purpose, and the assertions themselves check the shape; `!` after a lookup the
    // test has just asserted reads better than a second check.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/harness/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // afterAll hooks guard with `?.` against a beforeAll that failed before assigning what they close.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    // A focused or skipped test passes CI while checking nothing; a check that cannot run here
    // (a folder a clone lacks) says so with `skipIf`, which reports it as skipped.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].flatMap((object) =>
          ['only', 'skip', 'todo'].map((property) => ({
            object,
            property,
            message: `${object}.${property} leaves a check out of CI; use skipIf with the reason where a check cannot run.`,
          })),
        ),
      ],
    },
  },
);
