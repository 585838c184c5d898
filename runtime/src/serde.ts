/**
 * JSON (de)serialisation by walking the service schema.
 *
 * One walker serves both providers: AWS JSON 1.0/1.1 bodies and Baidu REST bodies are plain JSON with
 * wire names equal to the documented member names. Only timestamps differ (epoch seconds or ISO-8601),
 * which {@link ServiceSchema.timestampFormat} says.
 *
 * @packageDocumentation
 */
import type { ServiceSchema, ShapeSchema } from './schema.ts';

/** How an unknown union member is reported to callers (the boto3 docs' spelling). */
export interface UnknownUnionMember {
  /** `{ name }` of the member this client does not know. */
  SDK_UNKNOWN_MEMBER: { name: string };
}

const hasOwn = Object.prototype.hasOwnProperty;

// `__proto__` as an own key would be turned into a prototype change by plain assignment; never copy it.
function safeKey(k: string): boolean {
  return k !== '__proto__';
}

function shapeOf(service: ServiceSchema, id: string): ShapeSchema {
  const s = service.shapes[id];
  if (!s) throw new TypeError(`schema error: unknown shape id ${JSON.stringify(id)}`);
  return s;
}

/** Base64 of bytes, without Node's Buffer (so browser bundles stay small). */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(bin);
}

/** Bytes of a base64 string. */
export function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(v * 1000);
  if (typeof v === 'string') return new Date(v);
  throw new TypeError('expected a timestamp');
}

/**
 * Serialises `value` (a caller's input, keyed by member names) to its JSON wire form for shape `id`.
 * Members not in the schema are dropped; `undefined`/`null` members are omitted.
 */
export function serialize(service: ServiceSchema, id: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = shapeOf(service, id);
  switch (shape.type) {
    case 'structure':
    case 'union': {
      const out: Record<string, unknown> = {};
      const src = value as Record<string, unknown>;
      for (const name in shape.members) {
        if (!hasOwn.call(src, name) || !safeKey(name)) continue;
        const v = serialize(service, shape.members[name]!.target, src[name]);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new TypeError('expected a list');
      return value.map((v) => (v === undefined ? null : (serialize(service, shape.member, v) ?? null)));
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (!safeKey(k)) continue;
        const s = serialize(service, shape.value, v);
        if (s !== undefined) out[k] = s;
      }
      return out;
    }
    case 'timestamp': {
      const d = toDate(value);
      return service.timestampFormat === 'iso8601' ? d.toISOString() : d.getTime() / 1000;
    }
    case 'blob':
    case 'stream':
      if (typeof value === 'string') return toBase64(new TextEncoder().encode(value));
      if (ArrayBuffer.isView(value)) return toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      throw new TypeError('expected bytes');
    case 'float':
      // JSON has no NaN/Infinity; AWS JSON spells them as strings.
      if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
      return value;
    default:
      return value;
  }
}

/**
 * Deserialises a parsed JSON value of shape `id` into the caller's form: timestamps → `Date`, blobs →
 * `Uint8Array`, unknown structure members dropped, unknown union members →
 * `{ SDK_UNKNOWN_MEMBER: { name } }`, `null`s dropped. Throws `TypeError` when the JSON has the wrong
 * kind of value (the caller turns it into a `ResponseParseError`).
 */
export function deserialize(service: ServiceSchema, id: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = shapeOf(service, id);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`expected an object for ${id}`);
      const out: Record<string, unknown> = {};
      const src = value as Record<string, unknown>;
      // Walk the schema, not the wire: unknown members (and `__proto__`/`constructor` keys) are never read.
      for (const name in shape.members) {
        if (!hasOwn.call(src, name) || !safeKey(name)) continue;
        const v = deserialize(service, shape.members[name]!.target, src[name]);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'union': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`expected an object for ${id}`);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === null || k === '__type') continue;
        if (hasOwn.call(shape.members, k) && safeKey(k)) {
          return { [k]: deserialize(service, shape.members[k]!.target, v) };
        }
        return { SDK_UNKNOWN_MEMBER: { name: k } } satisfies UnknownUnionMember;
      }
      return undefined;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new TypeError(`expected a list for ${id}`);
      const out: unknown[] = [];
      for (const v of value) if (v !== null) out.push(deserialize(service, shape.member, v));
      return out;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`expected a map for ${id}`);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === null || !safeKey(k)) continue;
        out[k] = deserialize(service, shape.value, v);
      }
      return out;
    }
    case 'timestamp': {
      const d = toDate(value);
      if (Number.isNaN(d.getTime())) throw new TypeError(`invalid timestamp for ${id}`);
      return d;
    }
    case 'blob':
    case 'stream':
      if (typeof value !== 'string') throw new TypeError(`expected base64 for ${id}`);
      return fromBase64(value);
    case 'float':
    case 'integer':
      if (typeof value === 'string') {
        if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
      }
      return value;
    default:
      return value;
  }
}
