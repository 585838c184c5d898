/**
 * A local test server for runtime and generated-client tests (127.0.0.1 only).
 *
 * It checks signatures independently of the runtime's signing code:
 * - SigV4: recomputed with `@smithy/signature-v4` and the pure-JS `@aws-crypto/sha256-js` (the runtime
 *   hashes with node:crypto / WebCrypto), from the request as received on the socket;
 * - bce-auth-v1: recomputed with Baidu's own Node SDK (`@baiducloud/sdk` `Auth`).
 * It records every request, answers canned responses in order (or a default), and on demand throttles
 * (429), fails (500), hangs, resets the connection or sends malformed JSON.
 */
import { Sha256 as JsSha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BceAuth } from './baidu-oracle.ts';

/** Credentials the server knows (access key id → secret). */
export interface ServerCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Outcome of the server's signature check for one request. */
export interface SignatureCheck {
  scheme: 'aws4' | 'bce' | 'none';
  valid: boolean;
  /** Why it is invalid (or the scheme's details). */
  reason?: string;
  /** The authorization the server computed. */
  expected?: string;
}

/** A request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Raw request target (path and query as sent). */
  url: string;
  /** Raw path (still percent-encoded). */
  path: string;
  /** Query parameters; valueless keys (`?resize`) are `null`. */
  query: Record<string, string | null>;
  /** Headers, lower-case names. */
  headers: Record<string, string>;
  body: string;
  /** `JSON.parse(body)` when the body is JSON, else undefined. */
  json: unknown;
  signature: SignatureCheck;
  /** Milliseconds since the server started. */
  at: number;
}

/** A canned answer. */
export type CannedResponse =
  | { kind?: 'json'; status?: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'raw'; status?: number; headers?: Record<string, string>; body: string }
  | { kind: 'hang' }
  | { kind: 'reset' };

/** Helpers to build canned responses. */
export const respond = {
  /** 200 (or `status`) with a JSON body. */
  json: (body: unknown, status = 200, headers: Record<string, string> = {}): CannedResponse => ({ status, body, headers }),
  /** An AWS JSON error (code in the body `__type` and in `x-amzn-errortype`). */
  awsError: (code: string, message: string, status = 400, extra: Record<string, unknown> = {}): CannedResponse => ({
    status,
    headers: { 'x-amzn-errortype': code, 'x-amzn-requestid': `req-${code}` },
    body: { __type: code, message, ...extra },
  }),
  /** A Baidu error `{ code, message, requestId }`. */
  bceError: (code: string, message: string, status = 400): CannedResponse => ({
    status,
    headers: { 'x-bce-request-id': `bce-req-${code}` },
    body: { code, message, requestId: `bce-req-${code}` },
  }),
  /** HTTP 429 with a throttling error body (AWS and Baidu fields both present), plus `headers`. */
  throttle: (headers: Record<string, string> = {}): CannedResponse => ({
    status: 429,
    headers: { 'x-amzn-errortype': 'ThrottlingException', ...headers },
    body: { __type: 'ThrottlingException', code: 'TooManyRequests', message: 'Rate exceeded' },
  }),
  /** HTTP 500 with an internal error body, plus `headers`. */
  serverError: (headers: Record<string, string> = {}): CannedResponse => ({
    status: 500,
    headers: { 'x-amzn-errortype': 'InternalServerException', ...headers },
    body: { __type: 'InternalServerException', code: 'InternalError', message: 'We encountered an internal error' },
  }),
  /** Status 200 with a body that is not JSON. */
  malformed: (status = 200): CannedResponse => ({
    kind: 'raw',
    status,
    headers: { 'content-type': 'application/json' },
    body: '{"connections": [ {"connectionId": ',
  }),
  /** Never answers (until the server closes). */
  hang: (): CannedResponse => ({ kind: 'hang' }),
  /** Destroys the connection without an answer (a network error for the client). */
  reset: (): CannedResponse => ({ kind: 'reset' }),
};

