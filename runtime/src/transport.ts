/**
 * One HTTP attempt, with the caller's abort signal and a per-attempt timeout covering both the response
 * headers and the body (a server that stalls mid-body is a timeout too). Two ways, same contract:
 * - {@link sendOnce} over `fetch` (browsers, and any `fetch` the caller passes);
 * - {@link sendNode} over `node:http`/`node:https`, chosen with `transport: 'node-http'`: Node 20's `fetch` (undici) costs
 *   ~0.3 ms of CPU per small request (web streams, and the body written through an async iterator, a
 *   `writev` per chunk), `node:http` ~0.03 ms, measured against a 127.0.0.1 server (bench/clients.md).
 *   The modules are reached through `process.getBuiltinModule`, as in ./crypto.ts, so no bundler sees a
 *   Node import. Node's global agents keep connections alive (Node ≥ 19) and let the process exit.
 *
 * @packageDocumentation
 */

/** Reads a response header by name, case-insensitively (the part of `Headers` that is used). */
export interface HeaderReader {
  /** The header's value, or `null` when absent. */
  get(name: string): string | null;
  /** Calls `f` with each header (what a raw response's `headers` record is built from, when asked for). */
  forEach?(f: (value: string, name: string) => void): void;
}

/** What one attempt produced. */
export interface WireResponse {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: HeaderReader;
  /** The whole body, as text. */
  body: string;
}

/**
 * An HTTP request, relative to the endpoint, as interceptors see it (the shape of the core's
 * `WireRequest`: method, encoded path, query, lower-case headers, body text).
 */
export interface HttpRequest {
  /** HTTP method. */
  method: string;
  /** Path, percent-encoded (the endpoint's own path included). */
  path: string;
  /** Query parameters; `null` = valueless key. */
  query: Record<string, string | null>;
  /** Headers, lower-case names. */
  headers: Record<string, string>;
  /** Body text, when there is one. */
  body?: string;
}

/**
 * The raw HTTP response of an attempt, as callers see it (`$response` on outputs and service errors,
 * `response` in interceptors).
 */
export interface HttpResponse {
  /** HTTP status. */
  statusCode: number;
  /** Headers, lower-case names. */
  headers: Record<string, string>;
  /** The whole body, as text. */
  body: string;
}

/** The request of one attempt. */
export interface AttemptInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** Why an attempt failed without a response. */
export type AttemptFailure =
  | { kind: 'aborted'; cause: unknown }
  | { kind: 'timeout'; cause: unknown }
  | { kind: 'network'; cause: unknown };

/** Sends one request; resolves to the response, or rejects with an {@link AttemptFailure}. */
export async function sendOnce(
  fetchImpl: typeof fetch,
  url: string,
  init: AttemptInit,
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): Promise<WireResponse> {
  if (signal?.aborted) throw { kind: 'aborted', cause: signal.reason } satisfies AttemptFailure;
  const timed = timeoutMs !== undefined && timeoutMs > 0;
  if (!signal && !timed) {
    // Nothing can cancel this attempt: skip the controller (measurable on the per-call fast path).
    try {
      const res = await fetchImpl(url, init);
      return { status: res.status, headers: res.headers, body: await res.text() };
    } catch (cause) {
      throw { kind: 'network', cause } satisfies AttemptFailure;
    }
  }
  // One controller per attempt, aborted by the caller's signal or by the timer; we remember which.
  const ctl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctl.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timed
      ? setTimeout(() => {
          timedOut = true;
          ctl.abort();
        }, timeoutMs)
      : undefined;
  try {
    const res = await fetchImpl(url, { ...init, signal: ctl.signal });
    const body = await res.text();
    return { status: res.status, headers: res.headers, body };
  } catch (cause) {
    const kind = timedOut ? 'timeout' : signal?.aborted ? 'aborted' : 'network';
    throw { kind, cause } satisfies AttemptFailure;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

// The small part of node:http(s) used here (local types: the declarations must not need @types/node).
interface NodeHttpLike {
  request(url: URL, options: { method: string; headers: Record<string, string> }, onResponse: (res: NodeResponseLike) => void): NodeRequestLike;
}
interface NodeRequestLike {
  on(event: 'error', listener: (e: Error) => void): NodeRequestLike;
  on(event: 'close', listener: () => void): NodeRequestLike;
  end(body?: Uint8Array): void;
  destroy(): void;
}
interface NodeResponseLike {
  statusCode?: number;
  headers: Record<string, string | string[] | undefined>;
  setEncoding(encoding: 'utf8'): void;
  on(event: 'data', listener: (chunk: string) => void): NodeResponseLike;
  on(event: 'end' | 'close', listener: () => void): NodeResponseLike;
  on(event: 'error', listener: (e: Error) => void): NodeResponseLike;
}

function builtin(id: string): NodeHttpLike | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return proc?.getBuiltinModule?.(id) as NodeHttpLike | undefined;
  } catch {
    return undefined;
  }
}

