import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: prints the schema the code builds to the committed schema.graphql, and typed
 * documents (client preset) for the operations the tests send.
 */
const config: CodegenConfig = {
  schema: './src/schema/index.ts',
  documents: ['test/**/*.graphql'],
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, commentDescriptions: false },
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
