/**
 * Regenerating loses nothing (issue 16 §2): generating some services touches only their packages; an
 * input without a service is an error and writes nothing; a package goes only when a generate of the
 * folder its service came from no longer gives it (and the run says so); other packages of an `--out`
 * folder stay; a package's `dist/` and `node_modules/` survive its regeneration. The tree sink is
 * driven through the CLI, as a user runs it, on copies of the seed specs.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../generator/cli.ts';
import { snapshot, tempDir } from '../emit/helpers.ts';

/** Runs the CLI in-process and captures what it prints. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A copy of the seed specs and an output folder generated from it. */
async function generated(): Promise<{ root: string; specs: string; out: string }> {
  const root = tempDir('docsdk-regen-');
  const specs = path.join(root, 'specs');
  cpSync('specs', specs, { recursive: true });
  const out = path.join(root, 'generated');
  expect((await run('generate', specs, '--out', out, '--no-cache')).code).toBe(0);
  return { root, specs, out };
}

const folders = (out: string) => readdirSync(out).sort();

describe('regenerating', () => {
  test('generating one service folder touches only its package', async () => {
    const { specs, out } = await generated();
    const before = snapshot(out);
    writeFileSync(path.join(out, 'aws-directconnect', 'README.md'), 'edited by hand\n');
    const r = await run('generate', path.join(specs, 'aws', 'odb'), '--out', out, '--no-cache');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${out}/aws-odb: @docsdk/aws-odb (${[...before.keys()].filter((f) => f.startsWith('aws-odb/')).length} files)\n`);
    expect(folders(out)).toEqual(['aws-directconnect', 'aws-odb', 'aws-partnercentral-account', 'baidu-vpc']);
    // The other packages are as they were, even the hand edit: this run does not answer for them.
    expect(readFileSync(path.join(out, 'aws-directconnect', 'README.md'), 'utf8')).toBe('edited by hand\n');
    const after = snapshot(out);
    for (const [file, content] of before) if (!file.startsWith('aws-directconnect/README.md')) expect(after.get(file), file).toBe(content);
  });

  test('an input without a service is an error naming it, and nothing is written', async () => {
    const { root, out } = await generated();
    const before = snapshot(out);
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    const r = await run('generate', empty, '--out', out, '--no-cache');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${empty}:1:1: error: no service: it holds no document\n`);
    expect(r.stdout).toBe('');
    expect(snapshot(out)).toEqual(before);

    // Documents, but none of a client operation (a paginator page is skipped): an error too, also with --keep-going.
    const pages = path.join(root, 'pages');
    mkdirSync(pages);
    writeFileSync(path.join(pages, 'notes.txt'), 'Nothing here documents an operation.\n');
    const k = await run('generate', pages, '--out', out, '--no-cache', '--keep-going');
    expect(k.code).toBe(1);
    expect(k.stderr).toContain(`${pages}:1:1: error: no service: none of its 1 document documents a client operation\n`);
    expect(snapshot(out)).toEqual(before);
  });

  test('a package goes only when a generate of its service’s tree no longer has the service, and the run says so', async () => {
    const { specs, out } = await generated();
    rmSync(path.join(specs, 'aws', 'odb'), { recursive: true });
    // A generate of another folder says nothing of odb: its package stays.
    expect((await run('generate', path.join(specs, 'baidu'), '--out', out, '--no-cache')).code).toBe(0);
    expect(folders(out)).toContain('aws-odb');
    const kept = [...snapshot(out).keys()].filter((f) => !f.startsWith('aws-odb/')).length;
    const r = await run('generate', specs, '--out', out, '--no-cache');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('removed'))).toEqual([
      `removed ${out}/aws-odb: @docsdk/aws-odb (its service is no longer in ${specs})`,
    ]);
    expect(folders(out)).toEqual(['aws-directconnect', 'aws-partnercentral-account', 'baidu-vpc']);
    // check agrees: the tree is current, odb not missing.
    expect((await run('check', specs, '--out', out)).stdout).toBe(`${out} is current (${kept} files)\n`);
  });

  test('--out DIR keeps what DIR holds besides the packages the run gives', async () => {
    const { root, specs } = await generated();
    const out = path.join(root, 'mine');
    mkdirSync(path.join(out, 'my-client', 'src'), { recursive: true });
    writeFileSync(path.join(out, 'my-client', 'package.json'), '{"name":"my-client"}\n');
    writeFileSync(path.join(out, 'my-client', 'src', 'index.ts'), 'export {};\n');
    writeFileSync(path.join(out, 'NOTES.md'), 'mine\n');
    // A package generated from another tree: this run does not answer for it either.
    const other = path.join(root, 'other');
    cpSync(path.join(specs, 'aws', 'odb'), path.join(other, 'aws', 'odb'), { recursive: true });
    expect((await run('generate', other, '--out', out, '--no-cache')).code).toBe(0);
    const r = await run('generate', path.join(specs, 'aws'), '--out', out, '--no-cache');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('removed');
    expect(folders(out)).toEqual(['NOTES.md', 'aws-directconnect', 'aws-odb', 'aws-partnercentral-account', 'my-client']);
    expect(readFileSync(path.join(out, 'my-client', 'src', 'index.ts'), 'utf8')).toBe('export {};\n');
    expect(readFileSync(path.join(out, 'NOTES.md'), 'utf8')).toBe('mine\n');
  });

  test('dist/ and node_modules/ inside a package survive its regeneration, with and without the cache', async () => {
    const { root, specs, out } = await generated();
    const pkg = path.join(out, 'aws-odb');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    writeFileSync(path.join(pkg, 'dist', 'index.js'), 'built\n');
    mkdirSync(path.join(pkg, 'node_modules', '@docsdk'), { recursive: true });
    symlinkSync('../../../../runtime', path.join(pkg, 'node_modules', '@docsdk', 'runtime'));
    const page = path.join(specs, 'aws', 'odb', 'get_odb_peering_connection.rst');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Retrieves information about', 'Retrieves (changed) information about'));
    for (const cache of ['--no-cache', `--cache-dir=${path.join(root, 'cache')}`, `--cache-dir=${path.join(root, 'cache')}`]) {
      expect((await run('generate', specs, '--out', out, cache)).code, cache).toBe(0);
      expect(readFileSync(path.join(pkg, 'dist', 'index.js'), 'utf8'), cache).toBe('built\n');
      expect(readdirSync(path.join(pkg, 'node_modules', '@docsdk')), cache).toEqual(['runtime']);
      expect(readFileSync(path.join(pkg, 'src', 'client.ts'), 'utf8')).toContain('Retrieves (changed) information about');
    }
    expect(existsSync(path.join(root, '.generated.tmp-' + process.pid))).toBe(false);
  });
});
