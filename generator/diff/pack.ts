/**
 * `docsdk pack`: the runtime and the generated packages as installable tarballs, built the way a user
 * gets them from a registry (JS + `.d.ts` in `dist/`), so they install together into any project —
 * offline: the runtime has no dependencies and each package depends on the runtime only.
 *
 * Everything is built in a scratch folder, never in place: the runtime's `dist/` there (its build
 * script's `--out`), each package copied beside a `node_modules/@docsdk/runtime` that is that build,
 * and compiled with the TypeScript docsdk itself depends on (so a package generated outside the
 * repository, with no `node_modules` of its own, packs too: no `tsc: not found`). Then
 * `npm pack --ignore-scripts` of each (their `prepack` would build again, with a `tsc` they may not have).
 *
 * A package's dependency on the runtime stays the range it was generated with (`^0.1.0`), not a
 * `file:` spec: the same tarball is what `npm publish` would upload, and npm satisfies the range from
 * the runtime tarball installed in the same command (docs/decisions.md).
 *
 * @packageDocumentation
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import semver from 'semver';
import { REPO_ROOT } from '../repo.ts';

/** A package to pack: its folder, npm name and version. */
export interface PackTarget {
  dir: string;
  name: string;
  version: string;
}

/** One tarball written. */
export interface Packed {
  name: string;
  version: string;
  /** Absolute path of the tarball. */
  file: string;
}

/** What stops a pack: an unknown service, a package that does not build, a range the runtime misses. */
export class PackError extends Error {}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

const RUNTIME_NAME = '@docsdk/runtime';

