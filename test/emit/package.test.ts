/**
 * The generated packages as a user gets them: built with the pinned tsc (NodeNext, as their own
 * tsconfig says) into JS + `.d.ts`, packed, clean under publint, and installed from the tarballs
 * (with the runtime's) into a scratch project whose TypeScript script compiles and runs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { publint } from 'publint';
import { beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from './helpers.ts';

const REPO = path.resolve('.');
const TSC = path.join(REPO, 'node_modules/typescript/bin/tsc');
const RUNTIME = path.join(REPO, 'runtime');
const FOLDERS = readdirSync(path.join(REPO, 'generated')).sort();

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}

function npm(args: string[], cwd: string): string {
  return run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd);
}

/** Packs `dir` (already built; scripts skipped) into `dest`; returns the tarball path. */
function pack(dir: string, dest: string): string {
  const out = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dest], dir)) as { filename: string }[];
  return path.join(dest, out[0]!.filename);
}

describe('built, packed and installed packages', () => {
  const root = tempDir('docsdk-pack-');
  const tarballs: Record<string, string> = {};

  // The runtime is packed as published: its dist/ built from the current sources (a fresh clone has
  // none, and one left from an earlier build may lack what the generated code now imports).
  beforeAll(() => {
    run(process.execPath, ['scripts/build.mjs'], RUNTIME);
  }, 120_000);

  test('each package builds to JS + .d.ts with its own tsconfig, packs them, and publint finds no error', async () => {
    // The packages resolve @docsdk/runtime as users do: through node_modules and its exports' types.
    mkdirSync(path.join(root, 'node_modules/@docsdk'), { recursive: true });
    symlinkSync(RUNTIME, path.join(root, 'node_modules/@docsdk/runtime'), 'dir');
    for (const folder of FOLDERS) {
      const dir = path.join(root, folder);
      cpSync(path.join(REPO, 'generated', folder), dir, { recursive: true });
      run(process.execPath, [TSC, '-p', 'tsconfig.json'], dir);
      const dist = readdirSync(path.join(dir, 'dist')).sort();
      for (const m of ['client', 'errors', 'index', 'schema', 'types', 'validators']) {
        expect(dist, folder).toContain(`${m}.js`);
        expect(dist, folder).toContain(`${m}.d.ts`);
      }
      const tarball = pack(dir, root);
      tarballs[folder] = tarball;
      const listed = run('tar', ['-tzf', tarball], root).split('\n');
      expect(listed).toContain('package/dist/index.js');
      expect(listed).toContain('package/dist/index.d.ts');
      expect(listed).toContain('package/ir.json');
      const bytes = readFileSync(tarball);
      const { messages } = await publint({ level: 'error', pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } });
      expect(messages.filter((m) => m.type === 'error'), folder).toEqual([]);
    }
  }, 180_000);

  test('a scratch project installs the tarballs, compiles a script against them, and runs it', () => {
    expect(Object.keys(tarballs)).toEqual(FOLDERS);
    const runtimeTarball = pack(RUNTIME, root);
    const scratch = path.join(root, 'scratch');
    mkdirSync(scratch);
    writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    npm(['install', '--offline', runtimeTarball, ...FOLDERS.map((f) => tarballs[f]!)], scratch);
    writeFileSync(
      path.join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], strict: true, skipLibCheck: false },
        files: ['main.ts'],
      }),
    );
    writeFileSync(
      path.join(scratch, 'main.ts'),
      `import { DirectConnectClient, validateDescribeHostedConnectionsInput } from '@docsdk/aws-directconnect';
import { OdbClient, validateGetOdbPeeringConnectionInput } from '@docsdk/aws-odb';
import { PartnerCentralAccountAPIClient, validateGetConnectionInput } from '@docsdk/aws-partnercentral-account';
import { PeerConnClient, validateCreatePeerconnInput } from '@docsdk/baidu-vpc';
import { ValidationError } from '@docsdk/runtime';

const clients = [
  new DirectConnectClient({ region: 'us-east-1' }),
  new OdbClient({ region: 'us-east-1' }),
  new PartnerCentralAccountAPIClient({ region: 'us-east-1' }),
  new PeerConnClient({ region: 'bj' }),
];
const results: Record<string, string> = {};
const attempt = (name: string, fn: () => void) => {
  try {
    fn();
    results[name] = 'valid';
  } catch (e) {
    results[name] = e instanceof ValidationError ? e.problems.map((p) => p.path + ': ' + p.message).join('; ') : String(e);
  }
};
attempt('directconnect', () => validateDescribeHostedConnectionsInput({ connectionId: 'dxcon-1' }));
attempt('odb', () => validateGetOdbPeeringConnectionInput({ odbPeeringConnectionId: 'p-1' }));
attempt('partnercentral', () => validateGetConnectionInput({ Identifier: 'c-1' }));
attempt('baidu', () => validateCreatePeerconnInput({ bandwidthInMbps: 10, localVpcId: 'a', peerVpcId: 'b', peerRegion: 'bj', tags: [{ tagKey: 'k' }] }));
console.log(JSON.stringify({ clients: clients.map((c) => c.constructor.name), results }));
`,
    );
    run(process.execPath, [TSC, '-p', 'tsconfig.json'], scratch);
    const out = JSON.parse(run(process.execPath, ['main.js'], scratch)) as { clients: string[]; results: Record<string, string> };
    expect(out.clients).toEqual(['DirectConnectClient', 'OdbClient', 'PartnerCentralAccountAPIClient', 'PeerConnClient']);
    expect(out.results).toEqual({
      directconnect: 'valid',
      odb: 'valid',
      partnercentral: 'Catalog: required',
      baidu: 'tags[0].tagValue: required',
    });
  }, 180_000);
});
