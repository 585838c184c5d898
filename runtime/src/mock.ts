/**
 * `@docsdk/runtime/mock`: a typed test double of a generated client, for testing code that uses it.
 *
 * `createClientMock(Client, schema, methods)` (each generated package wraps it as its own `mockClient`,
 * in `<package>/mock`) replaces the operation methods of `Client.prototype`, so every instance — also
 * those the code under test makes itself — answers from handlers given with `.on(method, handler)`.
 * Nothing is stubbed below the HTTP exchange: a call runs through a real client of the same class whose
 * `fetch` is the mock's, so the input is validated, idempotency tokens filled, the request serialised
 * and signed as always; the mock parses that request back into the operation's input (as the service
 * would read it) for the handler, and serialises the handler's output, or the {@link ServiceError} it
 * throws, as the service would answer; the client parses that answer (output deserialisation, response
 * validation, the error-code → class mapping) as any other. No network: the mock's `fetch` is the only
 * one the client has.
 *
 * Its own module, imported only from a package's `./mock` entry, so no client bundle contains it. It
 * imports the runtime through `./index.ts` only: built, that is `./index.js`, the same module (and so
 * the same error classes) generated clients import.
 *
 * @packageDocumentation
 */
import {
  deserialize,
  providerFor,
  serialize,
  ServiceError,
  type MemberSchema,
  type MetadataBearer,
  type OperationSchema,
  type ServiceErrorConstructor,
  type ServiceSchema,
  type ShapeSchema,
} from './index.ts';

/** The names of `C`'s operation methods: those returning a promise (not paginators, not `toJSON`). */
export type OperationName<C> = {
  [K in keyof C & string]: C[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof C & string];

/** The input of operation `K` of client `C`, as the handler receives it (read back from the request). */
export type MockInput<C, K extends OperationName<C>> = C[K] extends (...args: infer A) => Promise<unknown>
  ? Exclude<A[0], undefined>
  : never;

/**
 * What a handler of operation `K` returns: the operation's output without `$metadata` (the client adds
 * it); nothing at all when the output has no required member.
 */
export type MockOutput<C, K extends OperationName<C>> = C[K] extends (...args: never[]) => Promise<infer O>
  ? [O] extends [never]
    ? void
    : O extends unknown
      ? {} extends Omit<O, keyof MetadataBearer>
        ? Omit<O, keyof MetadataBearer> | void
        : Omit<O, keyof MetadataBearer>
      : never
  : never;

/**
 * Answers one call: returns the output (or a promise of it), or throws a {@link ServiceError} (e.g. a
 * generated error class, made with {@link serviceError}) for the client to receive as the service's
 * error. Any other thrown value rejects the call as it is.
 */
export type MockHandler<C, K extends OperationName<C>> = (
  input: MockInput<C, K>,
) => MockOutput<C, K> | Promise<MockOutput<C, K>>;

/** One call the mock answered (or refused as not mocked). */
export interface MockCall<C> {
  /** The operation's method name. */
  operation: OperationName<C>;
  /** Its input as read back from the request. */
  input: unknown;
}

/** The mock of one client class; see {@link createClientMock}. */
export interface ClientMock<C> {
  /** Answers calls of `operation` with `handler` (replacing an earlier one); chainable. */
  on<K extends OperationName<C>>(operation: K, handler: MockHandler<C, K>): this;
  /** The inputs of the calls of `operation` so far, in order (calls that failed validation never reach the mock). */
  calls<K extends OperationName<C>>(operation: K): MockInput<C, K>[];
  /** Every call so far, in order. */
  calls(): MockCall<C>[];
  /** Forgets every handler and recorded call; the class stays mocked. */
  reset(): this;
  /** Puts the class's own methods back. */
  restore(): void;
}

/** A misuse of the mock: an operation called without a handler, a request that names no operation. */
export class MockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MockError';
  }
}

/**
 * A {@link ServiceError} of class `Ctor` as the service would send it: code = the class's name (the
 * documented code; pass `code` when they differ), HTTP status 400 unless `status` says otherwise, and
 * `fields` as other members of the error body.
 */
