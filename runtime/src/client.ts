/**
 * The client core: one `send()` that every generated operation method calls.
 *
 * Per call: validate → check config and credentials (before any I/O) → fill idempotency tokens once →
 * build the wire request → for each attempt: sign (fresh date), send, parse → retry transient failures
 * with full-jitter backoff (longer when a `Retry-After` header asks for it, up to the cap).
 *
 * Nothing here knows a protocol, a signer or a provider: the service schema picks one of each from the
 * tables in ./protocols.ts, ./signers.ts and ./providers.ts.
 *
 * @packageDocumentation
 */
import { loadCredentials, requireEndpoint, resolveConfig, type ClientConfig, type ResolvedConfig, type RetryTuning } from './config.ts';
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
import { protocolFor } from './protocols.ts';
import { providerFor, type Provider } from './providers.ts';
import { isRetryable, retryAfterMs, retryDelay, sleep } from './retry.ts';
import type { OperationSchema, ServiceSchema } from './schema.ts';
import { signatureSchemeFor } from './signers.ts';
import { sendNode, sendOnce, type AttemptFailure, type AttemptInit, type HeaderReader, type WireResponse } from './transport.ts';
import { uriEncode, type Protocol, type SignatureScheme, type Signer, type WireRequest } from './wire.ts';

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
  readonly #provider: Provider;
  readonly #protocol: Protocol;
  readonly #scheme: SignatureScheme;
  #signer: Signer | undefined;

  /**
   * Throws a {@link ConfigError} only when the schema names a provider, protocol or signatureVersion
   * the runtime does not know: a defect of the generated package, which no option can mend. Problems
   * of the options or the environment (no region, no credentials, no endpoint) fail each call instead.
   *
   * @param service - the generated service schema.
   * @param config - the caller's options (environment variables fill the gaps; see {@link ClientConfig}).
   * @param errors - generated error classes by code, and the service's base error class.
   */
  constructor(service: ServiceSchema, config: ClientConfig = {}, errors: ErrorRegistry = { base: ServiceError, byCode: {} }) {
    this.service = service;
    this.#provider = providerFor(service);
    this.#protocol = protocolFor(service);
    this.#scheme = signatureSchemeFor(service);
    this.#resolved = resolveConfig(service, config, this.#provider, this.#scheme.regional);
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
    const credentials = await loadCredentials(this.#resolved.credentials, this.service, this.#provider.env);

    const filled = this.#fillIdempotencyTokens(op, input);
    let wire: WireRequest;
    try {
      wire = this.#protocol.serializeRequest(this.service, op, filled);
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
    // Made on first use: by then requireEndpoint has checked the region a regional scheme needs.
    const signer = (this.#signer ??= this.#scheme.create(this.service, this.#resolved.region));
    for (let attempt = 1; ; attempt++) {
      const headers = await signer.sign(endpoint, wire, credentials, new Date());
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

  #requestId(headers: HeaderReader): string | undefined {
    for (const name of this.#provider.requestIdHeaders) {
      const id = headers.get(name);
      if (id !== null) return id;
    }
    return undefined;
  }

  #parseOutput<O>(op: OperationSchema, res: WireResponse, attempts: number): O & MetadataBearer {
    const requestId = this.#requestId(res.headers);
    const $metadata: ResponseMetadata = { httpStatusCode: res.status, ...(requestId ? { requestId } : {}), attempts };
    let out: unknown;
    try {
      out = this.#protocol.parseResponse(this.service, op, res);
    } catch (e) {
      throw new ResponseParseError(`${op.name}: ${(e as Error).message}`, $metadata, { cause: (e as Error).cause ?? e });
    }
    const result = (out ?? {}) as O & MetadataBearer;
    result.$metadata = $metadata;
    return result;
  }

  #serviceError(res: WireResponse, attempts: number): ServiceError {
    const e = this.#protocol.parseError(res);
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

// `k=v` pairs percent-encoded with RFC 3986's rules (Baidu's too); `null` gives a bare key (`?resize`).
function queryString(query: Record<string, string | null>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) parts.push(v === null ? uriEncode(k) : `${uriEncode(k)}=${uriEncode(v)}`);
  return parts.length ? '?' + parts.join('&') : '';
}
