import { DescribeHostedConnectionsCommand, DirectConnectClient } from '@aws-sdk/client-direct-connect';
import { GetConnectionCommand, PartnerCentralAccountClient } from '@aws-sdk/client-partnercentral-account';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeClient } from '../src/index.ts';
import { describeHostedConnections, directConnect, getConnection, partnerCentral } from './fixtures/schemas.ts';
import { respond, TestServer } from './server.ts';

const creds = { accessKeyId: 'AKIDSIDEBYSIDE000001', secretAccessKey: 'side/by+side/secret0000000000000000000001' };
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ credentials: [creds] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

// Equal up to `$metadata` and the unknown-union spelling (`$unknown: [name, value]` there).
function normalise(v: unknown): unknown {
  if (v instanceof Date || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '$metadata' || x === undefined) continue;
      // The AWS SDK keeps an unknown member as [name, raw value]; docsdk as { name, value }.
      if (k === '$unknown') out.SDK_UNKNOWN_MEMBER = { name: (x as [string, unknown])[0], value: (x as [string, unknown])[1] };
      else out[k] = normalise(x);
    }
    return out;
  }
  return v;
}

const official = { region: 'us-east-1', endpoint: '', credentials: creds, maxAttempts: 1 };

describe('side by side with @aws-sdk/client-partnercentral-account: GetConnection (awsJson1_0, ISO-8601)', () => {
  const input = { Catalog: 'AWS', Identifier: 'pac-0123456789abc' };
  const canned = {
    Arn: 'arn:aws:partnercentral:us-east-1::catalog/AWS/connection/pac-0123456789abc',
    Catalog: 'AWS',
    Id: 'pac-0123456789abc',
    OtherParticipantAccountId: '123456789012',
    UpdatedAt: '2025-05-01T12:34:56.789Z',
    NotInTheModel: { x: 1 },
    ConnectionTypes: {
      OPPORTUNITY_COLLABORATION: {
        CreatedAt: '2025-01-02T03:04:05Z',
        InviterEmail: 'ann@example.com',
        InviterName: 'Ann',
        Status: 'ACTIVE',
        OtherParticipant: { PartnerProfile: { Id: 'pprofile-0123456789abc', Name: 'Partner' } },
      },
      SUBSIDIARY: {
        CreatedAt: '2024-12-31T23:59:59.5Z',
        CanceledAt: '2025-02-03T04:05:06Z',
        InviterEmail: 'bob@example.com',
        InviterName: 'Bob',
        Status: 'CANCELED',
        OtherParticipant: { FutureProfile: { Id: 'x' } },
      },
    },
  };

  it('sends the same signed request and returns the same output', async () => {
    server.enqueue(respond.json(canned, 200, { 'x-amzn-requestid': 'rid-ours' }), respond.json(canned));
    const ours = new RuntimeClient(partnerCentral, { region: 'us-east-1', endpoint: server.url, credentials: creds });
    const theirs = new PartnerCentralAccountClient({ ...official, endpoint: server.url });

    const a = await ours.send(getConnection, input);
    const b = await theirs.send(new GetConnectionCommand(input));

    const [ra, rb] = server.requests;
    expect(ra!.signature).toMatchObject({ scheme: 'aws4', valid: true });
    expect(rb!.signature).toMatchObject({ scheme: 'aws4', valid: true });
    expect(ra!.headers['x-amz-target']).toBe('PartnerCentralAccount.GetConnection');
    expect(rb!.headers['x-amz-target']).toBe(ra!.headers['x-amz-target']);
    expect(ra!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(rb!.headers['content-type']).toBe(ra!.headers['content-type']);
    expect(ra!.method).toBe('POST');
    expect(ra!.path).toBe('/');
    expect(ra!.json).toEqual(rb!.json);
    expect(ra!.json).toEqual(input);
    // Both scope the signature to the same service and region.
    const scope = (auth: string) => /Credential=[^/]+\/\d{8}\/([^,]+),/.exec(auth)![1];
    expect(scope(ra!.headers.authorization!)).toBe('us-east-1/partnercentral-account/aws4_request');
    expect(scope(rb!.headers.authorization!)).toBe(scope(ra!.headers.authorization!));

    expect(normalise(a)).toEqual(normalise(b));
    // And the specific facts, so equal-but-wrong outputs cannot pass.
    expect(a.UpdatedAt).toEqual(new Date('2025-05-01T12:34:56.789Z'));
    const types = a.ConnectionTypes as Record<string, Record<string, unknown>>;
    expect(types.SUBSIDIARY!.OtherParticipant).toEqual({ SDK_UNKNOWN_MEMBER: { name: 'FutureProfile', value: { Id: 'x' } } });
    expect(types.OPPORTUNITY_COLLABORATION!.OtherParticipant).toEqual({ PartnerProfile: { Id: 'pprofile-0123456789abc', Name: 'Partner' } });
    expect(types.SUBSIDIARY!.CreatedAt).toEqual(new Date('2024-12-31T23:59:59.500Z'));
    expect(a).not.toHaveProperty('NotInTheModel');
    expect(a.$metadata).toEqual({ httpStatusCode: 200, requestId: 'rid-ours', attempts: 1 });
  });

  it('maps the same error code to the same class name and message', async () => {
    server.enqueue(
      respond.awsError('aws.partnercentral#ResourceNotFoundException:http://internal/', 'no such connection', 404),
      respond.awsError('aws.partnercentral#ResourceNotFoundException:http://internal/', 'no such connection', 404),
    );
    class ResourceNotFoundException extends (await import('../src/index.ts')).ServiceError {}
    const ours = new RuntimeClient(
      partnerCentral,
      { region: 'us-east-1', endpoint: server.url, credentials: creds },
      { base: (await import('../src/index.ts')).ServiceError, byCode: { ResourceNotFoundException } },
    );
    const theirs = new PartnerCentralAccountClient({ ...official, endpoint: server.url });
    const ea = await ours.send(getConnection, input).catch((e: unknown) => e);
    const eb = (await theirs.send(new GetConnectionCommand(input)).catch((e: unknown) => e)) as Error & { $metadata: { httpStatusCode: number } };
    expect(ea).toBeInstanceOf(ResourceNotFoundException);
    expect((ea as Error).name).toBe('ResourceNotFoundException');
    expect((ea as Error).name).toBe(eb.name);
    expect((ea as Error).message).toBe(eb.message);
    expect((ea as ResourceNotFoundException).$metadata).toEqual({ httpStatusCode: 404, requestId: 'req-aws.partnercentral#ResourceNotFoundException:http://internal/', attempts: 1 });
    expect(eb.$metadata.httpStatusCode).toBe(404);
  });
});

describe('side by side with @aws-sdk/client-direct-connect: DescribeHostedConnections (awsJson1_1, epoch seconds)', () => {
  const input = { connectionId: 'dxlag-ffabc123', maxResults: 10, nextToken: 'page-2' };
  const canned = {
    connections: [
      {
        ownerAccount: '123456789012',
        connectionId: 'dxcon-fg5678gh',
        connectionName: 'hosted-1',
        connectionState: 'available',
        region: 'us-east-1',
        location: 'EqDC2',
        bandwidth: '500Mbps',
        vlan: 101,
        partnerName: 'Partner',
        loaIssueTime: 1700000000.25,
        jumboFrameCapable: true,
        hasLogicalRedundancy: 'no',
        tags: [{ key: 'env', value: 'prod' }, { key: 'empty' }],
        macSecKeys: [{ secretARN: 'arn:aws:secretsmanager:us-east-1:1:secret:x', ckn: 'abc', state: 'associated', startOn: '2024-01-01' }],
        rateLimiterStatus: { inUse: 1 },
      },
      { connectionId: 'dxcon-2', loaIssueTime: 1600000000, macSecCapable: false },
    ],
    nextToken: 'page-3',
  };

  it('sends the same signed request and returns the same output', async () => {
    server.enqueue(respond.json(canned), respond.json(canned));
    const ours = new RuntimeClient(directConnect, { region: 'eu-west-1', endpoint: server.url, credentials: creds });
    const theirs = new DirectConnectClient({ ...official, region: 'eu-west-1', endpoint: server.url });

    const a = await ours.send(describeHostedConnections, input);
    const b = await theirs.send(new DescribeHostedConnectionsCommand(input));

    const [ra, rb] = server.requests;
    expect(ra!.signature).toMatchObject({ scheme: 'aws4', valid: true });
    expect(rb!.signature).toMatchObject({ scheme: 'aws4', valid: true });
    expect(ra!.headers['x-amz-target']).toBe('OvertureService.DescribeHostedConnections');
    expect(rb!.headers['x-amz-target']).toBe(ra!.headers['x-amz-target']);
    expect(ra!.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(rb!.headers['content-type']).toBe(ra!.headers['content-type']);
    expect(ra!.json).toEqual(rb!.json);
    expect(ra!.json).toEqual(input);

    expect(normalise(a)).toEqual(normalise(b));
    const conns = a.connections as Record<string, unknown>[];
    expect(conns[0]!.loaIssueTime).toEqual(new Date(1700000000250));
    expect(conns[0]!.tags).toEqual([{ key: 'env', value: 'prod' }, { key: 'empty' }]);
    expect(conns[0]).not.toHaveProperty('rateLimiterStatus');
    expect(conns[1]!.loaIssueTime).toEqual(new Date(1600000000000));
    expect(a.nextToken).toBe('page-3');
  });

  it('a tampered body fails the server check (the signature check can fail)', async () => {
    const ours = new RuntimeClient(directConnect, {
      region: 'eu-west-1',
      endpoint: server.url,
      credentials: creds,
      maxAttempts: 1,
      fetch: (url, init) => globalThis.fetch(url, { ...init, body: String(init?.body).replace('dxlag', 'dxcon') }),
    });
    const e = await ours.send(describeHostedConnections, input).catch((x: unknown) => x);
    expect(server.requests[0]!.signature).toMatchObject({ scheme: 'aws4', valid: false, reason: 'signature mismatch' });
    expect((e as Error).name).toBe('InvalidSignatureException');
  });
});
