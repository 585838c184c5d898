/**
 * Paging over real HTTP (127.0.0.1): tokens of any value (DynamoDB's map-valued LastEvaluatedKey),
 * several tokens at once (S3-style KeyMarker/VersionIdMarker pairs), items at a path, and a page
 * that repeats its request's token — an error, as in the AWS SDKs, not a silent stop.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paginate, paginateItems, RepeatedTokenError, RuntimeClient, type OperationSchema, type ServiceSchema } from '../src/index.ts';
import { respond, TestServer } from './server.ts';

const aws = { accessKeyId: 'AKIDTESTPAGINATE0001', secretAccessKey: 'paginate-secret' };
let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ credentials: [aws] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const query: OperationSchema = {
  name: 'Query',
  input: 'QueryInput',
  output: 'QueryOutput',
  errors: [],
  paginator: { inputToken: 'ExclusiveStartKey', outputToken: 'LastEvaluatedKey', items: 'Items', limitKey: 'Limit' },
};
const versions: OperationSchema = {
  name: 'ListVersions',
  input: 'ListVersionsInput',
  output: 'ListVersionsOutput',
  errors: [],
  paginator: {
    inputToken: 'KeyMarker',
    outputToken: 'NextKeyMarker',
    inputTokens: ['KeyMarker', 'VersionIdMarker'],
    outputTokens: ['NextKeyMarker', 'NextVersionIdMarker'],
    items: 'Page.Versions',
  },
};
const schema: ServiceSchema = {
  id: 'dynamodb',
  provider: 'aws',
  protocol: 'awsJson1_0',
  targetPrefix: 'DynamoDB_20120810',
  endpoint: 'https://dynamodb.{region}.amazonaws.com',
  timestampFormat: 'epoch-seconds',
  shapes: {
    String: { type: 'string' },
    Integer: { type: 'integer' },
    AttributeValue: { type: 'structure', members: { S: { target: 'String' }, N: { target: 'String' } } },
    Key: { type: 'map', key: 'String', value: 'AttributeValue' },
    ItemList: { type: 'list', member: 'Key' },
    QueryInput: { type: 'structure', members: { TableName: { target: 'String' }, Limit: { target: 'Integer' }, ExclusiveStartKey: { target: 'Key' } } },
    QueryOutput: { type: 'structure', members: { Items: { target: 'ItemList' }, LastEvaluatedKey: { target: 'Key' } } },
    ListVersionsInput: { type: 'structure', members: { KeyMarker: { target: 'String' }, VersionIdMarker: { target: 'String' } } },
    VersionList: { type: 'list', member: 'String' },
    VersionPage: { type: 'structure', members: { Versions: { target: 'VersionList' } } },
    ListVersionsOutput: {
      type: 'structure',
      members: { Page: { target: 'VersionPage' }, NextKeyMarker: { target: 'String' }, NextVersionIdMarker: { target: 'String' } },
    },
  },
};
const client = () => new RuntimeClient(schema, { region: 'us-east-1', endpoint: server.url, credentials: aws, env: {} });
const bodies = () => server.requests.map((r) => r.json);

describe('paginate', () => {
  it('feeds a map-valued LastEvaluatedKey back as ExclusiveStartKey, and stops when a page has none', async () => {
    const key = { pk: { S: 'a' }, sk: { N: '1' } };
    server.enqueue(respond.json({ Items: [{ pk: { S: 'a' } }], LastEvaluatedKey: key }), respond.json({ Items: [{ pk: { S: 'b' } }] }));
    const items = [];
    for await (const item of paginateItems(client(), query, { TableName: 't', Limit: 1 })) items.push(item);
    expect(items).toEqual([{ pk: { S: 'a' } }, { pk: { S: 'b' } }]);
    expect(bodies()).toEqual([{ TableName: 't', Limit: 1 }, { TableName: 't', Limit: 1, ExclusiveStartKey: key }]);
  });

  it('a page returning the key it was sent is an error after that page (the AWS SDKs throw too)', async () => {
    const key = { pk: { S: 'a' } };
    server.enqueue(respond.json({ Items: [], LastEvaluatedKey: key }), respond.json({ Items: [], LastEvaluatedKey: { pk: { S: 'a' } } }));
    const pages: unknown[] = [];
    const e = await (async () => {
      for await (const page of paginate(client(), query, { TableName: 't' })) pages.push(page);
    })().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RepeatedTokenError);
    expect(e).toMatchObject({ name: 'RepeatedTokenError', operation: 'Query', page: 2 });
    expect(pages).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('a caller-given starting token repeated by the first page is an error too', async () => {
    server.enqueue(respond.json({ Items: [], LastEvaluatedKey: { pk: { S: 'x' } } }));
    const run = async () => {
      for await (const _ of paginate(client(), query, { TableName: 't', ExclusiveStartKey: { pk: { S: 'x' } } })) void _;
    };
    await expect(run()).rejects.toThrow(RepeatedTokenError);
  });

  it('several tokens travel together, paired by position; one a page leaves out is left out of the next request', async () => {
    server.enqueue(
      respond.json({ Page: { Versions: ['v1', 'v2'] }, NextKeyMarker: 'k2', NextVersionIdMarker: 'v2' }),
      respond.json({ Page: { Versions: ['v3'] }, NextKeyMarker: 'k3' }),
      respond.json({ Page: { Versions: ['v4'] } }),
    );
    const items = [];
    for await (const v of paginateItems<string>(client(), versions, {})) items.push(v);
    expect(items).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(bodies()).toEqual([{}, { KeyMarker: 'k2', VersionIdMarker: 'v2' }, { KeyMarker: 'k3' }]);
  });

  it('one of several tokens repeating is not a repeat: the pair differs', async () => {
    server.enqueue(
      respond.json({ Page: { Versions: [] }, NextKeyMarker: 'k', NextVersionIdMarker: 'v1' }),
      respond.json({ Page: { Versions: [] }, NextKeyMarker: 'k', NextVersionIdMarker: 'v2' }),
      respond.json({ Page: { Versions: [] } }),
    );
    let pages = 0;
    for await (const _ of paginate(client(), versions, {})) pages++;
    expect(pages).toBe(3);
  });
});
