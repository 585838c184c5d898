/**
 * Interceptors, the logger and the raw response, on the 127.0.0.1 server that verifies SigV4 on its own:
 * hooks run in list order around serialize → sign → send → parse; a header added before signing is
 * signed (the signature still verifies); the raw response is on outputs, errors and `readAfterTransmit`;
 * the logger's lines carry no secret.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeClient, ServiceError, type ClientConfig, type Interceptor, type InterceptorContext } from '../src/index.ts';
import { describeHostedConnections, directConnect } from './fixtures/schemas.ts';
import { respond, TestServer } from './server.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789';
const creds = { accessKeyId: 'AKIDINTERCEPTORS0001', secretAccessKey: SECRET, sessionToken: TOKEN };
const noWait = { sleep: async () => undefined, random: () => 0.5 };
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ credentials: [creds] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function dx(config: ClientConfig = {}) {
  return new RuntimeClient(directConnect, { region: 'us-east-1', endpoint: server.url, credentials: creds, env: {}, retry: noWait, ...config });
}

/** An interceptor recording `tag:hook[:attempt]` for every hook it has. */
function recorder(tag: string, log: string[]): Interceptor {
  const at = (hook: string) => (c: InterceptorContext) => void log.push(`${tag}:${hook}${c.attempt ? `:${c.attempt}` : ''}`);
  return {
    readBeforeExecution: at('readBeforeExecution'),
    modifyBeforeSerialization: at('modifyBeforeSerialization'),
    modifyBeforeSigning: at('modifyBeforeSigning'),
    readBeforeTransmit: at('readBeforeTransmit'),
    readAfterTransmit: at('readAfterTransmit'),
    readAfterExecution: at('readAfterExecution'),
  };
}

describe('interceptors', () => {
  it('run in list order, per call and per attempt, around serialize → sign → send → parse', async () => {
    const log: string[] = [];
    server.enqueue(respond.serverError(), respond.json({ connections: [] }));
    await dx({ interceptors: [recorder('a', log), recorder('b', log)] }).send(describeHostedConnections, { connectionId: 'c' });
    expect(log).toEqual([
      'a:readBeforeExecution',
      'b:readBeforeExecution',
      'a:modifyBeforeSerialization',
      'b:modifyBeforeSerialization',
      'a:modifyBeforeSigning:1',
      'b:modifyBeforeSigning:1',
      'a:readBeforeTransmit:1',
      'b:readBeforeTransmit:1',
      'a:readAfterTransmit:1',
      'b:readAfterTransmit:1',
      'a:modifyBeforeSigning:2',
      'b:modifyBeforeSigning:2',
      'a:readBeforeTransmit:2',
      'b:readBeforeTransmit:2',
      'a:readAfterTransmit:2',
      'b:readAfterTransmit:2',
      'a:readAfterExecution:2',
      'b:readAfterExecution:2',
    ]);
  });

  it('a header added before signing is sent and signed: the server verifies the signature', async () => {
    const tracing: Interceptor = {
      modifyBeforeSigning: (c) => {
        c.request!.headers['x-trace-id'] = `trace-${c.attempt}`;
      },
    };
    let sent: Record<string, string> | undefined;
    const after: Interceptor = { readBeforeTransmit: (c) => void (sent = c.request!.headers) };
    await dx({ interceptors: [tracing, after] }).send(describeHostedConnections, { connectionId: 'c' });
    const r = server.requests[0]!;
    expect(r.headers['x-trace-id']).toBe('trace-1');
    expect(r.headers.authorization).toMatch(/SignedHeaders=[^,]*;x-trace-id(;|,)/);
    expect(r.signature.valid).toBe(true);
    // readBeforeTransmit sees the request as sent: the signature's headers too.
    expect(sent!['authorization']).toBe(r.headers.authorization);
    expect(sent!['x-amz-date']).toBe(r.headers['x-amz-date']);
  });

  it('modifyBeforeSerialization may replace the input (and it is validated as the caller’s would be)', async () => {
    const seen: unknown[] = [];
    const swap: Interceptor = { modifyBeforeSerialization: (c) => void (c.input = { connectionId: 'swapped' }) };
    await dx({ interceptors: [swap] }).send(describeHostedConnections, { connectionId: 'c' }, { validate: (v) => void seen.push(v) });
    expect(server.requests[0]!.json).toEqual({ connectionId: 'swapped' });
    expect(seen).toEqual([{ connectionId: 'swapped' }]);
  });

  it('time a call and read every raw response: status, headers, body of each attempt', async () => {
    const raw: { status: number; requestId: string | undefined; body: string }[] = [];
    let started = 0;
    let took = -1;
    let outcome: unknown;
    const clock = [1000, 1250];
    const timing: Interceptor = {
      readBeforeExecution: () => void (started = clock.shift()!),
      readAfterTransmit: (c) => void raw.push({ status: c.response!.statusCode, requestId: c.response!.headers['x-amzn-requestid'], body: c.response!.body }),
      readAfterExecution: (c) => {
        took = clock.shift()! - started;
        outcome = c.error ?? c.output;
      },
    };
    server.enqueue(respond.throttle({ 'x-amzn-requestid': 'r1' }), respond.json({ nextToken: 't' }, 200, { 'x-amzn-requestid': 'r2' }));
    const out = await dx({ interceptors: [timing] }).send(describeHostedConnections, { connectionId: 'c' });
    expect(raw).toEqual([
      { status: 429, requestId: 'r1', body: '{"__type":"ThrottlingException","code":"TooManyRequests","message":"Rate exceeded"}' },
      { status: 200, requestId: 'r2', body: '{"nextToken":"t"}' },
    ]);
    expect(took).toBe(250);
    expect(outcome).toBe(out);
  });

  it('readAfterExecution sees the error; a hook that throws fails the call with its error and is not retried', async () => {
    let seen: unknown;
    server.enqueue(respond.awsError('DirectConnectClientException', 'no such connection'));
    const e = await dx({ interceptors: [{ readAfterExecution: (c) => void (seen = c.error) }] })
      .send(describeHostedConnections, { connectionId: 'c' })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServiceError);
    expect(seen).toBe(e);
    server.reset();
    const boom = new Error('interceptor says no');
    const e2 = await dx({ interceptors: [{ readAfterTransmit: () => Promise.reject(boom) }] })
      .send(describeHostedConnections, { connectionId: 'c' })
      .catch((x: unknown) => x);
    expect(e2).toBe(boom);
    expect(server.requests).toHaveLength(1);
  });
});

