/**
 * The default credentials chain through a real client: env → profile (keys, credential_process) →
 * container → IMDSv2, each signing a call the 127.0.0.1 test server verifies; caching; what fails and
 * how it says so. Every client gets an `env` (hermetic: no machine files, IMDS only where the env
 * points it), and every endpoint is on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeClient } from '../../src/client.ts';
import type { ClientConfig } from '../../src/config.ts';
import { CredentialsError } from '../../src/errors.ts';
import { describeHostedConnections, directConnect } from '../fixtures/schemas.ts';
import { respond, TestServer } from '../server.ts';
import { MetadataServer } from './metadata-server.ts';
import { processCommand, tempHome, type TempHome } from './temp-home.ts';

const key = (id: string) => ({ accessKeyId: id, secretAccessKey: `${id}-secret` });
const ENV_KEY = key('AKIDFROMENV');
const PROFILE_KEY = key('AKIDFROMPROFILE');
const PROCESS_KEY = key('AKIDFROMPROCESS');

let server: TestServer;
let metadata: MetadataServer;
let home: TempHome;
beforeAll(async () => {
  server = await TestServer.start({ credentials: [ENV_KEY, PROFILE_KEY, PROCESS_KEY, key('CONTAINERKEY'), key('IMDSKEY')] });
  metadata = await MetadataServer.start(new Date('2099-01-01T00:00:00Z'));
});
afterAll(async () => {
  await server.close();
  await metadata.close();
});
beforeEach(() => {
  home = tempHome();
  server.reset();
  metadata.requests.length = 0;
});
afterEach(() => home.remove());

function client(env: Record<string, string>, config: ClientConfig = {}): RuntimeClient {
  return new RuntimeClient(directConnect, { region: 'us-east-1', endpoint: server.url, env, ...config });
}

// Sends one call; returns the access key id the server saw it signed with (and checks the signature).
async function signedWith(c: RuntimeClient): Promise<string> {
  server.enqueue(respond.json({ connections: [] }));
  await c.send(describeHostedConnections, { connectionId: 'dxcon-1' });
  const req = server.requests.at(-1)!;
  expect(req.signature.valid).toBe(true);
  return /Credential=([^/]+)/.exec(req.headers.authorization!)![1]!;
}

const profileFiles = () =>
  home.write('.aws/credentials', `[default]\naws_access_key_id = ${PROFILE_KEY.accessKeyId}\naws_secret_access_key = ${PROFILE_KEY.secretAccessKey}\n`);

describe('precedence', () => {
  it('environment variables before the profile', async () => {
    profileFiles();
    const env = { HOME: home.dir, AWS_ACCESS_KEY_ID: ENV_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: ENV_KEY.secretAccessKey };
    expect(await signedWith(client(env))).toBe('AKIDFROMENV');
    expect(await signedWith(client({ HOME: home.dir }))).toBe('AKIDFROMPROFILE');
  });

  it('a profile credential_process (a real node script) when the profile has no keys', async () => {
    const cmd = processCommand(home, 'creds', { Version: 1, ...{ AccessKeyId: PROCESS_KEY.accessKeyId, SecretAccessKey: PROCESS_KEY.secretAccessKey } });
    home.write('.aws/config', `[profile tools]\ncredential_process = ${cmd}\n`);
    expect(await signedWith(client({ HOME: home.dir, AWS_PROFILE: 'tools' }))).toBe('AKIDFROMPROCESS');
  });

  it('the profile before the container endpoint, the container before IMDS, IMDS last', async () => {
    profileFiles();
    const container = { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${metadata.url}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'auth-1' };
    const imds = { AWS_EC2_METADATA_SERVICE_ENDPOINT: metadata.url };
    expect(await signedWith(client({ HOME: home.dir, ...container, ...imds }))).toBe('AKIDFROMPROFILE');
    expect(metadata.requests).toHaveLength(0);
    expect(await signedWith(client({ ...container, ...imds }))).toBe('CONTAINERKEY');
    expect(metadata.requests.map((r) => r.url)).toEqual(['/creds']);
    expect(await signedWith(client(imds))).toBe('IMDSKEY');
    expect(metadata.requests.map((r) => `${r.method} ${r.url}`).slice(1)).toEqual([
      'PUT /latest/api/token',
      'GET /latest/meta-data/iam/security-credentials/',
      'GET /latest/meta-data/iam/security-credentials/role-a',
    ]);
  });
});

describe('caching', () => {
  it('IMDS credentials are fetched once for many calls (they expire in 2099)', async () => {
    const c = client({ AWS_EC2_METADATA_SERVICE_ENDPOINT: metadata.url });
    for (let i = 0; i < 3; i++) expect(await signedWith(c)).toBe('IMDSKEY');
    expect(metadata.requests).toHaveLength(3); // token, role, credentials: once
  });

  it('a provider option is called once, not on every request; again when its credentials near expiry', async () => {
    let calls = 0;
    const lasting = client({}, { credentials: async () => (calls++, { ...ENV_KEY, expiration: new Date(Date.now() + 3_600_000) }) });
    for (let i = 0; i < 3; i++) await signedWith(lasting);
    expect(calls).toBe(1);
    // Expiring within the 5-minute refresh window: fetched again for each call.
    let soon = 0;
    const expiring = client({}, { credentials: async () => (soon++, { ...ENV_KEY, expiration: new Date(Date.now() + 60_000) }) });
    for (let i = 0; i < 3; i++) await signedWith(expiring);
    expect(soon).toBe(3);
  });
});

describe('failures: a CredentialsError naming the source, keeping message and cause', () => {
  async function failure(c: RuntimeClient): Promise<CredentialsError> {
    const e = await c.send(describeHostedConnections, { connectionId: 'dxcon-1' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CredentialsError);
    expect(server.requests).toHaveLength(0);
    return e as CredentialsError;
  }

  it('a provider option that throws: source options, its message kept, the error itself the cause', async () => {
    const own = new Error('vault sealed');
    const e = await failure(client({}, { credentials: async () => Promise.reject(own) }));
    expect([e.source, e.message, e.cause]).toEqual(['options', 'credentials provider failed: vault sealed', own]);
  });

  it('a failing credential_process: source process, its exit status and stderr, the child error as cause', async () => {
    home.write('.aws/config', `[default]\ncredential_process = ${processCommand(home, 'fail', '', 2, 'please log in')}\n`);
    const e = await failure(client({ HOME: home.dir }));
    expect([e.source, e.message]).toEqual(['process', 'credential_process of profile default failed (exit status 2): please log in']);
    expect(e.cause).toBeInstanceOf(Error);
  });

  it('a container endpoint that refuses: source container', async () => {
    const e = await failure(client({ AWS_CONTAINER_CREDENTIALS_FULL_URI: `${metadata.url}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'bad' }));
    expect([e.source, e.message]).toEqual(['container', `GET ${metadata.url}/creds answered HTTP 401`]);
  });

  it('IMDS unreachable (a closed 127.0.0.1 port): source imds, what was tried, the fetch error as cause', async () => {
    // A port that was just free: listen, note it, close (fetch refuses well-known ports such as 1).
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    const e = await failure(client({ AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${port}` }));
    expect(e.source).toBe('imds');
    expect(e.message).toMatch(
      /^no credentials for directconnect: pass \{ credentials \} to the client, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile; tried: environment, profile default \(files none: no HOME\), container \(not configured\), IMDS: PUT http:\/\/127\.0\.0\.1:\d+\/latest\/api\/token failed: connect ECONNREFUSED/,
    );
    expect((e.cause as Error).name).toBe('TypeError'); // fetch's "fetch failed", whose cause is the socket error
  });

  it('nothing anywhere: source chain; IMDS disabled, or not tried with an env that names no endpoint', async () => {
    const disabled = await failure(client({ HOME: home.dir, AWS_EC2_METADATA_DISABLED: 'true' }));
    expect(disabled.source).toBe('chain');
    expect(disabled.message).toBe(
      `no credentials for directconnect: pass { credentials } to the client, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile; tried: environment, profile default (files ${home.dir}/.aws/config, ${home.dir}/.aws/credentials), container (not configured), IMDS (AWS_EC2_METADATA_DISABLED)`,
    );
    expect((await failure(client({}))).message).toMatch(/IMDS \(not tried: the env option names no AWS_EC2_METADATA_SERVICE_ENDPOINT\)$/);
  });

  it('web identity in the environment is refused rather than falling through to another identity', async () => {
    const e = await failure(client({ AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token', AWS_EC2_METADATA_SERVICE_ENDPOINT: metadata.url }));
    expect(e.message).toMatch(/^AWS_WEB_IDENTITY_TOKEN_FILE is set \(web identity\), which docsdk's runtime does not implement/);
    expect(metadata.requests).toHaveLength(0);
  });

  it('a failed source is not cached: the next call tries again', async () => {
    const env = { AWS_EC2_METADATA_SERVICE_ENDPOINT: metadata.url };
    const saved = metadata.routes['PUT /latest/api/token']!;
    metadata.routes['PUT /latest/api/token'] = { status: 500, body: '' };
    const c = client(env);
    try {
      expect((await failure(c)).message).toMatch(/answered HTTP 500$/);
    } finally {
      metadata.routes['PUT /latest/api/token'] = saved;
    }
    expect(await signedWith(c)).toBe('IMDSKEY');
  });
});
