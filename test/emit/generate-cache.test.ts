/**
 * The generate cache (`.docsdk-cache`): a run served from the cache writes exactly what a run without
 * it writes; editing one page changes that page's service's package and no other; a hand-edited
 * output file is put back; another generator key reuses nothing.
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENERATOR_VERSION, runCli } from '../../generator/cli.ts';
import { generatorKey } from '../../generator/cache/generator-key.ts';
import { runPipeline } from '../../generator/pipeline/run.ts';
import { TreeSink } from '../../generator/pipeline/sink.ts';
import { snapshot, tempDir } from './helpers.ts';

/** Paths whose content differs between two snapshots (or that only one has). */
function changedPaths(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

const run = (specs: string, out: string, cacheDir?: string, generatorVersion = GENERATOR_VERSION) =>
  runPipeline([specs], new TreeSink(out), { generatorVersion, ...(cacheDir ? { cacheDir } : {}) });

describe('generate with the cache', () => {
  const root = tempDir('docsdk-cache-');
  const specs = path.join(root, 'specs');
  cpSync('specs', specs, { recursive: true });
  const cache = path.join(root, 'cache');

  test('a cached run writes byte-identical output to an uncached one', async () => {
    const plain = await run(specs, path.join(root, 'plain'));
    expect(plain.committed).toBe(true);
    const reference = snapshot(path.join(root, 'plain'));

    const cold = await run(specs, path.join(root, 'cached'), cache);
    expect(cold.packages.map((p) => p.cached)).toEqual([false, false, false, false]);
    expect(snapshot(path.join(root, 'cached'))).toEqual(reference);

    // Everything from the cache: linked from the current output, then copied into a new folder.
    const warm = await run(specs, path.join(root, 'cached'), cache);
    expect(warm.packages.map((p) => p.cached)).toEqual([true, true, true, true]);
    expect(snapshot(path.join(root, 'cached'))).toEqual(reference);
    await run(specs, path.join(root, 'elsewhere'), cache);
    expect(snapshot(path.join(root, 'elsewhere'))).toEqual(reference);
    expect(warm.diagnostics).toEqual(plain.diagnostics);
  });

  test('editing one page changes exactly its service’s package', async () => {
    const out = path.join(root, 'edit');
    await run(specs, out, cache);
    const before = snapshot(out);
    const page = path.join(specs, 'aws/odb/get_odb_peering_connection.rst');
    const text = readFileSync(page, 'utf8');
    const edited = text.replace('Retrieves information about', 'Retrieves (edited) information about');
    expect(edited).not.toBe(text);
    writeFileSync(page, edited);
    try {
      const result = await run(specs, out, cache);
      expect(result.packages.filter((p) => !p.cached).map((p) => p.folder)).toEqual(['aws-odb']);
      const after = snapshot(out);
      const changed = changedPaths(before, after);
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.every((p) => p.startsWith('aws-odb/'))).toBe(true);
      await run(specs, path.join(root, 'edit-plain'));
      expect(after).toEqual(snapshot(path.join(root, 'edit-plain')));
    } finally {
      writeFileSync(page, text);
    }
  });

  test('a hand-edited output file is put back from the cache', async () => {
    const out = path.join(root, 'tampered');
    await run(specs, out, cache);
    const reference = snapshot(out);
    writeFileSync(path.join(out, 'aws-odb/src/client.ts'), '// edited by hand\n');
    await run(specs, out, cache);
    expect(snapshot(out)).toEqual(reference);
  });

  test('another generator version reuses nothing', async () => {
    expect(generatorKey('9.9.9')).not.toBe(generatorKey(GENERATOR_VERSION));
    const other = await run(specs, path.join(root, 'other'), cache, '9.9.9');
    expect(other.packages.every((p) => !p.cached)).toBe(true);
  });

  test('the CLI uses the cache folder it is given, and --no-cache none', async () => {
    const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
    const cliCache = path.join(root, 'cli-cache');
    expect(await runCli(['generate', specs, '--out', path.join(root, 'cli'), '--cache-dir', cliCache], io)).toBe(0);
    expect(readdirSync(cliCache).sort()).toEqual(['index.json', 'packages', 'templates.cjs']);
    const none = path.join(root, 'no-cache');
    expect(await runCli(['generate', specs, '--out', path.join(root, 'cli2'), '--no-cache', '--cache-dir', none], io)).toBe(0);
    expect(() => statSync(none)).toThrow();
    expect(snapshot(path.join(root, 'cli2'))).toEqual(snapshot(path.join(root, 'cli')));
  });
});
