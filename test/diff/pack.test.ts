/**
 * `docsdk pack` as a user runs it (issue 16 §1): a package generated outside the repository and one of
 * generated/ packed with the runtime into tarballs, installed with `npm install --offline` (an empty
 * cache, a registry on a closed 127.0.0.1 port: nothing can be fetched) into an empty project, whose
 * script calls a 127.0.0.1 server that checks the SigV4 and bce-auth-v1 signatures independently — the
 * AWS client made with no options: credentials from the profile `AWS_PROFILE` names in a temp `HOME`,
 * region from its `config`, endpoint from `AWS_ENDPOINT_URL` — and uses the package's mock (its
 * `./mock` entry) as installed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { respond, TestServer } from '../../runtime/test/server.ts';
import { tempDir } from '../emit/helpers.ts';

const REPO = path.resolve('.');
const BIN = path.join(REPO, 'bin/docsdk.js');
const aws = { accessKeyId: 'AKIDPACKTEST00000001', secretAccessKey: 'pack/secret/key/000000000000000000000000' };
const bce = { accessKeyId: 'bceakpack0000000000000000000000001', secretAccessKey: 'bceskpack0000000000000000000000001' };

/** Runs the CLI from the repository; its exit code, stdout and stderr. */
function docsdk(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ credentials: [aws, bce] });
});
afterAll(async () => server?.close());

