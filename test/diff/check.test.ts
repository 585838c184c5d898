/**
 * Determinism and `docsdk check`: generating twice, into two different folders (the second in another
 * process, locale and time zone), gives byte-identical trees with no absolute path or timestamp in them; `check` is clean right after `generate` and names
 * each stale, missing and extra file once the tree is touched.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { filesUnder } from '../../generator/diff/check.ts';
import { run, tempDir } from './helpers.ts';

/** Every file below `dir`: relative path → bytes. */
const tree = (dir: string) => new Map(filesUnder(dir).map((f) => [f, readFileSync(path.join(dir, f))]));

const a = path.join(tempDir(), 'generated');
const b = path.join(tempDir(), 'deeper', 'other-name');

beforeAll(async () => {
  expect((await run('generate', 'specs', '--out', a)).code).toBe(0);
  // The second run is another process, in another locale and time zone: nothing may depend on them.
  const env = { ...process.env, LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8', TZ: 'Pacific/Kiritimati' };
  const second = spawnSync(process.execPath, ['bin/docsdk.js', 'generate', 'specs', '--out', b], { env, encoding: 'utf8' });
  expect(second.status, second.stderr).toBe(0);
}, 60_000);

describe('determinism', () => {
  test('two folders, byte-identical trees, nothing machine- or time-dependent inside', () => {
    const first = tree(a);
    const second = tree(b);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    for (const [file, bytes] of first) {
      const text = bytes.toString('utf8');
      for (const leak of [a, b, process.cwd(), path.dirname(a), today]) expect(text.includes(leak), `${file} contains ${leak}`).toBe(false);
    }
  });
});

describe('docsdk check', () => {
  test('clean right after generate: exit 0', async () => {
    const r = await run('check', 'specs', '--out', a);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${a} is current (${tree(a).size} files)\n`);
  });

  test('an edited, a deleted and an added file are each named; exit 1', async () => {
    const types = path.join(b, 'aws-odb/src/types.ts');
    writeFileSync(types, `${readFileSync(types, 'utf8')}// hand edit\n`);
    rmSync(path.join(b, 'baidu-vpc/README.md'));
    writeFileSync(path.join(b, 'aws-odb/src/extra.ts'), 'export {};\n');
    const r = await run('check', 'specs', '--out', b);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`stale: ${b}/aws-odb/src/types.ts\nmissing: ${b}/baidu-vpc/README.md\nextra: ${b}/aws-odb/src/extra.ts\n`);
    expect(r.stderr).toContain(`${b} is not what specs gives: run docsdk generate`);
  });
});
