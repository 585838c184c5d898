#!/usr/bin/env node
// Builds the compiled CLI into dist/ (git-ignored): `npm run build:cli`, and `prepare` (so `npm ci`).
// With `--prepare` a failed build only warns: the CLI then runs from the sources, and `npm ci` (and
// so `npm run test:all`, whose test/bin.test.ts builds and fails loudly) is not blocked by it.
// `--prepare` also builds runtime/dist/ (runtime/scripts/build.mjs): the generated packages resolve
// `@docsdk/runtime` through the workspace link to runtime/, whose types and code are in dist/, so
// without it `npm run build` in generated/<pkg> fails with TS2307 on a fresh clone (issue 16 §1).
//
// esbuild bundles generator/cli.ts and the thread pools' worker modules (generator/repo.ts names
// them `<pool>-worker.js`) as ES modules for Node 20; packages stay external (loaded from
// node_modules as from the sources), and code split into chunks so what the sources import lazily
// (ts-morph through check-types.ts) is still loaded only when needed. Every file lands in dist/,
// one folder below the root like generator/, so paths the code finds from `import.meta.url`
// (generator/repo.ts) mean the same compiled. Then dist/stamp.json records what the bundle was built
// from (bin/compiled.js): bin/docsdk.js runs the bundle only while those files are unchanged.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, sourcesDigest, STAMP } from '../bin/compiled.js';

const ROOT_URL = new URL('../', import.meta.url);
const ROOT = fileURLToPath(ROOT_URL);
const OUT = path.join(ROOT, DIST);

/** Bundle name → source. `docsdk` is bin/compiled.js's CLI_BUNDLE; the workers, repo.ts's `workerModule`. */
const ENTRIES = {
  docsdk: 'generator/cli.ts',
  'read-worker': 'generator/read/pool-worker.ts',
  'emit-worker': 'generator/emit/emit-worker.ts',
};

/** Files that shape the bundle besides the sources esbuild loads. */
const CONFIG_FILES = ['scripts/build-cli.mjs', 'tsconfig.json'];

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js', '.json': 'json' };

/** Every file esbuild loads, relative to the root → the exact bytes it bundled (so the stamp can't describe other bytes). */
const loaded = new Map();
const recordSources = {
  name: 'record-sources',
  setup(b) {
    b.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
      const loader = LOADERS[path.extname(args.path)];
      if (!loader) return { errors: [{ text: `no loader for ${args.path}` }] };
      const bytes = readFileSync(args.path);
      loaded.set(path.relative(ROOT, args.path).split(path.sep).join('/'), bytes);
      return { contents: bytes, loader };
    });
  },
};

async function buildCli() {
  // The stamp goes first: while the bundle is being replaced, bin/docsdk.js runs the sources.
  rmSync(path.join(ROOT, STAMP), { force: true });
  const config = new Map(CONFIG_FILES.map((f) => [f, readFileSync(path.join(ROOT, f))]));

  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, path.join(ROOT, source)])),
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    write: false,
    plugins: [recordSources],
  });

  // Each file written beside and renamed in, so a run starting meanwhile never reads half a file.
  mkdirSync(OUT, { recursive: true });
  const written = new Set();
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.tmp-${tag}`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
    written.add(path.basename(file.path));
  }
  // Chunks of earlier builds (their names carry a content hash).
  for (const name of readdirSync(OUT)) {
    if (!written.has(name)) rmSync(path.join(OUT, name), { recursive: true, force: true });
  }

  const files = new Map([...config, ...[...loaded].sort(([a], [b]) => (a < b ? -1 : 1))]);
  const sources = [...files.keys()];
  const stamp = { version: 1, sources, sha256: sourcesDigest(ROOT_URL, sources, (f) => files.get(f)) };
  const tmp = path.join(ROOT, `${STAMP}.tmp-${tag}`);
  writeFileSync(tmp, `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(tmp, path.join(ROOT, STAMP));
  console.log(`docsdk: compiled CLI built into ${DIST}/ from ${loaded.size} sources`);
}

const prepare = process.argv.includes('--prepare');
try {
  await buildCli();
} catch (e) {
  if (!prepare) throw e;
  console.warn(`docsdk: the compiled CLI was not built (bin/docsdk.js runs the sources through tsx): ${e?.message ?? e}`);
}
if (prepare) {
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'runtime/scripts/build.mjs')], { cwd: path.join(ROOT, 'runtime'), stdio: 'inherit' });
  } catch (e) {
    console.warn(`docsdk: runtime/dist was not built (generated packages cannot build until \`npm run build -w runtime\`): ${e?.message ?? e}`);
  }
}
