import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships both index.mjs and index.js; Vite would hand the .mjs to some importers while
    // Node loads the .js for others ("Cannot use GraphQLScalarType from another module or realm").
    // Everything gets the one copy Node itself resolves.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Each file starts its own servers on port 0, so files can run in parallel safely.
    fileParallelism: true,
  },
});