describe('docsdk pack', () => {
  const root = tempDir('docsdk-pack-cli-');
  const packs = path.join(root, 'packs');

  test('packs the runtime, a package generated outside the repository and a generated/ one; they install offline and call a local server, signed with a profile', async () => {
    const out = path.join(root, 'elsewhere');
    expect(docsdk(['generate', 'specs/aws/directconnect', '--out', out, '--no-cache']).status).toBe(0);
    // A package folder with no node_modules and no tsc of its own.
    expect(existsSync(path.join(out, 'aws-directconnect/node_modules'))).toBe(false);

    const packed = docsdk(['pack', '--out', packs, path.join(out, 'aws-directconnect'), 'baidu-vpc']);
    expect(packed.stderr).toBe('');
    expect(packed.status).toBe(0);
    const tarballs = readdirSync(packs).sort();
    expect(tarballs).toEqual(['docsdk-aws-directconnect-0.1.2012102500.tgz', 'docsdk-baidu-vpc-0.1.0.tgz', 'docsdk-runtime-0.1.0.tgz']);
    expect(packed.stdout.split('\n')[0]).toBe(`packed: @docsdk/runtime@0.1.0 → ${path.join(packs, 'docsdk-runtime-0.1.0.tgz')}`);
    const listed = execFileSync('tar', ['-tzf', path.join(packs, 'docsdk-aws-directconnect-0.1.2012102500.tgz')], { encoding: 'utf8' }).split('\n');
    expect(listed).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/client.js']));

    const project = path.join(root, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'project', private: true, type: 'module' }));
    execFileSync(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs.map((t) => path.join(packs, t))],
      {
        cwd: project,
        stdio: 'pipe',
        env: {
          ...process.env,
          npm_config_cache: path.join(root, 'empty-npm-cache'),
          npm_config_registry: 'http://127.0.0.1:9/',
          npm_config_update_notifier: 'false',
        },
      },
    );
    // One runtime, the one the tarball holds: each package's `^0.1.0` was satisfied by it, not fetched.
    expect(existsSync(path.join(project, 'node_modules/@docsdk/aws-directconnect/node_modules'))).toBe(false);
    const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    expect(lock.packages['node_modules/@docsdk/runtime']?.resolved).toBe(`file:../packs/docsdk-runtime-0.1.0.tgz`);
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/@docsdk/aws-directconnect', 'node_modules/@docsdk/baidu-vpc', 'node_modules/@docsdk/runtime']);

    writeFileSync(
      path.join(project, 'main.mjs'),
      `import { DirectConnectClient, DirectConnectClientException } from '@docsdk/aws-directconnect';
import { PeerConnClient } from '@docsdk/baidu-vpc';
const env = process.env;
// Credentials and region from the profile AWS_PROFILE names in $HOME/.aws, the endpoint from AWS_ENDPOINT_URL.
const dc = new DirectConnectClient();
const vpc = new PeerConnClient({ region: 'bj', endpoint: env.ENDPOINT, credentials: { accessKeyId: env.BCE_KEY, secretAccessKey: env.BCE_SECRET } });
const hosted = await dc.describeHostedConnections({ connectionId: 'dxcon-pack' });
const peer = await vpc.getPeerconn({ peerConnId: 'peerconn-1' });
let error;
try { await dc.describeHostedConnections({ connectionId: 'dxcon-missing' }); } catch (e) { error = { cls: e.constructor.name, typed: e instanceof DirectConnectClientException, message: e.message }; }
// The test double from the package's ./mock entry: the same error classes as the client's entry.
const { mockClient, serviceError } = await import('@docsdk/aws-directconnect/mock');
const mock = mockClient(DirectConnectClient).on('describeHostedConnections', () => {
  throw serviceError(DirectConnectClientException, 'mocked');
});
const mocked = await dc.describeHostedConnections({ connectionId: 'dxcon-mock' }).catch((e) => e instanceof DirectConnectClientException && e.message);
mock.restore();
console.log(JSON.stringify({ hosted: hosted.connections[0], status: hosted.$metadata.httpStatusCode, peer: peer.peerConnId, error, mocked, calls: mock.calls() }));
`,
    );
    server.enqueue(
      respond.json({ connections: [{ connectionId: 'dxcon-pack', connectionName: 'packed', loaIssueTime: 1700000000 }] }),
      respond.json({ peerConnId: 'peerconn-1' }),
      respond.awsError('DirectConnectClientException', 'no such connection'),
    );
    // A HOME of its own: the profile's credentials in .aws/credentials, its region in .aws/config
    // (and a default profile that would fail the signature check, should AWS_PROFILE be ignored).
    const home = path.join(root, 'home');
    mkdirSync(path.join(home, '.aws'), { recursive: true });
    writeFileSync(
      path.join(home, '.aws/credentials'),
      `[default]\naws_access_key_id = AKIDWRONGDEFAULT0000\naws_secret_access_key = wrong\n\n[packtest]\naws_access_key_id = ${aws.accessKeyId}\naws_secret_access_key = ${aws.secretAccessKey}\n`,
    );
    writeFileSync(path.join(home, '.aws/config'), '[default]\nregion = us-east-1\n\n[profile packtest]\nregion = eu-west-1\n');
    // Asynchronously: the server answers on this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, ['main.mjs'], {
      cwd: project,
      env: { PATH: process.env.PATH, HOME: home, AWS_PROFILE: 'packtest', AWS_ENDPOINT_URL: server.url, ENDPOINT: server.url, BCE_KEY: bce.accessKeyId, BCE_SECRET: bce.secretAccessKey },
    });
    expect(JSON.parse(stdout)).toEqual({
      hosted: { connectionId: 'dxcon-pack', connectionName: 'packed', loaIssueTime: '2023-11-14T22:13:20.000Z' },
      status: 200,
      peer: 'peerconn-1',
      error: { cls: 'DirectConnectClientException', typed: true, message: 'no such connection' },
      mocked: 'mocked',
      calls: [{ operation: 'describeHostedConnections', input: { connectionId: 'dxcon-mock' } }],
    });
    expect(server.requests.map((r) => [r.method, r.path, r.headers['x-amz-target'] ?? null, r.signature.scheme, r.signature.valid])).toEqual([
      ['POST', '/', 'OvertureService.DescribeHostedConnections', 'aws4', true],
      ['GET', '/v1/peerconn/peerconn-1', null, 'bce', true],
      ['POST', '/', 'OvertureService.DescribeHostedConnections', 'aws4', true],
    ]);
    expect(server.requests[0]!.headers.authorization).toContain(`Credential=${aws.accessKeyId}/`);
    expect(server.requests[0]!.headers.authorization).toMatch(/\/eu-west-1\/directconnect\/aws4_request/);
    expect(server.requests[0]!.json).toEqual({ connectionId: 'dxcon-pack' });
  }, 300_000);

  test('a package asking for another runtime, or one that does not compile, is an error (the compile error names its file) and packs nothing', () => {
    const odb = path.join(root, 'odb');
    cpSync(path.join(REPO, 'generated/aws-odb'), odb, { recursive: true });
    const manifest = path.join(odb, 'package.json');
    const original = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, original.replace('"@docsdk/runtime": "^0.1.0"', '"@docsdk/runtime": "^9.0.0"'));
    const range = docsdk(['pack', '--out', path.join(root, 'bad'), odb]);
    expect(range.status).toBe(1);
    expect(range.stderr).toBe(
      `error: @docsdk/aws-odb (${odb}) depends on @docsdk/runtime@^9.0.0, but this repository's runtime is 0.1.0: regenerate it (docsdk generate)\n`,
    );
    expect(existsSync(path.join(root, 'bad'))).toBe(false);

    writeFileSync(manifest, original);
    writeFileSync(path.join(odb, 'src/index.ts'), `${readFileSync(path.join(odb, 'src/index.ts'), 'utf8')}export const broken: number = 'text';\n`);
    const compile = docsdk(['pack', '--out', path.join(root, 'bad'), odb]);
    expect(compile.status).toBe(1);
    expect(existsSync(path.join(root, 'bad'))).toBe(false);
    expect(compile.stderr).toMatch(/^error: building @docsdk\/aws-odb failed:\nsrc\/index\.ts\(\d+,14\): error TS2322: Type 'string' is not assignable to type 'number'\.\n\(in .*\/odb\)\n$/);
  }, 120_000);

  test('an unknown service is an error naming the known ones; nothing is packed', () => {
    const r = docsdk(['pack', '--out', path.join(root, 'none'), 'aws-nosuch']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'error: no package "aws-nosuch" in generated (known: aws-directconnect, aws-odb, aws-partnercentral-account, baidu-vpc), and no package folder at that path\n',
    );
    expect(existsSync(path.join(root, 'none'))).toBe(false);
  });
});
