// Builds the published dist/: one ESM bundle with @smithy/signature-v4 inlined (so the package has no
// runtime dependencies: see docs/decisions.md), plus declarations from tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--out DIR` builds elsewhere (tests build into a temp folder, so they never race on dist/).
const outFlag = process.argv.indexOf('--out');
const dist = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json'), '--outDir', dist], { stdio: 'inherit' });
// Declarations keep the sources' `./x.ts` specifiers (`from`, and `import()` types); consumers resolve
// `./x.js` next to `./x.d.ts`. Subfolders too (credentials/).
for (const f of readdirSync(dist, { recursive: true })) {
  if (!f.endsWith('.d.ts')) continue;
  const p = join(dist, f);
  writeFileSync(p, readFileSync(p, 'utf8').replace(/((?:from\s+|import\()['"]\.\.?\/[^'"]+)\.ts(['"])/g, '$1.js$2'));
}

// The credential sources that need Node (files, processes, the network) are a file of their own,
// dist/credentials/node.js, which the client imports by a URL computed at run time (DOCSDK_NODE_SOURCES,
// relative to dist/index.js) on the first call that needs it: no bundler follows it, so bundles do not
// carry it. It imports nothing (of the main bundle, types only), so no class exists twice. The plugin
// keeps the sources' literal `import('./node.ts')` (dead code once defined) out of the bundle.
const lazyNodeSources = {
  name: 'lazy-node-sources',
  setup(b) {
    b.onResolve({ filter: /^\.\/node\.ts$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './credentials/node.js', external: true } : undefined));
  },
};

// smithy's signer imports a few helpers from `@smithy/core`'s subpath indexes, and the serde index also
// declares what no bundler can drop (a class with a computed base, a UUID generator made by a call):
// ~2.5 KB minified of base64, UTF-8 and UUID code in every client bundle. So, for the signer's files
// only, each subpath resolves to a module exporting just what the signer imports, from the files that
// define it (paths relative to the subpath's index). A name the signer starts to import that is not
// listed here fails the build ("No matching export"), and so does a file smithy moves.
const SIGNER_IMPORTS = {
  '@smithy/core/serde': {
    fromHex: './util-hex-encoding/hex-encoding.js',
    toHex: './util-hex-encoding/hex-encoding.js',
    fromUtf8: './util-utf8/fromUtf8.browser.js',
    toUint8Array: './util-utf8/toUint8Array.browser.js',
    isArrayBuffer: './is-array-buffer/is-array-buffer.js',
    writeKey: './writeKey.js',
    hasOwn: '../transport/hasOwn.js',
  },
  '@smithy/core/protocols': { escapeUri: './util-uri-escape/escape-uri.js', HttpRequest: '../transport/httpRequest.js' },
  '@smithy/core/client': { normalizeProvider: '../transport/normalizeProvider.js' },
};
const signerImportsOnly = {
  name: 'signer-imports-only',
  setup(b) {
    b.onResolve({ filter: /^@smithy\/core\/(serde|protocols|client)$/ }, async (args) => {
      if (args.pluginData === 'real' || !args.importer.includes('/@smithy/signature-v4/')) return undefined;
      const real = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'real' });
      if (real.errors.length) return { errors: real.errors };
      return { path: real.path, namespace: 'signer-imports', pluginData: args.path };
    });
    b.onLoad({ filter: /.*/, namespace: 'signer-imports' }, (args) => ({
      resolveDir: dirname(args.path),
      contents: Object.entries(SIGNER_IMPORTS[args.pluginData])
        .map(([name, file]) => `export { ${name} } from ${JSON.stringify(file)};`)
        .join('\n'),
    }));
  },
};

const result = await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: join(dist, 'index.js'),
  bundle: true,
  format: 'esm',
  // Neutral: the bundle must work in Node and browsers; nothing platform-specific is imported
  // (node:crypto is reached at run time through process.getBuiltinModule).
  platform: 'neutral',
  // smithy's ESM builds (`module`) tree-shake to the signer alone (its CJS `main` would pull all of
  // @smithy/core), and its `browser` variants use TextEncoder instead of node:buffer: fine on Node too.
  mainFields: ['browser', 'module', 'main'],
  conditions: ['browser', 'module', 'import'],
  target: 'es2022',
  legalComments: 'eof',
  metafile: true,
  plugins: [lazyNodeSources, signerImportsOnly],
  define: { DOCSDK_NODE_SOURCES: JSON.stringify('./credentials/node.js') },
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(`dist/index.js: ${bytes} bytes`);

await build({
  entryPoints: [join(root, 'src/credentials/node.ts')],
  outfile: join(dist, 'credentials/node.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
});

// The test double (`@docsdk/runtime/mock`): its own file, so no client bundle holds it, importing the
// runtime from ./index.js — the same module, and so the same error classes, clients import.
const sameIndex = {
  name: 'same-index',
  setup(b) {
    b.onResolve({ filter: /^\.\/index\.ts$/ }, () => ({ path: './index.js', external: true }));
  },
};
await build({
  entryPoints: [join(root, 'src/mock.ts')],
  outfile: join(dist, 'mock.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  plugins: [sameIndex],
  logLevel: 'warning',
});
