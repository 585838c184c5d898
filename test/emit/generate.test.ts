/**
 * `docsdk generate`: one package per seed service, exit 0, byte-identical across runs and folders,
 * the committed `generated/` is current, and a failing run leaves the output folder as it was (a run
 * failing type-checking: generate.slow.test.ts, full tier).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { GENERATOR_VERSION, runCli } from '../../generator/cli.ts';
import { hostileIR } from './fixtures/hostile-ir.ts';
import { generateIR, snapshot, tempDir } from './helpers.ts';

const SEED_FOLDERS = ['aws-directconnect', 'aws-odb', 'aws-partnercentral-account', 'baidu-vpc'];
const PACKAGE_FILES = [
  'README.md',
  'api.json',
  'ir.json',
  'package.json',
  'src/client.ts',
  'src/errors.ts',
  'src/index.ts',
  'src/mock.ts',
  'src/schema.ts',
  'src/types.ts',
  'src/validators.ts',
  'tsconfig.json',
];

const quiet = () => {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
};

describe('generate over specs/', () => {
  const root = tempDir();
  const a = path.join(root, 'a', 'generated');
  const b = path.join(root, 'b', 'out');
  // Every test reads the tree of this one run (none relies on another test having run first).
  let first: { code: number; io: ReturnType<typeof quiet> };
  beforeAll(async () => {
    const io = quiet();
    first = { code: await runCli(['generate', 'specs', '--out', a], io), io };
  }, 60_000);

  test('writes one package per seed service and exits 0', () => {
    const { code, io } = first;
    expect(code).toBe(0);
    expect(readdirSync(a).sort()).toEqual(SEED_FOLDERS);
    for (const folder of SEED_FOLDERS) {
      expect([...snapshot(path.join(a, folder)).keys()].sort()).toEqual(PACKAGE_FILES);
    }
    const pkg = JSON.parse(readFileSync(path.join(a, 'baidu-vpc/package.json'), 'utf8'));
    expect(pkg.name).toBe('@docsdk/baidu-vpc');
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.dependencies).toEqual({ '@docsdk/runtime': expect.stringMatching(/^\^\d+\.\d+\.\d+$/) });
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(io.out).toContain('baidu-vpc: @docsdk/baidu-vpc');
  });

  test('a second run, into another folder, gives byte-identical trees, equal to the committed generated/', async () => {
    expect(first.code).toBe(0);
    expect(await runCli(['generate', 'specs', '--out', b], quiet())).toBe(0);
    const tree = snapshot(a);
    expect(snapshot(b)).toEqual(tree);
    // Regenerating over an existing tree changes nothing either (over b: a stays as the first run wrote it).
    expect(await runCli(['generate', 'specs', '--out', b], quiet())).toBe(0);
    expect(snapshot(b)).toEqual(tree);
    expect(snapshot(path.resolve('generated'))).toEqual(tree);
    // No absolute path or temp folder name leaks into any file.
    for (const [file, content] of tree) {
      expect(content, file).not.toContain(root);
      expect(content, file).not.toContain(process.cwd());
    }
  });

  test('names clients, methods and versions as the docs and the version rule say', () => {
    expect(first.code).toBe(0);
    const client = (f: string) => readFileSync(path.join(a, f, 'src/client.ts'), 'utf8');
    expect(client('aws-partnercentral-account')).toMatch(/export class PartnerCentralAccountAPIClient \{/);
    expect(client('aws-partnercentral-account')).toMatch(/\n  getConnection\(/);
    expect(client('aws-odb')).toMatch(/export class OdbClient \{/);
    expect(client('aws-directconnect')).toMatch(/export class DirectConnectClient \{/);
    expect(client('baidu-vpc')).toMatch(/export class PeerConnClient \{/);
    expect(client('baidu-vpc')).toMatch(/\n  paginateListPeerconns\(/);
    const pkg = JSON.parse(readFileSync(path.join(a, 'aws-partnercentral-account/package.json'), 'utf8'));
    expect(pkg.version).toBe(`${GENERATOR_VERSION.split('.').slice(0, 2).join('.')}.2025040400`);
  });
});

describe('command line', () => {
  test('usage errors exit 2 and write nothing; unreadable input exits 1', async () => {
    const out = path.join(tempDir(), 'generated');
    expect(await runCli(['generate', 'specs', '--out', out, '--no-such-flag'], quiet())).toBe(2);
    const io = quiet();
    expect(await runCli(['generate', path.join(tempDir(), 'missing'), '--out', out], io)).toBe(1);
    expect(io.err).toContain('no such file or folder');
    expect(existsSync(out)).toBe(false);
  });
});

describe('atomic output', () => {
  test('a run that fails (unsafe service id) leaves the output folder exactly as it was', async () => {
    const out = path.join(tempDir(), 'generated');
    mkdirSync(path.join(out, 'keep'), { recursive: true });
    writeFileSync(path.join(out, 'keep', 'file.txt'), 'before');
    const evil = structuredClone(hostileIR);
    evil.services[0]!.id = '../../etc';
    const result = await generateIR(evil, out);
    expect(result.problems.join('\n')).toMatch(/"\.\.\/\.\.\/etc" is not a safe folder name/);
    expect(snapshot(out)).toEqual(new Map([['keep/file.txt', 'before']]));
    expect(readdirSync(path.dirname(out))).toEqual(['generated']);
  });
});
