import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Resolve @docsdk/runtime (a workspace) to its TypeScript source in tests, so tests never depend on
  // a built runtime/dist/. Node-environment tests resolve through Vite's SSR settings.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts', 'runtime/test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
