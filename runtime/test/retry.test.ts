/**
 * Standard retry mode as the AWS SDKs specify it (botocore `retries/standard.py` and `quota.py`, the
 * AWS SDK for JavaScript v3's `StandardRetryStrategy`): the retry quota (500 tokens, a retry 5, a
 * timeout retry 10, a success gives back its last retry's cost or 1), the backoff bases (100 ms,
 * throttling 500 ms), and clock-skew correction from a skew error's `Date`, then one re-signed retry.
 * On the 127.0.0.1 server that verifies SigV4; sleeps and random draws injected, no clock read.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError, RetryQuota, RuntimeClient, ServiceError, TimeoutError, type ClientConfig } from '../src/index.ts';
import { retryKind, skewCorrection } from '../src/retry.ts';
import { describeHostedConnections, directConnect } from './fixtures/schemas.ts';
import { respond, TestServer } from './server.ts';

const creds = { accessKeyId: 'AKIDRETRYTEST0000001', secretAccessKey: 'retry/secret/key/00000000000000000000000' };
const input = { connectionId: 'c' };
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ credentials: [creds] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function client(config: ClientConfig = {}, url = server.url) {
  const sleeps: number[] = [];
  const c = new RuntimeClient(directConnect, {
    region: 'us-east-1',
    endpoint: url,
    credentials: creds,
    env: {},
    ...config,
    retry: { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5, ...config.retry },
  });
  return { c, sleeps };
}
const meta = (status: number) => ({ $metadata: { httpStatusCode: status, attempts: 1 } });

describe('RetryQuota', () => {
  it('500 tokens; a retry takes 5, a timeout retry 10; none when the bucket cannot pay', () => {
    const q = new RetryQuota();
    expect(q.available).toBe(500);
    expect(q.acquire('transient')).toBe(5);
    expect(q.acquire('throttling')).toBe(5);
    expect(q.acquire('timeout')).toBe(10);
    expect(q.available).toBe(480);
    const small = new RetryQuota(12);
    expect(small.acquire('timeout')).toBe(10);
    expect(small.acquire('timeout')).toBe(0); // 2 left: not enough, nothing taken
    expect(small.acquire('transient')).toBe(0);
    expect(small.available).toBe(2);
  });

  it('a success gives back its last retry’s cost, or 1 when it was not retried; never above the capacity', () => {
    const q = new RetryQuota();
    q.acquire('timeout');
    q.acquire('transient');
    expect(q.available).toBe(485);
    q.release(10);
    expect(q.available).toBe(495);
    q.release(0);
    expect(q.available).toBe(496);
    q.release(5);
    q.release(0);
    expect(q.available).toBe(500);
  });

  it('classifies failures: throttling (429 or a throttling code), timeout, transient (5xx, network), else none', () => {
    const err = (code: string, status: number) => new ServiceError({ code, message: '', ...meta(status) });
    expect(retryKind(err('ThrottlingException', 400))).toBe('throttling');
    expect(retryKind(err('Whatever', 429))).toBe('throttling');
    expect(retryKind(err('InternalServerException', 500))).toBe('transient');
    expect(retryKind(err('RequestTimeout', 400))).toBe('transient');
    expect(retryKind(new TimeoutError('t', { attempts: 1 }))).toBe('timeout');
    expect(retryKind(new NetworkError('n', { attempts: 1 }))).toBe('transient');
    expect(retryKind(err('ValidationException', 400))).toBeUndefined();
    expect(retryKind(new Error('x'))).toBeUndefined();
  });
});

describe('retry quota of a client, on the server', () => {
  it('exhausted: calls stop retrying (one attempt each) until successes refill it', async () => {
    // 12 tokens: two retries (5 each), then 2 left, which no retry can pay.
    const quota = new RetryQuota(12);
    const { c, sleeps } = client({ retry: { quota } });
    server.enqueue(respond.serverError(), respond.serverError(), respond.serverError());
    const e1 = (await c.send(describeHostedConnections, input).catch((x: unknown) => x)) as ServiceError;
    expect(e1.$metadata.attempts).toBe(3);
    expect(quota.available).toBe(2);
    server.enqueue(respond.serverError(), respond.json({}));
    const e2 = (await c.send(describeHostedConnections, input).catch((x: unknown) => x)) as ServiceError;
    expect(e2.code).toBe('InternalServerException');
    expect(e2.$metadata.attempts).toBe(1); // not retried: the quota is exhausted
    expect(server.requests).toHaveLength(4);
    expect(sleeps).toHaveLength(2);
    // The queued 200 answers a call not retried: +1 per success, up to 5 for the next retry.
    for (let i = 0; i < 3; i++) await c.send(describeHostedConnections, input);
    expect(quota.available).toBe(5);
    server.enqueue(respond.serverError(), respond.json({ nextToken: 'back' }));
    const out = await c.send(describeHostedConnections, input);
    expect(out.$metadata.attempts).toBe(2);
    // It took 5 for its retry and, succeeding, gave those 5 back.
    expect(quota.available).toBe(5);
  });

  it('a failing call gives nothing back; one quota shared by two clients is drawn by both', async () => {
    const quota = new RetryQuota(500);
    const a = client({ retry: { quota } }).c;
    const b = client({ retry: { quota } }).c;
    server.enqueue(respond.throttle(), respond.throttle(), respond.throttle());
    await a.send(describeHostedConnections, input).catch(() => undefined);
    server.enqueue(respond.serverError(), respond.json({}));
    await b.send(describeHostedConnections, input);
    // a: two retries (10), nothing back; b: one retry (5), given back on success.
    expect(quota.available).toBe(490);
  });

  it('by default each client has its own 500-token quota: 100 retries, then none', async () => {
    const { c } = client({ maxAttempts: 2 });
    server.enqueue(...Array.from({ length: 202 }, () => respond.serverError()));
    const attempts: number[] = [];
    for (let i = 0; i < 101; i++) attempts.push(((await c.send(describeHostedConnections, input).catch((x: unknown) => x)) as ServiceError).$metadata.attempts);
    expect(attempts.slice(0, 100).every((n) => n === 2)).toBe(true);
    expect(attempts[100]).toBe(1);
  });
});

describe('backoff bases', () => {
  it('500 ms after throttling, 100 ms after other retryable errors (random 0.5: half of base × 2^n)', async () => {
    const { c, sleeps } = client({ maxAttempts: 4 });
    server.enqueue(respond.serverError(), respond.throttle(), respond.serverError(), respond.json({}));
    await c.send(describeHostedConnections, input);
    expect(sleeps).toEqual([50, 500, 200]);
  });

  it('throttlingBaseDelayMs and baseDelayMs tune them', async () => {
    const { c, sleeps } = client({ retry: { baseDelayMs: 10, throttlingBaseDelayMs: 40 } });
    server.enqueue(respond.throttle(), respond.serverError(), respond.json({}));
    await c.send(describeHostedConnections, input);
    expect(sleeps).toEqual([20, 10]);
  });
});

describe('clock skew', () => {
  const TWENTY_MINUTES = 20 * 60_000;

  it('skewCorrection: a skew code and a Date 5 minutes or more away from the corrected clock', () => {
    const now = Date.parse('2026-12-02T06:00:00Z');
    const skewed = new ServiceError({ code: 'RequestTimeTooSkewed', message: '', ...meta(403) });
    expect(skewCorrection(skewed, 'Wed, 02 Dec 2026 06:20:00 GMT', now, 0)).toBe(TWENTY_MINUTES);
    expect(skewCorrection(skewed, 'Wed, 02 Dec 2026 05:40:00 GMT', now, 0)).toBe(-TWENTY_MINUTES);
    expect(skewCorrection(skewed, 'Wed, 02 Dec 2026 06:04:59 GMT', now, 0)).toBeUndefined();
    expect(skewCorrection(skewed, 'Wed, 02 Dec 2026 06:20:00 GMT', now, TWENTY_MINUTES)).toBeUndefined(); // already corrected
    expect(skewCorrection(skewed, 'not a date', now, 0)).toBeUndefined();
    expect(skewCorrection(skewed, null, now, 0)).toBeUndefined();
    const other = new ServiceError({ code: 'ValidationException', message: '', ...meta(400) });
    expect(skewCorrection(other, 'Wed, 02 Dec 2026 06:20:00 GMT', now, 0)).toBeUndefined();
  });

  it('a server 20 minutes ahead: the first attempt is refused, the client corrects its clock from Date, the re-signed retry succeeds, later calls are right at once', async () => {
    const ahead = await TestServer.start({ credentials: [creds], clockOffsetMs: TWENTY_MINUTES });
    try {
      const lines: string[] = [];
      const { c } = client({ logger: { debug: (l: unknown) => void lines.push(String(l)) } }, ahead.url);
      ahead.enqueue(respond.json({ nextToken: 'ok' }), respond.json({}));
      const out = await c.send(describeHostedConnections, input);
      expect(out.nextToken).toBe('ok');
      expect(out.$metadata.attempts).toBe(2);
      const [first, second] = ahead.requests;
      const signedAt = (r: typeof first) => Date.parse(r!.headers['x-amz-date']!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
      // Re-signed 20 minutes later (within a few seconds of test run time and the Date header's resolution).
      expect(Math.abs(signedAt(second) - signedAt(first) - TWENTY_MINUTES)).toBeLessThan(60_000);
      expect(second!.signature.valid).toBe(true);
      expect(first!.headers['amz-sdk-invocation-id']).toBe(second!.headers['amz-sdk-invocation-id']);
      expect(lines.some((l) => /DescribeHostedConnections #1 clock skew: offset \d+ ms from Date$/.test(l))).toBe(true);
      await c.send(describeHostedConnections, input);
      expect(ahead.requests).toHaveLength(3);
    } finally {
      await ahead.close();
    }
  });

  it('one skew retry per call: a Date that moves away again gets no second correction; maxAttempts 1 gets no retry', async () => {
    const skewedBy = (ms: number) => ({
      status: 403,
      headers: { date: new Date(Date.now() + ms).toUTCString(), 'x-amzn-errortype': 'RequestTimeTooSkewed' },
      body: { __type: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.' },
    });
    server.enqueue(skewedBy(TWENTY_MINUTES), skewedBy(2 * TWENTY_MINUTES), respond.json({}));
    const e = (await client().c.send(describeHostedConnections, input).catch((x: unknown) => x)) as ServiceError;
    // Attempt 1: corrected by +20 min and retried; attempt 2: 20 min off again, but a call corrects once.
    expect(e.code).toBe('RequestTimeTooSkewed');
    expect(e.$metadata.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);

    const ahead = await TestServer.start({ credentials: [creds], clockOffsetMs: TWENTY_MINUTES });
    try {
      const e1 = (await client({ maxAttempts: 1 }, ahead.url).c.send(describeHostedConnections, input).catch((x: unknown) => x)) as ServiceError;
      expect(e1.code).toBe('InvalidSignatureException');
      expect(ahead.requests).toHaveLength(1);
    } finally {
      await ahead.close();
    }
  });
});
