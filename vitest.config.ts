import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Each file starts its own servers on port 0, so files can run in parallel safely.
    fileParallelism: true,
  },
});