export function serviceError<E extends ServiceError>(
  Ctor: new (init: ConstructorParameters<ServiceErrorConstructor>[0]) => E,
  message: string,
  options: { code?: string; status?: number; fields?: Record<string, unknown> } = {},
): E {
  return new Ctor({
    code: options.code ?? Ctor.name,
    message,
    $metadata: { httpStatusCode: options.status ?? 400, attempts: 1 },
    ...(options.fields ? { fields: options.fields } : {}),
  });
}

// The mock's endpoint: `.invalid` never resolves (RFC 2606), should anything bypass the mock's fetch.
const ENDPOINT = 'https://mock.docsdk.invalid';
const CREDENTIALS = { accessKeyId: 'AKIDDOCSDKMOCK', secretAccessKey: 'docsdk-mock-secret' };
const hasOwn = Object.prototype.hasOwnProperty;
/** Errors the mock raised or a handler threw: the client wraps what its `fetch` throws; the mock unwraps these. */
const passThrough = new WeakSet<object>();
/** The active mock of each class (mocking a class again restores the earlier mock first). */
const active = new WeakMap<object, ClientMock<unknown>>();

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/** What a generated package tells {@link createClientMock} about its client. */
export interface MockBinding {
  /** The package's service schema. */
  schema: ServiceSchema;
  /** Its operations, by wire name. */
  operations: Readonly<Record<string, OperationSchema>>;
  /** Each operation method's wire name: `{ describeHostedConnections: 'DescribeHostedConnections' }`. */
  methods: Readonly<Record<string, string>>;
}

/**
 * Mocks `Client` (a generated client class) until {@link ClientMock.restore}. Generated packages call
 * this from their `mockClient`; tests call that.
 */
export function createClientMock<C extends object>(
  Client: abstract new (...args: never[]) => C,
  { schema, operations, methods }: MockBinding,
): ClientMock<C> {
  active.get(Client)?.restore();
  const handlers = new Map<string, (input: unknown) => unknown>();
  const recorded: MockCall<C>[] = [];
  const byWire = new Map(Object.entries(methods).map(([method, wire]) => [wire, method]));
  const provider = providerFor(schema);

  const fetchImpl = async (url: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const target = new URL(url instanceof Request ? url.url : String(url));
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? init.body : '';
    const op = route(schema, operations, init.method ?? 'GET', target, headers);
    const method = byWire.get(op.name) ?? op.name;
    const input = readRequest(schema, op, target, headers, body);
    recorded.push({ operation: method as OperationName<C>, input });
    const handler = handlers.get(method);
    if (!handler) throw mark(new MockError(`${Client.name}.${method} is not mocked: give it a handler with .on('${method}', (input) => output)`));
    let output: unknown;
    try {
      output = await handler(input);
    } catch (e) {
      if (e instanceof ServiceError) return errorResponse(schema, e, provider.requestIdHeaders[0]);
      throw mark(e);
    }
    const wire = JSON.stringify(schema.shapes[op.output] ? (serialize(schema, op.output, output ?? {}) ?? {}) : {});
    return new Response(wire, { status: 200, headers: { 'content-type': 'application/json', [provider.requestIdHeaders[0] ?? 'x-request-id']: `mock-${recorded.length}` } });
  };

  let shadow: C | undefined;
  // One real client answering every mocked instance: validation on, responses validated too, no
  // retries (a handler's error arrives at once), nothing read from the environment.
  const real = (): C =>
    (shadow ??= new (Client as unknown as new (config: object) => C)({
      region: schema.provider === 'baidu' ? 'bj' : 'us-east-1',
      endpoint: ENDPOINT,
      credentials: CREDENTIALS,
      maxAttempts: 1,
      validateResponses: true,
      env: {},
      fetch: fetchImpl,
    }));

  const proto = Client.prototype as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  for (const name of Object.getOwnPropertyNames(proto)) {
    const original = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
    if (name === 'constructor' || name === 'toJSON' || typeof original !== 'function') continue;
    originals.set(name, original);
    proto[name] = function mocked(this: unknown, ...args: unknown[]): unknown {
      const result = (original as AnyFunction).apply(real(), args);
      if (result instanceof Promise) return result.catch(rethrow);
      if (result && typeof result === 'object' && Symbol.asyncIterator in result) return unwrapIterable(result as AsyncIterable<unknown>);
      return result;
    };
  }

  const mock: ClientMock<C> = {
    on(operation, handler) {
      if (!hasOwn.call(methods, operation)) throw new MockError(`${Client.name} has no operation ${JSON.stringify(operation)}`);
      handlers.set(operation, handler as (input: unknown) => unknown);
      return mock;
    },
    calls: ((operation?: string) =>
      operation === undefined ? recorded.map((c) => ({ ...c })) : recorded.filter((c) => c.operation === operation).map((c) => c.input)) as ClientMock<C>['calls'],
    reset() {
      handlers.clear();
      recorded.length = 0;
      return mock;
    },
    restore() {
      for (const [name, original] of originals) proto[name] = original;
      originals.clear();
      if (active.get(Client) === mock) active.delete(Client);
    },
  };
  active.set(Client, mock as ClientMock<unknown>);
  return mock;
}

