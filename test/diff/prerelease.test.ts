/**
 * Pre-release versions order below their release (semver §11: `1.2.0-beta.1 < 1.2.0`) everywhere
 * docsdk compares or derives versions: the release state a regeneration keeps, `docsdk version`
 * putting an undone release back, `docsdk publish` refusing a version that went down, and the
 * emitter's baseline for a pre-release generator. (A hand-written parser once read only
 * `MAJOR.MINOR.PATCH`, so a pre-release compared equal to its release.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, test } from 'vitest';
import { VersionWentDown, publishPlan } from '../../generator/diff/publish.ts';
import { applyReleases } from '../../generator/diff/release.ts';
import type { DiffReport } from '../../generator/diff/report.ts';
import { releasedPackageJson, versionOf } from '../../generator/emit/released.ts';
import { packageVersion } from '../../generator/emit/version.ts';

// Not ./helpers.ts: that loads the whole CLI, and these tests need only the version rules.
const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
const manifest = (version: string) => `{\n  "name": "@docsdk/aws-odb",\n  "version": "${version}",\n  "type": "module"\n}\n`;

describe('a pre-release orders below its release', () => {
  test('regenerating keeps a released 1.2.0 on disk over a rendered 1.2.0-beta.1, not the other way round', () => {
    expect(versionOf(releasedPackageJson(manifest('1.2.0-beta.1'), manifest('1.2.0')))).toBe('1.2.0');
    expect(versionOf(releasedPackageJson(manifest('1.2.0'), manifest('1.2.0-beta.1')))).toBe('1.2.0');
  });

  test('docsdk version puts back a base release of 1.2.0 that a regeneration lowered to 1.2.0-beta.1', () => {
    const out = tempDir('docsdk-prerelease-');
    mkdirSync(path.join(out, 'aws-odb'));
    writeFileSync(path.join(out, 'aws-odb/package.json'), manifest('1.2.0-beta.1'));
    const report: DiffReport = {
      old: 'main',
      new: 'specs',
      breaking: false,
      packages: [{ service: 'aws/odb', folder: 'aws-odb', packageName: '@docsdk/aws-odb', changes: [], documentation: [], api: [], breaking: false }],
    };
    const result = applyReleases(report, out, { versions: new Map([['aws-odb', '1.2.0']]), changelogs: new Map() });
    expect(result.restored.map((r) => [r.from, r.to])).toEqual([['1.2.0-beta.1', '1.2.0']]);
    expect(versionOf(readFileSync(path.join(out, 'aws-odb/package.json'), 'utf8'))).toBe('1.2.0');
  });

  test('docsdk publish refuses 1.2.0 → 1.2.0-beta.1 as a version that went down', () => {
    const root = tempDir('docsdk-prerelease-repo-');
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, '-c', 'user.name=docsdk test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
    const pkgFile = path.join(root, 'generated/aws-odb/package.json');
    git('init', '-q', '-b', 'main');
    mkdirSync(path.dirname(pkgFile), { recursive: true });
    writeFileSync(pkgFile, manifest('1.2.0'));
    git('add', '-A');
    git('commit', '-q', '-m', 'release 1.2.0');
    writeFileSync(pkgFile, manifest('1.2.0-beta.1'));
    expect(() => publishPlan(root, 'main')).toThrow(VersionWentDown);
    expect(() => publishPlan(root, 'main')).toThrow('@docsdk/aws-odb: version 1.2.0-beta.1 is lower than 1.2.0 at main');
  });

  test('a pre-release generator gives a pre-release baseline, below the release generator’s', () => {
    expect(packageVersion('0.2.0-beta.1', '2025-04-04')).toBe('0.2.2025040400-beta.1');
    expect(packageVersion('0.2.0-beta.1', undefined)).toBe('0.2.0-beta.1');
    expect(semver.lt(packageVersion('0.2.0-beta.1', '2025-04-04'), packageVersion('0.2.0', '2025-04-04'))).toBe(true);
    // Release generator versions are as before.
    expect(packageVersion('0.1.0', '2025-04-04')).toBe('0.1.2025040400');
    expect(packageVersion('0.1.3', undefined)).toBe('0.1.3');
    expect(() => packageVersion('0.1', '2025-04-04')).toThrow('generator version "0.1" is not semver');
  });
});
