/**
 * Generated paging methods end to end (issue 18): baidu-vpc's `paginateListPeerconnsItems` against the
 * 127.0.0.1 test server (bce-auth-v1 checked), following `nextMarker` while `isTruncated`, and a service
 * that sends back the marker it was sent — an error, not a silent stop. And a generated error class's
 * literal `name`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RepeatedTokenError } from '@docsdk/runtime';
import { respond, TestServer } from '../../runtime/test/server.ts';
import * as directconnect from '../../generated/aws-directconnect/src/index.ts';
import * as vpc from '../../generated/baidu-vpc/src/index.ts';

const bce = { accessKeyId: 'bceake2e00000000000000000000000002', secretAccessKey: 'bceske2e00000000000000000000000002' };
const aws = { accessKeyId: 'AKIDE2ETEST000000002', secretAccessKey: 'e2e/secret/key/0000000000000000000000002' };
let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ credentials: [bce, aws] });
});
afterAll(async () => server.close());
beforeEach(() => server.reset());

const client = () => new vpc.PeerConnClient({ region: 'bj', endpoint: server.url, credentials: bce });
const page = (ids: string[], more: { nextMarker: string } | undefined) =>
  respond.json({ peerConns: ids.map((peerConnId) => ({ peerConnId })), isTruncated: more !== undefined, ...(more ?? {}), maxKeys: 2 });

describe('baidu-vpc paginateListPeerconnsItems', () => {
  it('yields the peerConns of every page, sending each nextMarker as the next marker', async () => {
    server.enqueue(page(['p1', 'p2'], { nextMarker: 'm1' }), page(['p3'], undefined));
    const ids: (string | undefined)[] = [];
    for await (const p of client().paginateListPeerconnsItems({ vpcId: 'vpc-1', maxKeys: 2 })) ids.push(p.peerConnId);
    expect(ids).toEqual(['p1', 'p2', 'p3']);
    expect(server.requests.map((r) => r.query.marker)).toEqual([undefined, 'm1']);
    expect(server.requests.every((r) => r.signature.valid)).toBe(true);
  });

  it('a page that sends back the marker it was sent throws RepeatedTokenError after its items', async () => {
    server.enqueue(page(['p1'], { nextMarker: 'm1' }), page(['p2'], { nextMarker: 'm1' }));
    const ids: (string | undefined)[] = [];
    const run = async () => {
      for await (const p of client().paginateListPeerconnsItems({ vpcId: 'vpc-1' })) ids.push(p.peerConnId);
    };
    await expect(run()).rejects.toThrow(RepeatedTokenError);
    expect(ids).toEqual(['p1', 'p2']);
    expect(server.requests).toHaveLength(2);
  });
});

describe('generated error classes', () => {
  it('carry the code as a literal name, also when the class is constructed by the runtime', async () => {
    server.enqueue({ status: 400, body: { __type: 'DirectConnectClientException', message: 'bad' } });
    const dx = new directconnect.DirectConnectClient({ region: 'us-east-1', endpoint: server.url, credentials: aws });
    const e = await dx.describeHostedConnections({ connectionId: 'dxcon-1' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(directconnect.DirectConnectClientException);
    const name: 'DirectConnectClientException' = (e as directconnect.DirectConnectClientException).name;
    expect(name).toBe('DirectConnectClientException');
  });
});
