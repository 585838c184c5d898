/**
 * Builds what the client benchmark measures, the way users get it, in a temporary folder:
 * - the runtime, copied and built with its own `scripts/build.mjs`, packed;
 * - each generated package, copied, compiled with its own tsconfig (the pinned tsc), packed;
 * - per case, a scratch project that installs only that package's tarball and the runtime's (offline),
 *   and one that installs only the official client, from the npm cache (offline, at the repo's version).
 * Nothing is written inside the repository.
 *
 * @packageDocumentation
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, lstatSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchCase } from './cases.ts';

/** The repository root (the benchmark runs from it: `npm run bench:clients`). */
export const REPO = path.resolve(import.meta.dirname, '../..');

/** Where each side of a case is installed. */
export interface PreparedCase {
  ours: string;
  theirs: string;
  /** The official client's version (the repo's devDependency, as installed). */
  theirsVersion: string;
}

/** Package count and bytes of one `node_modules`. */
export interface Footprint {
  packages: number;
  /** Sum of file sizes (apparent bytes, symlinks not followed). */
  bytes: number;
}

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' },
  });
}

function pack(dir: string, dest: string): string {
  const out = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--loglevel=error', '--pack-destination', dest], dir)) as {
    filename: string;
  }[];
  return path.join(dest, out[0]!.filename);
}

// The official client's own scratch install; offline first (the repo installed it, so the cache has
// it), then the registry's cached metadata if some tarball is missing.
function installOfficial(dir: string, spec: string): void {
  try {
    run('npm', ['install', '--offline', '--loglevel=error', spec], dir);
  } catch {
    run('npm', ['install', '--prefer-offline', '--loglevel=error', spec], dir);
  }
}

function scratch(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-scratch', private: true, type: 'module' }));
  return dir;
}

/**
 * Builds, packs and installs both sides of every case; `worker` is copied into each scratch project.
 * `compileOnly` folders are compiled (not packed): their `dist/index.js` is returned in `modules`.
 */
export function prepare(
  cases: BenchCase[],
  worker: string,
  compileOnly: string[] = [],
): { root: string; cases: Record<string, PreparedCase>; modules: Record<string, string> } {
  const root = mkdtempSync(path.join(tmpdir(), 'docsdk-bench-clients-'));
  const build = path.join(root, 'build');
  const tarballs = path.join(root, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  mkdirSync(build, { recursive: true });

  // The runtime's build needs typescript, esbuild and smithy: the repo's node_modules, one level up.
  const rt = path.join(build, 'runtime');
  cpSync(path.join(REPO, 'runtime'), rt, { recursive: true, filter: (src) => !/[/\\](dist|node_modules)$/.test(src) });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(build, 'node_modules'), 'dir');
  run(process.execPath, ['scripts/build.mjs'], rt);
  const runtimeTarball = pack(rt, tarballs);

  // Generated packages resolve @docsdk/runtime (types) from the copy just built, as users would.
  const gen = path.join(root, 'gen');
  mkdirSync(path.join(gen, 'node_modules/@docsdk'), { recursive: true });
  symlinkSync(rt, path.join(gen, 'node_modules/@docsdk/runtime'), 'dir');
  const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
  // Copies generated/<folder> and compiles it with its own tsconfig; returns the copy's folder.
  const compile = (folder: string): string => {
    const dir = path.join(gen, folder);
    cpSync(path.join(REPO, 'generated', folder), dir, { recursive: true, filter: (src) => !/[/\\](dist|node_modules)$/.test(src) });
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], dir);
    return dir;
  };

  const out: Record<string, PreparedCase> = {};
  for (const c of cases) {
    const tarball = pack(compile(c.folder), tarballs);

    const ours = scratch(path.join(root, `ours-${c.id}`));
    run('npm', ['install', '--offline', '--loglevel=error', runtimeTarball, tarball], ours);
    cpSync(worker, path.join(ours, 'worker.mjs'));

    const theirsVersion = (JSON.parse(readFileSync(path.join(REPO, 'node_modules', c.theirs.pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
    const theirs = scratch(path.join(root, `theirs-${c.id}`));
    installOfficial(theirs, `${c.theirs.pkg}@${theirsVersion}`);
    cpSync(worker, path.join(theirs, 'worker.mjs'));
    out[c.id] = { ours, theirs, theirsVersion };
  }
  const modules: Record<string, string> = {};
  for (const folder of compileOnly) modules[folder] = path.join(compile(folder), 'dist/index.js');
  return { root, cases: out, modules };
}

/** Packages (folders with a package.json directly under any node_modules, scoped or not) and bytes. */
export function footprint(project: string): Footprint {
  let packages = 0;
  let bytes = 0;
  const walk = (dir: string, inNodeModules: boolean): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isSymbolicLink()) continue;
      if (e.isFile()) bytes += lstatSync(p).size;
      else if (e.isDirectory()) {
        if (inNodeModules && e.name !== '.bin' && !e.name.startsWith('.')) {
          if (e.name.startsWith('@')) {
            walk(p, true); // a scope: its children are the packages
            continue;
          }
          packages++;
        }
        walk(p, e.name === 'node_modules');
      }
    }
  };
  walk(path.join(project, 'node_modules'), true);
  return { packages, bytes };
}
