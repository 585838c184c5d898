/**
 * bin/docsdk.js runs the compiled CLI (dist/, scripts/build-cli.mjs) only while it is current for the
 * sources (bin/compiled.js), else the sources through tsx; compiled, it gives what the sources give.
 *
 * Everything runs on a copy of the repository's files in a temporary folder, never on the shared
 * dist/: its node_modules links each installed package, so tsx can be taken away for the compiled
 * runs, which then cannot have loaded a TypeScript file, in the process or in a thread.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, compiledEntry, STAMP } from '../bin/compiled.js';
import { workerModule, type WorkerName } from '../generator/repo.ts';
import { snapshot, tempDir } from './emit/helpers.ts';

/** What the copy holds: what the CLI and the build read, and the inputs of the runs. */
const COPIED = [
  'bin',
  'generator',
  'templates',
  'runtime/src',
  'runtime/package.json',
  'scripts/build-cli.mjs',
  'specs',
  'test/fixtures/bad',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

const WORKERS: WorkerName[] = ['read', 'emit'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
let rootUrl: URL;

function docsdk(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['bin/docsdk.js', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function buildCli(): void {
  const r = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

/**
 * Eight services of ~0.5 MB each (a seed page renamed, padded with an RST comment): 4 MB to read and
 * eight packages to emit, enough for generate to read and emit on its thread pools.
 */
function poolsFolder(): string {
  const dir = path.join(root, 'pools');
  mkdirSync(dir);
  const page = readFileSync(path.join(root, 'specs/aws/odb/get_odb_peering_connection.rst'), 'utf8');
  const padding = `\n..\n${'   padding: a comment line, which the reader skips over\n'.repeat(9_500)}`;
  for (const id of ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel']) {
    const renamed = page.replaceAll('odb.Client', `${id}.Client`).replace('`odb <../../odb>`', `\`${id} <../../${id}>\``).replace('WebAPI/odb-', `WebAPI/${id}-`);
    writeFileSync(path.join(dir, `${id}.rst`), renamed + padding);
  }
  return 'pools';
}

/**
 * A run without its progress lines: off a terminal they come at phase ends and at most every 2 s of
 * real time between, so how many a run prints is not part of what the two ways must share.
 */
function noProgress(run: Run): Run {
  return { ...run, stderr: run.stderr.replace(/^docsdk: (reading|generating|building) \d+\/\d+ \w+\n/gm, '') };
}

/** The runs compared between the two ways of running: generate of the specs, of the pools folder, and of a bad page. */
function runAll(tag: string): { specs: Run; pools: Run; bad: Run; trees: (Map<string, string> | undefined)[] } {
  const specs = noProgress(docsdk('generate', 'specs', '--out', `out-${tag}/specs`, '--no-cache'));
  // Pages only, like a corpus: no service.json, so generated as unconfigured clients.
  const pools = noProgress(docsdk('generate', 'pools', '--out', `out-${tag}/pools`, '--no-cache', '--allow-unconfigured'));
  const bad = noProgress(docsdk('generate', 'test/fixtures/bad/truncated', '--out', `out-${tag}/bad`, '--no-cache'));
  return {
    // Output paths differ by the tag only.
    specs: { ...specs, stdout: specs.stdout.replaceAll(`out-${tag}/`, 'out/') },
    pools: { ...pools, stdout: pools.stdout.replaceAll(`out-${tag}/`, 'out/') },
    bad,
    trees: ['specs', 'pools'].map((p) => (existsSync(path.join(root, `out-${tag}`, p)) ? snapshot(path.join(root, `out-${tag}`, p)) : undefined)),
  };
}

describe('bin/docsdk.js: compiled when current, else the sources through tsx', () => {
  let fromSources: ReturnType<typeof runAll>;

  beforeAll(() => {
    root = tempDir('docsdk-bin-');
    rootUrl = pathToFileURL(`${root}/`);
    for (const p of COPIED) cpSync(p, path.join(root, p), { recursive: true });
    mkdirSync(path.join(root, 'node_modules'));
    for (const name of readdirSync('node_modules')) {
      if (!name.startsWith('.')) symlinkSync(path.resolve('node_modules', name), path.join(root, 'node_modules', name));
    }
    poolsFolder();
    // Never built: the sources run.
    expect(compiledEntry(rootUrl)).toBeUndefined();
    fromSources = runAll('tsx');
  }, 120_000);

  it('runs the sources until built; a build is current, any edit makes it stale, undoing it current again', () => {
    expect(fromSources.specs.status, fromSources.specs.stderr).toBe(0);
    buildCli();
    expect(compiledEntry(rootUrl)?.href).toBe(new URL(CLI_BUNDLE, rootUrl).href);

    const cli = path.join(root, 'generator/cli.ts');
    const source = readFileSync(cli, 'utf8');
    const edited = source.replace('Turns API reference pages into typed TypeScript SDKs.', 'Edited after the build.');
    expect(edited).not.toBe(source);
    writeFileSync(cli, edited);
    expect(compiledEntry(rootUrl)).toBeUndefined();
    // The edited code runs, through tsx.
    expect(docsdk('--help').stdout).toContain('Edited after the build.');
    // Same bytes again (a newer modification time): current.
    writeFileSync(cli, source);
    expect(compiledEntry(rootUrl)).toBeDefined();
    expect(docsdk('--help').stdout).toContain('Turns API reference pages into typed TypeScript SDKs.');
  });

  it('is stale when a source it was built from is gone, or the stamp is unreadable', () => {
    const stamp = readFileSync(path.join(root, STAMP), 'utf8');
    const sources = (JSON.parse(stamp) as { sources: string[] }).sources;
    expect(sources).toEqual(expect.arrayContaining(['generator/cli.ts', 'generator/read/pool-worker.ts', 'generator/emit/emit-worker.ts', 'scripts/build-cli.mjs']));
    const settings = path.join(root, 'generator/settings/service-settings.ts');
    const kept = readFileSync(settings);
    rmSync(settings);
    expect(compiledEntry(rootUrl)).toBeUndefined();
    writeFileSync(settings, kept);
    writeFileSync(path.join(root, STAMP), stamp.slice(0, 20));
    expect(compiledEntry(rootUrl)).toBeUndefined();
    writeFileSync(path.join(root, STAMP), stamp);
    expect(compiledEntry(rootUrl)).toBeDefined();
  });

  it('starts the compiled worker entries when compiled', () => {
    for (const name of WORKERS) {
      const compiled = workerModule(name, new URL('dist/chunk-X.js', rootUrl).href);
      expect(compiled.href).toBe(new URL(`dist/${name}-worker.js`, rootUrl).href);
      expect(existsSync(compiled)).toBe(true);
      expect(workerModule(name).pathname).toMatch(/\/generator\/.+\.ts$/);
    }
  });

  it('compiled, gives byte for byte what the sources give, and the same exit codes and diagnostics', () => {
    expect(compiledEntry(rootUrl)).toBeDefined();
    rmSync(path.join(root, 'node_modules/tsx'));
    const compiled = runAll('compiled');

    expect(fromSources.specs.status, fromSources.specs.stderr).toBe(0);
    expect(compiled.specs).toEqual(fromSources.specs);
    expect(fromSources.pools.status, fromSources.pools.stderr).toBe(0);
    expect(fromSources.pools.stdout.split('\n').filter(Boolean)).toHaveLength(8);
    expect(compiled.pools).toEqual(fromSources.pools);
    expect(compiled.trees).toEqual(fromSources.trees);

    expect(fromSources.bad.status).toBe(1);
    expect(fromSources.bad.stderr).toContain('test/fixtures/bad/truncated/page.rst:45:36: error:');
    expect(compiled.bad).toEqual(fromSources.bad);
  }, 120_000);
});
