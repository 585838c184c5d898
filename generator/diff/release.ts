/**
 * `docsdk version`: the next version of each generated package from the diff against a base (a git
 * ref, usually the branch a pull request goes into), written into its `package.json` with a
 * `CHANGELOG.md` entry. The base version is the package's version at the base when the base has it,
 * so running the command twice bumps once; the written version is never lower than what the emitter
 * already put there (`released.ts` explains how the two version rules meet).
 *
 * @packageDocumentation
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { changelogEntry, withEntry } from './changelog.ts';
import { CHANGELOG_FILE, versionOf, withVersion } from './released.ts';
import type { DiffReport } from './report.ts';
import { compareVersions, nextVersion } from './semver.ts';

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
  /** Packages that changed but are not in the output folder (generate first). */
  missing: string[];
}

/**
 * Writes the next versions of the changed packages of `report` into `outDir`; `baseVersions` are the
 * packages' versions at the base (by folder).
 */
export function applyReleases(report: DiffReport, outDir: string, baseVersions: ReadonlyMap<string, string>): ReleaseResult {
  const result: ReleaseResult = { releases: [], missing: [] };
  for (const p of report.packages) {
    // A removed service has no package to version; a new one starts at the emitter's version.
    if (!p.bump || p.changes.some((c) => c.rule === 'service-removed')) continue;
    const pkgFile = path.join(outDir, p.folder, 'package.json');
    if (!existsSync(pkgFile)) {
      result.missing.push(p.folder);
      continue;
    }
    const text = readFileSync(pkgFile, 'utf8');
    const current = versionOf(text);
    const base = baseVersions.get(p.folder);
    const stepped = base === undefined ? current : nextVersion(base, p.bump);
    const to = compareVersions(stepped, current) >= 0 ? stepped : current;
    writeFileSync(pkgFile, withVersion(text, to));
    const changelog = path.join(outDir, p.folder, CHANGELOG_FILE);
    const existing = existsSync(changelog) ? readFileSync(changelog, 'utf8') : undefined;
    writeFileSync(changelog, withEntry(existing, to, changelogEntry(to, report.old, p)));
    result.releases.push({ folder: p.folder, packageName: p.packageName, from: base ?? current, to });
  }
  return result;
}
