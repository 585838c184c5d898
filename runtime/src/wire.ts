/**
 * The seams of the client core: the protocol-neutral request and error shapes, and the two interfaces a
 * wire protocol ({@link Protocol}) and a signature scheme ({@link SignatureScheme}) implement. The client
 * picks one of each per service from the tables in ./protocols.ts and ./signers.ts, so a new protocol
 * or signer is one file implementing the interface plus one table row. Also the helpers protocols share.
 *
 * @packageDocumentation
 */
import type { Credentials } from './config.ts';
import type { OperationSchema, ServiceSchema } from './schema.ts';
import { deserialize } from './serde.ts';
import type { WireResponse } from './transport.ts';

/** An unsigned HTTP request, relative to the endpoint. */
export interface WireRequest {
  /** HTTP method. */
  method: string;
  /** Path, already percent-encoded where needed (the endpoint's own path is prepended by the client). */
  path: string;
  /** Query parameters; `null` = valueless key (an action marker such as `?resize`). */
  query: Record<string, string | null>;
  /** Headers to send and sign (lower-case names). */
  headers: Record<string, string>;
  /** Body text, when there is one. */
  body?: string;
}

/** What a protocol extracts from an error response. */
export interface WireError {
  /** Error code (normalised). */
  code: string;
  /** Error message (may be empty). */
  message: string;
  /** Request id from the body, when the headers had none. */
  requestId?: string;
  /** Other members of the error body. */
  fields?: Record<string, unknown>;
}

/**
 * A wire protocol: how an operation's input becomes an HTTP request, and how responses are read.
 * Protocols know nothing of signing (the signer adds its headers to the request afterwards) nor of
 * retries, transports or error classes.
 */
export interface Protocol {
  /**
   * The unsigned request for `op` with `input` (idempotency tokens already filled), its path relative to
   * the endpoint. Throws a `TypeError` for input the wire cannot carry (the client reports it as a
   * `ValidationError`), or one whose message starts with `schema error` for a defect of the schema.
   */
  serializeRequest(service: ServiceSchema, op: OperationSchema, input: unknown): WireRequest;
  /**
   * The operation's output from a 2xx response. Throws an `Error` saying what is wrong with the body
   * (the client wraps its message in a `ResponseParseError`, keeping its `cause`).
   */
  parseResponse(service: ServiceSchema, op: OperationSchema, response: WireResponse): unknown;
  /** Code, message and other fields of an error response. Never throws: an unreadable body still has a status. */
  parseError(response: WireResponse): WireError;
}

/** Signs the requests of one client (it may cache derived keys from call to call). */
export interface Signer {
  /**
   * The headers to send: the request's own plus the signature's. The endpoint's `host` is signed but not
   * returned (fetch sets it). Called once per attempt, with that attempt's `date`.
   */
  sign(endpoint: URL, request: WireRequest, credentials: Credentials, date: Date): Promise<Record<string, string>>;
}

/** A signature scheme (a `signatureVersion`): what it needs, and how to make a client's {@link Signer}. */
export interface SignatureScheme {
  /**
   * True when signatures are scoped by region (SigV4): the client then needs a region even when an
   * `endpoint` is given.
   */
  regional: boolean;
  /** The signer of one client; `region` is set whenever {@link SignatureScheme.regional} is true. */
  create(service: ServiceSchema, region: string | undefined): Signer;
}

/**
 * RFC 3986 percent-encoding (Baidu calls it UriEncode): UTF-8 bytes, unreserved `A-Z a-z 0-9 - _ . ~`
 * kept, everything else `%XX` (upper-case); `keepSlash` keeps `/` (a greedy path label).
 * `encodeURIComponent` already does this except for `! ' ( ) *`, which it keeps.
 */
export function uriEncode(s: string, keepSlash = false): string {
  const out = encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return keepSlash ? out.replace(/%2F/g, '/') : out;
}

/** `2015-04-27T08:23:49Z`: ISO-8601 without milliseconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The output of `op` from a JSON response body (what JSON protocols' `parseResponse` does): an empty body
 * is `{}`; a malformed body or one that does not match the output shape throws, saying which.
 */
export function parseJsonOutput(service: ServiceSchema, op: OperationSchema, body: string): unknown {
  let json: unknown;
  try {
    json = parseJsonBody(body);
  } catch (cause) {
    throw new Error('response body is not valid JSON', { cause });
  }
  try {
    return service.shapes[op.output] ? deserialize(service, op.output, json) : {};
  } catch (cause) {
    throw new Error(`response does not match ${op.output}: ${(cause as Error).message}`, { cause });
  }
}

/** An error response's body as JSON, or `undefined` (a proxy's HTML page, a truncated body: the status still tells). */
export function jsonErrorBody(body: string): unknown {
  try {
    return parseJsonBody(body);
  } catch {
    return undefined;
  }
}

/** Parses a response body as JSON; empty → `{}`. Throws `SyntaxError` on malformed JSON. */
export function parseJsonBody(text: string): unknown {
  return text.trim() === '' ? {} : JSON.parse(text);
}

/** Reads a string member of an unknown value without trusting its type. */
export function str(obj: unknown, ...keys: string[]): string | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  for (const k of keys) {
    const v = Object.prototype.hasOwnProperty.call(obj, k) ? (obj as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** Copies the members of an error body other than `omit`, dropping keys that could reach a prototype. */
export function otherFields(obj: unknown, omit: readonly string[]): Record<string, unknown> | undefined {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(obj)) {
    if (omit.includes(k) || k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = v;
    any = true;
  }
  return any ? out : undefined;
}
