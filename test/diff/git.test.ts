/**
 * The pull-request flow on a scratch repository made here: `docsdk diff` between git refs (specs/ and
 * generated/ read with git archive, the work tree untouched), a generator-only API change, `docsdk
 * version` (bump and changelog, idempotent, `check` still clean) and the publish plan (changed
 * versions only, runtime first, `npm publish --dry-run` per package).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { publishAll, publishPlan } from '../../generator/diff/publish.ts';
import { EDITS } from './edits.ts';
import { copySeed, run, tempDir } from './helpers.ts';

const root = tempDir('docsdk-repo-');
const specs = path.join(root, 'specs');
const generated = path.join(root, 'generated');
const git = (...args: string[]) =>
  execFileSync('git', ['-C', root, '-c', 'user.name=docsdk test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
const commitAll = (message: string) => {
  git('add', '-A');
  git('commit', '-q', '-m', message);
};
const generate = async () => expect((await run('generate', specs, '--out', generated)).code).toBe(0);

beforeAll(async () => {
  git('init', '-q', '-b', 'main');
  copySeed('aws/odb', specs);
  await generate();
  commitAll('odb as documented');
  // A docs update on a branch: a member is gone.
  git('checkout', '-q', '-b', 'docs-update');
  EDITS['remove a member'].apply(path.join(specs, 'aws/odb'));
  await generate();
  commitAll('odb: statusReason removed');
  // A generator change on another branch: same docs, one exported name fewer in the package's API.
  git('checkout', '-q', '-b', 'generator-change', 'main');
  const api = path.join(generated, 'aws-odb/api.json');
  const surface = JSON.parse(readFileSync(api, 'utf8')) as Array<{ name: string }>;
  writeFileSync(api, `${JSON.stringify(surface.filter((s) => s.name !== 'CallOptions'), null, 2)}\n`);
  commitAll('generator: CallOptions no longer exported');
  git('checkout', '-q', 'docs-update');
}, 60_000);

describe('docsdk diff between git refs', () => {
  test('HEAD~1 → HEAD: the removed member, breaking; the work tree untouched', async () => {
    const r = await run('diff', 'HEAD~1', 'HEAD', '--repo', root, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout).packages[0];
    expect(p.changes.map((c: { rule: string; path: string }) => [c.rule, c.path])).toEqual([['member-removed', 'OdbPeeringConnection.statusReason']]);
    expect([p.bump, p.breaking]).toEqual(['major', true]);
    // The surfaces are the committed api.json files of each ref.
    expect(p.api).toEqual([expect.objectContaining({ rule: 'api-member-removed', path: 'OdbPeeringConnection (Interface).statusReason', informational: true })]);
    expect(git('status', '--porcelain')).toBe('');
  });

  test('branch names work too, in Markdown, and --fail-on breaking fails', async () => {
    const r = await run('diff', 'main', 'docs-update', '--repo', root, '--fail-on', 'breaking');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('## docsdk diff: `main` → `docs-update`');
    expect(r.stdout).toContain('| **breaking** | `OdbPeeringConnection.statusReason` | `member-removed` | String |');
  });

  test('a generated tree and a package ir.json are sides too: same changes as between the refs', async () => {
    for (const neu of [generated, path.join(generated, 'aws-odb/ir.json')]) {
      const p = JSON.parse((await run('diff', 'main', neu, '--repo', root, '--format', 'json')).stdout).packages[0];
      expect(p.changes.map((c: { rule: string }) => c.rule), neu).toEqual(['member-removed']);
      expect(p.api.map((c: { rule: string }) => c.rule), neu).toEqual(['api-member-removed']);
    }
  });

  test('a generator change that alters the API shows with unchanged docs, and decides', async () => {
    const p = JSON.parse((await run('diff', 'main', 'generator-change', '--repo', root, '--format', 'json')).stdout).packages[0];
    expect(p.changes).toEqual([]);
    expect(p.api).toEqual([expect.objectContaining({ rule: 'api-symbol-removed', path: 'CallOptions (Interface)', breaking: true })]);
    expect(p.api[0].informational).toBeUndefined();
    expect([p.bump, p.breaking]).toEqual(['major', true]);
  });
});

describe('docsdk version and publish', () => {
  const pkgFile = path.join(generated, 'aws-odb/package.json');
  const changelog = path.join(generated, 'aws-odb/CHANGELOG.md');

  test('bumps the changed package from its version at the base (a breaking change on 0.x: the minor), writes a changelog, twice the same', async () => {
    const before = JSON.parse(readFileSync(pkgFile, 'utf8')).version;
    expect(before).toBe('0.1.2024082000');
    const r = await run('version', specs, '--since', 'main', '--out', generated, '--repo', root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${generated}/aws-odb: @docsdk/aws-odb 0.1.2024082000 → 0.2.0\n`);
    expect(JSON.parse(readFileSync(pkgFile, 'utf8')).version).toBe('0.2.0');
    const log = readFileSync(changelog, 'utf8');
    expect(log).toBe(
      '# Changelog\n\n## 0.2.0\n\nBreaking changes since `main`.\n\n- **breaking** `OdbPeeringConnection.statusReason`: member-removed (String)\n',
    );
    await run('version', specs, '--since', 'main', '--out', generated, '--repo', root);
    expect(readFileSync(changelog, 'utf8')).toBe(log);
    expect(JSON.parse(readFileSync(pkgFile, 'utf8')).version).toBe('0.2.0');
  });

  test('check stays clean after the bump: the released version and the changelog are kept', async () => {
    const r = await run('check', specs, '--out', generated);
    expect(r.stdout + r.stderr).toContain('is current (12 files)');
    expect(r.code).toBe(0);
  });

  test('the publish plan holds changed versions only, runtime first; each runs npm publish --dry-run', async () => {
    mkdirSync(path.join(root, 'runtime'));
    writeFileSync(path.join(root, 'runtime/package.json'), JSON.stringify({ name: '@docsdk/runtime', version: '0.2.0' }));
    commitAll('release');
    expect((await run('publish', '--since', 'HEAD', '--repo', root)).stdout).toBe('no package version changed since HEAD\n');

    const plan = publishPlan(root, 'main');
    expect(plan.map((t) => [t.name, t.version, t.previous])).toEqual([
      ['@docsdk/runtime', '0.2.0', undefined],
      ['@docsdk/aws-odb', '0.2.0', '0.1.2024082000'],
    ]);
    const calls: string[] = [];
    const result = publishAll(plan, { dryRun: true, provenance: false }, (cmd, args, cwd) => {
      calls.push(`${path.relative(root, cwd)}: ${cmd} ${args.join(' ')}`);
      return { status: 0, output: '' };
    });
    expect(calls).toEqual(['runtime: npm publish --access public --dry-run', 'generated/aws-odb: npm publish --access public --dry-run']);
    expect(result.published).toHaveLength(2);
    // A failure stops the run: later packages may depend on the one that failed.
    const failed = publishAll(plan, { dryRun: false, provenance: true }, () => ({ status: 1, output: 'E403' }));
    expect([failed.published.length, failed.failed?.target.name, failed.failed?.output]).toEqual([0, '@docsdk/runtime', 'E403']);
  });

  test('a regeneration keeps the release; an undone release is refused by publish and put back by version', async () => {
    await generate(); // keeps the released version and the changelog it replaces
    expect(JSON.parse(readFileSync(pkgFile, 'utf8')).version).toBe('0.2.0');
    expect(readFileSync(changelog, 'utf8')).toContain('0.2.0');
    expect(git('status', '--porcelain')).toBe('');
    // Undone by hand (or by an older docsdk's regeneration): the baseline version and no changelog.
    writeFileSync(pkgFile, readFileSync(pkgFile, 'utf8').replace('"version": "0.2.0"', '"version": "0.1.2024082000"'));
    rmSync(changelog);
    expect(JSON.parse(readFileSync(pkgFile, 'utf8')).version).toBe('0.1.2024082000');
    const refused = await run('publish', '--since', 'HEAD', '--repo', root, '--dry-run');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('@docsdk/aws-odb: version 0.1.2024082000 is lower than 0.2.0 at HEAD; run docsdk version --since HEAD');
    const r = await run('version', specs, '--since', 'HEAD', '--out', generated, '--repo', root);
    expect(r.stdout).toContain('@docsdk/aws-odb 0.1.2024082000 → 0.2.0 (restored');
    expect(git('status', '--porcelain')).toBe('');
  });
});
