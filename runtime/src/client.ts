/**
 * The client core: one `send()` that every generated operation method calls.
 *
 * Per call: validate → check config and credentials (before any I/O) → fill idempotency tokens once →
 * build the wire request → for each attempt: sign (fresh date), send, parse → retry transient failures
 * with full-jitter backoff (longer when a `Retry-After` header asks for it, up to the cap).
 *
 * @packageDocumentation
 */
import { buildAwsJsonRequest, parseAwsJsonError } from './aws-json.ts';
import { bceTimestamp, bceUriEncode, signBce } from './bce-auth.ts';
import {
  loadCredentials,
  requireEndpoint,
  resolveConfig,
  type ClientConfig,
  type Credentials,
  type ResolvedConfig,
  type RetryTuning,
} from './config.ts';
import { uuidV4 } from './crypto.ts';
import {
  AbortError,
  NetworkError,
  ResponseParseError,
  ServiceError,
  TimeoutError,
  ValidationError,
  type ErrorRegistry,
  type ResponseMetadata,
} from './errors.ts';
import { buildRestJsonRequest, parseRestJsonError } from './rest-json.ts';
import { isRetryable, retryAfterMs, retryDelay, sleep } from './retry.ts';
import type { OperationSchema, ServiceSchema } from './schema.ts';
import { deserialize } from './serde.ts';
import { SigV4Signer } from './sigv4.ts';
import { sendNode, sendOnce, type AttemptFailure, type AttemptInit, type HeaderReader, type WireResponse } from './transport.ts';
import { parseJsonBody, type WireError, type WireRequest } from './wire.ts';

/** One attempt over the chosen transport. */
type Send = (url: string, init: AttemptInit, signal: AbortSignal | undefined, timeoutMs: number | undefined) => Promise<WireResponse>;

/** Per-call options. */
export interface SendOptions {
  /** Aborts the call (current attempt and any backoff wait); the call rejects with {@link AbortError}. */
  signal?: AbortSignal;
  /** The generated validator for the operation's input; throws {@link ValidationError}. */
  validate?: (input: unknown) => void;
}

/** Every output carries the metadata of the exchange, as the official AWS SDK's do. */
export interface MetadataBearer {
  /** HTTP status, request id, attempts. */
  $metadata: ResponseMetadata;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The runtime client a generated service client wraps. Holds no secret in any visible property. */
export class RuntimeClient {
  /** The service schema this client speaks. */
  readonly service: ServiceSchema;
  readonly #resolved: ResolvedConfig;
  readonly #errors: ErrorRegistry;
  readonly #send: Send;
  readonly #retry: RetryTuning;
  #signer: SigV4Signer | undefined;

  /**
   * @param service - the generated service schema.
   * @param config - the caller's options (environment variables fill the gaps; see {@link ClientConfig}).
   * @param errors - generated error classes by code, and the service's base error class.
   */
  constructor(service: ServiceSchema, config: ClientConfig = {}, errors: ErrorRegistry = { base: ServiceError, byCode: {} }) {
    this.service = service;
    this.#resolved = resolveConfig(service, config);
    this.#errors = errors;
    const custom = config.fetch;
    // The caller's fetch when given; else node:http(s) when asked for (and on Node, see ./transport.ts);
    // else the global fetch, called through a wrapper: browsers reject `fetch` invoked with another `this`.
    const global: typeof fetch = (url, init) => globalThis.fetch(url, init);
    const viaFetch = (f: typeof fetch): Send => (url, init, signal, timeoutMs) => sendOnce(f, url, init, signal, timeoutMs);
    this.#send = custom ? viaFetch(custom) : config.transport === 'node-http' && sendNode ? sendNode : viaFetch(global);
    this.#retry = config.retry ?? {};
  }

  /** Resolved region (may be undefined until the call fails with a ConfigError). */
  get region(): string | undefined {
    return this.#resolved.region;
  }

  /** Resolved endpoint URL, as a string. */
  get endpoint(): string | undefined {
    return this.#resolved.endpoint?.href;
  }

