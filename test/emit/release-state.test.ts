/**
 * Regenerating keeps what `docsdk version` wrote: a released version above the emitter's baseline and
 * the package's CHANGELOG.md — with the cache and without it — while a lower version on disk is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../generator/cli.ts';
import { versionOf, withVersion } from '../../generator/emit/released.ts';
import { tempDir } from './helpers.ts';

const quiet = { stdout: () => {}, stderr: () => {} };

describe('generate keeps the release state of the packages it replaces', () => {
  const root = tempDir('docsdk-release-');
  const out = path.join(root, 'generated');
  const pkgJson = path.join(out, 'aws-odb', 'package.json');
  const changelog = path.join(out, 'aws-odb', 'CHANGELOG.md');
  const generate = (...flags: string[]) => runCli(['generate', 'specs/aws/odb', '--out', out, '--cache-dir', path.join(root, 'cache'), ...flags], quiet);

  it('a higher version and the changelog survive regeneration, cached or not', async () => {
    expect(await generate()).toBe(0);
    const baseline = versionOf(readFileSync(pkgJson, 'utf8'));
    const typesBefore = readFileSync(path.join(out, 'aws-odb', 'src', 'types.ts'), 'utf8');
    writeFileSync(pkgJson, withVersion(readFileSync(pkgJson, 'utf8'), '9.9.9'));
    writeFileSync(changelog, '# Changelog\n\n## 9.9.9\n\n- released\n');

    expect(await generate()).toBe(0);
    expect(versionOf(readFileSync(pkgJson, 'utf8'))).toBe('9.9.9');
    expect(readFileSync(changelog, 'utf8')).toContain('## 9.9.9');
    expect(readFileSync(path.join(out, 'aws-odb', 'src', 'types.ts'), 'utf8')).toBe(typesBefore);

    expect(await generate('--no-cache')).toBe(0);
    expect(versionOf(readFileSync(pkgJson, 'utf8'))).toBe('9.9.9');
    expect(existsSync(changelog)).toBe(true);

    // A version below the baseline is not a release of this generator's output: the baseline wins.
    writeFileSync(pkgJson, withVersion(readFileSync(pkgJson, 'utf8'), '0.0.1'));
    expect(await generate()).toBe(0);
    expect(versionOf(readFileSync(pkgJson, 'utf8'))).toBe(baseline);
  });
});
