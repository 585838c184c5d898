/**
 * JSON (de)serialisation by walking the service schema.
 *
 * One walker serves both providers: AWS JSON 1.0/1.1 bodies and Baidu REST bodies are plain JSON with
 * wire names equal to the documented member names (but for a member's `documentedName`: boto3's
 * parameter aliases). Only timestamps differ (epoch seconds or ISO-8601), which
 * {@link ServiceSchema.timestampFormat} says, or a timestamp shape's own `timestampFormat`.
 *
 * The rules follow Smithy's awsJson1_0/awsJson1_1 protocol tests (runtime/test/aws-json.smithy.test.ts):
 * `null` members are never sent and dropped when read; `null` list elements and map values only count
 * in sparse collections; NaN and ±Infinity travel as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`;
 * a union's `__type` key and `null` members are not its value.
 *
 * @packageDocumentation
 */
import type { ServiceSchema, ShapeSchema } from './schema.ts';

/**
 * How an unknown union member is reported to callers: boto3's docs' spelling (`{ name }`), plus the
 * member's raw JSON `value`, so nothing the service sent is lost. A union object with no member set
 * (`{}`, only `null`s or `__type`) is reported the same way with `name` `''` and the object as `value`:
 * every union value read has exactly one member, so a visitor always has a handler to call.
 */
export interface UnknownUnionMember {
  /** The member this client does not know (`''`: none was set), and its value as the JSON had it. */
  SDK_UNKNOWN_MEMBER: { name: string; value: unknown };
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

/**
 * A caller's or a response's timestamp as a `Date`. Epoch seconds are rounded to the millisecond:
 * `1079734623.159 * 1000` is `1079734623158.9999`, which `Date` would truncate a millisecond short.
 * Strings are ISO-8601 (any offset, any fraction) or RFC 7231 dates, both of which `Date` parses.
 */
function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(Math.round(v * 1000));
  if (typeof v === 'string') return new Date(v);
  throw new TypeError('expected a timestamp');
}

/** `d` as a timestamp shape travels: its own format, else the service's. */
function writeTimestamp(service: ServiceSchema, shape: ShapeSchema, d: Date): string | number {
  const own = shape.type === 'timestamp' && 'timestampFormat' in shape ? shape.timestampFormat : undefined;
  if (Number.isNaN(d.getTime())) throw new TypeError('invalid timestamp');
  switch (own ?? service.timestampFormat) {
    case 'http-date':
      return d.toUTCString();
    case 'iso8601':
      // A shape's own ISO-8601 is Smithy's date-time (whole seconds without `.000`, as the AWS SDKs
      // write it); the service-wide form keeps its milliseconds (what Baidu's services are sent).
      return own ? d.toISOString().replace('.000Z', 'Z') : d.toISOString();
    default:
      return d.getTime() / 1000;
  }
}

/** A number JSON cannot carry as a number (NaN, ±Infinity) as AWS JSON spells it, else the value as is. */
function writeNumber(value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/** The caller's name of a member keyed `wire` (its documented alias, when it has one). */
function callerName(wire: string, member: { documentedName?: string }): string {
  return member.documentedName ?? wire;
}

/**
 * Serialises `value` (a caller's input, keyed by member names) to its JSON wire form for shape `id`.
 * Members not in the schema are dropped; `undefined`/`null` members are omitted, and so are `null`
 * elements of lists and maps that are not sparse.
 */
export function serialize(service: ServiceSchema, id: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = shapeOf(service, id);
  switch (shape.type) {
    case 'structure':
    case 'union': {
      const out: Record<string, unknown> = {};
      const src = value as Record<string, unknown>;
      for (const wire in shape.members) {
        const member = shape.members[wire]!;
        const name = callerName(wire, member);
        if (!hasOwn.call(src, name) || !safeKey(name) || !safeKey(wire)) continue;
        const v = serialize(service, member.target, src[name]);
        if (v !== undefined) out[wire] = v;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new TypeError('expected a list');
      const out: unknown[] = [];
      for (const v of value) {
        const s = serialize(service, shape.member, v);
        if (s !== undefined) out.push(s);
        else if (shape.sparse) out.push(null);
      }
      return out;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (!safeKey(k)) continue;
        const s = serialize(service, shape.value, v);
        if (s !== undefined) out[k] = s;
        else if (shape.sparse) out[k] = null;
      }
      return out;
    }
    case 'timestamp':
      return writeTimestamp(service, shape, toDate(value));
    case 'blob':
    case 'stream':
      if (typeof value === 'string') return toBase64(new TextEncoder().encode(value));
      if (ArrayBuffer.isView(value)) return toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      throw new TypeError('expected bytes');
    case 'float':
    case 'integer':
      // JSON has no NaN/Infinity; AWS JSON spells them as strings.
      return writeNumber(value);
    default:
      return value;
  }
}

/** NaN/±Infinity as AWS JSON spells them; other values as they are. */
function readNumber(value: unknown): unknown {
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
  return value;
}

/**
 * Deserialises a parsed JSON value of shape `id` into the caller's form: timestamps → `Date`, blobs →
 * `Uint8Array`, unknown structure members dropped, unknown union members →
 * `{ SDK_UNKNOWN_MEMBER: { name, value } }` (a union with no member set too, `name` `''`), `null`s
 * dropped (but in sparse lists and maps). Throws `TypeError`
 * when the JSON has the wrong kind of value (the caller turns it into a `ResponseParseError`).
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
      for (const wire in shape.members) {
        const member = shape.members[wire]!;
        const name = callerName(wire, member);
        if (!hasOwn.call(src, wire) || !safeKey(wire) || !safeKey(name)) continue;
        const v = deserialize(service, member.target, src[wire]);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'union': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`expected an object for ${id}`);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        // A `__type` key names the union's type (services add it), and a `null` member is an unset one.
        if (v === null || k === '__type') continue;
        if (hasOwn.call(shape.members, k) && safeKey(k)) {
          const member = shape.members[k]!;
          return { [callerName(k, member)]: deserialize(service, member.target, v) };
        }
        return { SDK_UNKNOWN_MEMBER: { name: k, value: v } } satisfies UnknownUnionMember;
      }
      return { SDK_UNKNOWN_MEMBER: { name: '', value } } satisfies UnknownUnionMember;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new TypeError(`expected a list for ${id}`);
      const out: unknown[] = [];
      for (const v of value) {
        if (v !== null) out.push(deserialize(service, shape.member, v));
        else if (shape.sparse) out.push(null);
      }
      return out;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`expected a map for ${id}`);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (!safeKey(k)) continue;
        if (v !== null) out[k] = deserialize(service, shape.value, v);
        else if (shape.sparse) out[k] = null;
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
      return readNumber(value);
    default:
      return value;
  }
}
