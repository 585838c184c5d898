/**
 * The protocol-neutral request and error shapes that protocols produce and the client core sends.
 *
 * @packageDocumentation
 */

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
