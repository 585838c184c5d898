/**
 * The runtime's SigV4 signer (smithy's building blocks strung together, see src/sigv4.ts) signs exactly
 * as smithy's complete `SignatureV4` class does, hashed independently with the pure-JS
 * `@aws-crypto/sha256-js`: same headers, same authorization, for paths, queries, bodies, ports and
 * session tokens.
 */
import { Sha256 as JsSha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { SigV4Signer } from '../src/sigv4.ts';

const creds = { accessKeyId: 'AKIDSIGV4TEST0000001', secretAccessKey: 'sigv4/test+secret00000000000000000000001' };
const date = new Date('2025-05-01T12:34:56.789Z');

type Req = { method: string; path: string; query: Record<string, string | null>; headers: Record<string, string>; body?: string };

async function reference(url: URL, req: Req, credentials: typeof creds & { sessionToken?: string }, service: string, region: string) {
  const signer = new SignatureV4({ service, region, sha256: JsSha256, credentials, applyChecksum: false });
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: req.path,
      query: req.query as Record<string, string>,
      headers: { ...req.headers, host: url.host },
      body: req.body,
    },
    { signingDate: date },
  );
  const out = { ...(signed.headers as Record<string, string>) };
  delete out.host;
  return out;
}

const cases: { name: string; url: string; req: Req; sessionToken?: string; service?: string }[] = [
  {
    name: 'AWS JSON POST',
    url: 'https://directconnect.us-east-1.amazonaws.com',
    req: {
      method: 'POST',
      path: '/',
      query: {},
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'OvertureService.DescribeHostedConnections' },
      body: '{"connectionId":"dxcon-1"}',
    },
  },
  {
    name: 'session token, port, empty body',
    url: 'http://127.0.0.1:8080',
    req: { method: 'POST', path: '/', query: {}, headers: { 'content-type': 'application/x-amz-json-1.0' } },
    sessionToken: 'session/token+value==',
  },
  {
    name: 'path and query needing encoding',
    url: 'https://example.us-west-2.amazonaws.com/base',
    req: {
      method: 'GET',
      path: '/base/a b/ünï/./x/../y',
      query: { 'b key': 'v/1+2', a: 'z~', marker: '' },
      headers: { 'X-Custom-Header': '  spaced   value ' },
    },
    service: 'execute-api',
  },
];

describe('SigV4Signer', () => {
  for (const c of cases) {
    it(`signs like smithy's SignatureV4: ${c.name}`, async () => {
      const url = new URL(c.url);
      const credentials = c.sessionToken ? { ...creds, sessionToken: c.sessionToken } : creds;
      const service = c.service ?? 'directconnect';
      const ours = await new SigV4Signer(service, 'us-east-1').sign(url, c.req, credentials, date);
      expect(ours).toEqual(await reference(url, c.req, credentials, service, 'us-east-1'));
      expect(ours.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDSIGV4TEST0000001\/20250501\/us-east-1\//);
      if (c.sessionToken) expect(ours['x-amz-security-token']).toBe(c.sessionToken);
    });
  }

  it('one signer, changing credentials and days: the remembered signing key never outlives what it was derived from', async () => {
    const signer = new SigV4Signer('directconnect', 'us-east-1');
    const url = new URL('https://directconnect.us-east-1.amazonaws.com');
    const req = cases[0]!.req;
    const other = { ...creds, secretAccessKey: 'another/secret000000000000000000000000002' };
    const steps: [typeof creds & { sessionToken?: string }, Date][] = [
      [creds, date],
      [creds, date],
      [other, date],
      [{ ...other, sessionToken: 'token-1' }, date],
      [{ ...other, sessionToken: 'token-2' }, date],
      [{ ...creds, accessKeyId: 'AKIDSIGV4TEST0000002' }, date],
      [creds, new Date('2025-05-02T00:00:00.001Z')],
      [creds, new Date('2025-05-02T00:00:01.500Z')],
    ];
    for (const [c, d] of steps) {
      const signerRef = new SignatureV4({ service: 'directconnect', region: 'us-east-1', sha256: JsSha256, credentials: c, applyChecksum: false });
      const expected = await signerRef.sign(
        { method: req.method, protocol: url.protocol, hostname: url.hostname, path: req.path, query: {}, headers: { ...req.headers, host: url.host }, body: req.body },
        { signingDate: d },
      );
      const ours = await signer.sign(url, req, c, d);
      expect(ours.authorization).toBe(expected.headers.authorization);
      expect(ours['x-amz-date']).toBe(expected.headers['x-amz-date']);
    }
  });

  it('rejects credentials without a secret, and does not change the caller’s headers', async () => {
    const signer = new SigV4Signer('directconnect', 'us-east-1');
    const req: Req = { method: 'POST', path: '/', query: {}, headers: { a: '1' } };
    await expect(signer.sign(new URL('https://x.amazonaws.com'), req, { accessKeyId: 'A' } as never, date)).rejects.toThrow();
    await signer.sign(new URL('https://x.amazonaws.com'), req, creds, date);
    expect(req.headers).toEqual({ a: '1' });
  });
});
