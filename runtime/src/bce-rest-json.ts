/**
 * Baidu AI Cloud's REST + JSON dialect (`rest-json` in a schema): method and URI from the operation's
 * `http` binding, members placed in the path, query, headers or JSON body according to their `location`;
 * errors `{ code, message, requestId }`. Not AWS's restJson1 (whose error codes, timestamp texts and
 * bindings differ). Signing is the signer's business (./bce-auth.ts), not this file's.
 *
 * @packageDocumentation
 */
import type { MemberSchema, OperationSchema, ServiceSchema } from './schema.ts';
import { serialize } from './serde.ts';
import type { HeaderReader } from './transport.ts';
import {
  isoSeconds,
  jsonErrorBody,
  otherFields,
  parseJsonOutput,
  str,
  uriEncode,
  type Protocol,
  type WireError,
  type WireRequest,
} from './wire.ts';

/** The protocol object of the `PROTOCOLS` table. */
export const bceRestJson: Protocol = {
  serializeRequest: buildBceRestJsonRequest,
  parseResponse: (service, op, res) => parseJsonOutput(service, op, res.body),
  parseError: (res) => parseBceRestJsonError(res.status, res.headers, jsonErrorBody(res.body)),
};

// Text form of a scalar for a path segment, query value or header.
function scalarText(v: unknown): string {
  if (v instanceof Date) return isoSeconds(v);
  if (Array.isArray(v)) return v.map(scalarText).join(',');
  return String(v);
}

/** Builds the unsigned request for `op` with `input` (idempotency tokens already filled). */
export function buildBceRestJsonRequest(service: ServiceSchema, op: OperationSchema, input: unknown): WireRequest {
  if (!op.http) throw new TypeError(`schema error: operation ${op.name} has no http binding`);
  const shape = service.shapes[op.input];
  const members: Record<string, MemberSchema> =
    shape && (shape.type === 'structure' || shape.type === 'union') ? shape.members : {};
  const src = (input ?? {}) as Record<string, unknown>;

  const [rawPath = '/', rawQuery] = op.http.uri.split('?');
  const query: Record<string, string | null> = {};
  // Markers first, valueless (`?resize&clientToken=…`), as Baidu's Go SDK sends them.
  for (const m of op.http.queryMarkers ?? []) query[m] = null;
  // A literal query in the URI template (`/x?resize`) counts as markers / fixed values too.
  if (rawQuery) {
    for (const part of rawQuery.split('&')) {
      const [k, v] = part.split('=');
      if (k) query[decodeURIComponent(k)] = v === undefined ? null : decodeURIComponent(v);
    }
  }
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  let hasBody = false;
  let path = rawPath;

  for (const name in members) {
    const m = members[name]!;
    const value = Object.prototype.hasOwnProperty.call(src, name) ? src[name] : undefined;
    const wire = m.locationName ?? name;
    switch (m.location ?? 'body') {
      case 'path': {
        if (value === undefined || value === null || value === '') {
          throw new TypeError(`missing path parameter ${name} for ${op.name}`);
        }
        const text = scalarText(value);
        // `{key+}` is a greedy label: slashes stay path separators.
        path = path
          .replace(`{${wire}+}`, () => uriEncode(text, true))
          .replace(`{${wire}}`, () => uriEncode(text));
        break;
      }
      case 'query':
        if (value === undefined || value === null) break;
        if (m.marker) query[scalarText(value)] = null;
        else query[wire] = scalarText(value);
        break;
      case 'header':
        if (value !== undefined && value !== null) headers[wire.toLowerCase()] = scalarText(value);
        break;
      default: {
        const v = serialize(service, m.target, value);
        if (v !== undefined && name !== '__proto__') {
          body[name] = v;
          hasBody = true;
        }
      }
    }
  }
  if (hasBody) headers['content-type'] = 'application/json;charset=utf-8';
  return { method: op.http.method.toUpperCase(), path, query, headers, ...(hasBody ? { body: JSON.stringify(body) } : {}) };
}

/** Extracts code, message and request id from a Baidu error body `{ code, message, requestId }`. */
export function parseBceRestJsonError(status: number, _headers: HeaderReader, body: unknown): WireError {
  const code = str(body, 'code', 'Code') ?? (status === 429 ? 'TooManyRequests' : `Http${status}Error`);
  const message = str(body, 'message', 'Message') ?? `HTTP ${status}`;
  const requestId = str(body, 'requestId', 'RequestId');
  const fields = otherFields(body, ['code', 'Code', 'message', 'Message', 'requestId', 'RequestId']);
  return { code, message, ...(requestId ? { requestId } : {}), ...(fields ? { fields } : {}) };
}
