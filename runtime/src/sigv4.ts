/**
 * AWS Signature Version 4 from `@smithy/signature-v4`'s building blocks (the official SDK's own
 * signer: SigV4 is not something to hand-write). The published `dist/` bundles them (see
 * docs/decisions.md), so they cost no installed package; hashing goes through ./crypto.ts (platform
 * SHA-256, zero bytes).
 *
 * Why the building blocks and not smithy's `SignatureV4` class: the class also carries presigning,
 * event-stream and message signing (its `HeaderFormatter` alone is ~2.3 KB minified) and clones each
 * request through `HttpRequest`; none of it can be tree-shaken from a class, and it was ~1.5 KB of a
 * ~12.4 KB gzipped browser bundle (issue 9 caps the browser bundle at 0.25× the official client's). The
 * canonical request, string to sign, canonical headers and query, payload hash, scope and signing key
 * (with its cache) stay smithy's; this file only strings them together as `SignatureV4.signRequest`
 * does, for the one case the runtime needs (header signing, no `x-amz-content-sha256`).
 *
 * @packageDocumentation
 */
import { createScope, getCanonicalHeaders, getSigningKey, SignatureV4Base } from '@smithy/signature-v4';
import type { Credentials } from './config.ts';
import { Sha256, sha256, toHex } from './crypto.ts';

// SHA-256 of the empty payload (a GET or a body-less request).
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Signs AWS requests for one service and region, deriving the signing key once per day and credentials. */
export class SigV4Signer extends SignatureV4Base {
  private readonly region: string;
  // The last signing key and what it was derived from. smithy's own cache computes an HMAC of the
  // credentials on every call just to look the key up (~9% of an in-memory call, measured); one
  // comparison of four strings does here. Private fields: never shown by inspect or JSON.
  #key: { day: string; id: string; secret: string; token: string | undefined; key: Promise<Uint8Array> } | undefined;
  // The last formatted date, per second (the format has second precision; smithy formats with a regex).
  #date: { second: number; longDate: string; shortDate: string } | undefined;

  constructor(service: string, region: string) {
    // The base class wants providers; the runtime hands loaded, checked credentials to `sign()` instead
    // (so a missing secret fails before any I/O), and the region is fixed per client.
    super({ service, region, sha256: Sha256, credentials: () => Promise.reject(new Error('unused')), applyChecksum: false });
    this.region = region;
  }

  /**
   * Returns the headers to send: `headers` plus `x-amz-date`, `x-amz-security-token` (when a session
   * token is present) and `authorization`. `host` is signed but left out of the result: fetch sets it.
   */
  async sign(
    url: URL,
    req: { method: string; path: string; query: Record<string, string | null>; headers: Record<string, string>; body?: string },
    credentials: Credentials,
    date: Date,
  ): Promise<Record<string, string>> {
    this.validateResolvedCredentials(credentials);
    const second = Math.floor(date.getTime() / 1000);
    if (this.#date?.second !== second) this.#date = { second, ...this.formatDate(date) };
    const { longDate, shortDate } = this.#date;
    const scope = createScope(shortDate, this.region, this.service);
    // A fresh request (smithy's signRequest clones the caller's and drops generated headers: the wire
    // request is built per call and carries none).
    const headers: Record<string, string> = { ...req.headers, host: url.host, 'x-amz-date': longDate };
    if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
    const request = {
      method: req.method,
      protocol: url.protocol,
      hostname: url.hostname,
      path: req.path,
      query: req.query as Record<string, string>,
      headers,
      body: req.body,
    };
    // smithy's getPayloadHash, for the bodies the runtime sends (a string or none).
    const payloadHash = req.body === undefined ? EMPTY_SHA256 : toHex(await sha256(req.body));
    const canonicalHeaders = getCanonicalHeaders(request);
    const stringToSign = await this.createStringToSign(
      longDate,
      scope,
      this.createCanonicalRequest(request, canonicalHeaders, payloadHash),
      'AWS4-HMAC-SHA256',
    );
    const key = await this.#signingKey(credentials, shortDate);
    const signature = toHex(await sha256(stringToSign, key));
    headers.authorization =
      `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, ` +
      `SignedHeaders=${this.getCanonicalHeaderList(canonicalHeaders)}, Signature=${signature}`;
    delete headers.host;
    return headers;
  }

  /**
   * The string to sign (algorithm, date, scope, hex SHA-256 of the canonical request), as smithy's
   * base class builds it, but hashing the string directly: smithy encodes it to bytes first, through
   * the `Sha256` class, a copy per request.
   */
  override async createStringToSign(longDate: string, scope: string, canonicalRequest: string, algorithm: string): Promise<string> {
    return `${algorithm}\n${longDate}\n${scope}\n${toHex(await sha256(canonicalRequest))}`;
  }

  #signingKey(c: Credentials, day: string): Promise<Uint8Array> {
    const k = this.#key;
    if (k && k.day === day && k.id === c.accessKeyId && k.secret === c.secretAccessKey && k.token === c.sessionToken) return k.key;
    const key = getSigningKey(Sha256, c, day, this.region, this.service);
    this.#key = { day, id: c.accessKeyId, secret: c.secretAccessKey, token: c.sessionToken, key };
    // A failed derivation is not remembered.
    key.catch(() => {
      if (this.#key?.key === key) this.#key = undefined;
    });
    return key;
  }
}
