import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: prints the schema the code builds to the committed schema.graphql, the
 * committed possible-types.json (which object types each interface and union has, for clients whose
 * caches match fragments on abstract types: Apollo Client's `InMemoryCache({ possibleTypes })`), and
 * typed documents (client preset) for the operations the tests send, and those the operations
 * console sends (typed from the committed schema.graphql, as any client of the gateway would be).
 */
const BUILT = './src/schema/index.ts';

const config: CodegenConfig = {
  generates: {
    'schema.graphql': {
      schema: BUILT,
      plugins: ['schema-ast'],
      config: { includeDirectives: false, commentDescriptions: false },
    },
    'possible-types.json': {
      schema: BUILT,
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3 },
    },
    'test/generated/': {
      schema: BUILT,
      documents: ['test/**/*.graphql'],
      preset: 'client',
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { UUID: 'string', DateTime: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
    'src/console/app/generated/': {
      schema: 'schema.graphql',
      documents: ['src/console/app/**/*.{ts,tsx}', '!src/console/app/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          UUID: 'string',
          DateTime: 'string',
          JSONObject: 'Record<string, unknown>',
          ID: 'string',
        },
      },
    },
  },
  ignoreNoDocuments: true,
  // ESM imports with extensions, as the rest of the code base (NodeNext).
  emitLegacyCommonJSImports: false,
};

export default config;
