/**
 * The two operations the client benchmark compares, ours against the official AWS SDK v3 client: what
 * each side imports, the input sent, and the canned response both get back (the same bytes).
 *
 * Plain data only: the benchmark's child processes (cold start, per-call) import this file too.
 *
 * @packageDocumentation
 */

/** One operation measured on both sides. */
export interface BenchCase {
  /** Short id used in file names and the report. */
  id: string;
  /** `Service Operation`, for the report. */
  title: string;
  /** Folder under `generated/`. */
  folder: string;
  /** Our package name and client class. */
  ours: { pkg: string; client: string; method: string; validator: string };
  /** The official package, client class and command class. */
  theirs: { pkg: string; client: string; command: string };
  /** IR operation name (for the JSON Schema). */
  operation: string;
  /** JSON protocol content type of the responses. */
  contentType: string;
  /** A valid input. */
  input: Record<string, unknown>;
  /** An invalid input (what the generated validator and ajv must both reject). */
  invalid: Record<string, unknown>;
  /** The canned response body both clients parse. */
  response: unknown;
}

/** Credentials the test server knows; never real ones. */
export const BENCH_CREDENTIALS = {
  accessKeyId: 'AKIDBENCHCLIENTS0001',
  secretAccessKey: 'bench/clients+secret000000000000000000001',
};

/** The operations of issue 9. */
export const CASES: BenchCase[] = [
  {
    id: 'directconnect',
    title: 'Direct Connect DescribeHostedConnections',
    folder: 'aws-directconnect',
    ours: {
      pkg: '@docsdk/aws-directconnect',
      client: 'DirectConnectClient',
      method: 'describeHostedConnections',
      validator: 'validateDescribeHostedConnectionsInput',
    },
    theirs: { pkg: '@aws-sdk/client-direct-connect', client: 'DirectConnectClient', command: 'DescribeHostedConnectionsCommand' },
    operation: 'DescribeHostedConnections',
    contentType: 'application/x-amz-json-1.1',
    input: { connectionId: 'dxlag-ffabc123' },
    invalid: { connectionId: 42 },
    response: {
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
        },
        { connectionId: 'dxcon-2', loaIssueTime: 1600000000, macSecCapable: false },
      ],
    },
  },
  {
    id: 'partnercentral',
    title: 'PartnerCentral GetConnection',
    folder: 'aws-partnercentral-account',
    ours: {
      pkg: '@docsdk/aws-partnercentral-account',
      client: 'PartnerCentralAccountAPIClient',
      method: 'getConnection',
      validator: 'validateGetConnectionInput',
    },
    theirs: { pkg: '@aws-sdk/client-partnercentral-account', client: 'PartnerCentralAccountClient', command: 'GetConnectionCommand' },
    operation: 'GetConnection',
    contentType: 'application/x-amz-json-1.0',
    input: { Catalog: 'AWS', Identifier: 'pac-0123456789abc' },
    invalid: { Catalog: 7 },
    response: {
      Arn: 'arn:aws:partnercentral:us-east-1::catalog/AWS/connection/pac-0123456789abc',
      Catalog: 'AWS',
      Id: 'pac-0123456789abc',
      OtherParticipantAccountId: '123456789012',
      UpdatedAt: '2025-05-01T12:34:56.789Z',
      ConnectionTypes: {
        OPPORTUNITY_COLLABORATION: {
          CreatedAt: '2025-01-02T03:04:05Z',
          InviterEmail: 'ann@example.com',
          InviterName: 'Ann',
          Status: 'ACTIVE',
          OtherParticipant: { PartnerProfile: { Id: 'pprofile-0123456789abc', Name: 'Partner' } },
        },
      },
    },
  },
];

/** A validator-only comparison (no official client involved): a nested input. */
export interface ValidatorCase {
  id: string;
  title: string;
  folder: string;
  operation: string;
  ours: { validator: string };
  input: Record<string, unknown>;
  invalid: Record<string, unknown>;
}

const peerconn = {
  bandwidthInMbps: 10,
  localVpcId: 'vpc-a1b2c3',
  peerVpcId: 'vpc-d4e5f6',
  peerRegion: 'bj',
  description: 'bench',
  billing: { paymentTiming: 'Prepaid', reservation: { reservationLength: 1, reservationTimeUnit: 'Month' } },
  tags: Array.from({ length: 10 }, (_, i) => ({ tagKey: `key-${i}`, tagValue: `value-${i}` })),
  deleteProtect: true,
};

/**
 * The two operations' inputs are flat (one or two strings); this one nests (a structure in a
 * structure, a list of ten structures), where a validator's calls per level start to count.
 */
export const VALIDATOR_CASES: ValidatorCase[] = [
  {
    id: 'baidu-vpc-createpeerconn',
    title: 'Baidu VPC CreatePeerconn input (nested: billing.reservation, 10 tags)',
    folder: 'baidu-vpc',
    operation: 'CreatePeerconn',
    ours: { validator: 'validateCreatePeerconnInput' },
    input: peerconn,
    invalid: { ...peerconn, bandwidthInMbps: '10', tags: [...peerconn.tags.slice(0, 9), { tagValue: 3 }] },
  },
];
