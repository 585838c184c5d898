/**
 * AWS Signature Version 4, delegated to `@smithy/signature-v4` (the official SDK's own signer: SigV4 is
 * not something to hand-write). The published `dist/` bundles the signer (see docs/decisions.md), so it
 * costs no installed package; hashing goes through ./crypto.ts (platform SHA-256, zero bytes).
 *
 * @packageDocumentation
 */
import { SignatureV4 } from '@smithy/signature-v4';
import type { Credentials } from './config.ts';
import { Sha256 } from './crypto.ts';

/** Signs AWS requests for one service and region, reusing smithy's signing-key cache across calls. */
export class SigV4Signer {
  private readonly signer: SignatureV4;
  // smithy reads credentials from a provider at the start of `sign()`, synchronously; the runtime has
  // already loaded and checked them (so a missing secret fails before I/O), and hands them over here.
  private current: Credentials | undefined;

  constructor(service: string, region: string) {
    this.signer = new SignatureV4({
      service,
      region,
      sha256: Sha256,
      credentials: () => Promise.resolve(this.current!),
      // JSON services do not need x-amz-content-sha256 (only S3 does); one header less to send.
      applyChecksum: false,
    });
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
    this.current = credentials;
    const signed = await this.signer.sign(
      {
        method: req.method,
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: req.path,
        query: req.query as Record<string, string>,
        headers: { ...req.headers, host: url.host },
        body: req.body,
      },
      { signingDate: date },
    );
    const out = signed.headers as Record<string, string>;
    delete out.host;
    return out;
  }
}
