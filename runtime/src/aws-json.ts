/**
 * AWS JSON 1.0 / 1.1: every call is `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a JSON body.
 * The two versions differ only in the content type, so one implementation serves both ({@link awsJson}).
 * What a request and a response look like follows Smithy's awsJson1_0/awsJson1_1 protocol tests (the
 * table tests in runtime/test/aws-json.smithy.test.ts name each case).
 *
 * @packageDocumentation
 */
import type { OperationSchema, ServiceSchema } from './schema.ts';
import { serialize } from './serde.ts';
import type { HeaderReader } from './transport.ts';
import { jsonErrorBody, otherFields, parseJsonOutput, str, type Protocol, type WireError, type WireRequest } from './wire.ts';

/** The AWS JSON protocol of `version` (`awsJson1_0` / `awsJson1_1` in a schema). */
export function awsJson(version: '1.0' | '1.1'): Protocol {
  const contentType = `application/x-amz-json-${version}`;
  return {
    serializeRequest: (service, op, input) => buildAwsJsonRequest(service, op, input, contentType),
    parseResponse: (service, op, res) => parseJsonOutput(service, op, res.body),
    parseError: (res) => parseAwsJsonError(res.status, res.headers, jsonErrorBody(res.body)),
  };
}

// One object per version, exported by the schema's name, so a generated client imports its own and a
// bundle holds no other. Pure: a bundler drops the one no client imports.
/** AWS JSON 1.0 (`awsJson1_0`: DynamoDB, Partner Central, …). */
export const awsJson1_0: Protocol = /* @__PURE__ */ awsJson('1.0');
/** AWS JSON 1.1 (`awsJson1_1`: Direct Connect, ECS, …). */
export const awsJson1_1: Protocol = /* @__PURE__ */ awsJson('1.1');

function buildAwsJsonRequest(service: ServiceSchema, op: OperationSchema, input: unknown, contentType: string): WireRequest {
  const headers: Record<string, string> = { 'content-type': contentType, 'x-amz-target': `${service.targetPrefix ?? service.id}.${op.name}` };
  // A query-compatible service answers errors with their query code too (x-amzn-query-error) when asked.
  if (service.awsQueryCompatible) headers['x-amzn-query-mode'] = 'true';
  // Services expect an object even when the input has no members, or the operation no input shape.
  const body = service.shapes[op.input] ? serialize(service, op.input, input ?? {}) : undefined;
  return { method: 'POST', path: '/', query: {}, headers, body: JSON.stringify(body ?? {}) };
}

/**
 * Normalises an AWS error code as the SDKs do: cut at the first `,`, then at the first `:` (a URL
 * follows: `FooError:http://internal.amazon.com/coral/…`), then keep what follows a `#` (a namespace
 * precedes: `aws.protocoltests.json10#FooError`).
 */
export function sanitizeAwsErrorCode(raw: string): string {
  let code = raw;
  const comma = code.indexOf(',');
  if (comma >= 0) code = code.slice(0, comma);
  const colon = code.indexOf(':');
  if (colon >= 0) code = code.slice(0, colon);
  const hash = code.lastIndexOf('#');
  if (hash >= 0) code = code.slice(hash + 1);
  return code.trim();
}

/** The own key of `obj` equal to `name` in any case (`code`, `Code`, `CODE`), if any. */
function keyInAnyCase(obj: unknown, name: string): string | undefined {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  return Object.keys(obj).find((k) => k.toLowerCase() === name);
}

/** A code-like value (services send strings; a number is taken as its digits). */
function codeText(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/**
 * Extracts code and message from an AWS JSON error response. The code is, in this order, the
 * `X-Amzn-Errortype` header, the body's `code` member (in any case), the body's `__type` — each
 * normalised by {@link sanitizeAwsErrorCode} — else the `x-amzn-query-error` code, else one made of
 * the status. The message is `message`, `Message` or `errorMessage`. A query-compatible service's
 * `x-amzn-query-error: Code;Type` header is kept as the fields `Code` (the query protocol's error
 * code, e.g. `AWS.SimpleQueueService.NonExistentQueue`) and `Type` (`Sender` or `Receiver`), as the
 * official JavaScript SDK reports them; the code stays the error's shape name, which the documented
 * error classes are named after. Other body members are the error's fields.
 */
export function parseAwsJsonError(status: number, headers: HeaderReader, body: unknown): WireError {
  const codeKey = keyInAnyCase(body, 'code');
  const query = queryError(headers.get('x-amzn-query-error'));
  const raw =
    (headers.get('x-amzn-errortype') || undefined) ??
    (codeKey ? codeText((body as Record<string, unknown>)[codeKey]) : undefined) ??
    str(body, '__type');
  const code = raw ? sanitizeAwsErrorCode(raw) : query?.Code || (status === 429 ? 'TooManyRequestsException' : `Http${status}Error`);
  const message = str(body, 'message', 'Message', 'errorMessage') ?? `HTTP ${status}`;
  const omit = ['__type', 'message', 'Message', 'errorMessage', ...(codeKey ? [codeKey] : [])];
  const fields = { ...otherFields(body, omit), ...query };
  return { code, message, ...(Object.keys(fields).length > 0 ? { fields } : {}) };
}

/** `Code;Type` of an `x-amzn-query-error` header, as fields; undefined without one. */
function queryError(header: string | null | undefined): { Code: string; Type?: string } | undefined {
  if (!header) return undefined;
  const semi = header.indexOf(';');
  if (semi < 0) return { Code: header.trim() };
  return { Code: header.slice(0, semi).trim(), Type: header.slice(semi + 1).trim() };
}
