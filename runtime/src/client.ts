/**
 * The client core: one `send()` that every generated operation method calls.
 *
 * Per call: validate → check config and credentials (before any I/O; none for `auth: 'none'`) → fill
 * idempotency tokens once → build the wire request (host prefix applied) → for each attempt: the SDK
 * headers, sign (fresh date, corrected by the clock offset), send, parse → retry transient failures
 * with full-jitter backoff (longer when a `Retry-After` header asks for it, up to the cap) while the
 * client's retry quota lasts; a clock-skew error with a far-off `Date` corrects the clock and is
 * retried once. The caller's interceptors run around these steps (./interceptors.ts).
 *
 * Nothing here knows a protocol, a signer or a provider. A generated client hands {@link WireClient} the
 * protocol and signature scheme its schema names, imported by name (`awsJson1_1`, `sigV4`), so a bundle
 * holds those and no other; {@link RuntimeClient} looks them up by the schema's names in the tables of
 * ./protocols.ts and ./signers.ts instead (every protocol and signer in the bundle). The provider comes
 * from ./providers.ts.
 *
 * @packageDocumentation
 */
import { checkConfigKeys } from './config-keys.ts';
import { loadCredentials, requireEndpoint, resolveConfig, settleConfig, type ClientConfig, type ResolvedConfig, type RetryTuning } from './config.ts';
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
import { runHooks, type HttpResponse, type Interceptor, type InterceptorContext } from './interceptors.ts';
import { protocolFor } from './protocols.ts';
import { providerFor, type Provider } from './providers.ts';
import { retryAfterMs, retryDelay, retryKind, RetryQuota, skewCorrection, sleep } from './retry.ts';
import type { OperationSchema, ServiceSchema } from './schema.ts';
import { signatureSchemeFor } from './signers.ts';
import { sendNode, sendOnce, type AttemptFailure, type AttemptInit, type HeaderReader, type WireResponse } from './transport.ts';
import { VERSION } from './version.ts';
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

/**
 * Every output carries the metadata of the exchange, as the official AWS SDK's do, and the raw
 * response of its last attempt (`$response`, not enumerable: left out of `JSON.stringify` and deep
 * equality), as the AWS SDK's service errors carry it.
 */
export interface MetadataBearer {
  /** HTTP status, request id, attempts. */
  $metadata: ResponseMetadata;
  /** The raw HTTP response (status, headers, body text). */
  readonly $response?: HttpResponse;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * What a client speaks, beyond its schema: the objects the schema's `protocol` and `signatureVersion`
 * name. Passed in rather than looked up, so that a bundler keeps only these two.
 */
export interface ServiceWire {
  /** The wire protocol, e.g. `awsJson1_1` (the `PROTOCOLS` row of the schema's `protocol`). */
  protocol: Protocol;
  /** The signature scheme, e.g. `sigV4` (the `SIGNERS` row of the schema's `signatureVersion`, else its provider's). */
  signatureScheme: SignatureScheme;
}

/**
 * The client core a generated service client wraps, given its protocol and signature scheme (see
 * {@link ServiceWire}). Holds no secret in any visible property.
 */
export class WireClient {
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
  readonly #quota: RetryQuota;
  readonly #interceptors: readonly Interceptor[];
  readonly #log: ((line: string) => void) | undefined;
  readonly #sdkHeaders: Record<string, string>;
  readonly #hostPrefix: boolean;
  // Server clock minus ours, ms: set from the `Date` of a clock-skew error, then used by every call.
  #clockOffset = 0;

