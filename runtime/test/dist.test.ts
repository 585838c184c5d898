/**
 * The published build: one self-contained ESM file (smithy's signer inlined, no runtime dependencies)
 * that works in Node and stays small in a browser bundle (issue 9's budgets).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, TestServer } from './server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Built into a temp folder: other tests (packing) read runtime/dist/, and must not see it half-written.
// Laid out as the package is (package.json beside dist/).
const pkgDir = mkdtempSync(path.join(tmpdir(), 'docsdk-runtime-dist-'));
const out = path.join(pkgDir, 'dist');
const creds = { accessKeyId: 'AKIDDIST', secretAccessKey: 'dist-secret' };
let server: TestServer;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, stdio: 'pipe' });
  copyFileSync(`${root}package.json`, path.join(pkgDir, 'package.json'));
  server = await TestServer.start({ credentials: [creds] });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(pkgDir, { recursive: true, force: true });
});

describe('runtime dist/', () => {
  it('declares no runtime dependencies and imports no package', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    const js = readFileSync(`${out}/index.js`, 'utf8');
    expect(js).not.toMatch(/\bfrom\s*["'][^."']/);
    expect(js).not.toMatch(/\brequire\(/);
    expect(js).not.toMatch(/\bimport\(\s*["']/);
    // The Node-only credential sources: a file of their own, imported by a URL made at run time (no
    // bundler follows it), which imports no package either.
    expect(js).toContain('new URL("./credentials/node.js", import.meta.url)');
    const nodeSources = readFileSync(`${out}/credentials/node.js`, 'utf8');
    expect(nodeSources).not.toMatch(/\bfrom\s*["']|\brequire\(|\bimport\(\s*["']/);
    expect(nodeSources).toContain('credential_process');
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

  it('loads the Node credential sources from dist/credentials/node.js on the first call: a profile in a temp HOME signs it', async () => {
    const dist = (await import(`${out}/index.js`)) as typeof import('../src/index.ts');
    const { directConnect, describeHostedConnections } = await import('./fixtures/schemas.ts');
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const home = path.join(pkgDir, 'home');
    mkdirSync(path.join(home, '.aws'), { recursive: true });
    writeFileSync(path.join(home, '.aws/credentials'), `[dist]\naws_access_key_id = ${creds.accessKeyId}\naws_secret_access_key = ${creds.secretAccessKey}\n`);
    writeFileSync(path.join(home, '.aws/config'), '[profile dist]\nregion = cn-north-1\n');
    server.reset();
    server.enqueue(respond.json({ connections: [] }));
    const c = new dist.RuntimeClient(directConnect, { env: { HOME: home, AWS_PROFILE: 'dist', AWS_ENDPOINT_URL: server.url } });
    await c.send(describeHostedConnections, { connectionId: 'x' });
    expect(server.requests.map((r) => r.signature.valid)).toEqual([true]);
    expect(server.requests[0]!.headers.authorization).toMatch(/Credential=AKIDDIST\/\d{8}\/cn-north-1\/directconnect\/aws4_request/);
  });

  // As a generated client is built: a WireClient handed the protocol and signer its schema names. 12.5 KB
  // was issue 9's browser budget (0.25 of the official client); issue 16's credentials, region and endpoint
  // resolution took it to ~13.4 KB (limit 14 KB). Importing only the schema's protocol and signer (no
  // Baidu REST protocol nor bce-auth in an AWS bundle) and only the smithy helpers the signer uses
  // (build.mjs) brought it to ~11.2 KB: the limit is back under issue 9's budget, with ~0.3 KB of slack.
  it('a browser bundle of a client + one call stays under 11.5 KB gzipped (official: ~50 KB), with neither Baidu’s protocol and signer nor the Node-only credential sources', async () => {
    const entry = `
      import { WireClient, awsJson1_1, sigV4, ServiceError } from ${JSON.stringify(`${out}/index.js`)};
      class E extends ServiceError {}
      const c = new WireClient({ id: 'x', provider: 'aws', protocol: 'awsJson1_1', endpoint: 'https://x.{region}.amazonaws.com',
        timestampFormat: 'epoch-seconds', shapes: { I: { type: 'structure', members: { a: { target: 'S' } } }, S: { type: 'string' } } },
        { protocol: awsJson1_1, signatureScheme: sigV4 }, { region: 'us-east-1' }, { base: E, byCode: {} });
      export const r = c.send({ name: 'Op', input: 'I', output: 'I', errors: [] }, { a: 'b' });`;
    for (const platform of ['browser', 'node'] as const) {
      const out = await build({ stdin: { contents: entry, resolveDir: root }, bundle: true, minify: true, format: 'esm', platform, write: false, logLevel: 'silent' });
      const js = Buffer.from(out.outputFiles[0]!.contents);
      const gz = gzipSync(js, { level: 9 }).length;
      expect(js.includes('AWS4-HMAC-SHA256')).toBe(true); // the signer is really in there
      expect(gz).toBeGreaterThan(3_000);
      expect(gz).toBeLessThan(11_500);
      // Baidu's REST protocol and bce-auth-v1: no AWS client imports them, so no AWS bundle holds them.
      expect(js.includes('x-bce-date')).toBe(false);
      expect(js.includes('bce-auth-v1/')).toBe(false); // its Authorization prefix (the provider table still names the signer)
      // smithy's serde index (base64, UUID, blob adapter): the signer uses none of it (build.mjs).
      expect(js.includes('Uint8ArrayBlobAdapter')).toBe(false);
      // dist/credentials/node.js is imported by a URL computed at run time: no bundle carries it.
      expect(js.includes('credential_process')).toBe(false);
    }
  });
});
