/**
 * `applyReleases` on a hand-made report: where each package's next version starts from (the base's
 * version, the current one, none for a new package), the 0.x convention (breaking → minor, additions
 * → patch), that a lower computed version never replaces a higher emitted one, and what is skipped.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, test } from 'vitest';
import { applyReleases, nextVersion as releaseVersion } from '../../generator/diff/release.ts';
import type { DiffReport, PackageReport } from '../../generator/diff/report.ts';
import { change, type RuleName } from '../../generator/diff/rules.ts';
import { tempDir } from './helpers.ts';

// The steps and the order release.ts takes from the semver package.
const { compare: compareVersions, inc: nextVersion } = semver;

function pkg(folder: string, rules: RuleName[], bump: PackageReport['bump']): PackageReport {
  return { service: folder.replace('-', '/'), folder, packageName: `@docsdk/${folder}`, changes: rules.map((r) => change(r, 'X', '')), documentation: [], api: [], breaking: false, ...(bump ? { bump } : {}) };
}

describe('applyReleases', () => {
  const out = tempDir();
  const write = (folder: string, version: string) => {
    mkdirSync(path.join(out, folder), { recursive: true });
    writeFileSync(path.join(out, folder, 'package.json'), `{\n  "name": "@docsdk/${folder}",\n  "version": "${version}",\n  "type": "module"\n}\n`);
  };
  write('aws-new', '0.1.2025010100');
  write('aws-based', '0.1.2024082000');
  write('aws-unbased', '0.3.1');
  write('aws-ahead', '0.1.2025050100');
  write('aws-undone', '0.1.2024082000');
  write('aws-broken', '0.1.2024082000');
  write('aws-stable', '2.4.1');
  const report: DiffReport = {
    old: 'main',
    new: 'specs',
    breaking: false,
    packages: [
      pkg('aws-new', ['service-added'], 'minor'),
      pkg('aws-based', ['operation-added'], 'minor'),
      pkg('aws-unbased', ['documentation-changed'], 'patch'),
      pkg('aws-ahead', ['wire-changed'], 'patch'),
      pkg('aws-gone', ['service-removed'], 'major'),
      pkg('aws-unchanged', [], undefined),
      pkg('aws-undone', [], undefined),
      pkg('aws-missing', ['operation-removed'], 'major'),
      pkg('aws-broken', ['operation-removed'], 'major'),
      pkg('aws-stable', ['operation-removed'], 'major'),
    ],
  };
  const baseLog = '# Changelog\n\n## 1.0.0\n\nBreaking changes since `v0`.\n';
  const result = applyReleases(report, out, {
    versions: new Map([
      ['aws-based', '0.1.2024082000'],
      ['aws-ahead', '0.1.2024082000'],
      ['aws-undone', '1.0.0'],
      ['aws-broken', '0.1.2024082000'],
      ['aws-stable', '2.4.1'],
    ]),
    changelogs: new Map([['aws-undone', baseLog]]),
  });

  test('each changed package: from its base, else its current version; a new one keeps its own', () => {
    expect(result.releases.map((r) => [r.folder, r.from, r.to])).toEqual([
      ['aws-new', '0.1.2025010100', '0.1.2025010100'],
      // On 0.x an addition is a patch, a breaking change a minor (never 1.0.0).
      ['aws-based', '0.1.2024082000', '0.1.2024082001'],
      ['aws-unbased', '0.3.1', '0.3.2'],
      // The emitter's version (a newer API date) is above base + patch: it stays.
      ['aws-ahead', '0.1.2024082000', '0.1.2025050100'],
      ['aws-broken', '0.1.2024082000', '0.2.0'],
      ['aws-stable', '2.4.1', '3.0.0'],
    ]);
    expect(result.missing).toEqual(['aws-missing']);
    const text = readFileSync(path.join(out, 'aws-based/package.json'), 'utf8');
    expect(text).toBe('{\n  "name": "@docsdk/aws-based",\n  "version": "0.1.2024082001",\n  "type": "module"\n}\n');
  });

  test('an unchanged package whose release a regeneration undid gets its version and changelog back', () => {
    expect(result.restored.map((r) => [r.folder, r.from, r.to])).toEqual([['aws-undone', '0.1.2024082000', '1.0.0']]);
    expect(JSON.parse(readFileSync(path.join(out, 'aws-undone/package.json'), 'utf8')).version).toBe('1.0.0');
    expect(readFileSync(path.join(out, 'aws-undone/CHANGELOG.md'), 'utf8')).toBe(baseLog);
  });

  test.each([
    // [version, step the change calls for, next version]
    ['0.3.1', 'major', '0.4.0'],
    ['0.3.1', 'minor', '0.3.2'],
    ['0.3.1', 'patch', '0.3.2'],
    ['0.1.2024082000', 'major', '0.2.0'],
    ['0.0.4', 'major', '0.1.0'],
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'patch', '1.2.4'],
    ['not-semver', 'minor', null],
  ] as const)('0.x convention: %s with a %s change → %s', (version, bump, want) => {
    expect(releaseVersion(version, bump)).toBe(want);
  });

  test('semver steps and order', () => {
    expect(['major', 'minor', 'patch'].map((b) => nextVersion('1.2.3', b as 'major'))).toEqual(['2.0.0', '1.3.0', '1.2.4']);
    expect(compareVersions('0.1.2025040400', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
  });
});