describe('the raw response', () => {
  it('is $response on the output and on service errors (status, headers, body), not enumerable', async () => {
    server.enqueue(respond.json({ connections: [] }, 200, { 'x-amzn-requestid': 'req-ok', 'x-extra': 'yes' }));
    const out = await dx().send(describeHostedConnections, { connectionId: 'c' });
    expect(out.$response).toMatchObject({ statusCode: 200, body: '{"connections":[]}' });
    expect(out.$response!.headers).toMatchObject({ 'x-amzn-requestid': 'req-ok', 'x-extra': 'yes', 'content-type': 'application/json' });
    expect(Object.keys(out)).toEqual(['connections', '$metadata']);
    expect(JSON.stringify(out)).not.toContain('$response');

    server.enqueue(respond.awsError('DirectConnectClientException', 'nope'));
    const e = (await dx().send(describeHostedConnections, { connectionId: 'c' }).catch((x: unknown) => x)) as ServiceError;
    expect(e.$response).toMatchObject({ statusCode: 400, body: '{"__type":"DirectConnectClientException","message":"nope"}' });
    expect(e.$response!.headers['x-amzn-errortype']).toBe('DirectConnectClientException');
  });

  it('the node:http transport gives the same headers record', async () => {
    server.enqueue(respond.json({}, 200, { 'x-extra': 'node' }));
    const out = await dx({ transport: 'node-http' }).send(describeHostedConnections, { connectionId: 'c' });
    expect(out.$response!.headers['x-extra']).toBe('node');
  });
});

describe('logger', () => {
  it('debug lines for each attempt, retry and outcome; never a secret key, session token, signature or Authorization', async () => {
    const lines: unknown[][] = [];
    const logger = { debug: (...content: unknown[]) => void lines.push(content) };
    server.enqueue(respond.throttle(), respond.json({ connections: [] }));
    await dx({ logger }).send(describeHostedConnections, { connectionId: 'c' });
    const text = lines.map((l) => l.join(' '));
    expect(text).toEqual([
      `docsdk directconnect DescribeHostedConnections #1/3 POST ${server.url}/`,
      'docsdk directconnect DescribeHostedConnections #1 HTTP 429',
      'docsdk directconnect DescribeHostedConnections #1 ThrottlingException: retry in 250 ms, quota 495',
      `docsdk directconnect DescribeHostedConnections #2/3 POST ${server.url}/`,
      'docsdk directconnect DescribeHostedConnections #2 HTTP 200',
    ]);
    const all = text.join('\n');
    const signature = /Signature=([0-9a-f]{64})/.exec(server.requests[0]!.headers.authorization!)![1]!;
    for (const secret of [SECRET, TOKEN, signature, 'authorization', 'Authorization', 'AWS4-HMAC', creds.accessKeyId]) expect(all).not.toContain(secret);
  });

  it('says when an operation is sent unsigned, and accepts a logger without debug (console-like objects)', async () => {
    const lines: string[] = [];
    await dx({ logger: { debug: (l: unknown) => void lines.push(String(l)) } }).send({ ...describeHostedConnections, auth: 'none' }, { connectionId: 'c' });
    expect(lines[0]).toMatch(/#1\/3 POST .* unsigned$/);
    await expect(dx({ logger: { info: () => undefined } }).send(describeHostedConnections, { connectionId: 'c' })).resolves.toBeDefined();
  });
});
