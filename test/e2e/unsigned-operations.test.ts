/**
 * Issue 17: an operation `service.json` marks `auth: "none"` goes out unsigned, with no credentials
 * looked up, all the way from the docs: boto3's own page of Cognito `initiate_auth` and a
 * `service.json` → IR → generated client → a call from a client constructed with no credentials
 * (none in the options, none in the environment) → the 127.0.0.1 server sees no signature. A host
 * prefix travels the same road into the emitted schema.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { respond, TestServer } from '../../runtime/test/server.ts';
import { bundlePackage, renderOrThrow, tempDir, writePackage } from '../emit/helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ credentials: [{ accessKeyId: 'AKIDUNSIGNED00000001', secretAccessKey: 'unused' }] });
});
afterAll(() => server.close());

describe('Cognito InitiateAuth from the docs, unsigned', async () => {
  const { ir, diagnostics } = loadIR(['test/fixtures/cognito-idp/initiate_auth.rst']);
  const [pkg] = await renderOrThrow(ir);
  const schema = pkg!.files.find((f) => f.path === 'src/schema.ts')!.content;

  it('the settings’ auth reaches the IR and the emitted schema', () => {
    expect(diagnostics).toEqual([]);
    expect(ir.services[0]!.operations.map((o) => [o.name, o.auth])).toEqual([['InitiateAuth', 'none']]);
    expect(schema).toMatch(/ {2}InitiateAuth: \{\n {4}name: 'InitiateAuth',\n[\s\S]*?\n {4}auth: 'none',\n {2}\},/);
  });

  it('a client constructed with no credentials at all reaches the server, unsigned', async () => {
    const dir = tempDir('docsdk-unsigned-');
    const mod = (await import(pathToFileURL(await bundlePackage(writePackage(dir, pkg!), dir)).href)) as Record<string, new (config: object) => Record<string, (input: object) => Promise<Record<string, unknown>>>>;
    const client = new mod['CognitoIdentityProviderClient']!({ region: 'us-east-1', endpoint: server.url, env: {} });
    server.enqueue(respond.json({ ChallengeName: 'PASSWORD_VERIFIER', Session: 'session-1' }));
    const out = await client['initiateAuth']!({ AuthFlow: 'USER_SRP_AUTH', ClientId: 'client-1', AuthParameters: { USERNAME: 'alice', SRP_A: 'abc' } });
    expect(out).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER', Session: 'session-1' });
    const r = server.requests[0]!;
    expect(r.signature.scheme).toBe('none');
    expect(r.headers.authorization).toBeUndefined();
    expect(r.headers['x-amz-date']).toBeUndefined();
    expect(r.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(r.json).toEqual({ AuthFlow: 'USER_SRP_AUTH', ClientId: 'client-1', AuthParameters: { USERNAME: 'alice', SRP_A: 'abc' } });
  });

  it('an operation’s hostPrefix is written to its schema', async () => {
    const withPrefix = structuredClone(ir);
    withPrefix.services[0]!.operations[0]!.hostPrefix = 'auth-';
    const [prefixed] = await renderOrThrow(withPrefix);
    expect(prefixed!.files.find((f) => f.path === 'src/schema.ts')!.content).toContain("    auth: 'none',\n    hostPrefix: 'auth-',\n  },");
  });
});