  /**
   * Throws a {@link ConfigError} when an option's name is unknown (naming it, and the option meant),
   * or when the schema names a provider the runtime does not know: a defect of the generated package,
   * which no option can mend. Problems of the options' values or of the environment (no region, no
   * credentials, no endpoint) fail each call instead.
   *
   * @param service - the generated service schema.
   * @param wire - the protocol and signature scheme the schema names.
   * @param config - the caller's options (environment variables fill the gaps; see {@link ClientConfig}).
   * @param errors - generated error classes by code, and the service's base error class.
   */
  constructor(service: ServiceSchema, wire: ServiceWire, config: ClientConfig = {}, errors: ErrorRegistry = { base: ServiceError, byCode: {} }) {
    this.service = service;
    checkConfigKeys(config, service.id);
    this.#provider = providerFor(service);
    this.#protocol = wire.protocol;
    this.#scheme = wire.signatureScheme;
    this.#resolved = resolveConfig(service, config, this.#provider, this.#scheme.regional);
    this.#errors = errors;
    const custom = config.fetch;
    // The caller's fetch when given; else node:http(s) when asked for (and on Node, see ./transport.ts);
    // else the global fetch, called through a wrapper: browsers reject `fetch` invoked with another `this`.
    const global: typeof fetch = (url, init) => globalThis.fetch(url, init);
    const viaFetch = (f: typeof fetch): Send => (url, init, signal, timeoutMs) => sendOnce(f, url, init, signal, timeoutMs);
    this.#send = custom ? viaFetch(custom) : config.transport === 'node-http' && sendNode ? sendNode : viaFetch(global);
    this.#retry = config.retry ?? {};
    this.#quota = this.#retry.quota ?? new RetryQuota();
    this.#interceptors = config.interceptors ?? [];
    const logger = config.logger;
    this.#log = logger?.debug ? (line) => logger.debug!(`docsdk ${service.id} ${line}`) : undefined;
    this.#hostPrefix = !config.disableHostPrefix;
    // The AWS SDK's user agent names the SDK, its version and the language; browsers set their own
    // `user-agent` (and would ask a CORS preflight for it), so there it is only `x-amz-user-agent`.
    const ua = `docsdk/${VERSION} ua/2.1 api/${service.id} lang/js`;
    const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
    this.#sdkHeaders = {
      ...(node ? { 'user-agent': `${ua} md/nodejs#${node}` } : {}),
      ...(this.#provider.sdkHeaders ? { 'x-amz-user-agent': ua } : {}),
    };
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
   * Calls `op` with `input`. Resolves to the deserialised output plus `$metadata` (and `$response`);
   * rejects with a {@link ServiceError} (subclass per code), {@link ValidationError}, {@link ConfigError},
   * {@link CredentialsError}, {@link TimeoutError}, {@link NetworkError}, {@link AbortError},
   * {@link ResponseParseError}, or what an interceptor threw.
   */
  async send<O = Record<string, unknown>>(
    op: OperationSchema,
    input: unknown,
    options: SendOptions = {},
  ): Promise<O & MetadataBearer> {
    const hooks = this.#interceptors;
    if (!hooks.length) return this.#send1<O>(op, input, options, undefined);
    const context: InterceptorContext = { service: this.service.id, operation: op.name, input, attempt: 0 };
    let output: (O & MetadataBearer) | undefined;
    let failed = false;
    try {
      await runHooks(hooks, 'readBeforeExecution', context);
      await runHooks(hooks, 'modifyBeforeSerialization', context);
      output = await this.#send1<O>(op, context.input, options, context);
      context.output = output;
    } catch (e) {
      failed = true;
      context.error = e;
    }
    await runHooks(hooks, 'readAfterExecution', context);
    if (failed) throw context.error;
    return output!;
  }

  async #send1<O>(op: OperationSchema, input: unknown, options: SendOptions, context: InterceptorContext | undefined): Promise<O & MetadataBearer> {
    const { signal } = options;
    const hooks = this.#interceptors;
    const log = this.#log;
    if (options.validate && this.#resolved.validate) options.validate(input);
    // The first call reads what the shared config files add (a profile's region or endpoint), once.
    const endpoint = requireEndpoint(await settleConfig(this.#resolved));
    // An unsigned operation (`auth: 'none'`) looks no credentials up: it works with none at all.
    const unsigned = op.auth === 'none';
    const credentials = unsigned ? undefined : await loadCredentials(this.#resolved.credentials, this.service, this.#provider.env);

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
    const host = op.hostPrefix && this.#hostPrefix ? prefixedHost(endpoint, op.hostPrefix, filled) : endpoint;
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    wire.path = basePath + wire.path;
    const url = host.origin + wire.path + queryString(wire.query);

    const max = this.#resolved.maxAttempts;
    // Made on first use: by then requireEndpoint has checked the region a regional scheme needs.
    const signer = unsigned ? undefined : (this.#signer ??= this.#scheme.create(this.service, this.#resolved.region));
    // The AWS SDK's headers: one invocation id per call (the same on every retry), the attempt number.
    const invocation = this.#provider.sdkHeaders ? uuidV4() : undefined;
    let skewRetried = false;
    let lastCost = 0;
    for (let attempt = 1; ; attempt++) {
      const request: WireRequest = {
        ...wire,
        headers: {
          ...wire.headers,
          ...this.#sdkHeaders,
          ...(invocation ? { 'amz-sdk-invocation-id': invocation, 'amz-sdk-request': `attempt=${attempt}; max=${max}` } : {}),
        },
      };
      if (context) {
        context.attempt = attempt;
        context.request = request;
        context.endpoint = host;
        delete context.response;
        await runHooks(hooks, 'modifyBeforeSigning', context);
      }
      const headers = signer ? await signer.sign(host, request, credentials!, new Date(Date.now() + this.#clockOffset)) : request.headers;
      if (context) {
        context.request = { ...request, headers };
        await runHooks(hooks, 'readBeforeTransmit', context);
      }
      log?.(`${op.name} #${attempt}/${max} ${request.method} ${url}${signer ? '' : ' unsigned'}`);
      let res: WireResponse | undefined;
      let error: Error;
      try {
        res = await this.#send(
          url,
          { method: request.method, headers, ...(request.body !== undefined ? { body: request.body } : {}) },
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
      let skew: number | undefined;
      if (res) {
        const raw = rawResponse(res);
        if (context) {
          context.response = raw;
          await runHooks(hooks, 'readAfterTransmit', context);
        }
        log?.(`${op.name} #${attempt} HTTP ${res.status}`);
        if (res.status >= 200 && res.status < 300) {
          this.#quota.release(lastCost);
          return this.#parseOutput<O>(op, res, raw, attempt);
        }
        error = this.#serviceError(res, raw, attempt);
        skew = skewRetried ? undefined : skewCorrection(error, res.headers.get('date'), Date.now(), this.#clockOffset);
        if (skew !== undefined) {
          // Later calls sign with the corrected clock too, as the AWS SDKs do.
          this.#clockOffset = skew;
          skewRetried = true;
          log?.(`${op.name} #${attempt} clock skew: offset ${skew} ms from Date`);
        }
      }
      const kind = skew !== undefined ? 'transient' : retryKind(error!);
      if (attempt >= max || !kind) throw error!;
      const cost = this.#quota.acquire(kind);
      if (!cost) {
        log?.(`${op.name} #${attempt} retry quota exhausted`);
        throw error!;
      }
      lastCost = cost;
      const delay = retryDelay(attempt - 1, this.#retry, retryAfterMs(res?.headers.get('retry-after')), kind === 'throttling');
      log?.(`${op.name} #${attempt} ${error!.name}: retry in ${delay} ms, quota ${this.#quota.available}`);
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

  #parseOutput<O>(op: OperationSchema, res: WireResponse, raw: HttpResponse, attempts: number): O & MetadataBearer {
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
    Object.defineProperty(result, '$response', { value: raw, configurable: true });
    return result;
  }

  #serviceError(res: WireResponse, raw: HttpResponse, attempts: number): ServiceError {
    const e = this.#protocol.parseError(res);
    const requestId = this.#requestId(res.headers) ?? e.requestId;
    const byCode = this.#errors.byCode;
    const Ctor = Object.prototype.hasOwnProperty.call(byCode, e.code) ? byCode[e.code]! : this.#errors.base;
    const error = new Ctor({
      code: e.code,
      message: e.message,
      $metadata: { httpStatusCode: res.status, ...(requestId ? { requestId } : {}), attempts },
      ...(e.fields ? { fields: e.fields } : {}),
    });
    return Object.defineProperty(error, '$response', { value: raw, configurable: true });
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

/**
 * A {@link WireClient} whose protocol and signature scheme are the runtime's rows for the schema's
 * names (`PROTOCOLS`, `SIGNERS`): for hand-written clients and tests. Its bundle holds every protocol and
 * signer; generated clients use {@link WireClient} with their own two instead.
 */
export class RuntimeClient extends WireClient {
  /**
   * Throws a {@link ConfigError} when the schema names a protocol or signatureVersion the runtime does
   * not know, and as {@link WireClient}'s constructor does.
   *
   * @param service - the service schema.
   * @param config - the caller's options.
   * @param errors - error classes by code, and the service's base error class.
   */
  constructor(service: ServiceSchema, config?: ClientConfig, errors?: ErrorRegistry) {
    super(service, { protocol: protocolFor(service), signatureScheme: signatureSchemeFor(service) }, config, errors);
  }
}

/**
 * The raw response of an attempt; its `headers` record is built when first read (most calls never do).
 */
function rawResponse(res: WireResponse): HttpResponse {
  let h: Record<string, string> | undefined;
  return {
    statusCode: res.status,
    body: res.body,
    get headers() {
      if (!h) res.headers.forEach?.((v, k) => ((h ??= {})[k.toLowerCase()] = v));
      return (h ??= {});
    },
  };
}

/**
 * `endpoint` with the operation's host prefix before its host name, `{Name}` replaced by the input
 * member `Name`, which must be a host label (else a {@link ValidationError}, before any I/O).
 */
function prefixedHost(endpoint: URL, prefix: string, input: unknown): URL {
  const url = new URL(endpoint.href);
  url.hostname =
    prefix.replace(/\{([^}]*)\}/g, (_, name: string) => {
      const v = (input as Record<string, unknown> | undefined)?.[name];
      if (typeof v === 'string' && /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(v)) return v;
      throw new ValidationError([{ path: name, message: 'must be a host label for the host prefix (letters, digits, inner hyphens)' }]);
    }) + url.hostname;
  return url;
}

// `k=v` pairs percent-encoded with RFC 3986's rules (Baidu's too); `null` gives a bare key (`?resize`).
function queryString(query: Record<string, string | null>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) parts.push(v === null ? uriEncode(k) : `${uriEncode(k)}=${uriEncode(v)}`);
  return parts.length ? '?' + parts.join('&') : '';
}