/** Options of {@link TestServer.start}. */
export interface TestServerOptions {
  /** Credentials the server accepts (SigV4 and bce-auth-v1). */
  credentials?: ServerCredentials[];
  /** Answer 403 to requests whose signature does not verify. Default true. */
  rejectBadSignatures?: boolean;
  /** Answer when the queue is empty. Default `{}` with 200. */
  defaultResponse?: CannedResponse;
  /**
   * The server's clock, ms ahead of the machine's (negative: behind). When set, every answer's `Date`
   * header is that clock's, and a SigV4 request signed more than 5 minutes away from it is answered
   * 403 `InvalidSignatureException` "Signature expired", as AWS services answer a skewed client.
   */
  clockOffsetMs?: number;
}

/** The test server. Start with {@link TestServer.start}, stop with {@link TestServer.close}. */
export class TestServer {
  /** Requests received, in order. */
  readonly requests: RecordedRequest[] = [];
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  private readonly queue: CannedResponse[] = [];
  private readonly creds: Map<string, string>;
  private readonly sockets = new Set<Socket>();
  private readonly started = Date.now();

  private constructor(
    private readonly server: Server,
    private readonly options: TestServerOptions,
  ) {
    this.port = (server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
    this.creds = new Map((options.credentials ?? []).map((c) => [c.accessKeyId, c.secretAccessKey]));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  /** Starts a server on 127.0.0.1 and an ephemeral port. */
  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    let self: TestServer | undefined;
    const server = createServer((req, res) => void self!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new TestServer(server, options);
    return self;
  }

  /** Queues answers, served in order (one per request). */
  enqueue(...responses: CannedResponse[]): this {
    this.queue.push(...responses);
    return this;
  }

  /** Forgets recorded requests and queued answers. */
  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  /** Stops the server, dropping hung connections. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const body = raw.toString('utf8');
    const target = req.url ?? '/';
    const qIndex = target.indexOf('?');
    const path = qIndex < 0 ? target : target.slice(0, qIndex);
    const query: Record<string, string | null> = {};
    if (qIndex >= 0) {
      for (const part of target.slice(qIndex + 1).split('&')) {
        if (!part) continue;
        const eq = part.indexOf('=');
        if (eq < 0) query[decodeURIComponent(part)] = null;
        else query[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
      }
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
    let json: unknown;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const signature = await this.verify(req.method ?? 'GET', path, query, headers, raw);
    const rec: RecordedRequest = { method: req.method ?? 'GET', url: target, path, query, headers, body, json, signature, at: Date.now() - this.started };
    this.requests.push(rec);

    const offset = this.options.clockOffsetMs;
    if (offset !== undefined) {
      const now = new Date(Date.now() + offset);
      res.setHeader('date', now.toUTCString());
      const amzDate = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(headers['x-amz-date'] ?? '');
      const signedAt = amzDate ? Date.UTC(+amzDate[1]!, +amzDate[2]! - 1, +amzDate[3]!, +amzDate[4]!, +amzDate[5]!, +amzDate[6]!) : undefined;
      if (signature.scheme === 'aws4' && signedAt !== undefined && Math.abs(signedAt - now.getTime()) > 300_000) {
        const b = JSON.stringify({ __type: 'InvalidSignatureException', message: `Signature expired: ${headers['x-amz-date']} is now earlier than ${now.toISOString()}` });
        res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidSignatureException' }).end(b);
        return;
      }
    }
    if (!signature.valid && signature.scheme !== 'none' && this.options.rejectBadSignatures !== false) {
      const b = JSON.stringify({ __type: 'InvalidSignatureException', code: 'SignatureDoesNotMatch', message: 'signature mismatch' });
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidSignatureException' }).end(b);
      return;
    }
    const canned = this.queue.shift() ?? this.options.defaultResponse ?? { status: 200, body: {} };
    switch (canned.kind) {
      case 'hang':
        return; // left open; close() destroys the socket
      case 'reset':
        req.socket.destroy();
        return;
      case 'raw':
        res.writeHead(canned.status ?? 200, canned.headers ?? {}).end(canned.body);
        return;
      default: {
        const text = canned.body === undefined ? '' : JSON.stringify(canned.body);
        res.writeHead(canned.status ?? 200, { 'content-type': 'application/json', ...(canned.headers ?? {}) }).end(text);
      }
    }
  }

  private async verify(
    method: string,
    path: string,
    query: Record<string, string | null>,
    headers: Record<string, string>,
    body: Buffer,
  ): Promise<SignatureCheck> {
    const auth = headers.authorization;
    if (!auth) return { scheme: 'none', valid: false, reason: 'no authorization header' };
    if (auth.startsWith('AWS4-HMAC-SHA256 ')) return this.verifyAws(auth, method, path, query, headers, body);
    if (auth.startsWith('bce-auth-v1/')) return this.verifyBce(auth, method, path, query, headers);
    return { scheme: 'none', valid: false, reason: 'unknown authorization scheme' };
  }

  private async verifyAws(
    auth: string,
    method: string,
    path: string,
    query: Record<string, string | null>,
    headers: Record<string, string>,
    body: Buffer,
  ): Promise<SignatureCheck> {
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m) return { scheme: 'aws4', valid: false, reason: 'malformed authorization' };
    const [, akid, day, region, service, signedList] = m as unknown as string[];
    const secret = this.creds.get(akid!);
    if (!secret) return { scheme: 'aws4', valid: false, reason: `unknown access key` };
    const amzDate = headers['x-amz-date'];
    if (!amzDate || amzDate.slice(0, 8) !== day) return { scheme: 'aws4', valid: false, reason: 'x-amz-date missing or not the scope date' };
    const signingDate = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    const signed = signedList!.split(';');
    const toSign: Record<string, string> = {};
    for (const h of signed) {
      if (headers[h] === undefined) return { scheme: 'aws4', valid: false, reason: `signed header ${h} not received` };
      toSign[h] = headers[h]!;
    }
    const signer = new SignatureV4({
      service: service!,
      region: region!,
      sha256: JsSha256,
      credentials: {
        accessKeyId: akid!,
        secretAccessKey: secret,
        ...(headers['x-amz-security-token'] ? { sessionToken: headers['x-amz-security-token'] } : {}),
      },
      applyChecksum: false,
    });
    const [hostname, port] = (headers.host ?? '').split(':');
    const q: Record<string, string> = {};
    for (const [k, v] of Object.entries(query)) q[k] = v ?? '';
    const out = await signer.sign(
      { method, protocol: 'http:', hostname: hostname!, port: port ? Number(port) : undefined, path: decodeURIComponent(path), query: q, headers: toSign, body: new Uint8Array(body) },
      { signingDate, signableHeaders: new Set(signed) },
    );
    const expected = out.headers.authorization ?? out.headers.Authorization;
    return expected === auth ? { scheme: 'aws4', valid: true, expected } : { scheme: 'aws4', valid: false, reason: 'signature mismatch', expected };
  }

  private verifyBce(
    auth: string,
    method: string,
    path: string,
    query: Record<string, string | null>,
    headers: Record<string, string>,
  ): SignatureCheck {
    const m = /^bce-auth-v1\/([^/]+)\/([^/]+)\/(\d+)\/([^/]*)\/([0-9a-f]{64})$/.exec(auth);
    if (!m) return { scheme: 'bce', valid: false, reason: 'malformed authorization' };
    const [, ak, ts, exp, signedList] = m as unknown as string[];
    const sk = this.creds.get(ak!);
    if (!sk) return { scheme: 'bce', valid: false, reason: 'unknown access key' };
    const when = Date.parse(ts!);
    if (Number.isNaN(when)) return { scheme: 'bce', valid: false, reason: 'bad timestamp' };
    if (headers['x-bce-date'] !== undefined && headers['x-bce-date'] !== ts) {
      return { scheme: 'bce', valid: false, reason: 'x-bce-date differs from the auth timestamp' };
    }
    const headersToSign = signedList ? signedList.split(';') : undefined;
    const expected = new BceAuth(ak!, sk).generateAuthorization(method, path, query, headers, when / 1000, Number(exp), headersToSign);
    return expected === auth ? { scheme: 'bce', valid: true, expected } : { scheme: 'bce', valid: false, reason: 'signature mismatch', expected };
  }
}
