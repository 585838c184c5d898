/**
 * `generate`, `check` and `ir` are one pipeline with three sinks: what the tree sink writes is, file
 * for file, what the memory sink (check's) is given, and what the IR sink keeps is each package's
 * `ir.json`. If a command ran another path, these would drift apart.
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENERATOR_VERSION, runCli } from '../../generator/cli.ts';
import { runPipeline } from '../../generator/pipeline/run.ts';
import { IRSink, MemorySink, TreeSink } from '../../generator/pipeline/sink.ts';
import { snapshot, tempDir } from '../emit/helpers.ts';

const options = { generatorVersion: GENERATOR_VERSION };

describe('one pipeline, three sinks', () => {
  test('the tree generate writes is the tree check compares, and the IR ir prints is the packages’ ir.json', async () => {
    const out = path.join(tempDir('docsdk-sinks-'), 'generated');
    const written = await runPipeline(['specs'], new TreeSink(out), options);
    const memory = new MemorySink();
    const compared = await runPipeline(['specs'], memory, options);
    const irSink = new IRSink();
    const printed = await runPipeline(['specs'], irSink, options);
    for (const r of [written, compared, printed]) expect(r.committed).toBe(true);

    const onDisk = snapshot(out);
    expect(onDisk.size).toBe(48);
    expect(new Map(memory.tree.map((f) => [f.path, f.content]))).toEqual(onDisk);
    expect(compared.packages).toEqual(written.packages);

    expect(irSink.ir.services.map((s) => `${s.provider}-${s.id}`)).toEqual(['aws-directconnect', 'aws-odb', 'aws-partnercentral-account', 'baidu-vpc']);
    for (const service of irSink.ir.services) {
      const file = JSON.parse(readFileSync(path.join(out, `${service.provider}-${service.id}`, 'ir.json'), 'utf8')) as { services: unknown[] };
      expect(file.services).toEqual([service]);
    }
  });

  test('a run with an error hands no package to an emitting sink, but the IR sink keeps what was built', async () => {
    const dir = path.join(tempDir('docsdk-sinks-'), 'aws', 'odb');
    mkdirSync(dir, { recursive: true });
    copyFileSync('specs/aws/odb/get_odb_peering_connection.rst', path.join(dir, 'get.rst'));
    copyFileSync('specs/aws/odb/service.json', path.join(dir, 'service.json'));
    copyFileSync('test/fixtures/bad/not-a-page/page.txt', path.join(dir, 'page.txt'));
    const memory = new MemorySink();
    const compared = await runPipeline([dir], memory, options);
    expect(compared.committed).toBe(false);
    expect(compared.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.basename(d.file)}:${d.line}`)).toEqual(['page.txt:1']);
    expect(memory.tree).toEqual([]);
    const irSink = new IRSink();
    await runPipeline([dir], irSink, options);
    expect(irSink.ir.services.map((s) => [s.id, s.operations.map((o) => o.name)])).toEqual([['odb', ['GetOdbPeeringConnection']]]);
  });

  test('--keep-going writes the services without errors and keeps the package of the one with errors as it was', async () => {
    const root = tempDir('docsdk-keep-');
    const specs = path.join(root, 'specs');
    cpSync('specs', specs, { recursive: true });
    const out = path.join(root, 'generated');
    const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
    expect(await runCli(['generate', specs, '--out', out, '--no-cache'], io)).toBe(0);
    const before = snapshot(out);
    // Break odb's page, and change directconnect's so its package must change.
    writeFileSync(path.join(specs, 'aws/odb/get_odb_peering_connection.rst'), readFileSync('test/fixtures/bad/truncated/page.rst'));
    const dc = path.join(specs, 'aws/directconnect/describe_hosted_connections.txt');
    writeFileSync(dc, readFileSync(dc, 'utf8').replace('Lists the hosted connections', 'Lists every hosted connection'));

    expect(await runCli(['generate', specs, '--out', out, '--no-cache'], io)).toBe(1);
    expect(snapshot(out)).toEqual(before); // without --keep-going nothing is written

    io.err = '';
    expect(await runCli(['generate', specs, '--out', out, '--no-cache', '--keep-going'], io)).toBe(1);
    expect(io.err).toContain('error: get_odb_peering_connection: page ends without its Response Structure section');
    expect(io.err).toContain(`not written (errors above): ${out}/aws-odb`);
    const after = snapshot(out);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((k) => k.startsWith('aws-directconnect/'))).toBe(true);
    for (const [k, v] of before) if (k.startsWith('aws-odb/')) expect(after.get(k)).toBe(v);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });
});
