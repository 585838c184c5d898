/**
 * The client benchmark's own arithmetic, without measuring anything: package counting in a
 * `node_modules` (scoped, nested, `.bin` and symlinks), the entry a bundle is built from, a bundle's
 * size and largest packages, and the report's ratios and target verdicts.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundleSize, entrySource } from '../../scripts/bench-clients/bundle.ts';
import { CASES } from '../../scripts/bench-clients/cases.ts';
import { footprint } from '../../scripts/bench-clients/prepare.ts';
import { renderReport, type Results, type Series } from '../../scripts/bench-clients/report.ts';
import { tempDir } from '../emit/helpers.ts';

function pkg(dir: string, name: string, files: Record<string, string> = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', main: 'index.js' }));
  for (const [f, content] of Object.entries(files)) writeFileSync(path.join(dir, f), content);
}

describe('bench:clients helpers', () => {
  test('footprint counts packages (scoped, nested) and file bytes, not .bin or symlinks', () => {
    const root = tempDir('docsdk-bench-test-');
    const nm = path.join(root, 'node_modules');
    pkg(path.join(nm, 'a'), 'a', { 'index.js': 'x'.repeat(100) });
    pkg(path.join(nm, '@s/b'), '@s/b');
    pkg(path.join(nm, '@s/b/node_modules/c'), 'c');
    mkdirSync(path.join(nm, '.bin'));
    symlinkSync(path.join(nm, 'a/index.js'), path.join(nm, '.bin/a'));
    symlinkSync(path.join(nm, 'a'), path.join(nm, 'linked'));
    const f = footprint(root);
    expect(f.packages).toBe(3);
    expect(f.bytes).toBeGreaterThan(100);
  });

  test('the bundle entry imports the client, builds it and calls the operation; sizes and largest packages', async () => {
    const c = CASES[0]!;
    expect(entrySource(c, 'ours')).toContain(`import { ${c.ours.client} } from '${c.ours.pkg}'`);
    expect(entrySource(c, 'ours')).toContain(`.${c.ours.method}(`);
    expect(entrySource(c, 'theirs')).toContain(`new ${c.theirs.command}(`);

    const root = tempDir('docsdk-bench-test-');
    pkg(path.join(root, 'node_modules/big'), 'big', { 'index.js': `export const big = () => ${JSON.stringify('y'.repeat(2000))};` });
    pkg(path.join(root, 'node_modules/small'), 'small', { 'index.js': 'export const small = () => 1;' });
    const b = await bundleSize(root, "import { big } from 'big'; import { small } from 'small'; console.log(big(), small());", 'browser');
    expect(b.largest[0]!.name).toBe('big');
    expect(b.largest.map((x) => x.name).sort()).toEqual(['(entry)', 'big', 'small']);
    expect(b.gzipped).toBeLessThan(b.minified);
  });

  test('the report: ratios are ours / official, verdicts follow each target’s direction', () => {
    const s = (median: number): Series => ({ median, min: median, max: median, n: 1 });
    const pair = (ours: number, theirs: number) => ({ ours: s(ours), theirs: s(theirs) });
    const bundle = (gz: number) => ({ minified: gz * 3, gzipped: gz, largest: [{ name: '(entry)', bytes: gz }] });
    const results: Results = {
      machine: { cpu: 'Test CPU', cores: 2, node: 'v20.0.0', os: 'Linux', date: '2026-01-01T00:00:00Z', loadBefore: [1, 1, 1], loadAfter: [2, 2, 2] },
      quick: false,
      plan: { cold: 21 },
      cases: [
        {
          id: 'x',
          title: 'X Op',
          oursPackage: '@docsdk/x',
          theirsPackage: '@aws-sdk/client-x@1',
          bundles: { node: { ours: bundle(10), theirs: bundle(200) }, browser: { ours: bundle(10), theirs: bundle(20) } },
          installed: { ours: { packages: 2, bytes: 1000 }, theirs: { packages: 30, bytes: 100000 } },
          cold: { ms: pair(10, 100), process: pair(50, 150) },
          calls: { memory: pair(3000, 1000), server: pair(100, 200) },
          callsCpu: { memory: pair(3000, 1000), server: pair(100, 200) },
          validators: { valid: pair(69, 100), invalid: pair(1, 100) },
        },
      ],
      validators: [],
    };
    const { markdown, console: text } = renderReport(results);
    const row = (figure: string) => markdown.split('\n').find((l) => l.startsWith(`| ${figure} |`))!;
    expect(row('bundle, node (min+gzip)')).toMatch(/\| 0\.050 \| ≤ 0\.1 \| met \|$/);
    expect(row('bundle, browser (min+gzip)')).toMatch(/\| 0\.500 \| ≤ 0\.25 \| \*\*missed\*\* \|$/);
    expect(row('calls/s, in-memory fetch')).toMatch(/\| 3\.000 \| ≥ 3 \| met \|$/);
    expect(row('validations/s, valid input (vs ajv)')).toMatch(/\| 0\.690 \| ≥ 0\.7 \| \*\*missed\*\* \|$/);
    expect(row('calls/s, 127.0.0.1 test server')).toMatch(/\| 0\.500 \| {2}\| {2}\|$/);
    expect(markdown).toContain('Test CPU, 2 cores');
    expect(markdown).toContain('Node v20.0.0');
    expect(markdown).toContain('before 1.00 / 1.00 / 1.00, after 2.00 / 2.00 / 2.00');
    expect(text).toContain('ratio 0.050 met');
  });
});
