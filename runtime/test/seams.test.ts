/**
 * The client's seams: protocol, signature scheme and provider are each picked from one table by the
 * service schema (`protocol`, `signatureVersion` else the provider's default, `provider`), and unknown
 * names are typed errors naming the known ones; a `WireClient` is handed its protocol and signer (what
 * generated clients do, importing each by name) and speaks them whatever the tables hold.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  awsJson1_0,
  awsJson1_1,
  bceAuthV1,
  bceRestJson,
  ConfigError,
  PROTOCOLS,
  PROVIDERS,
  RuntimeClient,
  SIGNERS,
  sigV4,
  WireClient,
  type ServiceSchema,
} from '../src/index.ts';
import { bcc, describeHostedConnections, directConnect, listPeerconns } from './fixtures/schemas.ts';
import { respond, TestServer } from './server.ts';

const creds = { accessKeyId: 'AKIDTESTSEAMS0000001', secretAccessKey: 'seams-secret' };
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ credentials: [creds] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('signatureVersion', () => {
  it('absent: the provider default signs (aws → SigV4, baidu → bce-auth-v1)', async () => {
    server.enqueue(respond.json({}), respond.json({ peerConns: [], isTruncated: false }));
    await new RuntimeClient(directConnect, { region: 'us-east-1', endpoint: server.url, credentials: creds, env: {} }).send(describeHostedConnections, {});
    await new RuntimeClient(bcc, { endpoint: server.url, credentials: creds, env: {} }).send(listPeerconns, {});
    expect(server.requests.map((r) => [r.signature.scheme, r.signature.valid])).toEqual([['aws4', true], ['bce', true]]);
    expect(PROVIDERS.aws.signatureVersion).toBe('v4');
    expect(PROVIDERS.baidu.signatureVersion).toBe('bce-auth-v1');
  });

  it('given: it overrides the provider default, and the region rule follows the signer', async () => {
    server.enqueue(respond.json({ peerConns: [], isTruncated: false }), respond.json({}));
    // A Baidu REST service signed with SigV4 (scoped by region, so the region is required) …
    const v4Baidu: ServiceSchema = { ...bcc, signatureVersion: 'v4', signingName: 'vpc' };
    await new RuntimeClient(v4Baidu, { region: 'bj', endpoint: server.url, credentials: creds, env: {} }).send(listPeerconns, {});
    const noRegion = await new RuntimeClient(v4Baidu, { endpoint: server.url, credentials: creds, env: {} }).send(listPeerconns, {}).catch((x: unknown) => x);
    expect(noRegion).toBeInstanceOf(ConfigError);
    expect((noRegion as Error).message).toBe('no region for vpc: pass { region } to the client or set BCE_REGION');
    // … and an AWS JSON service signed with bce-auth-v1 (not regional: an endpoint is enough).
    const bceAws: ServiceSchema = { ...directConnect, signatureVersion: 'bce-auth-v1' };
    await new RuntimeClient(bceAws, { endpoint: server.url, credentials: creds, env: {} }).send(describeHostedConnections, {});
    const [a, b] = server.requests;
    expect(a!.signature).toMatchObject({ scheme: 'aws4', valid: true });
    expect(a!.headers.authorization).toMatch(/Credential=AKIDTESTSEAMS0000001\/\d{8}\/bj\/vpc\/aws4_request/);
    expect(b!.signature).toMatchObject({ scheme: 'bce', valid: true });
    expect(b!.headers['x-amz-target']).toBe('OvertureService.DescribeHostedConnections');
  });
});

describe('unknown names in the schema', () => {
  it.each([
    ['protocol', { protocol: 'restXml' }, 'unknown protocol "restXml" in the schema of directconnect (known: awsJson1_0, awsJson1_1, rest-json)'],
    ['signatureVersion', { signatureVersion: 'v2' }, 'unknown signatureVersion "v2" in the schema of directconnect (known: v4, bce-auth-v1)'],
    ['provider', { provider: 'gcp' }, 'unknown provider "gcp" in the schema of directconnect (known: aws, baidu)'],
    ['inherited name', { protocol: 'toString' }, 'unknown protocol "toString" in the schema of directconnect (known: awsJson1_0, awsJson1_1, rest-json)'],
  ])('%s → ConfigError naming it and the known ones', (_what, patch, message) => {
    const schema = { ...directConnect, ...patch } as unknown as ServiceSchema;
    let thrown: unknown;
    try {
      new RuntimeClient(schema, { region: 'us-east-1', credentials: creds, env: {} });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toBe(message);
  });
});

describe('the tables', () => {
  it('name exactly the protocols and signature versions the schema type allows', () => {
    expect(Object.keys(PROTOCOLS)).toEqual(['awsJson1_0', 'awsJson1_1', 'rest-json']);
    expect(Object.keys(SIGNERS)).toEqual(['v4', 'bce-auth-v1']);
    expect(Object.keys(PROVIDERS)).toEqual(['aws', 'baidu']);
  });

  it('each row is the runtime’s export of that name (what generated clients import)', () => {
    expect(PROTOCOLS).toEqual({ awsJson1_0, awsJson1_1, 'rest-json': bceRestJson });
    expect(PROTOCOLS.awsJson1_1).toBe(awsJson1_1);
    expect(SIGNERS.v4).toBe(sigV4);
    expect(SIGNERS['bce-auth-v1']).toBe(bceAuthV1);
  });

  it('protocol files import no signer (signing is the signer’s business)', () => {
    for (const file of ['aws-json.ts', 'bce-rest-json.ts']) {
      const src = readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8');
      const imports = [...src.matchAll(/from '\.\/([\w-]+)\.ts'/g)].map((m) => m[1]);
      expect(imports.filter((i) => ['sigv4', 'bce-auth', 'crypto', 'signers', 'client', 'config'].includes(i!)), file).toEqual([]);
    }
  });

  it('AWS JSON 1.0 and 1.1 differ only in the content type', () => {
    const [a, b] = (['awsJson1_0', 'awsJson1_1'] as const).map((p) =>
      PROTOCOLS[p].serializeRequest({ ...directConnect, protocol: p }, describeHostedConnections, { connectionId: 'x' }),
    );
    expect(a!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(b!.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect({ ...a, headers: { ...a!.headers, 'content-type': '' } }).toEqual({ ...b, headers: { ...b!.headers, 'content-type': '' } });
  });

  it('the request id comes from the provider’s headers, in order', async () => {
    server.enqueue(
      respond.json({}, 200, { 'x-amz-request-id': 'second', 'x-amzn-requestid': 'first' }),
      respond.json({}, 200, { 'x-amz-request-id': 'only-second' }),
      respond.json({ peerConns: [], isTruncated: false }, 200, { 'x-bce-request-id': 'bce-1', 'x-amzn-requestid': 'not-baidu' }),
    );
    const dx = new RuntimeClient(directConnect, { region: 'us-east-1', endpoint: server.url, credentials: creds, env: {} });
    expect((await dx.send(describeHostedConnections, {})).$metadata.requestId).toBe('first');
    expect((await dx.send(describeHostedConnections, {})).$metadata.requestId).toBe('only-second');
    const vpc = new RuntimeClient(bcc, { endpoint: server.url, credentials: creds, env: {} });
    expect((await vpc.send(listPeerconns, {})).$metadata.requestId).toBe('bce-1');
  });
});

describe('WireClient', () => {
  it('speaks the protocol and signer it is given, not the tables’ rows for the schema’s names', async () => {
    server.enqueue(respond.json({}), respond.json({ peerConns: [], isTruncated: false }));
    // The schema says awsJson1_1 and (by its provider) v4; the client is handed AWS JSON 1.0 and bce-auth-v1.
    const given = new WireClient(directConnect, { protocol: awsJson1_0, signatureScheme: bceAuthV1 }, { endpoint: server.url, credentials: creds, env: {} });
    await given.send(describeHostedConnections, { connectionId: 'x' });
    // The same for Baidu's REST protocol and signer, handed explicitly (as the generated baidu-vpc client does).
    await new WireClient(bcc, { protocol: bceRestJson, signatureScheme: bceAuthV1 }, { endpoint: server.url, credentials: creds, env: {} }).send(listPeerconns, {});
    const [a, b] = server.requests;
    expect(a!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(a!.signature).toMatchObject({ scheme: 'bce', valid: true });
    expect(b!.signature).toMatchObject({ scheme: 'bce', valid: true });
    expect(b!.method).toBe('GET');
  });
});
