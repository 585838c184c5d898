import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Resolve @docsdk/runtime (a workspace) to its TypeScript source in tests.
    conditions: ['source'],
  },
  test: {
    include: ['test/**/*.test.ts', 'runtime/test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
