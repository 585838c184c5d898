/**
 * `docsdk version`: the next version of each generated package from the diff against a base (a git
 * ref, usually the branch a pull request goes into), written into its `package.json` with a
 * `CHANGELOG.md` entry. The base version is the package's version at the base when the base has it
 * (a git ref, a package folder), so running the command twice bumps once; the written version is never lower than what the emitter
 * already put there (`released.ts` explains how the two version rules meet).
 *
 * @packageDocumentation
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { changelogEntry, withEntry } from './changelog.ts';
import { CHANGELOG_FILE, versionOf, withVersion } from '../emit/released.ts';
import type { DiffReport } from './report.ts';
import type { Bump } from './rules.ts';

/** One package's new version. */
export interface Release {
  folder: string;
  packageName: string;
  from: string;
  to: string;
}

/** What {@link applyReleases} did. */
export interface ReleaseResult {
  releases: Release[];
  /**
   * Unchanged packages whose version on disk had fallen below the base's (a regeneration put the
   * emitter's baseline back): the base's version and changelog are put back.
   */
  restored: Release[];
  /** Packages that changed but are not in the output folder (generate first). */
  missing: string[];
}

/** What the base says about its packages, by folder: versions and changelogs. */
export interface ReleaseBase {
  versions: ReadonlyMap<string, string>;
  changelogs: ReadonlyMap<string, string>;
}

/**
 * The semver step a change calls for, at `version`. From 1.0.0 on it is the step itself. Below 1.0.0
 * the minor is what `^` ranges treat as the major (`^0.3.1` takes 0.3.x, never 0.4.0), so, as Cargo,
 * release-please (`bump-minor-pre-major`) and conventional-changelog (`preMajor`) do, every step
 * moves down one: breaking → minor, additions → patch, patch → patch. A breaking change on 0.x thus
 * reaches no one through a `^` range, and leaving 0.x (1.0.0) stays a maintainer's decision.
 */
export function releaseStep(version: string, bump: Bump): Bump {
  if (semver.major(version) > 0) return bump;
  return bump === 'major' ? 'minor' : 'patch';
}

/** `version` stepped for `bump` by the 0.x convention ({@link releaseStep}); null when it is not semver. */
export function nextVersion(version: string, bump: Bump): string | null {
  if (!semver.valid(version)) return null;
  return semver.inc(version, releaseStep(version, bump));
}

/** Writes the next versions of the changed packages of `report` into `outDir`, from their versions at `base`. */
export function applyReleases(report: DiffReport, outDir: string, base: ReleaseBase): ReleaseResult {
  const result: ReleaseResult = { releases: [], restored: [], missing: [] };
  for (const p of report.packages) {
    // A removed service has no package to version.
    if (p.changes.some((c) => c.rule === 'service-removed')) continue;
    const pkgFile = path.join(outDir, p.folder, 'package.json');
    if (!existsSync(pkgFile)) {
      if (p.bump) result.missing.push(p.folder);
      continue;
    }
    const text = readFileSync(pkgFile, 'utf8');
    const current = versionOf(text);
    const baseVersion = base.versions.get(p.folder);
    const changelog = path.join(outDir, p.folder, CHANGELOG_FILE);
    const existing = existsSync(changelog) ? readFileSync(changelog, 'utf8') : base.changelogs.get(p.folder);
    if (!p.bump) {
      if (baseVersion !== undefined && semver.gt(baseVersion, current)) {
        writeFileSync(pkgFile, withVersion(text, baseVersion));
        if (existing !== undefined) writeFileSync(changelog, existing);
        result.restored.push({ folder: p.folder, packageName: p.packageName, from: current, to: baseVersion });
      }
      continue;
    }
    // A new package starts at the emitter's version. Without a base version (a spec folder as base),
    // the step is taken from the current one: then each run steps again.
    const added = p.changes.some((c) => c.rule === 'service-added');
    const from = baseVersion ?? current;
    const stepped = added ? current : nextVersion(from, p.bump);
    if (stepped === null) throw new Error(`${p.folder}: version ${JSON.stringify(from)} is not semver`);
    const to = semver.gte(stepped, current) ? stepped : current;
    writeFileSync(pkgFile, withVersion(text, to));
    writeFileSync(changelog, withEntry(existing, to, changelogEntry(to, report.old, p)));
    result.releases.push({ folder: p.folder, packageName: p.packageName, from: baseVersion ?? current, to });
  }
  return result;
}
