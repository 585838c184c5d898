import { configDefaults, defineConfig } from 'vitest/config';

/** Every test file. */
const ALL = ['test/**/*.test.ts', 'runtime/test/**/*.test.ts'];

/**
 * The files only the full tier runs (`npm run test:all`, what CI runs): fuzz campaigns, builds and
 * packaging, kill tests, child processes and thread pools, type-checking, corpus-scale property
 * checks. Every other file is in the fast tier (`npm test`: unit and table tests and one small
 * end-to-end, within 30 s on a 2-core machine). A file's tier is declared here and nowhere else
 * (test/tiers.test.ts checks each path here exists, so a renamed slow file can't fall into the fast
 * tier unnoticed).
 */
export const SLOW = [
  'runtime/test/dist.test.ts',
  'test/architecture.test.ts',
  'test/bin.test.ts',
  'test/cli.slow.test.ts',
  'test/diff/check.test.ts',
  'test/diff/git.test.ts',
  'test/diff/pack.test.ts',
  'test/diff/render-markdown.slow.test.ts',
  'test/diff/verdict.slow.test.ts',
  'test/e2e/unsigned-operations.test.ts',
  'test/emit/generate-cache.test.ts',
  'test/emit/generate.slow.test.ts',
  'test/emit/view/caller-code.slow.test.ts',
  'test/emit/hostile.slow.test.ts',
  'test/emit/incremental.test.ts',
  'test/emit/kill-mid-run.test.ts',
  'test/emit/mock-types.test.ts',
  'test/emit/package.test.ts',
  'test/emit/prettier-stable.test.ts',
  'test/emit/readme-snippets.slow.test.ts',
  'test/emit/types.test.ts',
  'test/emit/view-surface.test.ts',
  'test/fuzz/campaign.test.ts',
  'test/fuzz/emit.test.ts',
  'test/fuzz/readers.test.ts',
  'test/ir/shapes-corpus.test.ts',
  'test/pipeline/read.test.ts',
  'test/pipeline/services.slow.test.ts',
  'test/read/baidu-broken.slow.test.ts',
  'test/read/boto3-html.test.ts',
  'test/read/cut-pages.test.ts',
  'test/read/pool.test.ts',
  'test/read/boto3/aliases.test.ts',
  'test/wire/check.test.ts',
  'test/worker-threads.test.ts',
];

export default defineConfig({
  // Resolve @docsdk/runtime (a workspace) to its TypeScript source in tests, so tests never depend on
  // a built runtime/dist/. Node-environment tests resolve through Vite's SSR settings.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    // No test may reach the EC2 metadata address (169.254.169.254): a client given no credentials and no
    // `env` option ends the AWS default chain at IMDS (runtime/src/credentials/); child processes inherit it.
    env: { AWS_EC2_METADATA_DISABLED: 'true' },
    // `vitest run --project fast` is the fast tier; `vitest run` runs both projects, i.e. every file.
    // The fast tier's files share their worker's modules (isolate: false): each file re-importing the
    // generator was half of that tier's time; none leaves faked timers or stubbed globals behind.
    projects: [
      { extends: true, test: { name: 'fast', include: ALL, exclude: [...configDefaults.exclude, ...SLOW], isolate: false } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
