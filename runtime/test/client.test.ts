import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ConfigError,
  CredentialsError,
  NetworkError,
  paginate,
  paginateItems,
  RepeatedTokenError,
  ResponseParseError,
  RuntimeClient,
  ServiceError,
  TimeoutError,
  ValidationError,
  VERSION,
  type ClientConfig,
} from '../src/index.ts';
import { backoffDelay, retryAfterMs } from '../src/retry.ts';
import {
  bcc,
  cognitoIdp,
  createPeerconn,
  discoverInstances,
  getInstanceOnAccount,
  initiateAuth,
  serviceDiscovery,
  describeHostedConnections,
  directConnect,
  listPeerconns,
  handlePeerconn,
  openPeerconnDnsSync,
  resizePeerconn,
} from './fixtures/schemas.ts';
import { respond, TestServer } from './server.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN';
const aws = { accessKeyId: 'AKIDTESTCLIENT000001', secretAccessKey: SECRET };
const bce = { accessKeyId: 'bceak0000000000000000000000000001', secretAccessKey: 'bcesk0000000000000000000000000001' };
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ credentials: [aws, bce] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Records sleeps instead of waiting; `random` fixed so bounds are exact. */
function fakeTimers(random = 0.999999) {
  const sleeps: number[] = [];
  return { sleeps, retry: { random: () => random, sleep: async (ms: number) => void sleeps.push(ms) } };
}

/**
 * An in-memory `fetch` for the tests that run on vitest's fake clock (a real socket's timers are not
 * ours to fake): each call takes the next reply; `'hang'` answers never, rejecting when its signal aborts.
 */
function memoryFetch(...replies: (Response | 'hang')[]) {
  const calls: RequestInit[] = [];
  const f = (async (_url: unknown, init?: RequestInit) => {
    calls.push(init ?? {});
    const r = replies.shift();
    if (r === undefined) throw new Error('memoryFetch: no reply left');
    if (r !== 'hang') return r;
    return new Promise<Response>((_resolve, reject) =>
      init?.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
    );
  }) as typeof fetch;
  return { fetch: f, calls };
}

/** A timer set by the code under test, on the fake clock. */
interface FakeTimer {
  ms: number;
  fired: boolean;
}

/**
 * vitest's fake `setTimeout`/`clearTimeout` (the runtime's backoff and attempt timers), recording each
 * timer set and whether it fired. Timers are told apart by delay: sockets left open by earlier tests may
 * set timers of their own. `setImmediate` stays real, so `until` can let the call run.
 */
function fakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const fakeSet = globalThis.setTimeout;
  const timers: FakeTimer[] = [];
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const t: FakeTimer = { ms: ms ?? 0, fired: false };
    timers.push(t);
    return fakeSet(() => {
      t.fired = true;
      fn(...args);
    }, ms);
  }) as typeof setTimeout);
  return {
    /** The timers of delay `ms` set so far. */
    set: (ms: number) => timers.filter((t) => t.ms === ms),
    /** Lets the call run (real event-loop turns, the fake clock still) until `count` timers of `ms` were set. */
    async until(ms: number, count = 1): Promise<FakeTimer> {
      for (let i = 0; i < 10_000 && this.set(ms).length < count; i++) await new Promise((r) => setImmediate(r));
      expect(this.set(ms)).toHaveLength(count);
      return this.set(ms)[count - 1]!;
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function dx(config: ClientConfig = {}) {
  return new RuntimeClient(directConnect, { region: 'us-east-1', endpoint: server.url, credentials: aws, env: {}, ...config });
}
const dxInput = { connectionId: 'dxcon-1' };

describe('Retry-After', () => {
  const now = Date.parse('2026-11-22T06:00:00Z');
  it.each([
    ['120', 120_000],
    [' 7 ', 7000],
    ['Sun, 22 Nov 2026 06:00:30 GMT', 30_000],
    ['Sun, 22 Nov 2026 05:59:00 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['2026', 2_026_000],
    ['2026-11-22', undefined],
    [null, undefined],
  ] as const)('%j → %j ms', (given, want) => {
    expect(retryAfterMs(given, now)).toBe(want);
  });
});

describe('call (what generated methods use)', () => {
  it('validates the input first, and the output only with validateResponses', async () => {
    const seen: string[] = [];
    const validateInput = (v: unknown) => void seen.push(`in ${JSON.stringify(v)}`);
    const validateOutput = (v: unknown) => {
      seen.push('out');
      if ((v as { connections: unknown[] }).connections.length === 0) throw new TypeError('bad output');
    };
    server.enqueue(respond.json({ connections: [] }), respond.json({ connections: [] }));
    const plain = await dx().call(describeHostedConnections, dxInput, validateInput, validateOutput);
    expect(plain.$metadata.attempts).toBe(1);
    expect(seen).toEqual(['in {"connectionId":"dxcon-1"}']);
    await expect(dx({ validateResponses: true }).call(describeHostedConnections, dxInput, validateInput, validateOutput)).rejects.toThrow('bad output');
    expect(seen).toEqual(['in {"connectionId":"dxcon-1"}', 'in {"connectionId":"dxcon-1"}', 'out']);
  });
});

describe('retries (standard mode)', () => {
  it('retries 429 then 500, re-signing each attempt, and succeeds on the third', async () => {
    const t = fakeTimers();
    server.enqueue(respond.throttle(), respond.serverError(), respond.json({ connections: [] }));
    const out = await dx({ retry: t.retry }).send(describeHostedConnections, dxInput);
    expect(out.$metadata.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.signature.valid)).toBe(true);
    // Jitter bounds: retry n (from 0) waits < min(20 s, base × 2^n), base 500 ms after a throttling
    // error, 100 ms after another; with random≈1, just under the bound.
    expect(t.sleeps).toEqual([499, 199]);
  });

  it('stops after maxAttempts and reports the last error with its attempt count', async () => {
    const t = fakeTimers(0.5);
    server.enqueue(respond.throttle(), respond.throttle(), respond.throttle(), respond.json({}));
    const e = (await dx({ retry: t.retry }).send(describeHostedConnections, dxInput).catch((x: unknown) => x)) as ServiceError;
    expect(e).toBeInstanceOf(ServiceError);
    expect(e.code).toBe('ThrottlingException');
    expect(e.$metadata).toMatchObject({ httpStatusCode: 429, attempts: 3 });
    expect(server.requests).toHaveLength(3);
    expect(t.sleeps).toEqual([250, 500]); // 0.5 × 500 ms × 2^n: throttling errors' base
  });

  it('waits as long as Retry-After asks (seconds or an HTTP date), up to the 20 s cap', async () => {
    const t = fakeTimers(0.5);
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    server.enqueue(
      respond.throttle({ 'retry-after': '3' }),
      respond.serverError({ 'retry-after': inOneMinute }),
      respond.json({ connections: [] }),
    );
    const out = await dx({ retry: t.retry }).send(describeHostedConnections, dxInput);
    expect(out.$metadata.attempts).toBe(3);
    // 3 s asked (more than the 50 ms backoff), then a minute asked: capped at 20 s.
    expect(t.sleeps).toEqual([3000, 20_000]);
  });

  it('Retry-After shorter than the backoff, unreadable, or on a 400 changes nothing', async () => {
    const t = fakeTimers(0.999999);
    server.enqueue(
      respond.throttle({ 'retry-after': '0' }),
      respond.throttle({ 'retry-after': 'soon' }),
      respond.json({ connections: [] }),
    );
    await dx({ retry: t.retry }).send(describeHostedConnections, dxInput);
    expect(t.sleeps).toEqual([499, 999]);
    server.enqueue(respond.json({ __type: 'ValidationException', message: 'bad' }, 400, { 'x-amzn-errortype': 'ValidationException', 'retry-after': '5' }));
    await dx({ retry: t.retry }).send(describeHostedConnections, dxInput).catch(() => undefined);
    expect(t.sleeps).toEqual([499, 999]);
  });

  it('never retries a 400 validation error', async () => {
    const t = fakeTimers();
    server.enqueue(respond.awsError('ValidationException', 'bad connectionId', 400), respond.json({}));
    const e = (await dx({ retry: t.retry }).send(describeHostedConnections, dxInput).catch((x: unknown) => x)) as ServiceError;
    expect(e.code).toBe('ValidationException');
    expect(e.$metadata.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(t.sleeps).toEqual([]);
  });

  it('retries a connection reset as a NetworkError', async () => {
    const t = fakeTimers();
    server.enqueue(respond.reset(), respond.json({ nextToken: 'n' }));
    const out = await dx({ retry: t.retry }).send(describeHostedConnections, dxInput);
    expect(out.nextToken).toBe('n');
    expect(out.$metadata.attempts).toBe(2);
    server.enqueue(respond.reset());
    const e = await dx({ retry: t.retry, maxAttempts: 1 }).send(describeHostedConnections, dxInput).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
  });

  it('backoff delays are min(cap, random × base × 2^n): within [0, base·2^n) and never over the cap', () => {
    for (const r of [0, 0.25, 0.999999]) {
      for (let n = 0; n < 12; n++) {
        const d = backoffDelay(n, { random: () => r });
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(100 * 2 ** n);
        expect(d).toBeLessThanOrEqual(20_000);
      }
    }
    expect(backoffDelay(7, { random: () => 0.5 })).toBe(6400);
    expect(backoffDelay(20, { random: () => 0.5 })).toBe(20_000);
    expect(backoffDelay(2, { random: () => 0.5 }, 500)).toBe(1000);
  });

  it('without an injected sleep, the backoff is waited on the clock: base 100 ms (here 99 ms), no longer', async () => {
    const clock = fakeClock();
    const m = memoryFetch(new Response('{}', { status: 500 }), new Response('{}', { status: 200 }));
    let settled = false;
    const p = dx({ fetch: m.fetch, retry: { random: () => 0.999999 } })
      .send(describeHostedConnections, dxInput)
      .finally(() => (settled = true));
    const backoff = await clock.until(99);
    expect(m.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(98);
    expect(backoff.fired).toBe(false);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(backoff.fired).toBe(true);
    const out = await p;
    expect(out.$metadata.attempts).toBe(2);
    expect(m.calls).toHaveLength(2);
  });
});

describe('abort and timeout', () => {
  it('a per-attempt timeout fires on a hung server, is retried, then reported as TimeoutError', async () => {
    const t = fakeTimers();
    server.enqueue(respond.hang(), respond.hang());
    const e = (await dx({ requestTimeoutMs: 150, maxAttempts: 2, retry: t.retry }).send(describeHostedConnections, dxInput).catch((x: unknown) => x)) as TimeoutError;
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.message).toBe('attempt timed out after 150 ms');
    expect(e.$metadata.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('the timeout is per attempt: each attempt is cut at requestTimeoutMs of the clock, not before', async () => {
    const clock = fakeClock();
    const t = fakeTimers();
    const m = memoryFetch('hang', 'hang');
    const p = dx({ fetch: m.fetch, requestTimeoutMs: 150, maxAttempts: 2, retry: t.retry })
      .send(describeHostedConnections, dxInput)
      .catch((x: unknown) => x);
    for (const attempt of [1, 2]) {
      const timer = await clock.until(150, attempt); // this attempt's own timer
      expect(m.calls).toHaveLength(attempt);
      await vi.advanceTimersByTimeAsync(149);
      expect(timer.fired).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(timer.fired).toBe(true);
    }
    const e = (await p) as TimeoutError;
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.$metadata.attempts).toBe(2);
    expect(t.sleeps).toEqual([99]);
  });

  it('an AbortSignal stops a hung call at once and is not retried', async () => {
    server.enqueue(respond.hang(), respond.json({}));
    const ctl = new AbortController();
    const p = dx().send(describeHostedConnections, dxInput, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 100);
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('an AbortSignal also cuts a backoff wait short', async () => {
    const clock = fakeClock();
    const m = memoryFetch(new Response('{}', { status: 500 }), new Response('{}', { status: 200 }));
    const ctl = new AbortController();
    const client = dx({ fetch: m.fetch, retry: { baseDelayMs: 60_000, random: () => 0.99 } });
    let settled = false;
    const p = client
      .send(describeHostedConnections, dxInput, { signal: ctl.signal })
      .catch((x: unknown) => x)
      .finally(() => (settled = true));
    const backoff = await clock.until(20_000); // 0.99 × 60 s, over the 20 s cap; the clock never moves in this test
    expect(settled).toBe(false);
    ctl.abort();
    // Only the abort can settle the call now: were the wait not cut, this would never resolve.
    expect(await p).toBeInstanceOf(AbortError);
    expect(backoff.fired).toBe(false);
    expect(m.calls).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const e = await dx().send(describeHostedConnections, dxInput, { signal: AbortSignal.abort() }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('responses that are not what the operation documents', () => {
  it('malformed JSON in a 200 → ResponseParseError with status and request id, no retry', async () => {
    server.enqueue({ ...respond.malformed(), headers: { 'x-amzn-requestid': 'rid-bad' } } as never);
    const e = (await dx().send(describeHostedConnections, dxInput).catch((x: unknown) => x)) as ResponseParseError;
    expect(e).toBeInstanceOf(ResponseParseError);
    expect(e.message).toMatch(/not valid JSON/);
    expect(e.$metadata).toEqual({ httpStatusCode: 200, requestId: 'rid-bad', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('wrong JSON types (a string where a list is documented) → ResponseParseError', async () => {
    server.enqueue(respond.json({ connections: 'nope' }));
    const e = await dx().send(describeHostedConnections, dxInput).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ResponseParseError);
    expect((e as Error).message).toMatch(/expected a list for ConnectionList/);
  });

  it('a non-JSON 502 body still gives a typed, retried server error', async () => {
    const t = fakeTimers();
    server.enqueue({ kind: 'raw', status: 502, body: '<html>bad gateway</html>' }, { kind: 'raw', status: 502, body: '<html>' });
    const e = (await dx({ retry: t.retry, maxAttempts: 2 }).send(describeHostedConnections, dxInput).catch((x: unknown) => x)) as ServiceError;
    expect(e).toBeInstanceOf(ServiceError);
    expect(e.code).toBe('Http502Error');
    expect(e.$fault).toBe('server');
    expect(e.$metadata.attempts).toBe(2);
  });

  it('unknown error codes map to the registry base; body fields are copied, never onto prototypes', async () => {
    class DirectConnectServiceError extends ServiceError {}
    class DirectConnectClientException extends DirectConnectServiceError {}
    const client = new RuntimeClient(directConnect, { region: 'us-east-1', endpoint: server.url, credentials: aws }, {
      base: DirectConnectServiceError,
      byCode: { DirectConnectClientException },
    });
    server.enqueue(
      { status: 400, body: { __type: 'com.amazon#SomethingNew', message: 'new', Reason: 'r', constructor: 'x', __proto__: { polluted: true } } } as never,
    );
    // JSON.stringify drops a literal __proto__ key; send one as an own key explicitly.
    const e1 = (await client.send(describeHostedConnections, dxInput).catch((x: unknown) => x)) as ServiceError & { Reason?: string };
    expect(e1).toBeInstanceOf(DirectConnectServiceError);
    expect(e1).not.toBeInstanceOf(DirectConnectClientException);
    expect(e1.name).toBe('SomethingNew');
    expect(e1.Reason).toBe('r');
    expect(e1.constructor).toBe(DirectConnectServiceError);
    server.enqueue({ kind: 'raw', status: 400, body: '{"__type":"DirectConnectClientException","message":"m","__proto__":{"polluted":true}}' });
    const e2 = await client.send(describeHostedConnections, dxInput).catch((x: unknown) => x);
    expect(e2).toBeInstanceOf(DirectConnectClientException);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((e2 as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('__proto__ keys in maps and structures never reach a prototype', async () => {
    const { partnerCentral, getConnection } = await import('./fixtures/schemas.ts');
    server.enqueue({
      kind: 'raw',
      status: 200,
      body: '{"__proto__":{"polluted":1},"Id":"pac-1","ConnectionTypes":{"__proto__":{"polluted":2},"constructor":{"Status":"ACTIVE"},"SUBSIDIARY":{"__proto__":{"x":1},"Status":"ACTIVE"}}}',
    });
    const c = new RuntimeClient(partnerCentral, { region: 'us-east-1', endpoint: server.url, credentials: aws });
    const out = (await c.send(getConnection, { Catalog: 'AWS', Identifier: 'pac-1' })) as Record<string, unknown>;
    const types = out.ConnectionTypes as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(types)).toBe(Object.prototype);
    expect(Object.keys(types).sort()).toEqual(['SUBSIDIARY', 'constructor']);
    expect(types.constructor).toEqual({ Status: 'ACTIVE' });
    expect(Object.getPrototypeOf(types.SUBSIDIARY)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out.polluted).toBeUndefined();
  });
});

describe('before any I/O', () => {
  it('missing credentials → CredentialsError naming the env variables; the server sees nothing', async () => {
    const c = new RuntimeClient(directConnect, { region: 'us-east-1', endpoint: server.url, env: {} });
    const e = await c.send(describeHostedConnections, dxInput).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CredentialsError);
    expect((e as Error).message).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
    expect(server.requests).toHaveLength(0);
  });

  it('a half-set environment (no secret) → CredentialsError', async () => {
    const c = new RuntimeClient(directConnect, { region: 'us-east-1', endpoint: server.url, env: { AWS_ACCESS_KEY_ID: 'AKID' } });
    await expect(c.send(describeHostedConnections, dxInput)).rejects.toThrow(/lack a secret access key \(AWS_SECRET_ACCESS_KEY\)/);
    expect(server.requests).toHaveLength(0);
  });

  it('missing region → ConfigError naming AWS_REGION; the server sees nothing', async () => {
    const c = new RuntimeClient(directConnect, { endpoint: server.url, credentials: aws, env: {} });
    const e = await c.send(describeHostedConnections, dxInput).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).toMatch(/AWS_REGION/);
    expect(server.requests).toHaveLength(0);
  });

  it('a schema without an endpoint (no service.json) → the constructor does not throw; the call fails with a ConfigError naming the endpoint option', async () => {
    for (const provider of ['aws', 'baidu'] as const) {
      const schema = provider === 'aws' ? { ...directConnect, endpoint: '' } : { ...bcc, endpoint: '' };
      const op = provider === 'aws' ? describeHostedConnections : listPeerconns;
      const c = new RuntimeClient(schema, { region: 'us-east-1', credentials: provider === 'aws' ? aws : bce, env: {} });
      expect(c.endpoint).toBeUndefined();
      const e = await c.send(op, provider === 'aws' ? dxInput : {}).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(new RegExp(`^no endpoint for ${schema.id}: its schema has none; pass \\{ endpoint \\} to the client`));
    }
    // The option fixes it.
    server.enqueue(respond.json({}));
    await new RuntimeClient({ ...directConnect, endpoint: '' }, { region: 'us-east-1', endpoint: server.url, credentials: aws, env: {} }).send(describeHostedConnections, dxInput);
    expect(server.requests).toHaveLength(1);
  });

  it('a schema endpoint pattern that gives no URL → ConfigError quoting it, at call time', async () => {
    const c = new RuntimeClient({ ...directConnect, endpoint: 'directconnect.{region}.amazonaws.com' }, { region: 'us-east-1', credentials: aws, env: {} });
    const e = await c.send(describeHostedConnections, dxInput).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).toBe(
      'invalid endpoint for directconnect: its schema\'s pattern "directconnect.{region}.amazonaws.com" gives "directconnect.us-east-1.amazonaws.com", not a URL; pass { endpoint } to the client',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('a region that would change the host is refused', async () => {
    const c = new RuntimeClient(directConnect, { region: 'evil.com/x', credentials: aws, env: {} });
    await expect(c.send(describeHostedConnections, dxInput)).rejects.toBeInstanceOf(ConfigError);
  });

  it('environment fallbacks: AWS_* (with session token) and BCE_* are used and signed', async () => {
    const env = { AWS_ACCESS_KEY_ID: aws.accessKeyId, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN, AWS_REGION: 'ap-south-1' };
    const c = new RuntimeClient(directConnect, { endpoint: server.url, env });
    server.enqueue(respond.json({}));
    await c.send(describeHostedConnections, dxInput);
    expect(server.requests[0]!.headers['x-amz-security-token']).toBe(TOKEN);
    expect(server.requests[0]!.headers.authorization).toMatch(/\/ap-south-1\/directconnect\/aws4_request/);
    expect(server.requests[0]!.signature.valid).toBe(true);
    expect(c.endpoint).toBe(server.url + '/');
    expect(new RuntimeClient(directConnect, { env }).endpoint).toBe('https://directconnect.ap-south-1.amazonaws.com/');

    const b = new RuntimeClient(bcc, { endpoint: server.url, env: { BCE_ACCESS_KEY_ID: bce.accessKeyId, BCE_SECRET_ACCESS_KEY: bce.secretAccessKey } });
    server.enqueue(respond.json({ peerConns: [], isTruncated: false }));
    await b.send(listPeerconns, {});
    expect(server.requests[1]!.signature).toMatchObject({ scheme: 'bce', valid: true });
    expect(new RuntimeClient(bcc, { env: { BCE_REGION: 'gz' } }).endpoint).toBe('http://bcc.gz.baidubce.com/');
  });

  it('the generated validator runs first and its ValidationError reaches the caller; validate:false skips it', async () => {
    const validate = (input: unknown) => {
      if (!(input as { connectionId?: string }).connectionId) throw new ValidationError([{ path: 'connectionId', message: 'required' }, { path: 'maxResults', message: 'expected integer' }]);
    };
    const e = (await dx().send(describeHostedConnections, { maxResults: 'x' }, { validate }).catch((x: unknown) => x)) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.problems).toEqual([{ path: 'connectionId', message: 'required' }, { path: 'maxResults', message: 'expected integer' }]);
    expect(e.message).toBe('2 validation problems: connectionId: required; maxResults: expected integer');
    expect(server.requests).toHaveLength(0);
    server.enqueue(respond.json({}));
    await dx({ validate: false }).send(describeHostedConnections, {}, { validate });
    expect(server.requests).toHaveLength(1);
  });
});

describe('secrets are never printed', () => {
  it('not in JSON.stringify, util.inspect, toString of the client', () => {
    const c = dx({ credentials: { ...aws, sessionToken: TOKEN } });
    for (const text of [JSON.stringify(c), inspect(c, { depth: 10, showHidden: true }), String(c), `${c}`]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
    expect(JSON.parse(JSON.stringify(c))).toMatchObject({ service: 'directconnect', region: 'us-east-1', credentials: '[redacted]' });
  });

  it('not in any error: credentials, signature, network, timeout', async () => {
    const errors: unknown[] = [];
    const t = fakeTimers();
    const bad = { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: SECRET, sessionToken: TOKEN };
    errors.push(await dx({ credentials: bad }).send(describeHostedConnections, dxInput).catch((x: unknown) => x));
    errors.push(await dx({ credentials: { accessKeyId: '', secretAccessKey: SECRET } }).send(describeHostedConnections, dxInput).catch((x: unknown) => x));
    // A provider's own error is kept as the cause, message and all (issue 16): what it says is the
    // provider's business, so this one says no secret; the client adds none.
    errors.push(await dx({ credentials: async () => { throw new Error('cannot read the vault'); } }).send(describeHostedConnections, dxInput).catch((x: unknown) => x));
    server.enqueue(respond.hang());
    errors.push(await dx({ credentials: { ...aws, sessionToken: TOKEN }, requestTimeoutMs: 50, maxAttempts: 1 }).send(describeHostedConnections, dxInput).catch((x: unknown) => x));
    errors.push(await new RuntimeClient(directConnect, { region: 'us-east-1', endpoint: 'http://127.0.0.1:1', credentials: { ...aws, sessionToken: TOKEN }, retry: t.retry }).send(describeHostedConnections, dxInput).catch((x: unknown) => x));
    expect(errors.map((e) => (e as Error).name)).toEqual(['InvalidSignatureException', 'CredentialsError', 'CredentialsError', 'TimeoutError', 'NetworkError']);
    for (const e of errors) {
      for (const text of [String(e), (e as Error).message, JSON.stringify(e), inspect(e, { depth: 10 }), (e as Error).stack ?? '']) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(TOKEN);
      }
    }
  });
});

describe('transport choice', () => {
  it('sends with the global fetch by default, and with node:http when transport is node-http', async () => {
    const real = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      fetched++;
      return real(...args);
    }) as typeof fetch;
    try {
      await dx().send(describeHostedConnections, { connectionId: 'dxcon-1' });
      expect(fetched).toBe(1);
      await dx({ transport: 'node-http' }).send(describeHostedConnections, { connectionId: 'dxcon-1' });
      expect(fetched).toBe(1);
      expect(server.requests.map((r) => r.signature.valid)).toEqual([true, true]);
    } finally {
      globalThis.fetch = real;
    }
  });
});

describe('Baidu REST + bce-auth-v1', () => {
  function vpc(config: ClientConfig = {}) {
    return new RuntimeClient(bcc, { region: 'bj', endpoint: server.url, credentials: bce, env: {}, ...config });
  }

  it('resize: PUT path param, valueless marker, generated clientToken reused across retries, JSON body, verified signature', async () => {
    const t = fakeTimers();
    server.enqueue(respond.bceError('InternalError', 'oops', 500), respond.json(undefined));
    const out = await vpc({ retry: t.retry }).send(resizePeerconn, { peerConnId: 'peerconn-9td54fmx143e', newBandwidthInMbps: 20 });
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 2 });
    const [r1, r2] = server.requests;
    expect(r1!.method).toBe('PUT');
    expect(r1!.path).toBe('/v1/peerconn/peerconn-9td54fmx143e');
    expect(r1!.url).toMatch(/^\/v1\/peerconn\/peerconn-9td54fmx143e\?resize&clientToken=[0-9a-f-]{36}$/);
    expect(r1!.query.resize).toBeNull();
    expect(r1!.query.clientToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r2!.query.clientToken).toBe(r1!.query.clientToken);
    expect(r1!.json).toEqual({ newBandwidthInMbps: 20 });
    expect(r1!.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(r1!.headers['x-bce-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(r1!.headers.authorization).toMatch(/^bce-auth-v1\/bceak0+1\/\d{4}-.+Z\/1800\/host;x-bce-date\/[0-9a-f]{64}$/);
    expect(r1!.signature).toMatchObject({ scheme: 'bce', valid: true });
    expect(r2!.signature).toMatchObject({ scheme: 'bce', valid: true });
  });

  it('a caller-supplied clientToken is sent as is; a second call gets a new generated one', async () => {
    await vpc().send(openPeerconnDnsSync, { peerConnId: 'peerconn-1', role: 'initiator', clientToken: 'my-token' });
    await vpc().send(openPeerconnDnsSync, { peerConnId: 'peerconn-1', role: 'initiator' });
    await vpc().send(openPeerconnDnsSync, { peerConnId: 'peerconn-1', role: 'initiator' });
    const [a, b, c] = server.requests;
    expect(a!.query).toEqual({ open: null, role: 'initiator', clientToken: 'my-token' });
    expect(a!.body).toBe('');
    expect(b!.query.clientToken).not.toBe(c!.query.clientToken);
    expect(server.requests.every((r) => r.signature.valid)).toBe(true);
  });

  it('handle: a marker member travels as a valueless query key named by its value (?accept)', async () => {
    await vpc().send(handlePeerconn, { peerConnId: 'peerconn-1', action: 'accept', clientToken: 't-1' });
    const r = server.requests[0]!;
    expect(r.url).toBe('/v1/peerconn/peerconn-1?accept&clientToken=t-1');
    expect(r.query).toEqual({ accept: null, clientToken: 't-1' });
    expect(r.signature.valid).toBe(true);
  });

  it('path parameters are percent-encoded and still verify', async () => {
    await vpc().send(resizePeerconn, { peerConnId: 'a b/c', newBandwidthInMbps: 1 });
    expect(server.requests[0]!.path).toBe('/v1/peerconn/a%20b%2Fc');
    expect(server.requests[0]!.signature.valid).toBe(true);
  });

  it('create: body members only in the body, clientToken in the query', async () => {
    server.enqueue(respond.json({ peerConnId: 'peerconn-new' }));
    const out = await vpc().send(createPeerconn, {
      bandwidthInMbps: 10, localVpcId: 'vpc-a', peerVpcId: 'vpc-b', peerRegion: 'bj', tags: [{ tagKey: 'k', tagValue: 'v' }],
    });
    expect(out.peerConnId).toBe('peerconn-new');
    const r = server.requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.json).toEqual({ bandwidthInMbps: 10, localVpcId: 'vpc-a', peerVpcId: 'vpc-b', peerRegion: 'bj', tags: [{ tagKey: 'k', tagValue: 'v' }] });
    expect(Object.keys(r.query)).toEqual(['clientToken']);
    expect(r.signature.valid).toBe(true);
  });

  it('errors {code, message, requestId} → typed errors; 4xx not retried', async () => {
    class BceServiceError extends ServiceError {}
    class NoSuchObject extends BceServiceError {}
    const c = new RuntimeClient(bcc, { region: 'bj', endpoint: server.url, credentials: bce }, { base: BceServiceError, byCode: { NoSuchObject } });
    server.enqueue({ status: 404, body: { code: 'NoSuchObject', message: 'account not exist', requestId: 'c4abab14' } });
    const e = (await c.send(listPeerconns, { vpcId: 'vpc-1' }).catch((x: unknown) => x)) as NoSuchObject;
    expect(e).toBeInstanceOf(NoSuchObject);
    expect(e.name).toBe('NoSuchObject');
    expect(e.message).toBe('account not exist');
    expect(e.$metadata).toEqual({ httpStatusCode: 404, requestId: 'c4abab14', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('RequestExpired (400) is retried with a fresh signature', async () => {
    const t = fakeTimers();
    server.enqueue(respond.bceError('RequestExpired', 'expired', 400), respond.json({ peerConns: [], isTruncated: false }));
    const out = await vpc({ retry: t.retry }).send(listPeerconns, {});
    expect(out.$metadata.attempts).toBe(2);
  });

  it('paginates listPeerconns with marker/nextMarker/isTruncated', async () => {
    server.enqueue(
      respond.json({ peerConns: [{ peerConnId: 'p1' }, { peerConnId: 'p2' }], marker: 'm0', isTruncated: true, nextMarker: 'm1', maxKeys: 2 }),
      respond.json({ peerConns: [{ peerConnId: 'p3' }], marker: 'm1', isTruncated: false, maxKeys: 2 }),
      respond.json({ peerConns: [{ peerConnId: 'never' }], isTruncated: false }),
    );
    const ids: string[] = [];
    for await (const p of paginateItems<{ peerConnId: string }>(vpc(), listPeerconns, { vpcId: 'vpc-1', maxKeys: 2 })) ids.push(p.peerConnId);
    expect(ids).toEqual(['p1', 'p2', 'p3']);
    expect(server.requests.map((r) => r.query)).toEqual([
      { vpcId: 'vpc-1', maxKeys: '2' },
      { vpcId: 'vpc-1', marker: 'm1', maxKeys: '2' },
    ]);
  });

  it('paginates AWS NextToken-style; a repeated token is an error, not a silent stop (issue 18)', async () => {
    server.enqueue(respond.json({ connections: [{ connectionId: 'a' }], nextToken: 't1' }), respond.json({ connections: [], nextToken: 't1' }));
    const pages: unknown[] = [];
    const run = async () => {
      for await (const page of paginate(dx(), describeHostedConnections, dxInput)) pages.push(page);
    };
    await expect(run()).rejects.toThrow(RepeatedTokenError);
    expect(pages).toHaveLength(2);
    expect(server.requests.map((r) => (r.json as { nextToken?: string }).nextToken)).toEqual([undefined, 't1']);
  });
});

describe('concurrency', () => {
  it('concurrent calls with rotating credentials are each signed with their own key', async () => {
    const other = { accessKeyId: 'AKIDROTATED000000002', secretAccessKey: 'rotated-secret' };
    const s2 = await TestServer.start({ credentials: [aws, other] });
    try {
      let i = 0;
      const c = new RuntimeClient(directConnect, {
        region: 'us-east-1',
        endpoint: s2.url,
        // Resolves after a varying delay so calls interleave around the signer; each set expires within
        // the 5-minute refresh window, so every wave of calls after the first fetches a new one.
        credentials: async () => {
          const n = i++;
          await new Promise((r) => setTimeout(r, n % 3));
          return { ...(n % 2 ? other : aws), expiration: new Date(Date.now() + 60_000) };
        },
      });
      for (let wave = 0; wave < 4; wave++) await Promise.all(Array.from({ length: 5 }, () => c.send(describeHostedConnections, dxInput)));
      // Concurrent calls share one pending fetch: one per wave.
      expect(i).toBe(4);
      expect(s2.requests).toHaveLength(20);
      expect(s2.requests.every((r) => r.signature.valid)).toBe(true);
      const keys = new Set(s2.requests.map((r) => /Credential=([^/]+)/.exec(r.headers.authorization!)![1]));
      expect(keys).toEqual(new Set([aws.accessKeyId, other.accessKeyId]));
    } finally {
      await s2.close();
    }
  });
});

describe('config edge cases', () => {
  it('maxAttempts NaN/Infinity fall back to 3; 0 means one attempt', async () => {
    const t = fakeTimers();
    server.enqueue(respond.serverError(), respond.serverError(), respond.serverError(), respond.serverError());
    const e1 = (await dx({ maxAttempts: Number.NaN, retry: t.retry }).send(describeHostedConnections, dxInput).catch((x: unknown) => x)) as ServiceError;
    expect(e1.$metadata.attempts).toBe(3);
    server.reset();
    server.enqueue(respond.serverError());
    const e2 = (await dx({ maxAttempts: 0, retry: t.retry }).send(describeHostedConnections, dxInput).catch((x: unknown) => x)) as ServiceError;
    expect(e2.$metadata.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe('the headers the AWS SDK sends', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('one amz-sdk-invocation-id per call, the same on every retry; amz-sdk-request counts attempts; all signed', async () => {
    const t = fakeTimers();
    server.enqueue(respond.throttle(), respond.serverError(), respond.json({}), respond.json({}));
    await dx({ retry: t.retry }).send(describeHostedConnections, dxInput);
    await dx({ retry: t.retry, maxAttempts: 5 }).send(describeHostedConnections, dxInput);
    const [a, b, c, d] = server.requests;
    const ids = server.requests.map((r) => r.headers['amz-sdk-invocation-id']);
    expect(ids[0]).toMatch(UUID);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(ids[3]).toMatch(UUID);
    expect(ids[3]).not.toBe(ids[0]);
    expect([a, b, c, d].map((r) => r!.headers['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3', 'attempt=1; max=5']);
    for (const r of server.requests) {
      expect(r.signature.valid).toBe(true);
      expect(r.headers.authorization).toMatch(/SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-type;host;x-amz-date;x-amz-target;x-amz-user-agent,/);
    }
  });

  it('a user agent naming docsdk and its version: x-amz-user-agent (signed) and, on Node, user-agent', async () => {
    await dx().send(describeHostedConnections, dxInput);
    const h = server.requests[0]!.headers;
    expect(h['x-amz-user-agent']).toBe(`docsdk/${VERSION} ua/2.1 api/directconnect lang/js`);
    expect(h['user-agent']).toBe(`docsdk/${VERSION} ua/2.1 api/directconnect lang/js md/nodejs#${process.versions.node}`);
    expect(VERSION).toBe((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version);
  });

  it('Baidu requests carry the user agent only (no amz-sdk-* headers)', async () => {
    server.enqueue(respond.json({ peerConns: [], isTruncated: false }));
    await new RuntimeClient(bcc, { region: 'bj', endpoint: server.url, credentials: bce, env: {} }).send(listPeerconns, {});
    const h = server.requests[0]!.headers;
    expect(h['user-agent']).toMatch(/^docsdk\/0\.1\.0 ua\/2\.1 api\/vpc lang\/js md\/nodejs#/);
    expect(Object.keys(h).filter((k) => k.startsWith('amz-sdk') || k === 'x-amz-user-agent')).toEqual([]);
    expect(server.requests[0]!.signature.valid).toBe(true);
  });
});

describe("unsigned operations (auth: 'none')", () => {
  it('InitiateAuth from a client with no credentials anywhere reaches the server unsigned', async () => {
    server.enqueue(respond.json({ ChallengeName: 'PASSWORD_VERIFIER', Session: 's1' }));
    const noCredentials = () => Promise.reject(new Error('must not be asked'));
    const client = new RuntimeClient(cognitoIdp, { region: 'us-east-1', endpoint: server.url, env: {} });
    const out = await client.send(initiateAuth, { AuthFlow: 'USER_SRP_AUTH', ClientId: 'c1', AuthParameters: { USERNAME: 'u' } });
    expect(out).toEqual({ ChallengeName: 'PASSWORD_VERIFIER', Session: 's1', $metadata: { httpStatusCode: 200, attempts: 1 } });
    // A provider is never called for an unsigned operation either.
    await new RuntimeClient(cognitoIdp, { region: 'us-east-1', endpoint: server.url, env: {}, credentials: noCredentials }).send(initiateAuth, { AuthFlow: 'X', ClientId: 'c' });
    for (const r of server.requests) {
      expect(r.signature).toMatchObject({ scheme: 'none' });
      expect(Object.keys(r.headers).filter((k) => k === 'authorization' || k.startsWith('x-amz-date') || k === 'x-amz-security-token')).toEqual([]);
      expect(r.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
      expect(r.headers['amz-sdk-request']).toBe('attempt=1; max=3');
    }
    expect(server.requests[0]!.json).toEqual({ AuthFlow: 'USER_SRP_AUTH', ClientId: 'c1', AuthParameters: { USERNAME: 'u' } });
  });

  it('a signed operation of the same client still needs credentials (CredentialsError before any I/O)', async () => {
    const client = new RuntimeClient(cognitoIdp, { region: 'us-east-1', endpoint: server.url, env: {} });
    const signed = { ...initiateAuth, auth: undefined };
    await expect(client.send(signed, { AuthFlow: 'X', ClientId: 'c' })).rejects.toBeInstanceOf(CredentialsError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('host prefixes', () => {
  /**
   * A `fetch` over node:http whose resolver answers 127.0.0.1 for every name, so a request to
   * `http://data-svc.test:<port>/` reaches the test server with that `Host` (no real name is resolved:
   * `.test` is reserved, RFC 6761). Records each URL.
   */
  function loopbackFetch() {
    const urls: string[] = [];
    const f = ((url: string, init: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        urls.push(url);
        const req = httpRequest(
          url,
          { method: init.method, headers: init.headers as Record<string, string>, lookup: (_host, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]) },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode!, headers: res.headers as Record<string, string> })));
          },
        );
        req.on('error', reject);
        req.end(init.body as string | undefined);
      })) as unknown as typeof fetch;
    return { fetch: f, urls };
  }
  const sd = (config: ClientConfig = {}) =>
    new RuntimeClient(serviceDiscovery, { region: 'us-east-1', credentials: aws, env: {}, endpoint: `http://svc.test:${server.port}`, ...config });

  it('DiscoverInstances goes to data-<host>, signed for that host; disableHostPrefix keeps the host as is', async () => {
    const l = loopbackFetch();
    await sd({ fetch: l.fetch }).send(discoverInstances, { NamespaceName: 'n', ServiceName: 's' });
    await sd({ fetch: l.fetch, disableHostPrefix: true }).send(discoverInstances, { NamespaceName: 'n', ServiceName: 's' });
    expect(l.urls).toEqual([`http://data-svc.test:${server.port}/`, `http://svc.test:${server.port}/`]);
    expect(server.requests.map((r) => r.headers.host)).toEqual([`data-svc.test:${server.port}`, `svc.test:${server.port}`]);
    expect(server.requests.map((r) => r.signature.valid)).toEqual([true, true]);
  });

  it('the pattern endpoint is prefixed the same way', () => {
    // The URL a call would use, without sending: the prefix goes before the resolved host.
    const client = new RuntimeClient(serviceDiscovery, { region: 'eu-west-1', credentials: aws, env: {} });
    expect(client.endpoint).toBe('https://servicediscovery.eu-west-1.amazonaws.com/');
  });

  it('{Label} takes the input member; a value that is not a host label is a ValidationError before any I/O', async () => {
    const l = loopbackFetch();
    await sd({ fetch: l.fetch }).send(getInstanceOnAccount, { Account: 'a1b2' });
    expect(server.requests[0]!.headers.host).toBe(`a1b2.data-svc.test:${server.port}`);
    expect(server.requests[0]!.signature.valid).toBe(true);
    for (const bad of ['evil.com/x', '', 'a.b', '-a']) {
      const e = (await sd({ fetch: l.fetch }).send(getInstanceOnAccount, { Account: bad }).catch((x: unknown) => x)) as ValidationError;
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.problems[0]!.path).toBe('Account');
    }
    expect(l.urls).toHaveLength(1);
  });
});
