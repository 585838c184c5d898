// Whether `docsdk` runs compiled, and the stamp that decides it.
//
// `scripts/build-cli.mjs` (run by `npm ci` through `prepare`, and by `npm run build:cli`) bundles the
// generator with esbuild into dist/ and then writes dist/stamp.json: the list of every file the bundle
// was built from (each source esbuild loaded, the build script, tsconfig.json) and one SHA-256 over
// their contents. The bundle is used only when those files hash the same now; after any edit, a
// checkout or a pull, bin/docsdk.js runs the sources through tsx until the next build, so a stale
// bundle never runs. A content hash rather than sizes and modification times: it costs ~2–5 ms for
// the ~100 files (mostly loading node:crypto), and has no blind spot (a checkout that rewrites a file
// with its old size, a restored modification time).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Where the build writes, relative to the repository root. */
export const DIST = 'dist';
/** The compiled CLI (the bundle of generator/cli.ts). */
export const CLI_BUNDLE = `${DIST}/docsdk.js`;
/** The stamp, written last by the build. */
export const STAMP = `${DIST}/stamp.json`;

const REPO = new URL('../', import.meta.url);

/**
 * The SHA-256 of `files` (paths relative to the folder URL `root`, `/`-separated), each hashed with
 * its name and length; `bytes` gives a file's content (by default, read from disk).
 */
export function sourcesDigest(root, files, bytes = (file) => readFileSync(new URL(file, root))) {
  const hash = createHash('sha256');
  for (const file of files) {
    const content = bytes(file);
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}

/**
 * The URL of the compiled CLI of the repository at folder URL `root` when it is current: its stamp
 * is there and every file it lists hashes as it did when the bundle was built. Otherwise (never
 * built, stale, a file gone, an unreadable stamp) `undefined`: run the sources through tsx.
 */
export function compiledEntry(root = REPO) {
  try {
    const stamp = JSON.parse(readFileSync(new URL(STAMP, root), 'utf8'));
    if (stamp.version !== 1 || !Array.isArray(stamp.sources) || sourcesDigest(root, stamp.sources) !== stamp.sha256) return undefined;
    return new URL(CLI_BUNDLE, root);
  } catch {
    return undefined;
  }
}