  /**
   * Calls `op` with `input`. Resolves to the deserialised output plus `$metadata`; rejects with a
   * {@link ServiceError} (subclass per code), {@link ValidationError}, {@link ConfigError},
   * {@link CredentialsError}, {@link TimeoutError}, {@link NetworkError}, {@link AbortError} or
   * {@link ResponseParseError}.
   */
  async send<O = Record<string, unknown>>(
    op: OperationSchema,
    input: unknown,
    options: SendOptions = {},
  ): Promise<O & MetadataBearer> {
    const { signal } = options;
    if (options.validate && this.#resolved.validate) options.validate(input);
    const endpoint = requireEndpoint(this.#resolved);
    const credentials = await loadCredentials(this.#resolved.credentials, this.service);

    const filled = this.#fillIdempotencyTokens(op, input);
    let wire: WireRequest;
    try {
      wire =
        this.service.protocol === 'rest-json'
          ? buildRestJsonRequest(this.service, op, filled)
          : buildAwsJsonRequest(this.service, op, filled);
    } catch (e) {
      if (e instanceof TypeError && !e.message.startsWith('schema error')) {
        throw new ValidationError([{ path: '', message: e.message }]);
      }
      throw e;
    }
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    wire.path = basePath + wire.path;
    const url = endpoint.origin + wire.path + queryString(wire.query);

    const max = this.#resolved.maxAttempts;
    for (let attempt = 1; ; attempt++) {
      const headers = await this.#sign(wire, endpoint, credentials);
      let res: WireResponse | undefined;
      let error: Error;
      try {
        res = await this.#send(
          url,
          { method: wire.method, headers, ...(wire.body !== undefined ? { body: wire.body } : {}) },
          signal,
          this.#resolved.requestTimeoutMs,
        );
      } catch (f) {
        const failure = f as AttemptFailure;
        const meta = { attempts: attempt };
        if (failure.kind === 'aborted') throw new AbortError('request aborted', meta, { cause: failure.cause });
        error =
          failure.kind === 'timeout'
            ? new TimeoutError(`attempt timed out after ${this.#resolved.requestTimeoutMs} ms`, meta)
            : new NetworkError(`network error: ${(failure.cause as Error)?.message ?? 'fetch failed'}`, meta, {
                cause: failure.cause,
              });
      }
      if (res) {
        if (res.status >= 200 && res.status < 300) return this.#parseOutput<O>(op, res, attempt);
        error = this.#serviceError(res, attempt);
      }
      if (attempt >= max || !isRetryable(error!)) throw error!;
      const delay = retryDelay(attempt - 1, this.#retry, retryAfterMs(res?.headers.get('retry-after')));
      try {
        await (this.#retry.sleep ?? sleep)(delay, signal);
      } catch (cause) {
        throw new AbortError('request aborted', { attempts: attempt }, { cause });
      }
    }
  }

  /**
   * {@link send} as a generated client's methods call it: the operation's input validator runs first
   * (unless `validate: false`), and its output validator on the response when the client was made
   * with `validateResponses: true`.
   */
  async call<O>(
    op: OperationSchema,
    input: unknown,
    validateInput: (value: unknown) => void,
    validateOutput: (value: unknown) => void,
    options: { signal?: AbortSignal } = {},
  ): Promise<O & MetadataBearer> {
    const output = await this.send<O>(op, input, { ...options, validate: validateInput });
    if (this.#resolved.validateResponses) validateOutput(output);
    return output;
  }

  #fillIdempotencyTokens(op: OperationSchema, input: unknown): unknown {
    const shape = this.service.shapes[op.input];
    if (!shape || (shape.type !== 'structure' && shape.type !== 'union')) return input;
    let out = input as Record<string, unknown> | undefined;
    for (const name in shape.members) {
      if (shape.members[name]!.idempotencyToken && (out?.[name] === undefined || out[name] === null)) {
        // Copy before writing: the caller's object is not ours to change. Filled once per call, so every
        // retry of this call carries the same token.
        if (out === input) out = { ...(input as object) };
        out![name] = uuidV4();
      }
    }
    return out;
  }

  async #sign(wire: WireRequest, endpoint: URL, creds: Credentials): Promise<Record<string, string>> {
    const date = new Date();
    if (this.service.provider === 'aws') {
      this.#signer ??= new SigV4Signer(this.service.signingName ?? this.service.id, this.#resolved.region!);
      return this.#signer.sign(endpoint, wire, creds, date);
    }
    const headers: Record<string, string> = { ...wire.headers, 'x-bce-date': bceTimestamp(date) };
    if (creds.sessionToken) headers['x-bce-security-token'] = creds.sessionToken;
    // Sign host and x-bce-* only, as Baidu's VPC docs recommend; fetch sets Host itself.
    const toSign = ['host', ...Object.keys(headers).filter((h) => h.startsWith('x-bce-'))];
    headers.authorization = await signBce(
      { method: wire.method, path: wire.path, query: wire.query, headers: { ...headers, host: endpoint.host } },
      { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, date, headersToSign: toSign },
    );
    return headers;
  }

  #requestId(headers: HeaderReader): string | undefined {
    return (
      (this.service.provider === 'aws'
        ? (headers.get('x-amzn-requestid') ?? headers.get('x-amz-request-id'))
        : headers.get('x-bce-request-id')) ?? undefined
    );
  }

  #parseOutput<O>(op: OperationSchema, res: WireResponse, attempts: number): O & MetadataBearer {
    const requestId = this.#requestId(res.headers);
    const $metadata: ResponseMetadata = { httpStatusCode: res.status, ...(requestId ? { requestId } : {}), attempts };
    let json: unknown;
    try {
      json = parseJsonBody(res.body);
    } catch (cause) {
      throw new ResponseParseError(`${op.name}: response body is not valid JSON`, $metadata, { cause });
    }
    let out: unknown;
    try {
      out = this.service.shapes[op.output] ? deserialize(this.service, op.output, json) : {};
    } catch (cause) {
      throw new ResponseParseError(`${op.name}: response does not match ${op.output}: ${(cause as Error).message}`, $metadata, {
        cause,
      });
    }
    const result = (out ?? {}) as O & MetadataBearer;
    result.$metadata = $metadata;
    return result;
  }

  #serviceError(res: WireResponse, attempts: number): ServiceError {
    let body: unknown;
    try {
      body = parseJsonBody(res.body);
    } catch {
      body = undefined; // a proxy's HTML page, a truncated body: the status still tells what happened
    }
    const parse = this.service.protocol === 'rest-json' ? parseRestJsonError : parseAwsJsonError;
    const e: WireError = parse(res.status, res.headers, body);
    const requestId = this.#requestId(res.headers) ?? e.requestId;
    const byCode = this.#errors.byCode;
    const Ctor = Object.prototype.hasOwnProperty.call(byCode, e.code) ? byCode[e.code]! : this.#errors.base;
    return new Ctor({
      code: e.code,
      message: e.message,
      $metadata: { httpStatusCode: res.status, ...(requestId ? { requestId } : {}), attempts },
      ...(e.fields ? { fields: e.fields } : {}),
    });
  }

  /** A secret-free description (what `JSON.stringify(client)` prints). */
  toJSON(): Record<string, unknown> {
    return {
      service: this.service.id,
      region: this.#resolved.region,
      endpoint: this.#resolved.endpoint?.href,
      maxAttempts: this.#resolved.maxAttempts,
      requestTimeoutMs: this.#resolved.requestTimeoutMs,
      credentials: this.#resolved.credentials ? '[redacted]' : undefined,
    };
  }

  /** `RuntimeClient(service)`: never includes configuration values. */
  toString(): string {
    return `RuntimeClient(${this.service.id})`;
  }

  /** What `util.inspect` / `console.log` show: the same as {@link RuntimeClient.toJSON}. */
  [INSPECT](): string {
    return `RuntimeClient ${JSON.stringify(this.toJSON())}`;
  }
}

// `k=v` pairs percent-encoded with Baidu's (= RFC 3986) rules; `null` gives a bare key (`?resize`).
function queryString(query: Record<string, string | null>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) parts.push(v === null ? bceUriEncode(k) : `${bceUriEncode(k)}=${bceUriEncode(v)}`);
  return parts.length ? '?' + parts.join('&') : '';
}
