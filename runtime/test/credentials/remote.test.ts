import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { containerCredentials, containerUrl, imdsCredentials, imdsEndpoint } from '../../src/credentials/remote.ts';
import { credentialsJson, MetadataServer } from './metadata-server.ts';

let server: MetadataServer;
const expiration = new Date('2099-01-01T00:00:00Z');
beforeAll(async () => {
  server = await MetadataServer.start(expiration);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('IMDSv2 (on 127.0.0.1 through AWS_EC2_METADATA_SERVICE_ENDPOINT)', () => {
  it('PUTs for a token first, then lists the role and GETs its credentials with the token', async () => {
    const creds = await imdsCredentials({ AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url + '/' });
    expect(creds).toEqual({ accessKeyId: 'IMDSKEY', secretAccessKey: 'IMDSKEY-secret', sessionToken: 'IMDSKEY-token', expiration });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PUT /latest/api/token',
      'GET /latest/meta-data/iam/security-credentials/',
      'GET /latest/meta-data/iam/security-credentials/role-a',
    ]);
    expect(server.requests[0]!.headers['x-aws-ec2-metadata-token-ttl-seconds']).toBe('21600');
    expect(server.requests.slice(1).map((r) => r.headers['x-aws-ec2-metadata-token'])).toEqual(['tok-1', 'tok-1']);
  });

  it('a failing step is a SourceError naming the request, with source imds', async () => {
    const saved = server.routes['PUT /latest/api/token'];
    server.routes['PUT /latest/api/token'] = { status: 403, body: '' };
    try {
      const e = (await imdsCredentials({ AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url }).catch((x: unknown) => x)) as Error & { source: string };
      expect(e.name).toBe('SourceError');
      expect(e.source).toBe('imds');
      expect(e.message).toBe(`PUT ${server.url}/latest/api/token answered HTTP 403`);
    } finally {
      server.routes['PUT /latest/api/token'] = saved!;
    }
  });

  it('a Code other than Success is refused', async () => {
    const path = 'GET /latest/meta-data/iam/security-credentials/role-a';
    const saved = server.routes[path];
    server.routes[path] = { status: 200, body: credentialsJson('X', undefined, { Code: 'AssumeRoleUnauthorizedAccess' }) };
    try {
      await expect(imdsCredentials({ AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url })).rejects.toThrow(/answered Code "AssumeRoleUnauthorizedAccess"/);
    } finally {
      server.routes[path] = saved!;
    }
  });

  it('the default endpoints are the link-local addresses (computed here, never contacted)', () => {
    expect(imdsEndpoint({})).toBe('http://169.254.169.254');
    expect(imdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6' })).toBe('http://[fd00:ec2::254]');
  });
});

describe('container credentials', () => {
  it('FULL_URI on 127.0.0.1 with the token from AWS_CONTAINER_AUTHORIZATION_TOKEN', async () => {
    const creds = await containerCredentials({ AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'auth-1' });
    expect(creds).toEqual({ accessKeyId: 'CONTAINERKEY', secretAccessKey: 'CONTAINERKEY-secret', sessionToken: 'CONTAINERKEY-token', expiration });
    expect(server.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([['GET', '/creds', 'auth-1']]);
  });

  it('AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE wins over the variable', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/docsdk-token-`);
    try {
      writeFileSync(`${dir}/token`, 'auth-1\n');
      const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'wrong', AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: `${dir}/token` };
      expect((await containerCredentials(env)).accessKeyId).toBe('CONTAINERKEY');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a refused token is an error with source container', async () => {
    const e = (await containerCredentials({ AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/creds` }).catch((x: unknown) => x)) as Error & { source: string };
    expect([e.source, e.message]).toEqual(['container', `GET ${server.url}/creds answered HTTP 401`]);
  });

  it('RELATIVE_URI is on 169.254.170.2 and wins over FULL_URI (URL computed, never contacted)', () => {
    expect(containerUrl({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/abc', AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/creds` })).toBe(
      'http://169.254.170.2/v2/credentials/abc',
    );
  });

  it('plain http FULL_URI to a host that is not loopback or an ECS/EKS agent is refused before any request', async () => {
    const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://metadata.invalid/creds' };
    expect(() => containerUrl(env)).toThrow(/plain http is allowed only to a loopback address/);
    await expect(containerCredentials(env)).rejects.toThrow(/plain http/);
    expect(containerUrl({ AWS_CONTAINER_CREDENTIALS_FULL_URI: 'https://metadata.invalid/creds' })).toBe('https://metadata.invalid/creds');
    expect(containerUrl({ AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://localhost:9/x' })).toBe('http://localhost:9/x');
    expect(server.requests).toHaveLength(0);
  });
});
