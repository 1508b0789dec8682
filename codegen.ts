import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: prints the schema the code builds to the committed schema.graphql, the
 * committed possible-types.json (which object types each interface and union has, for clients whose
 * caches match fragments on abstract types: Apollo Client's `InMemoryCache({ possibleTypes })`), and
 * typed documents (client preset) for the operations the tests send.
 */
const config: CodegenConfig = {
  schema: './src/schema/index.ts',
  documents: ['test/**/*.graphql'],
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, commentDescriptions: false },
    },
    'possible-types.json': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3 },
    },
    'test/generated/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { UUID: 'string', DateTime: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
  ignoreNoDocuments: true,
  // ESM imports with extensions, as the rest of the code base (NodeNext).
  emitLegacyCommonJSImports: false,
};

export default config;
