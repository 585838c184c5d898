/**
 * The published build: one self-contained ESM file (smithy's signer inlined, no runtime dependencies)
 * that works in Node and stays small in a browser bundle (issue 9's budgets).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, TestServer } from './server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Built into a temp folder: other tests (packing) read runtime/dist/, and must not see it half-written.
const out = mkdtempSync(path.join(tmpdir(), 'docsdk-runtime-dist-'));
const creds = { accessKeyId: 'AKIDDIST', secretAccessKey: 'dist-secret' };
let server: TestServer;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, stdio: 'pipe' });
  server = await TestServer.start({ credentials: [creds] });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('runtime dist/', () => {
  it('declares no runtime dependencies and imports no package', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    const js = readFileSync(`${out}/index.js`, 'utf8');
    expect(js).not.toMatch(/\bfrom\s*["'][^."']/);
    expect(js).not.toMatch(/\brequire\(|\bimport\(\s*["']/);
    expect(js).toContain('AWS4-HMAC-SHA256'); // the signer is inside
    const dts = readFileSync(`${out}/index.d.ts`, 'utf8');
    expect(dts).toMatch(/from '\.\/client\.js'/);
  });

  it('signs and calls through the built file (AWS and Baidu)', async () => {
    const dist = (await import(`${out}/index.js`)) as typeof import('../src/index.ts');
    const { directConnect, describeHostedConnections, bcc, listPeerconns } = await import('./fixtures/schemas.ts');
    server.enqueue(respond.json({ connections: [{ connectionId: 'a', loaIssueTime: 1 }] }), respond.json({ peerConns: [], isTruncated: false }));
    const a = await new dist.RuntimeClient(directConnect, { region: 'us-east-1', endpoint: server.url, credentials: creds }).send(describeHostedConnections, { connectionId: 'x' });
    const b = await new dist.RuntimeClient(bcc, { region: 'bj', endpoint: server.url, credentials: creds }).send(listPeerconns, {});
    expect((a.connections as { loaIssueTime: Date }[])[0]!.loaIssueTime).toEqual(new Date(1000));
    expect(b.isTruncated).toBe(false);
    expect(server.requests.map((r) => [r.signature.scheme, r.signature.valid])).toEqual([['aws4', true], ['bce', true]]);
  });

  it('a browser bundle of a client + one call stays under 12.5 KB gzipped (official: ~51 KB)', async () => {
    const entry = `
      import { RuntimeClient, ServiceError } from ${JSON.stringify(`${out}/index.js`)};
      class E extends ServiceError {}
      const c = new RuntimeClient({ id: 'x', provider: 'aws', protocol: 'awsJson1_1', endpoint: 'https://x.{region}.amazonaws.com',
        timestampFormat: 'epoch-seconds', shapes: { I: { type: 'structure', members: { a: { target: 'S' } } }, S: { type: 'string' } } },
        { region: 'us-east-1' }, { base: E, byCode: {} });
      export const r = c.send({ name: 'Op', input: 'I', output: 'I', errors: [] }, { a: 'b' });`;
    for (const platform of ['browser', 'node'] as const) {
      const out = await build({ stdin: { contents: entry, resolveDir: root }, bundle: true, minify: true, format: 'esm', platform, write: false, logLevel: 'silent' });
      const gz = gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length;
      expect(gz).toBeGreaterThan(3_000); // sanity: the signer is really in there
      expect(gz).toBeLessThan(12_500);
    }
  });
});