const nodeHttp = builtin('node:http');
const nodeHttps = builtin('node:https');
const encoder = new TextEncoder();

/**
 * Sends one request with `node:http`/`node:https`; resolves to the response, or rejects with an
 * {@link AttemptFailure}, exactly as {@link sendOnce} does. `undefined` where Node's modules are not
 * available (browsers, Node < 20.16): use {@link sendOnce} there.
 */
export const sendNode:
  | ((url: string, init: AttemptInit, signal: AbortSignal | undefined, timeoutMs: number | undefined) => Promise<WireResponse>)
  | undefined =
  nodeHttp && nodeHttps
    ? (url, init, signal, timeoutMs) =>
        new Promise<WireResponse>((resolve, reject) => {
          if (signal?.aborted) return reject({ kind: 'aborted', cause: signal.reason } satisfies AttemptFailure);
          const target = new URL(url);
          const body = init.body === undefined ? undefined : encoder.encode(init.body);
          const headers = body ? { ...init.headers, 'content-length': String(body.length) } : init.headers;
          // The first outcome wins: a response, an error, the caller's abort, the timer, a closed socket.
          let settled = false;
          let failure: AttemptFailure | undefined;
          let timer: ReturnType<typeof setTimeout> | undefined;
          const settle = (f: () => void): void => {
            if (settled) return;
            settled = true;
            if (timer !== undefined) clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            f();
          };
          const fail = (why: AttemptFailure): void => {
            failure ??= why;
            req.destroy();
            settle(() => reject(failure));
          };
          const onError = (cause: unknown): void => settle(() => reject(failure ?? ({ kind: 'network', cause } satisfies AttemptFailure)));
          const onAbort = (): void => fail({ kind: 'aborted', cause: signal!.reason });
          const req = (target.protocol === 'https:' ? nodeHttps! : nodeHttp!).request(target, { method: init.method, headers }, (res) => {
            const chunks: string[] = [];
            res.setEncoding('utf8');
            res.on('data', (c) => chunks.push(c));
            res.on('error', onError);
            res.on('end', () =>
              settle(() =>
                resolve({
                  status: res.statusCode ?? 0,
                  headers: {
                    get: (name) => {
                      const v = res.headers[name.toLowerCase()];
                      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
                    },
                    forEach: (f) => {
                      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) f(Array.isArray(v) ? v.join(', ') : v, k);
                    },
                  },
                  body: chunks.join(''),
                }),
              ),
            );
            res.on('close', () => onError(new Error('connection closed before the response ended')));
          });
          req.on('error', onError);
          req.on('close', () => onError(new Error('connection closed before a response')));
          signal?.addEventListener('abort', onAbort, { once: true });
          if (timeoutMs !== undefined && timeoutMs > 0) {
            timer = setTimeout(() => fail({ kind: 'timeout', cause: new Error(`no complete response in ${timeoutMs} ms`) }), timeoutMs);
          }
          req.end(body);
        })
    : undefined;
