/**
 * Shared helpers of the emitter tests: rendering an IR in memory, writing a package to a temp folder,
 * bundling its sources (with the runtime's sources) into one importable ES module.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { GENERATOR_VERSION } from '../../generator/cli.ts';
import { filesUnder } from '../../generator/diff/check.ts';
import { emitPackage, type EmittedPackage } from '../../generator/emit/emit-service.ts';
import { packageVersions } from '../../generator/emit/package-versions.ts';
import { handlebarsRenderer } from '../../generator/emit/render.ts';
import { RUNTIME_ENTRY } from '../../generator/emit/ts-project.ts';
import { writeTreeAtomically } from '../../generator/emit/write-tree.ts';
import { serviceProblems } from '../../generator/ir/invariants.ts';
import type { IR } from '../../generator/ir/model.ts';

/** A package emitted in memory. */
export type GeneratedPackage = EmittedPackage;

/**
 * Emits every service of an IR made in a test (not read from pages) with the emitter's one entry
 * point, sorted by folder; the problems that would stop `generate` (unsafe ids, type errors) instead
 * of packages when there are any.
 */
export async function emitIR(ir: IR, checkTypes = false): Promise<{ packages: EmittedPackage[]; problems: string[] }> {
  const problems = ir.services.flatMap(serviceProblems);
  if (problems.length > 0) return { packages: [], problems };
  const renderer = handlebarsRenderer();
  const versions = packageVersions(GENERATOR_VERSION);
  const packages: EmittedPackage[] = [];
  for (const service of ir.services) {
    const pkg = await emitPackage(service, renderer, versions, checkTypes);
    for (const e of pkg.typeErrors) problems.push(`${pkg.folder}/${e}`);
    packages.push(pkg);
  }
  return { packages: packages.sort((a, b) => (a.folder < b.folder ? -1 : 1)), problems };
}

/** Emits `ir` in memory and fails on any problem. */
export async function renderOrThrow(ir: IR, checkTypes = false): Promise<GeneratedPackage[]> {
  const r = await emitIR(ir, checkTypes);
  if (r.problems.length > 0) throw new Error(r.problems.join('\n'));
  return r.packages;
}

/** Emits `ir` and, when nothing is wrong, replaces `outDir` with its packages (atomically). */
export async function generateIR(ir: IR, outDir: string, checkTypes = false): Promise<{ problems: string[] }> {
  const { packages, problems } = await emitIR(ir, checkTypes);
  if (problems.length === 0) writeTreeAtomically(outDir, packages.flatMap((p) => p.files.map((f) => ({ path: `${p.folder}/${f.path}`, content: f.content }))));
  return { problems };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'docsdk-emit-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * Every file below `dir` (relative, `/`-separated, sorted) → its content, listed as `docsdk check`
 * lists a tree: build outputs (`dist/`, `node_modules/`, git-ignored) are not part of it, so a
 * package built in place (`npm pack`, `docsdk publish --dry-run`) does not change the snapshot.
 */
export function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((rel) => [rel, readFileSync(path.join(dir, rel), 'utf8')]));
}

/** Writes a package's files below `dir`; returns the package folder. */
export function writePackage(dir: string, pkg: GeneratedPackage): string {
  const root = path.join(dir, pkg.folder);
  for (const f of pkg.files) {
    const target = path.join(root, f.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.content);
  }
  return root;
}

/** Bundles a package's `src/index.ts` (runtime from source) into one ES module file; returns its path. */
export async function bundlePackage(pkgDir: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(pkgDir)}.bundle.mjs`);
  await build({
    entryPoints: [path.join(pkgDir, 'src/index.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    alias: { '@docsdk/runtime': RUNTIME_ENTRY },
    logLevel: 'silent',
  });
  return outfile;
}

/** The problems a validator reports for a call (`[]` when it passes); fails on any other exception. */
export function problemsOf(fn: () => void): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'ValidationError') throw e;
    return [...(e as Error & { problems: { path: string; message: string }[] }).problems];
  }
  return [];
}
