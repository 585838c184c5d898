/**
 * `docsdk check`: is the generated tree on disk what the specs give? The tree is rendered in memory by
 * the pipeline into memory (`MemorySink`) and compared file by file; nothing is written.
 *
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TreeFile } from '../emit/write-tree.ts';
import { BUILD_OUTPUTS, CHANGELOG_FILE, releasedPackageJson } from '../emit/released.ts';

/** How a folder differs from the tree it should hold; paths relative to it, sorted. */
export interface TreeDiff {
  /** Present with other content. */
  stale: string[];
  /** Expected, absent. */
  missing: string[];
  /** Present, not expected. */
  extra: string[];
}

/** Files under `dir`, relative, `/`-separated, sorted; build outputs skipped. */
export function filesUnder(dir: string, rel = ''): string[] {
  const here = path.join(dir, rel);
  if (!existsSync(here)) return [];
  const out: string[] = [];
  for (const e of readdirSync(here, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!BUILD_OUTPUTS.has(e.name)) out.push(...filesUnder(dir, r));
    } else out.push(r);
  }
  return out.sort();
}

/** True for files `docsdk version` owns: a package's changelog. */
const isReleaseFile = (rel: string) => rel.split('/').length === 2 && rel.endsWith(`/${CHANGELOG_FILE}`);

/**
 * Compares `dir` with `expected` (as rendered), reading package versions as `released.ts` says. A file
 * of `dir` that is not expected is extra only when its top-level entry is `inScope` (default: all):
 * a check of some services says nothing of the output's other packages, as `generate` leaves them.
 */
export function compareTree(expected: readonly TreeFile[], dir: string, inScope: (entry: string) => boolean = () => true): TreeDiff {
  const diff: TreeDiff = { stale: [], missing: [], extra: [] };
  const wanted = new Set(expected.map((f) => f.path));
  for (const f of expected) {
    const file = path.join(dir, ...f.path.split('/'));
    if (!existsSync(file)) {
      diff.missing.push(f.path);
      continue;
    }
    const actual = readFileSync(file, 'utf8');
    const want = f.path.endsWith('/package.json') ? releasedPackageJson(f.content, actual) : f.content;
    if (actual !== want) diff.stale.push(f.path);
  }
  const given = new Set(expected.map((f) => f.path.split('/')[0]!));
  for (const rel of filesUnder(dir)) {
    const entry = rel.split('/')[0]!;
    if (!wanted.has(rel) && !isReleaseFile(rel) && (given.has(entry) || inScope(entry))) diff.extra.push(rel);
  }
  return diff;
}

/** True when nothing differs. */
export const isClean = (d: TreeDiff) => d.stale.length + d.missing.length + d.extra.length === 0;
