/**
 * bce-auth-v1: Baidu AI Cloud's request signature.
 *
 * Written here (not taken from `@baiducloud/sdk`) because that SDK is CommonJS, Node-only and pulls
 * `underscore`, `debug` and more; the algorithm is short. Steps follow the facts file §3 (Baidu's
 * "Generate Authentication String" page): signingKey = hex(HMAC(SK, "bce-auth-v1/ak/ts/exp")), then
 * signature = hex(HMAC(signingKey-as-hex-text, method\nURI\nquery\nheaders)).
 *
 * @packageDocumentation
 */
import type { Credentials } from './config.ts';
import { hmacSha256Hex } from './crypto.ts';
import { isoSeconds, uriEncode, type SignatureScheme, type WireRequest } from './wire.ts';

/**
 * Baidu's UriEncode: UTF-8 bytes, unreserved `A-Z a-z 0-9 - _ . ~` kept, everything else `%XX`
 * (upper-case); RFC 3986's, so the same function as the URL builder's ({@link uriEncode}).
 */
export const bceUriEncode: (s: string, keepSlash?: boolean) => string = uriEncode;

/**
 * The bce-auth-v1 signature scheme of the `SIGNERS` table: `x-bce-date` (and `x-bce-security-token` with
 * a session token) added, `host` and the `x-bce-*` headers signed, as Baidu's VPC docs recommend. Not
 * scoped by region: a client with an `endpoint` needs none.
 */
export const bceAuthV1: SignatureScheme = { regional: false, create: () => ({ sign: signBceRequest }) };

async function signBceRequest(endpoint: URL, wire: WireRequest, creds: Credentials, date: Date): Promise<Record<string, string>> {
  const headers: Record<string, string> = { ...wire.headers, 'x-bce-date': bceTimestamp(date) };
  if (creds.sessionToken) headers['x-bce-security-token'] = creds.sessionToken;
  // fetch sets Host itself: signed, not returned.
  const toSign = ['host', ...Object.keys(headers).filter((h) => h.startsWith('x-bce-'))];
  headers.authorization = await signBce(
    { method: wire.method, path: wire.path, query: wire.query, headers: { ...headers, host: endpoint.host } },
    { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, date, headersToSign: toSign },
  );
  return headers;
}

/** What is signed. */
export interface BceSignRequest {
  /** HTTP method, upper case. */
  method: string;
  /**
   * Path as sent, e.g. `/v1/peerconn/peerconn-123` or `/v1/x/a%20b%2Fc`. Each segment is decoded and
   * re-encoded with {@link bceUriEncode}, so encoded and plain paths give the same canonical URI.
   */
  path: string;
  /** Query parameters; `null`/`undefined`/`''` values (action markers) sign as `key=`. */
  query?: Readonly<Record<string, string | null | undefined>>;
  /** Request headers (any case). */
  headers: Readonly<Record<string, string>>;
}

/** Who signs, when, and which headers. */
export interface BceSignOptions {
  /** Access key id (AK). */
  accessKeyId: string;
  /** Secret access key (SK). */
  secretAccessKey: string;
  /** Signing time; must equal the request's `x-bce-date`. */
  date: Date;
  /** Validity of the signature, seconds. Default 1800. */
  expirationInSeconds?: number;
  /**
   * Header names to sign. Default: `host`, `content-length`, `content-type`, `content-md5` and every
   * `x-bce-*` header present (the server's own default set).
   */
  headersToSign?: readonly string[];
}

/** `2015-04-27T08:23:49Z`: ISO-8601 without milliseconds, as `x-bce-date` and the auth string use it. */
export const bceTimestamp: (date: Date) => string = isoSeconds;

const DEFAULT_SIGNED = new Set(['host', 'content-length', 'content-type', 'content-md5']);

/** Returns the `Authorization` header value `bce-auth-v1/{ak}/{ts}/{exp}/{signedHeaders}/{signature}`. */
export async function signBce(req: BceSignRequest, opts: BceSignOptions): Promise<string> {
  const prefix = `bce-auth-v1/${opts.accessKeyId}/${bceTimestamp(opts.date)}/${opts.expirationInSeconds ?? 1800}`;
  const signingKey = await hmacSha256Hex(opts.secretAccessKey, prefix);

  const canonicalUri =
    '/' +
    req.path
      .replace(/^\//, '')
      .split('/')
      .map((seg) => bceUriEncode(safeDecode(seg)))
      .join('/');

  const query: string[] = [];
  for (const [k, v] of Object.entries(req.query ?? {})) {
    if (k.toLowerCase() === 'authorization') continue;
    query.push(`${bceUriEncode(k)}=${v == null ? '' : bceUriEncode(v)}`);
  }
  query.sort(byteOrder);

  const wanted = opts.headersToSign ? new Set(opts.headersToSign.map((h) => h.toLowerCase())) : undefined;
  const headers: string[] = [];
  for (const [name, raw] of Object.entries(req.headers)) {
    const k = name.toLowerCase();
    const v = String(raw).trim();
    // Empty values are never signed (every SDK skips them, and the server does too).
    if (v === '') continue;
    if (wanted ? wanted.has(k) : DEFAULT_SIGNED.has(k) || k.startsWith('x-bce-')) {
      headers.push(`${bceUriEncode(k)}:${bceUriEncode(v)}`);
    }
  }
  headers.sort(byteOrder);
  const signed = headers.map((h) => h.slice(0, h.indexOf(':'))).join(';');

  const canonical = `${req.method.toUpperCase()}\n${canonicalUri}\n${query.join('&')}\n${headers.join('\n')}`;
  const signature = await hmacSha256Hex(signingKey, canonical);
  return `${prefix}/${signed}/${signature}`;
}

// A segment with a stray `%` is taken literally rather than rejected.
function safeDecode(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

// Byte order, as the spec and every SDK sort (uppercase before lowercase); strings are ASCII after encoding.
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
