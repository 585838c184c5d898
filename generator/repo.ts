/**
 * Where docsdk's own files are, for code that reads them at run time (templates, JSON schemas,
 * `package.json`, the runtime's sources) or starts threads on its own modules.
 *
 * The generator runs either from its TypeScript sources (`generator/**`, through tsx) or compiled
 * (`dist/*.js`, the esbuild bundle of `scripts/build-cli.mjs`; `bin/docsdk.js` chooses). This module
 * is the only one that finds files from `import.meta.url`: it is `generator/repo.ts` in one case and a
 * file of `dist/` in the other (esbuild keeps `import.meta.url` as the bundle's own URL), both one
 * folder below the repository root, so every path below means the same in both. (Packages resolved
 * from `import.meta.url`, as in `read/bounded-parse.ts`, are found in `node_modules` from either.)
 *
 * @packageDocumentation
 */
import { fileURLToPath } from 'node:url';

/** The repository root, as a folder URL (`file:///…/`): `new URL('templates/', REPO_URL)`. */
export const REPO_URL: URL = new URL('../', import.meta.url);

/** The repository root, as an absolute path ending in a separator. */
export const REPO_ROOT: string = fileURLToPath(REPO_URL);

/** The modules the thread pools run, by pool: their TypeScript sources, relative to `generator/`. */
const WORKER_SOURCES = {
  read: 'read/pool-worker.ts',
  emit: 'emit/emit-worker.ts',
} as const;

/** A thread pool's name. */
export type WorkerName = keyof typeof WORKER_SOURCES;

/**
 * The module a thread of pool `name` runs. From the sources (`self` ends in `.ts`) that is the
 * worker's TypeScript source, which `WorkerThreads` loads through tsx; from the bundle, the
 * compiled entry `dist/<name>-worker.js` beside it (`scripts/build-cli.mjs` builds it under that
 * name). The one place where a compiled run and a run from source take different files.
 *
 * `self` is this module's URL; a parameter only so tests can ask for the compiled answer.
 */
export function workerModule(name: WorkerName, self: string = import.meta.url): URL {
  return self.endsWith('.ts') ? new URL(WORKER_SOURCES[name], self) : new URL(`${name}-worker.js`, self);
}
