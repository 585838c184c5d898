/**
 * Shared helpers of the emitter tests: rendering an IR in memory, writing a package to a temp folder,
 * bundling its sources (with the runtime's sources) into one importable ES module.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { GENERATOR_VERSION } from '../../generator/cli.ts';
import { renderPackages, type GeneratedPackage } from '../../generator/emit/generate.ts';
import { RUNTIME_ENTRY } from '../../generator/emit/ts-project.ts';
import type { IR } from '../../generator/ir/model.ts';

/** Renders `ir` in memory and fails on any problem. */
export async function renderOrThrow(ir: IR, checkTypes = false): Promise<GeneratedPackage[]> {
  const r = await renderPackages(ir, { generatorVersion: GENERATOR_VERSION, checkTypes });
  if (r.problems.length > 0) throw new Error(r.problems.join('\n'));
  return r.packages;
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'docsdk-emit-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Every file below `dir` (relative, `/`-separated, sorted) → its content. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(dir, r), 'utf8'));
    }
  };
  walk('');
  return out;
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
