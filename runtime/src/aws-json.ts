/**
 * AWS JSON 1.0 / 1.1: every call is `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a JSON body.
 * The two versions differ only in the content type, so one implementation serves both ({@link awsJson}).
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

function buildAwsJsonRequest(service: ServiceSchema, op: OperationSchema, input: unknown, contentType: string): WireRequest {
  return {
    method: 'POST',
    path: '/',
    query: {},
    headers: { 'content-type': contentType, 'x-amz-target': `${service.targetPrefix ?? service.id}.${op.name}` },
    // Services expect an object even when the input has no members.
    body: JSON.stringify(serialize(service, op.input, input ?? {}) ?? {}),
  };
}

/**
 * Normalises an AWS error code: `aws.protocoltests#FooError:http://internal…` → `FooError`
 * (namespace before `#` and anything after `:` removed).
 */
export function sanitizeAwsErrorCode(raw: string): string {
  let code = raw;
  const colon = code.indexOf(':');
  if (colon >= 0) code = code.slice(0, colon);
  const hash = code.lastIndexOf('#');
  if (hash >= 0) code = code.slice(hash + 1);
  return code.trim();
}

/**
 * Extracts code and message from an AWS JSON error response: code from `x-amzn-errortype`, else the
 * body's `__type` (or `code`); message from `message`/`Message`/`errorMessage`.
 */
export function parseAwsJsonError(status: number, headers: HeaderReader, body: unknown): WireError {
  const raw = headers.get('x-amzn-errortype') ?? str(body, '__type', 'code', 'Code');
  const code = raw ? sanitizeAwsErrorCode(raw) : status === 429 ? 'TooManyRequestsException' : `Http${status}Error`;
  const message = str(body, 'message', 'Message', 'errorMessage') ?? `HTTP ${status}`;
  const fields = otherFields(body, ['__type', 'code', 'Code', 'message', 'Message', 'errorMessage']);
  return { code, message, ...(fields ? { fields } : {}) };
}
