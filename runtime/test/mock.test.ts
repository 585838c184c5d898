/**
 * `@docsdk/runtime/mock` through two generated packages' `mockClient` (issue 16 §6): every instance of
 * the class answers from handlers, with the real validation, serialisation and error paths, and no
 * network (the clients here have no endpoint, credentials or region of their own); the handler gets
 * the input as read back from the request; a thrown service error arrives as its generated class;
 * calls are recorded; an unmocked operation fails with a MockError.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { ValidationError } from '@docsdk/runtime';
import {
  DirectConnectClient,
  DirectConnectClientException,
  DirectConnectServerException,
  DirectConnectServiceError,
} from '../../generated/aws-directconnect/src/index.ts';
import { mockClient, MockError, serviceError } from '../../generated/aws-directconnect/src/mock.ts';
import { PeerConnClient } from '../../generated/baidu-vpc/src/index.ts';
import { mockClient as mockVpc } from '../../generated/baidu-vpc/src/mock.ts';

const realMethod = DirectConnectClient.prototype.describeHostedConnections;
let restore: Array<() => void> = [];
afterEach(() => {
  for (const r of restore) r();
  restore = [];
});

function mocked<M extends { restore(): void }>(mock: M): M {
  restore.push(() => mock.restore());
  return mock;
}

describe('mockClient (AWS JSON: directconnect)', () => {
  test('answers every instance from the handler, through serialisation both ways; records the input as sent', async () => {
    const mock = mocked(mockClient(DirectConnectClient)).on('describeHostedConnections', (input) => ({
      connections: [{ connectionId: input.connectionId, connectionName: 'mocked', loaIssueTime: new Date(1_700_000_000_000) }],
    }));
    // An instance the code under test makes, before or after mocking, with options the mock ignores.
    const client = new DirectConnectClient({ region: 'eu-west-1', env: {} });
    const out = await client.describeHostedConnections({ connectionId: 'dxcon-1' });
    expect(out.connections).toEqual([{ connectionId: 'dxcon-1', connectionName: 'mocked', loaIssueTime: new Date(1_700_000_000_000) }]);
    expect(out.connections![0]!.loaIssueTime).toBeInstanceOf(Date);
    expect(out.$metadata).toEqual({ httpStatusCode: 200, requestId: 'mock-1', attempts: 1 });
    await new DirectConnectClient().describeHostedConnections({ connectionId: 'dxcon-2' });
    expect(mock.calls('describeHostedConnections')).toEqual([{ connectionId: 'dxcon-1' }, { connectionId: 'dxcon-2' }]);
    expect(mock.calls()).toEqual([
      { operation: 'describeHostedConnections', input: { connectionId: 'dxcon-1' } },
      { operation: 'describeHostedConnections', input: { connectionId: 'dxcon-2' } },
    ]);
  });

  test('a bad input is a ValidationError before anything reaches the mock', async () => {
    const mock = mocked(mockClient(DirectConnectClient)).on('describeHostedConnections', () => ({}));
    const error = await new DirectConnectClient().describeHostedConnections({ connectionId: 7 } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([{ path: 'connectionId', message: 'expected string' }]);
    expect(mock.calls()).toEqual([]);
  });

  test('a handler output that does not match the documented shape fails as a response would', async () => {
    mocked(mockClient(DirectConnectClient)).on('describeHostedConnections', () => ({ connections: [{ connectionId: 5 }] }) as never);
    const error = await new DirectConnectClient().describeHostedConnections({ connectionId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([{ path: 'connections[0].connectionId', message: 'expected string' }]);
  });

  test('a service error thrown by the handler arrives as its generated class, through the error parser', async () => {
    mocked(mockClient(DirectConnectClient))
      .on('describeHostedConnections', () => {
        throw serviceError(DirectConnectClientException, 'no such connection', { fields: { reason: 'gone' } });
      });
    const error = await new DirectConnectClient().describeHostedConnections({ connectionId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DirectConnectClientException);
    expect(error).toBeInstanceOf(DirectConnectServiceError);
    expect(error).toMatchObject({
      name: 'DirectConnectClientException',
      code: 'DirectConnectClientException',
      message: 'no such connection',
      reason: 'gone',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'mock-error', attempts: 1 },
    });
    // A 5xx is not retried by the mock's client: it arrives at once, after one attempt.
    mocked(mockClient(DirectConnectClient)).on('describeHostedConnections', () => {
      throw serviceError(DirectConnectServerException, 'down', { status: 503 });
    });
    const server = await new DirectConnectClient().describeHostedConnections({ connectionId: 'x' }).catch((e: unknown) => e);
    expect(server).toBeInstanceOf(DirectConnectServerException);
    expect(server).toMatchObject({ $fault: 'server', $metadata: { httpStatusCode: 503, attempts: 1 } });
  });

  test('any other error a handler throws rejects the call as it is', async () => {
    const boom = new RangeError('handler bug');
    mocked(mockClient(DirectConnectClient)).on('describeHostedConnections', () => {
      throw boom;
    });
    await expect(new DirectConnectClient().describeHostedConnections({ connectionId: 'x' })).rejects.toBe(boom);
  });

  test('an operation without a handler fails with a MockError naming it; restore() puts the methods back', async () => {
    const mock = mocked(mockClient(DirectConnectClient));
    const error = await new DirectConnectClient().describeHostedConnections({ connectionId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockError);
    expect((error as Error).message).toBe(
      "DirectConnectClient.describeHostedConnections is not mocked: give it a handler with .on('describeHostedConnections', (input) => output)",
    );
    expect(() => mock.on('describeNothing' as never, () => ({}))).toThrow('DirectConnectClient has no operation "describeNothing"');
    expect(DirectConnectClient.prototype.describeHostedConnections).not.toBe(realMethod);
    mock.restore();
    expect(DirectConnectClient.prototype.describeHostedConnections).toBe(realMethod);
  });
});

describe('mockClient (Baidu REST: vpc)', () => {
  test('path, query, marker and body members are read back from the request; paginators run on the mock', async () => {
    const mock = mocked(mockVpc(PeerConnClient))
      .on('getPeerconn', (input) => ({ peerConnId: input.peerConnId, bandwidthInMbps: 10 }))
      .on('handlePeerconn', () => {})
      .on('updatePeerconn', () => {})
      .on('listPeerconns', (input) =>
        input.marker === undefined
          ? { peerConns: [{ peerConnId: 'a' }], isTruncated: true, nextMarker: 'm2' }
          : { peerConns: [{ peerConnId: 'b' }], isTruncated: false },
      );
    const client = new PeerConnClient();
    expect(await client.getPeerconn({ peerConnId: 'peer conn/1' })).toMatchObject({ peerConnId: 'peer conn/1', bandwidthInMbps: 10 });
    await client.handlePeerconn({ peerConnId: 'p1', action: 'accept', clientToken: 'tok' });
    await client.updatePeerconn({ peerConnId: 'p1', localIfId: 'if-1', description: 'new' });
    const pages = [];
    for await (const page of client.paginateListPeerconns({ vpcId: 'vpc-1', maxKeys: 1 })) pages.push(page.peerConns);
    expect(pages).toEqual([[{ peerConnId: 'a' }], [{ peerConnId: 'b' }]]);
    expect(mock.calls()).toEqual([
      { operation: 'getPeerconn', input: { peerConnId: 'peer conn/1' } },
      { operation: 'handlePeerconn', input: { peerConnId: 'p1', action: 'accept', clientToken: 'tok' } },
      { operation: 'updatePeerconn', input: { peerConnId: 'p1', localIfId: 'if-1', description: 'new', clientToken: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
      { operation: 'listPeerconns', input: { vpcId: 'vpc-1', maxKeys: 1 } },
      { operation: 'listPeerconns', input: { vpcId: 'vpc-1', maxKeys: 1, marker: 'm2' } },
    ]);
  });

  test('an unmocked operation fails inside a paginator too', async () => {
    mocked(mockVpc(PeerConnClient));
    const run = async () => {
      for await (const _ of new PeerConnClient().paginateListPeerconns({ vpcId: 'v' })) void _;
    };
    await expect(run()).rejects.toThrow(new MockError("PeerConnClient.listPeerconns is not mocked: give it a handler with .on('listPeerconns', (input) => output)"));
  });
});