function mark<E>(e: E): E {
  if (e && typeof e === 'object') passThrough.add(e);
  return e;
}

/** What the client made of an error its fetch threw (a `NetworkError` with it as `cause`) → that error again. */
function rethrow(e: unknown): never {
  const cause = (e as { cause?: unknown } | null)?.cause;
  throw cause && typeof cause === 'object' && passThrough.has(cause) ? cause : e;
}

async function* unwrapIterable<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  try {
    yield* source;
  } catch (e) {
    rethrow(e);
  }
}

/** The error answer of `schema`'s protocol for `e`: AWS JSON `{ __type, message }`, Baidu `{ code, message, requestId }`. */
function errorResponse(schema: ServiceSchema, e: ServiceError, requestIdHeader: string | undefined): Response {
  const fields: Record<string, unknown> = {};
  for (const k of Object.keys(e)) if (!['name', 'code', 'message', '$metadata', '$fault', 'stack'].includes(k)) fields[k] = (e as unknown as Record<string, unknown>)[k];
  const requestId = 'mock-error';
  const body =
    schema.protocol === 'rest-json'
      ? { ...fields, code: e.code, message: e.message, requestId }
      : { ...fields, __type: e.code, message: e.message };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (requestIdHeader) headers[requestIdHeader] = requestId;
  if (schema.protocol !== 'rest-json') headers['x-amzn-errortype'] = e.code;
  return new Response(JSON.stringify(body), { status: e.$metadata.httpStatusCode ?? 400, headers });
}

/** The operation a request is for: AWS JSON by its `X-Amz-Target`, REST by method, path and query markers. */
function route(schema: ServiceSchema, operations: MockBinding['operations'], method: string, url: URL, headers: Headers): OperationSchema {
  const ops = Object.values(operations);
  if (schema.protocol !== 'rest-json') {
    const target = headers.get('x-amz-target') ?? '';
    const name = target.slice(target.indexOf('.') + 1);
    const op = ops.find((o) => o.name === name);
    if (op) return op;
    throw mark(new MockError(`the request's X-Amz-Target ${JSON.stringify(target)} names no operation of ${schema.id}`));
  }
  // The service's view: method and path, then the query's valueless keys — the binding's fixed markers
  // (`?resize`), and an action a marker member carries (`?accept`), which only such an operation takes.
  const query = queryOf(url);
  let best: { op: OperationSchema; markers: number } | undefined;
  for (const op of ops) {
    if (!op.http || op.http.method.toUpperCase() !== method.toUpperCase()) continue;
    const [uriPath = '/'] = op.http.uri.split('?');
    if (!pathPattern(uriPath).test(url.pathname)) continue;
    const fixed = fixedMarkers(op);
    if (![...fixed].every((m) => query.has(m))) continue;
    const extra = [...query].filter(([k, v]) => v === null && !fixed.has(k)).length;
    const shape = schema.shapes[op.input];
    const takesAction = !!shape && 'members' in shape && Object.values(shape.members).some((m) => m.marker);
    if ((extra > 0) !== takesAction) continue;
    if (!best || fixed.size > best.markers) best = { op, markers: fixed.size };
  }
  if (best) return best.op;
  throw mark(new MockError(`${method} ${url.pathname}${url.search} matches no operation of ${schema.id}`));
}

