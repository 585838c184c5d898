/**
 * What `docsdk version` owns inside `generated/`, and how the emitter's output is read with it.
 *
 * The emitter derives a baseline version from the generator and API versions (`emit/version.ts`);
 * `docsdk version` bumps past it from the diff and writes a `CHANGELOG.md`. A package's version is
 * therefore the higher of the two: the version on disk wins when it is higher, so regenerating
 * (checked by `docsdk check`) neither undoes a release bump nor counts its changelog as extra.
 *
 * @packageDocumentation
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { TreeWriter } from './write-tree.ts';

/** The changelog `docsdk version` keeps in each package folder. */
export const CHANGELOG_FILE = 'CHANGELOG.md';

/** Build outputs inside package folders (git-ignored): never part of the generated tree. */
export const BUILD_OUTPUTS: ReadonlySet<string> = new Set(['dist', 'node_modules']);

const VERSION_FIELD = /("version"\s*:\s*")([^"]*)(")/;

/** The `version` of a package.json text. */
export function versionOf(packageJson: string): string {
  return (JSON.parse(packageJson) as { version: string }).version;
}

/** A package.json text with its `version` replaced (only that field; the rest byte for byte). */
export function withVersion(packageJson: string, version: string): string {
  return packageJson.replace(VERSION_FIELD, (_, a: string, _v: string, c: string) => `${a}${version}${c}`);
}

/**
 * The package.json the emitter renders (`rendered`), with the version on disk when that is higher:
 * the released version, which a regeneration keeps.
 */
export function releasedPackageJson(rendered: string, onDisk: string | undefined): string {
  if (onDisk === undefined) return rendered;
  let disk: string;
  try {
    disk = versionOf(onDisk);
    return semver.gt(disk, versionOf(rendered)) ? withVersion(rendered, disk) : rendered;
  } catch {
    return rendered; // an unreadable package.json (or a version that is not semver) on disk is simply stale
  }
}

/**
 * Keeps in a new output tree what `docsdk version` wrote into the output it replaces: a package
 * version higher than the emitter's baseline, and the package's changelog. Without this, regenerating
 * after a release would put the baseline version back and drop `CHANGELOG.md`.
 */
export function keepReleaseState(tree: TreeWriter, outDir: string, folders: Iterable<string>): void {
  for (const folder of folders) {
    // A kept folder is the current output's own: its release state is already there.
    if (tree.isKept(folder)) continue;
    const current = path.join(outDir, folder);
    const onDisk = path.join(current, 'package.json');
    if (existsSync(onDisk)) {
      const rel = `${folder}/package.json`;
      const target = tree.target(rel);
      const rendered = readFileSync(target, 'utf8');
      const kept = releasedPackageJson(rendered, readFileSync(onDisk, 'utf8'));
      if (kept !== rendered) {
        // The tree's file may be a hard link into the cache: replace it, never write through it.
        rmSync(target);
        tree.write(rel, kept);
      }
    }
    const changelog = path.join(current, CHANGELOG_FILE);
    if (existsSync(changelog)) tree.link(`${folder}/${CHANGELOG_FILE}`, changelog);
  }
}