function manifestOf(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

function isPackageDir(dir: string): boolean {
  return existsSync(path.join(dir, 'package.json')) && statSync(dir).isDirectory();
}

/**
 * The packages to pack: every package folder of `generatedDir` when `services` is empty, else each
 * named one — a folder of `generatedDir` (`aws-directconnect`), an npm name, a service id
 * (`directconnect`), or the path of a package folder anywhere (one generated with `--out`).
 */
export function packTargets(generatedDir: string, services: readonly string[]): PackTarget[] {
  const known = existsSync(generatedDir)
    ? readdirSync(generatedDir).sort().map((f) => path.join(generatedDir, f)).filter(isPackageDir)
    : [];
  const target = (dir: string): PackTarget => {
    const m = manifestOf(dir);
    return { dir: path.resolve(dir), name: m.name, version: m.version };
  };
  if (services.length === 0) {
    if (known.length === 0) throw new PackError(`no package in ${generatedDir}: run docsdk generate first`);
    return known.map(target);
  }
  const out: PackTarget[] = [];
  for (const s of services) {
    const byName = known.find((d) => {
      const folder = path.basename(d);
      return folder === s || folder.slice(folder.indexOf('-') + 1) === s || manifestOf(d).name === s;
    });
    const dir = byName ?? (existsSync(s) && isPackageDir(s) ? s : undefined);
    if (!dir) {
      throw new PackError(`no package ${JSON.stringify(s)} in ${generatedDir} (known: ${known.map((d) => path.basename(d)).join(', ') || 'none'}), and no package folder at that path`);
    }
    if (!out.some((t) => t.dir === path.resolve(dir))) out.push(target(dir));
  }
  return out;
}

/** Runs `command` capturing its output; throws {@link PackError} with `what` and the output when it fails. */
function run(what: string, command: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(command, [...args], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new PackError(`${what} failed:\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trimEnd());
  return r.stdout;
}

/** `npm pack` of `dir` into `dest` (scripts skipped: everything is built); the tarball's absolute path. */
function npmPack(dir: string, dest: string): string {
  const out = run(`npm pack in ${dir}`, 'npm', ['pack', '--ignore-scripts', '--json', '--loglevel=error', '--pack-destination', dest], dir);
  const [first] = JSON.parse(out) as { filename: string }[];
  return path.join(dest, first!.filename);
}

/** Removes tarballs of `name` left in `dest` by earlier runs (other versions), so `npm install dest/*.tgz` sees one of each. */
function removeOlder(dest: string, name: string, keep: string): void {
  // npm's tarball name: `@scope/pkg` → `scope-pkg-<version>.tgz`.
  const prefix = `${name.replace(/^@/, '').replace(/\//g, '-')}-`;
  for (const f of readdirSync(dest)) {
    if (f.startsWith(prefix) && /^\d/.test(f.slice(prefix.length)) && f.endsWith('.tgz') && path.join(dest, f) !== keep) {
      rmSync(path.join(dest, f), { force: true });
    }
  }
}

/** Files of a package folder that are not copied for building: earlier builds and installs. */
const SKIPPED = new Set(['node_modules', 'dist']);

/**
 * Builds and packs the runtime of `repo` and each of `targets` into `outDir`; the tarballs, runtime
 * first. Throws {@link PackError} when a package does not compile (its tsc errors, with the package's
 * own paths) or asks for a runtime version the repository's does not satisfy.
 */
export function packAll(targets: readonly PackTarget[], outDir: string, repo: string = REPO_ROOT): Packed[] {
  const runtimeSrc = path.join(repo, 'runtime');
  const runtimeVersion = manifestOf(runtimeSrc).version;
  // Before building anything: a package made by another docsdk may need another runtime.
  for (const t of targets) {
    const range = manifestOf(t.dir).dependencies?.[RUNTIME_NAME];
    if (range !== undefined && !semver.satisfies(runtimeVersion, range)) {
      throw new PackError(`${t.name} (${t.dir}) depends on ${RUNTIME_NAME}@${range}, but this repository's runtime is ${runtimeVersion}: regenerate it (docsdk generate)`);
    }
  }
  const dest = path.resolve(outDir);
  const scratch = mkdtempSync(path.join(tmpdir(), 'docsdk-pack-'));
  // Tarballs are made here and moved to `dest` only when every package packed: a failed run leaves
  // `dest` as it was.
  const made = path.join(scratch, 'tarballs');
  mkdirSync(made);
  try {
    // The runtime as its package.json publishes it, built into the scratch copy (not runtime/dist,
    // which tests and other runs may be reading).
    const runtime = path.join(scratch, 'node_modules', RUNTIME_NAME);
    mkdirSync(runtime, { recursive: true });
    for (const f of ['package.json', 'README.md']) cpSync(path.join(runtimeSrc, f), path.join(runtime, f));
    run('building the runtime', process.execPath, [path.join(runtimeSrc, 'scripts/build.mjs'), '--out', path.join(runtime, 'dist')], runtimeSrc);
    const packed: Packed[] = [{ name: RUNTIME_NAME, version: runtimeVersion, file: npmPack(runtime, made) }];

    const tsc = createRequire(path.join(repo, 'package.json')).resolve('typescript/bin/tsc');
    for (const t of targets) {
      const dir = path.join(scratch, path.basename(t.dir));
      cpSync(t.dir, dir, { recursive: true, filter: (src) => src === t.dir || !SKIPPED.has(path.relative(t.dir, src).split(path.sep)[0]!) });
      try {
        run(`building ${t.name}`, process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], dir);
      } catch (e) {
        // tsc names files relative to its working folder, i.e. as in the package's own folder.
        throw new PackError(`${(e as Error).message}\n(in ${t.dir})`);
      }
      packed.push({ name: t.name, version: t.version, file: npmPack(dir, made) });
    }
    mkdirSync(dest, { recursive: true });
    return packed.map((p) => {
      const file = path.join(dest, path.basename(p.file));
      cpSync(p.file, file);
      removeOlder(dest, p.name, file);
      return { ...p, file };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What the `pack` command needs from the CLI. */
export interface PackCommandContext {
  stdout(text: string): void;
  stderr(text: string): void;
  setExitCode(code: number): void;
}

/** Adds `pack` to `program`: bad input (unknown service, a package that does not build) exits 1. */
export function registerPackCommand(program: Command, ctx: PackCommandContext): void {
  program
    .command('pack')
    .description('build and pack the runtime and every (or each named) generated package into tarballs that install together, offline')
    .argument('[services...]', 'package folders of the generated folder (aws-directconnect), npm names, service ids, or paths of package folders')
    .option('--out <dir>', 'folder the tarballs are written to', 'packs')
    .option('--generated <dir>', 'generated folder holding the packages', 'generated')
    .action((services: string[], opts: { out: string; generated: string }) => {
      try {
        const packed = packAll(packTargets(opts.generated, services), opts.out);
        const shown = (f: string) => (path.relative('.', f).startsWith('..') ? f : path.relative('.', f));
        for (const p of packed) ctx.stdout(`packed: ${p.name}@${p.version} → ${shown(p.file)}\n`);
        ctx.stdout(`install them together (nothing is fetched): npm install ${packed.map((p) => shown(p.file)).join(' ')}\n`);
      } catch (e) {
        if (!(e instanceof PackError)) throw e;
        ctx.stderr(`error: ${e.message}\n`);
        ctx.setExitCode(1);
      }
    });
}