const patterns = new Map<string, RegExp>();

/** `/v1/peerconn/{peerConnId}` → a regular expression whose groups are the labels' values (`{key+}` greedy). */
function pathPattern(template: string): RegExp {
  let re = patterns.get(template);
  if (!re) {
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{[^}]+\+\}$/.test(part) ? '(.+)' : /^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${source}$`);
    patterns.set(template, re);
  }
  return re;
}

/** The input the request carries, in the caller's form (as the service reads it). */
function readRequest(schema: ServiceSchema, op: OperationSchema, url: URL, headers: Headers, body: string): unknown {
  const json: unknown = body.trim() === '' ? {} : JSON.parse(body);
  if (schema.protocol !== 'rest-json') return schema.shapes[op.input] ? (deserialize(schema, op.input, json) ?? {}) : {};
  const shape = schema.shapes[op.input];
  const members: Record<string, MemberSchema> = shape && (shape.type === 'structure' || shape.type === 'union') ? shape.members : {};
  const out: Record<string, unknown> = {};
  const [uriPath = '/'] = op.http!.uri.split('?');
  const labels = [...uriPath.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
  const values = pathPattern(uriPath).exec(url.pathname)?.slice(1) ?? [];
  const query = queryOf(url);
  const fixed = fixedMarkers(op);
  for (const name in members) {
    const m = members[name]!;
    const wire = m.locationName ?? name;
    let text: string | null | undefined;
    switch (m.location ?? 'body') {
      case 'path': {
        const i = labels.indexOf(wire);
        text = i >= 0 && values[i] !== undefined ? decodeURIComponent(values[i]) : undefined;
        break;
      }
      case 'query':
        if (m.marker) {
          // The value travels as a valueless key: the one the operation's binding does not fix.
          text = [...query].find(([k, v]) => v === null && !fixed.has(k))?.[0];
        } else text = query.get(wire);
        break;
      case 'header':
        text = headers.get(wire);
        break;
      default: {
        const v = json && typeof json === 'object' && hasOwn.call(json, name) ? deserialize(schema, m.target, (json as Record<string, unknown>)[name]) : undefined;
        if (v !== undefined) out[name] = v;
        continue;
      }
    }
    if (text !== undefined && text !== null) out[name] = fromText(schema, m.target, text);
  }
  return out;
}

/** The query keys `op`'s binding always sends: its markers and those of a literal query in its URI. */
function fixedMarkers(op: OperationSchema): Set<string> {
  const literal = op.http?.uri.split('?')[1];
  return new Set([...(op.http?.queryMarkers ?? []), ...(literal ? literal.split('&').map((p) => decodeURIComponent(p.split('=')[0]!)) : [])]);
}

/** The query's keys → values, `null` for a valueless key (`?resize`), as the client writes them. */
function queryOf(url: URL): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const part of url.search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq < 0) out.set(decodeURIComponent(part), null);
    else out.set(decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1)));
  }
  return out;
}

/** A path, query or header value → the member's type (the inverse of the protocol's text forms). */
function fromText(schema: ServiceSchema, id: string, text: string): unknown {
  const shape: ShapeSchema | undefined = schema.shapes[id];
  switch (shape?.type) {
    case 'integer':
    case 'float':
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'timestamp':
      return new Date(text);
    case 'list':
      return text.split(',').map((t) => fromText(schema, shape.member, t));
    default:
      return text;
  }
}
