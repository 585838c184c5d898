/**
 * The incremental path of `generate` (issue 6, ≤ 0.5 s after one page changes): packages the cache
 * vouches for stay where they are (same inodes) and only the changed one is swapped in; anything
 * else about the output (a stray file, a second change) takes the whole-tree swap; the precompiled
 * templates are kept in the cache folder and reused; a one-folder swap killed between its renames is
 * put back. In every case the output equals an uncached generation.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENERATOR_VERSION } from '../../generator/cli.ts';
import { runPipeline } from '../../generator/pipeline/run.ts';
import { TreeSink } from '../../generator/pipeline/sink.ts';
import { recoverInterruptedSwap } from '../../generator/emit/write-tree.ts';
import { snapshot, tempDir } from './helpers.ts';

const run = (specs: string, out: string, cacheDir?: string) =>
  runPipeline([specs], new TreeSink(out), { generatorVersion: GENERATOR_VERSION, ...(cacheDir ? { cacheDir } : {}) });

const inode = (file: string) => statSync(file).ino;

function editPage(specs: string, from: string, to: string): void {
  const page = path.join(specs, 'aws/odb/get_odb_peering_connection.rst');
  const text = readFileSync(page, 'utf8');
  const edited = text.replace(from, to);
  expect(edited).not.toBe(text);
  writeFileSync(page, edited);
}

/** A temporary folder with a copy of the seeds' specs, and where its output and cache go. */
function workspace(): { root: string; specs: string; out: string; cache: string } {
  const root = tempDir('docsdk-incr-');
  const specs = path.join(root, 'specs');
  cpSync('specs', specs, { recursive: true });
  return { root, specs, out: path.join(root, 'out'), cache: path.join(root, 'cache') };
}

describe('incremental generate', () => {
  test('one changed page: the other packages stay in place, the output equals an uncached run', async () => {
    const { root, specs, out, cache } = workspace();
    await run(specs, out, cache);
    // A folder's inode tells it was left in place (the whole-tree swap makes new folders of hard links).
    const kept = path.join(out, 'aws-directconnect/src');
    const swapped = path.join(out, 'aws-odb/src/types.ts');
    const [keptIno, swappedIno] = [inode(kept), inode(swapped)];

    editPage(specs, 'Retrieves information about', 'Retrieves (edited) information about');
    const result = await run(specs, out, cache);
    expect(result.packages.filter((p) => !p.cached).map((p) => p.folder)).toEqual(['aws-odb']);
    expect(inode(kept)).toBe(keptIno); // left where it was
    expect(inode(swapped)).not.toBe(swappedIno);
    expect(readFileSync(path.join(out, 'aws-odb/src/client.ts'), 'utf8')).toContain('Retrieves (edited) information about');

    await run(specs, path.join(root, 'plain'));
    expect(snapshot(out)).toEqual(snapshot(path.join(root, 'plain')));
    // Nothing half-done left beside the output.
    expect(existsSync(path.join(root, `.out.swap-${process.pid}`))).toBe(false);
    expect(existsSync(path.join(root, `.out.tmp-${process.pid}`))).toBe(false);
  });

  test('a stray file in an unchanged package is not kept: the whole tree is rebuilt without it (a file beside the packages is not theirs: kept)', async () => {
    const { root, specs, out, cache } = workspace();
    await run(specs, out, cache);
    writeFileSync(path.join(out, 'aws-directconnect/src/stray.ts'), 'export {};\n');
    writeFileSync(path.join(out, 'notes.txt'), 'mine\n');
    editPage(specs, 'Retrieves information about', 'Retrieves (again) information about');
    await run(specs, out, cache);
    expect(existsSync(path.join(out, 'aws-directconnect/src/stray.ts'))).toBe(false);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine\n');
    await run(specs, path.join(root, 'plain'));
    const written = snapshot(out);
    written.delete('notes.txt');
    expect(written).toEqual(snapshot(path.join(root, 'plain')));
  });

  test('the templates are precompiled into the cache folder once and reused; a damaged copy is replaced', async () => {
    const { root, specs, cache } = workspace();
    await run(specs, path.join(root, 'out'), cache);
    const file = path.join(cache, 'templates.cjs');
    expect(readFileSync(file, 'utf8')).toMatch(/^module\.exports = \{\n {2}digest: "[0-9a-f]{64}",/);
    const made = statSync(file).mtimeMs;

    editPage(specs, 'Retrieves information about', 'Retrieves (third) information about');
    await run(specs, path.join(root, 'out'), cache);
    expect(statSync(file).mtimeMs).toBe(made); // reused, not written again

    writeFileSync(file, 'module.exports = { digest: "0", specs: {} };\n');
    editPage(specs, 'Retrieves (third) information about', 'Retrieves (fourth) information about');
    await run(specs, path.join(root, 'out'), cache);
    expect(readFileSync(file, 'utf8')).toMatch(/digest: "[0-9a-f]{64}"/);
    await run(specs, path.join(root, 'plain'));
    expect(snapshot(path.join(root, 'out'))).toEqual(snapshot(path.join(root, 'plain')));
  });

  test('the cache index forgets input files and output folders that are gone', async () => {
    const root = tempDir('docsdk-incr-');
    const cache = path.join(root, 'cache');
    const gone = path.join(root, 'gone');
    cpSync('specs/aws/odb', path.join(gone, 'odb'), { recursive: true });
    await run(gone, path.join(root, 'out-gone'), cache);
    const index = () => JSON.parse(readFileSync(path.join(cache, 'index.json'), 'utf8')) as { files: object; outputs: object };
    expect(Object.keys(index().files).some((f) => f.startsWith(gone))).toBe(true);
    rmSync(gone, { recursive: true });
    rmSync(path.join(root, 'out-gone'), { recursive: true });
    const kept = path.join(root, 'kept');
    cpSync('specs/aws/directconnect', path.join(kept, 'directconnect'), { recursive: true });
    await run(kept, path.join(root, 'out-kept'), cache);
    expect(Object.keys(index().files).filter((f) => f.startsWith(gone))).toEqual([]);
    expect(Object.keys(index().outputs)).toEqual([path.join(root, 'out-kept')]);
    expect(Object.keys(index().files).some((f) => f.startsWith(kept))).toBe(true);
  });

  test('a package folder left under .swap by a killed run is put back by the next one', () => {
    const root = tempDir('docsdk-incr-');
    const out = path.join(root, 'out');
    mkdirSync(path.join(out, 'aws-a/src'), { recursive: true });
    writeFileSync(path.join(out, 'aws-a/src/index.ts'), 'a\n');
    mkdirSync(path.join(out, 'aws-b'), { recursive: true });
    writeFileSync(path.join(out, 'aws-b/package.json'), '{}\n');
    // Killed between the two renames of a one-folder swap: aws-b moved aside, the new one not yet in.
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
    const swap = path.join(root, `.out.swap-${dead}`);
    mkdirSync(swap);
    renameSync(path.join(out, 'aws-b'), path.join(swap, 'aws-b'));
    recoverInterruptedSwap(out);
    expect(readFileSync(path.join(out, 'aws-b/package.json'), 'utf8')).toBe('{}\n');
    expect(existsSync(swap)).toBe(false);
    expect(readFileSync(path.join(out, 'aws-a/src/index.ts'), 'utf8')).toBe('a\n');
  });
});
