/**
 * SHA-256 and HMAC-SHA256 with no bundled code.
 *
 * Why not `@aws-crypto/sha256-js`: it is a pure-JS hash (~4 KB gzipped with its helpers) that every
 * bundle would carry, and it is slower than the platform's. Both platforms already ship SHA-256:
 * - Node: `node:crypto`, reached through `process.getBuiltinModule` (Node ≥ 20.16) so that no `import`
 *   of a Node built-in appears in the code and browser bundles stay free of it. `node:crypto` is
 *   synchronous and several times faster than WebCrypto for the small inputs signing hashes.
 * - Elsewhere (browsers, Deno, workers, older Node 20): WebCrypto's `crypto.subtle`.
 *
 * @packageDocumentation
 */

/** Bytes or text (text is hashed as UTF-8). Matches smithy's `SourceData`. */
export type SourceData = string | ArrayBuffer | ArrayBufferView;

/** The small part of `node:crypto` used here (kept local so declarations do not need `@types/node`). */
interface NodeCryptoLike {
  createHash(algorithm: 'sha256'): NodeHashLike;
  createHmac(algorithm: 'sha256', key: Uint8Array | string): NodeHashLike;
}
interface NodeHashLike {
  update(data: Uint8Array | string): NodeHashLike;
  digest(): Uint8Array;
}

const nodeCrypto: NodeCryptoLike | undefined = (() => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return proc?.getBuiltinModule?.('node:crypto') as NodeCryptoLike | undefined;
  } catch {
    return undefined;
  }
})();

const encoder = new TextEncoder();

/** Converts any {@link SourceData} to bytes without copying when it already is bytes. */
export function toBytes(data: SourceData): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** HMAC-SHA256 (when `key` is given) or SHA-256 of `data`. */
export async function sha256(data: SourceData, key?: SourceData): Promise<Uint8Array> {
  if (nodeCrypto) {
    // Strings go to node:crypto as they are (UTF-8, as TextEncoder would give): encoding them first
    // costs a copy per hash, and signing hashes four to six strings per request.
    const h =
      key === undefined
        ? nodeCrypto.createHash('sha256')
        : nodeCrypto.createHmac('sha256', typeof key === 'string' ? key : toBytes(key));
    return h.update(typeof data === 'string' ? data : toBytes(data)).digest();
  }
  return sha256Web(data, key);
}

/** WebCrypto implementation of {@link sha256} (the path browsers take; exported for tests). */
export async function sha256Web(data: SourceData, key?: SourceData): Promise<Uint8Array> {
  const bytes = toBytes(data);
  const subtle = globalThis.crypto.subtle;
  if (key === undefined) return new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const k = await subtle.importKey('raw', toBytes(key) as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await subtle.sign('HMAC', k, bytes as Uint8Array<ArrayBuffer>));
}

/** Lower-case hex HMAC-SHA256 of `data` under `key` (as bce-auth-v1 uses it). */
export async function hmacSha256Hex(key: SourceData, data: SourceData): Promise<string> {
  return toHex(await sha256(data, key));
}

/**
 * A smithy `Checksum` (`new Sha256(secret?)`, `update`, `digest`) over {@link sha256}, for
 * `@smithy/signature-v4`'s `sha256` option.
 */
export class Sha256 {
  private readonly secret: SourceData | undefined;
  private chunks: Uint8Array[] = [];

  constructor(secret?: SourceData) {
    this.secret = secret;
  }

  /** Adds data to hash. */
  update(data: SourceData): void {
    this.chunks.push(toBytes(data));
  }

  /** The digest (HMAC when constructed with a secret). */
  digest(): Promise<Uint8Array> {
    return sha256(concat(this.chunks), this.secret);
  }

  /** Forgets the data added so far. */
  reset(): void {
    this.chunks = [];
  }
}

/** A random UUID v4 (idempotency tokens), from the platform's CSPRNG. */
export function uuidV4(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // randomUUID is missing in non-secure browser contexts; build one from getRandomValues.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
