/**
 * Every seed operation, called end to end through its generated client against the 127.0.0.1
 * test server, which checks SigV4 and bce-auth-v1 signatures independently: the request carries
 * the documented target or HTTP binding and the input on the wire; the canned response comes
 * back typed (timestamps as Dates, blobs as bytes); documented errors become their generated
 * classes; retries, aborts and malformed responses behave.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, ResponseParseError, ServiceError } from '@docsdk/runtime';
import type { Service } from '../../generator/ir/model.ts';
import { camelCase } from '../../generator/emit/names.ts';
import { respond, TestServer } from '../../runtime/test/server.ts';
import * as directconnect from '../../generated/aws-directconnect/src/index.ts';
import * as odb from '../../generated/aws-odb/src/index.ts';
import * as partnercentral from '../../generated/aws-partnercentral-account/src/index.ts';
import * as vpc from '../../generated/baidu-vpc/src/index.ts';
import { sampleInput, sampleOutput, sampleWire } from './samples.ts';

const aws = { accessKeyId: 'AKIDE2ETEST000000001', secretAccessKey: 'e2e/secret/key/0000000000000000000000000' };
const bce = { accessKeyId: 'bceake2e00000000000000000000000001', secretAccessKey: 'bceske2e00000000000000000000000001' };
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ credentials: [aws, bce] });
});
afterAll(async () => server.close());
beforeEach(() => server.reset());

function irOf(pkg: string): Service {
  return (JSON.parse(readFileSync(`generated/${pkg}/ir.json`, 'utf8')) as { services: Service[] }).services[0]!;
}

type AnyClient = Record<string, (input: unknown, options?: { signal?: AbortSignal }) => Promise<Record<string, unknown>>>;

const packages = [
  { pkg: 'aws-directconnect', make: () => new directconnect.DirectConnectClient(config(aws)) },
  { pkg: 'aws-odb', make: () => new odb.OdbClient(config(aws)) },
  { pkg: 'aws-partnercentral-account', make: () => new partnercentral.PartnerCentralAccountAPIClient(config(aws)) },
  { pkg: 'baidu-vpc', make: () => new vpc.PeerConnClient(config(bce)) },
];

function config(credentials: typeof aws) {
  return { region: credentials === bce ? 'bj' : 'us-east-1', endpoint: server.url, credentials, retry: { baseDelayMs: 1 } };
}

/** Strips what the client adds to every output, to compare with the canned response. */
function withoutMetadata(out: Record<string, unknown>): Record<string, unknown> {
  const { $metadata: _, ...rest } = out;
  return rest;
}

for (const { pkg, make } of packages) {
  const service = irOf(pkg);
  describe(`${pkg}: every operation over the wire`, () => {
    it.each(service.operations.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
      const client = make() as unknown as AnyClient;
      const input = sampleInput(service, op.input);
      server.enqueue(respond.json(sampleWire(service, op.output)));
      const out = await client[camelCase(op.name)]!(input);
      expect(server.requests).toHaveLength(1);
      const request = server.requests[0]!;
      expect(request.signature.valid).toBe(true);
      if (service.provider === 'aws') {
        expect(request.method).toBe('POST');
        expect(request.path).toBe('/');
        expect(request.headers['x-amz-target']).toBe(`${service.wire!.targetPrefix}.${op.name}`);
        expect(request.headers['content-type']).toBe(
          service.wire!.protocol === 'awsJson1_0' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1',
        );
        expect(request.json).toEqual(sampleWire(service, op.input));
      } else {
        expect(request.method).toBe(op.http!.method);
        const inPath = Object.entries(op.http!.members ?? {}).filter(([, l]) => l.location === 'path');
        let expectedPath = op.http!.uri;
        for (const [member] of inPath) expectedPath = expectedPath.replace(`{${member}}`, String(input[member]));
        expect(request.path).toBe(expectedPath);
        for (const marker of op.http!.queryMarkers ?? []) expect(request.query[marker]).toBeNull();
      }
      expect(withoutMetadata(out)).toEqual(sampleOutput(service, op.output));
      expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    });
  });
}

describe('generated clients: errors, retries, aborts', () => {
  const getConnection = { Catalog: 'AWS', Identifier: 'conn-1' };

  it('maps a documented error code to its generated class, an unknown one to the service base class', async () => {
    const client = new partnercentral.PartnerCentralAccountAPIClient(config(aws));
    server.enqueue(respond.awsError('ResourceNotFoundException', 'no such connection', 404));
    const error = await client.getConnection(getConnection).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(partnercentral.ResourceNotFoundException);
    expect(error).toBeInstanceOf(partnercentral.PartnerCentralAccountAPIServiceError);
    expect((error as ServiceError).message).toBe('no such connection');
    expect((error as ServiceError).$metadata).toMatchObject({ httpStatusCode: 404, requestId: 'req-ResourceNotFoundException' });
    server.enqueue(respond.awsError('SomethingNewException', 'new', 400));
    const unknown = await client.getConnection(getConnection).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(partnercentral.PartnerCentralAccountAPIServiceError);
    expect(unknown).not.toBeInstanceOf(partnercentral.ResourceNotFoundException);
    expect((unknown as ServiceError).code).toBe('SomethingNewException');
  });

  it('retries 429 and 500, re-signing each attempt, then succeeds', async () => {
    const client = new directconnect.DirectConnectClient(config(aws));
    server.enqueue(respond.throttle(), respond.serverError(), respond.json({ connections: [] }));
    const out = await client.describeHostedConnections({ connectionId: 'dxcon-1' });
    expect(out.connections).toEqual([]);
    expect(out.$metadata.attempts).toBe(3);
    expect(server.requests.map((r) => r.signature.valid)).toEqual([true, true, true]);
  });

  it('a Baidu error body becomes a typed error with its code and request id, not retried on 4xx', async () => {
    const client = new vpc.PeerConnClient(config(bce));
    server.enqueue(respond.bceError('NoSuchObject', 'peerconn not found', 404));
    const error = await client.getPeerconn({ peerConnId: 'peerconn-404' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'NoSuchObject', message: 'peerconn not found' });
    expect((error as ServiceError).$metadata).toMatchObject({ httpStatusCode: 404, requestId: 'bce-req-NoSuchObject', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('malformed JSON in a response is a typed error, not a crash', async () => {
    const client = new directconnect.DirectConnectClient({ ...config(aws), maxAttempts: 1 });
    server.enqueue(respond.malformed());
    await expect(client.describeHostedConnections({ connectionId: 'dxcon-1' })).rejects.toBeInstanceOf(ResponseParseError);
  });

  it('an AbortSignal stops a hung call', async () => {
    const client = new odb.OdbClient(config(aws));
    server.enqueue(respond.hang());
    const controller = new AbortController();
    const call = client.getOdbPeeringConnection({ odbPeeringConnectionId: 'odbpcx-1' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toBeInstanceOf(AbortError);
  });

  it('an unknown union member comes back as SDK_UNKNOWN_MEMBER with its name and raw value', async () => {
    const client = new partnercentral.PartnerCentralAccountAPIClient(config(aws));
    server.enqueue(
      respond.json({ Catalog: 'AWS', ConnectionTypes: { t1: { Status: 'ACTIVE', OtherParticipant: { BrandNewProfile: { Id: 'x' } } } } }),
    );
    const out = await client.getConnection(getConnection);
    expect(out.ConnectionTypes?.t1?.OtherParticipant).toEqual({ SDK_UNKNOWN_MEMBER: { name: 'BrandNewProfile', value: { Id: 'x' } } });
  });
});
