/**
 * The two transports keep one contract: `sendNode` (node:http, the default on Node) and `sendOnce`
 * over `fetch` answer the same scenarios of the test server the same way — responses with their status,
 * headers (case-insensitive) and body; network errors, per-attempt timeouts (also mid-body) and aborts
 * as AttemptFailures of the right kind; multi-byte bodies sent whole.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendNode, sendOnce, type AttemptFailure, type AttemptInit, type WireResponse } from '../src/transport.ts';
import { respond, TestServer } from './server.ts';

let server: TestServer;
// A server that sends headers and half a body, then stalls (a timeout must cover the body too).
let stalling: Server;
let stallingUrl: string;

beforeAll(async () => {
  server = await TestServer.start();
  stalling = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"half": ');
  });
  await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
  stallingUrl = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await server.close();
  stalling.closeAllConnections();
  await new Promise<void>((resolve) => stalling.close(() => resolve()));
});
beforeEach(() => server.reset());

type Send = (url: string, init: AttemptInit, signal?: AbortSignal, timeoutMs?: number) => Promise<WireResponse>;
const transports: [string, Send][] = [
  ['fetch', (url, init, signal, timeoutMs) => sendOnce((u, i) => globalThis.fetch(u, i), url, init, signal, timeoutMs)],
  ['node:http', (url, init, signal, timeoutMs) => sendNode!(url, init, signal, timeoutMs)],
];

const post = (body?: string): AttemptInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-custom': 'yes' },
  ...(body !== undefined ? { body } : {}),
});

async function failureOf(p: Promise<unknown>): Promise<AttemptFailure> {
  try {
    await p;
  } catch (f) {
    return f as AttemptFailure;
  }
  throw new Error('expected a failure');
}

describe('transports', () => {
  it('sendNode exists on this Node', () => {
    expect(sendNode).toBeTypeOf('function');
  });

  for (const [name, send] of transports) {
    describe(name, () => {
      it('a response: status, headers by any case, body; the request arrives whole (multi-byte body)', async () => {
        server.enqueue(respond.awsError('ThrottlingException', 'slow down', 400, { extra: 'é' }));
        const body = JSON.stringify({ name: 'Zoë — 東京 🚀' });
        const res = await send(server.url + '/path?x=1', post(body));
        expect(res.status).toBe(400);
        expect(res.headers.get('X-Amzn-ErrorType')).toBe('ThrottlingException');
        expect(res.headers.get('x-amzn-requestid')).toBe('req-ThrottlingException');
        expect(res.headers.get('x-not-there')).toBeNull();
        expect(JSON.parse(res.body)).toEqual({ __type: 'ThrottlingException', message: 'slow down', extra: 'é' });
        const [rec] = server.requests;
        expect(rec!.method).toBe('POST');
        expect(rec!.url).toBe('/path?x=1');
        expect(rec!.body).toBe(body);
        expect(rec!.headers['x-custom']).toBe('yes');
        expect(rec!.headers.host).toBe(new URL(server.url).host);
      });

      it('no body: nothing sent', async () => {
        const res = await send(server.url, { method: 'GET', headers: {} });
        expect(res.status).toBe(200);
        expect(server.requests[0]!.body).toBe('');
      });

      it('a reset connection is a network failure', async () => {
        server.enqueue(respond.reset());
        expect((await failureOf(send(server.url, post('{}')))).kind).toBe('network');
      });

      it('a refused connection is a network failure', async () => {
        expect((await failureOf(send('http://127.0.0.1:1/', post('{}')))).kind).toBe('network');
      });

      it('no answer within the timeout, or a body that stalls, is a timeout', async () => {
        server.enqueue(respond.hang());
        expect((await failureOf(send(server.url, post('{}'), undefined, 100))).kind).toBe('timeout');
        expect((await failureOf(send(stallingUrl, post('{}'), undefined, 100))).kind).toBe('timeout');
      });

      it('the caller aborting, before or during the attempt, is an abort with its reason', async () => {
        const before = new AbortController();
        before.abort(new Error('before'));
        const f1 = await failureOf(send(server.url, post('{}'), before.signal));
        expect(f1.kind).toBe('aborted');
        expect((f1.cause as Error).message).toBe('before');

        server.enqueue(respond.hang());
        const during = new AbortController();
        const p = send(server.url, post('{}'), during.signal, 5_000);
        setTimeout(() => during.abort(new Error('during')), 50);
        const f2 = await failureOf(p);
        expect(f2.kind).toBe('aborted');
      });

      it('connections are reused (keep-alive) and successive calls still work', async () => {
        for (let i = 0; i < 5; i++) expect((await send(server.url, post(`{"i":${i}}`))).status).toBe(200);
        expect(server.requests.map((r) => r.json)).toEqual([0, 1, 2, 3, 4].map((i) => ({ i })));
      });
    });
  }
});
