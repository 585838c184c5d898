/**
 * `docsdk diff` on pairs of spec folders made from the seeds with one edit each: the exact changes
 * (rule, path, breaking or not), the package's bump and verdict, on the JSON and the Markdown report.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { EDITS, type SeedEdit } from './edits.ts';
import { copySeed, run, tempDir } from './helpers.ts';

interface Expected {
  packageName: string;
  bump: 'major' | 'minor' | 'patch';
  breaking: boolean;
  /** [rule, path, breaking] of every change but documentation, in report order. */
  changes: Array<[string, string, boolean]>;
  documentation: number;
}

const EXPECTED: Record<keyof typeof EDITS, Expected> = {
  'remove a member': {
    packageName: '@docsdk/aws-odb',
    bump: 'major',
    breaking: true,
    changes: [['member-removed', 'OdbPeeringConnection.statusReason', true]],
    documentation: 0,
  },
  'add an enum value': {
    packageName: '@docsdk/aws-odb',
    bump: 'minor',
    breaking: false,
    changes: [['output-enum-value-added', 'Status', false]],
    documentation: 0,
  },
  'make a member required': {
    packageName: '@docsdk/baidu-vpc',
    bump: 'major',
    breaking: true,
    changes: [['input-member-made-required', 'UpdatePeerconnRequest.description', true]],
    documentation: 0,
  },
  'add an operation': {
    packageName: '@docsdk/aws-odb',
    bump: 'minor',
    breaking: false,
    changes: [['operation-added', 'operation DescribeOdbPeeringConnection', false]],
    documentation: 0,
  },
  'change only a description': { packageName: '@docsdk/aws-odb', bump: 'patch', breaking: false, changes: [], documentation: 1 },
  'add a union member': {
    packageName: '@docsdk/aws-partnercentral-account',
    bump: 'major',
    breaking: true,
    // Output unions are open at run time, but the generated visitor interface is exhaustive.
    changes: [['output-union-member-added', 'OtherParticipant.Individual', true]],
    documentation: 0,
  },
  'rename a member': {
    packageName: '@docsdk/aws-odb',
    bump: 'major',
    breaking: true,
    changes: [
      ['member-removed', 'OdbPeeringConnection.displayName', true],
      ['output-member-added', 'OdbPeeringConnection.name', false],
    ],
    documentation: 0,
  },
};

/** Old and new spec folders for an edit. */
function pair(e: SeedEdit): { old: string; new: string } {
  const root = tempDir();
  const old = path.join(root, 'old');
  const neu = path.join(root, 'new');
  copySeed(e.seed, old, e.files);
  e.apply(copySeed(e.seed, neu, e.files));
  return { old, new: neu };
}

interface JsonChange {
  rule: string;
  path: string;
  breaking: boolean;
  bump: string;
  detail: string;
  informational?: boolean;
  decidedBy?: { rule: string; path: string };
}

describe.each(Object.keys(EDITS) as Array<keyof typeof EDITS>)('%s', (name) => {
  const want = EXPECTED[name];
  let dirs: { old: string; new: string };
  let json: { breaking: boolean; packages: Array<{ packageName: string; bump: string; breaking: boolean; changes: JsonChange[]; documentationChanges: number; api: JsonChange[] }> };
  let markdown: string;

  beforeAll(async () => {
    dirs = pair(EDITS[name]);
    const j = await run('diff', dirs.old, dirs.new, '--format', 'json');
    expect(j.code, j.stderr).toBe(0);
    json = JSON.parse(j.stdout);
    const m = await run('diff', dirs.old, dirs.new);
    expect(m.code, m.stderr).toBe(0);
    markdown = m.stdout;
  });

  test('JSON report: exact changes, verdict and bump', () => {
    expect(json.packages).toHaveLength(1);
    const p = json.packages[0]!;
    expect(p.packageName).toBe(want.packageName);
    expect(p.changes.map((c) => [c.rule, c.path, c.breaking])).toEqual(want.changes);
    expect(p.documentationChanges).toBe(want.documentation);
    expect([p.bump, p.breaking, json.breaking]).toEqual([want.bump, want.breaking, want.breaking]);
    // One verdict per change: a surface change an IR change explains has that change's verdict.
    for (const c of p.api.filter((x) => x.decidedBy)) {
      const by = p.changes.find((x) => x.rule === c.decidedBy!.rule && x.path === c.decidedBy!.path);
      expect([c.breaking, c.informational], c.path).toEqual([by?.breaking, true]);
    }
  });

  test('Markdown report: the same rows, the summary line', () => {
    const breaking = want.changes.filter((c) => c[2]).length;
    expect(markdown).toContain(`| \`${want.packageName}\` | ${want.bump} | ${breaking} | ${want.changes.length} | ${want.documentation} |`);
    for (const [rule, at, isBreaking] of want.changes) {
      expect(markdown).toContain(`| ${isBreaking ? '**breaking**' : 'compatible'} | \`${at}\` | \`${rule}\` |`);
      // Breaking changes are listed first as well, under their package.
      if (isBreaking) expect(markdown).toContain(`| \`${want.packageName}\` | \`${at}\` | \`${rule}\` |`);
    }
    expect(markdown).toContain(want.breaking ? `**Breaking changes: ${breaking}** (in 1 of 1 changed package).` : 'Breaking changes: none (1 changed package).');
  });
});

