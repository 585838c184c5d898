/**
 * `docsdk publish`: publishes the packages whose version changed since a git ref (the runtime and the
 * generated packages), dependencies first, with `npm publish` (`--dry-run` locally, `--provenance`
 * from CI). The same steps run in the release workflow and on a developer's machine.
 *
 * @packageDocumentation
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/** A package to publish. */
export interface PublishTarget {
  name: string;
  version: string;
  /** Its folder. */
  dir: string;
  /** Its version at the ref, or undefined when it was not there. */
  previous?: string;
}

/** Runs one command; injectable so tests can watch without publishing. */
export type CommandRunner = (command: string, args: readonly string[], cwd: string) => { status: number; output: string };

/** Runs a command for real, capturing what it prints. */
export const runCommand: CommandRunner = (command, args, cwd) => {
  const r = spawnSync(command, [...args], { cwd, encoding: 'utf8' });
  return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
};

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}

/** `file` (relative to the repository root) at `ref`, or undefined when absent there. */
function atRef(repo: string, ref: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['-C', repo, 'show', `${ref}:${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** Package folders: the runtime and every folder of the generated tree. */
function packageDirs(repo: string, outDir: string): string[] {
  const out = [path.join(repo, 'runtime')];
  const generated = path.resolve(repo, outDir);
  if (existsSync(generated)) for (const f of readdirSync(generated).sort()) out.push(path.join(generated, f));
  return out.filter((d) => existsSync(path.join(d, 'package.json')));
}

/** Orders `targets` so every package comes after the targets it depends on (ties by name). */
function dependencyOrder(targets: Array<PublishTarget & { deps: string[] }>): PublishTarget[] {
  const pending = [...targets].sort((a, b) => (a.name < b.name ? -1 : 1));
  const done = new Set<string>();
  const out: PublishTarget[] = [];
  while (pending.length > 0) {
    const i = pending.findIndex((t) => t.deps.every((d) => done.has(d) || !pending.some((p) => p.name === d)));
    const [next] = pending.splice(i < 0 ? 0 : i, 1); // a cycle cannot be ordered: take names in order
    done.add(next!.name);
    const { deps: _deps, ...target } = next!;
    out.push(target);
  }
  return out;
}

/** A package whose version went down since the ref: publishing it would move `latest` back. */
export class VersionWentDown extends Error {}

/**
 * The packages of `repo` whose version differs from the one at `ref`, in publishing order. Throws
 * {@link VersionWentDown} when a version is lower than at `ref` (a regeneration that undid a release
 * bump: `docsdk version` puts it back).
 */
export function publishPlan(repo: string, ref: string, outDir = 'generated'): PublishTarget[] {
  const root = execFileSync('git', ['-C', repo, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const targets: Array<PublishTarget & { deps: string[] }> = [];
  for (const dir of packageDirs(repo, outDir)) {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
    if (manifest.private) continue;
    const rel = path.relative(root, path.join(dir, 'package.json')).split(path.sep).join('/');
    const before = atRef(repo, ref, rel);
    const previous = before === undefined ? undefined : (JSON.parse(before) as Manifest).version;
    if (previous === manifest.version) continue;
    if (previous !== undefined && semver.lt(manifest.version, previous)) {
      throw new VersionWentDown(`${manifest.name}: version ${manifest.version} is lower than ${previous} at ${ref}; run docsdk version --since ${ref}`);
    }
    targets.push({ name: manifest.name, version: manifest.version, dir, ...(previous ? { previous } : {}), deps: Object.keys(manifest.dependencies ?? {}) });
  }
  return dependencyOrder(targets);
}

/** The `npm publish` arguments for a run. */
export function publishArgs(options: { dryRun: boolean; provenance: boolean }): string[] {
  return ['publish', '--access', 'public', ...(options.dryRun ? ['--dry-run'] : []), ...(options.provenance ? ['--provenance'] : [])];
}

/** Publishes `plan` in order; stops at the first failure (later packages may depend on it). */
export function publishAll(
  plan: readonly PublishTarget[],
  options: { dryRun: boolean; provenance: boolean },
  run: CommandRunner = runCommand,
): { published: PublishTarget[]; failed?: { target: PublishTarget; output: string } } {
  const published: PublishTarget[] = [];
  for (const target of plan) {
    const r = run('npm', publishArgs(options), target.dir);
    if (r.status !== 0) return { published, failed: { target, output: r.output } };
    published.push(target);
  }
  return { published };
}