describe('details of single edits', () => {
  test('--fail-on breaking exits 1 on a breaking edit, 0 on a compatible one', async () => {
    const breaking = pair(EDITS['remove a member']);
    const compatible = pair(EDITS['add an enum value']);
    const b = await run('diff', breaking.old, breaking.new, '--fail-on', 'breaking', '--no-api');
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('breaking changes found');
    expect((await run('diff', compatible.old, compatible.new, '--fail-on', 'breaking', '--no-api')).code).toBe(0);
  });

  test('documentation changes are counted by default, listed with --all-docs', async () => {
    const d = pair(EDITS['change only a description']);
    const counted = await run('diff', d.old, d.new);
    expect(counted.stdout).toContain('Documentation-only changes: 1 (listed with `--all-docs`)');
    expect(counted.stdout).not.toContain('OdbPeeringConnection.displayName');
    const listed = await run('diff', d.old, d.new, '--all-docs');
    // The word-level before/after: only the words that changed are marked.
    expect(listed.stdout).toContain('- `OdbPeeringConnection.displayName`: The <del>display</del> name <del>of</del><ins>shown for</ins> the ODB peering connection.');
    const json = JSON.parse((await run('diff', d.old, d.new, '--all-docs', '--format', 'json')).stdout);
    expect(json.packages[0].documentation.map((c: JsonChange & { text: unknown }) => [c.rule, c.path, c.text])).toEqual([
      ['documentation-changed', 'OdbPeeringConnection.displayName', { before: 'The display name of the ODB peering connection.', after: 'The name shown for the ODB peering connection.' }],
    ]);
  });

  test('a new operation shows on the API surface: new types, a new client method (compatible)', async () => {
    const d = pair(EDITS['add an operation']);
    const api: JsonChange[] = JSON.parse((await run('diff', d.old, d.new, '--format', 'json')).stdout).packages[0].api;
    expect(api).toContainEqual(expect.objectContaining({ rule: 'api-symbol-added', path: 'DescribeOdbPeeringConnectionRequest (Interface)', breaking: false }));
    expect(api).toContainEqual(expect.objectContaining({ rule: 'api-member-added', path: 'OdbClient (Class).describeOdbPeeringConnection', breaking: false }));
  });

  test('--max-chars: a budget below what the title, verdict and note need, or not a number, is an error (exit 1)', async () => {
    const d = pair(EDITS['remove a member']);
    const small = await run('diff', d.old, d.new, '--max-chars', '100');
    expect([small.code, small.stdout]).toEqual([1, '']);
    expect(small.stderr).toMatch(/^error: a report needs at least \d+ characters for its title, verdict and note; --max-chars is 100\n$/);
    const bad = await run('diff', d.old, d.new, '--max-chars', 'lots');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('not a whole number');
  });

  test('identical folders: no changes, exit 0', async () => {
    const d = pair({ seed: 'aws/odb', apply: () => {} });
    const r = await run('diff', d.old, d.new);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes.');
  });

  test('an argument that is neither a path nor a git ref is reported, exit 1', async () => {
    const r = await run('diff', 'no-such-folder-or-ref', 'specs/aws/odb');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-folder-or-ref: no such file or folder, and not a git ref of .');
  });
});
