import { describe, expect, it } from 'vitest';
import { sanitizeAwsErrorCode } from '../src/aws-json.ts';
import type { ServiceSchema } from '../src/schema.ts';
import { deserialize, fromBase64, serialize, toBase64 } from '../src/serde.ts';

const shapes: ServiceSchema['shapes'] = {
  S: { type: 'string' },
  F: { type: 'float' },
  I: { type: 'integer' },
  T: { type: 'timestamp' },
  B: { type: 'blob' },
  D: { type: 'document' },
  U: { type: 'union', members: { a: { target: 'S' }, n: { target: 'Node' } } },
  L: { type: 'list', member: 'T' },
  M: { type: 'map', key: 'S', value: 'B' },
  // Recursive: a node refers to its own shape id.
  Node: { type: 'structure', members: { name: { target: 'S' }, children: { target: 'NodeList' } } },
  NodeList: { type: 'list', member: 'Node' },
  Root: {
    type: 'structure',
    members: { s: { target: 'S' }, f: { target: 'F' }, t: { target: 'T' }, b: { target: 'B' }, d: { target: 'D' }, u: { target: 'U' }, l: { target: 'L' }, m: { target: 'M' }, node: { target: 'Node' } },
  },
};
const epoch: ServiceSchema = { id: 'x', provider: 'aws', protocol: 'awsJson1_1', endpoint: 'https://x', timestampFormat: 'epoch-seconds', shapes };
const iso: ServiceSchema = { ...epoch, timestampFormat: 'iso8601' };

describe('serialize', () => {
  const input = {
    s: 'x',
    f: Number.NaN,
    t: new Date('2024-01-02T03:04:05.250Z'),
    b: new Uint8Array([0, 1, 255]),
    d: { any: ['json', 1, null] },
    u: { n: { name: 'leaf' } },
    l: [new Date(0)],
    m: { k: 'hi' },
    node: { name: 'root', children: [{ name: 'c', children: [] }] },
    extra: 'dropped',
    undef: undefined,
  };
  it('walks the schema: epoch timestamps, base64 blobs, NaN as string, documents as is, recursion', () => {
    expect(serialize(epoch, 'Root', input)).toEqual({
      s: 'x', f: 'NaN', t: 1704164645.25, b: 'AAH/', d: { any: ['json', 1, null] }, u: { n: { name: 'leaf' } }, l: [0], m: { k: 'aGk=' },
      node: { name: 'root', children: [{ name: 'c', children: [] }] },
    });
  });
  it('ISO-8601 timestamps when the service says so', () => {
    expect(serialize(iso, 'Root', { t: new Date(1000), l: [new Date(0)] })).toEqual({ t: '1970-01-01T00:00:01.000Z', l: ['1970-01-01T00:00:00.000Z'] });
  });
  it('map keys named __proto__ are not copied', () => {
    const m = JSON.parse('{"__proto__": "x", "ok": "y"}') as Record<string, string>;
    const out = serialize(epoch, 'M', m) as Record<string, string>;
    expect(Object.keys(out)).toEqual(['ok']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe('deserialize', () => {
  it('reverses serialize for every type', () => {
    const wire = { s: 'x', f: '-Infinity', t: 1704164645.25, b: 'AAH/', d: [1, { a: null }], u: { a: 'y' }, l: [0, null], m: { k: 'aGk=' } };
    expect(deserialize(epoch, 'Root', wire)).toEqual({
      s: 'x', f: -Infinity, t: new Date('2024-01-02T03:04:05.250Z'), b: new Uint8Array([0, 1, 255]), d: [1, { a: null }], u: { a: 'y' }, l: [new Date(0)], m: { k: new TextEncoder().encode('hi') },
    });
  });
  it('unknown union member → SDK_UNKNOWN_MEMBER with its raw value; nulls in a union are skipped', () => {
    expect(deserialize(epoch, 'U', { zzz: 1 })).toEqual({ SDK_UNKNOWN_MEMBER: { name: 'zzz', value: 1 } });
    expect(deserialize(epoch, 'U', { zzz: { t: 0, deep: [null] } })).toEqual({ SDK_UNKNOWN_MEMBER: { name: 'zzz', value: { t: 0, deep: [null] } } });
    expect(deserialize(epoch, 'U', { a: null, n: { name: 'k' } })).toEqual({ n: { name: 'k' } });
  });
  it('a union with no member set is the unknown member named "" (never undefined, so never a hole in a list)', () => {
    expect(deserialize(epoch, 'U', {})).toEqual({ SDK_UNKNOWN_MEMBER: { name: '', value: {} } });
    expect(deserialize(epoch, 'U', { a: null, __type: 'U' })).toEqual({ SDK_UNKNOWN_MEMBER: { name: '', value: { a: null, __type: 'U' } } });
  });
  it('epoch seconds are rounded to the millisecond (1079734623.159 * 1000 is 1079734623158.9999)', () => {
    expect((deserialize(epoch, 'T', 1079734623.159) as Date).getTime()).toBe(1079734623159);
    expect((deserialize(epoch, 'T', -0.001) as Date).getTime()).toBe(-1);
  });
  it('a timestamp shape may travel in its own format', () => {
    const own: ServiceSchema = { ...epoch, shapes: { ...shapes, H: { type: 'timestamp', timestampFormat: 'http-date' }, I8: { type: 'timestamp', timestampFormat: 'iso8601' } } };
    expect(serialize(own, 'H', new Date(946845296000))).toBe('Sun, 02 Jan 2000 20:34:56 GMT');
    expect(serialize(own, 'I8', new Date(946845296000))).toBe('2000-01-02T20:34:56Z');
    expect(serialize(own, 'I8', new Date(946845296123))).toBe('2000-01-02T20:34:56.123Z');
    expect(() => serialize(own, 'H', new Date(Number.NaN))).toThrow(/invalid timestamp/);
  });
  it('wrong kinds throw TypeError (turned into ResponseParseError by the client)', () => {
    expect(() => deserialize(epoch, 'Root', [])).toThrow(TypeError);
    expect(() => deserialize(epoch, 'T', 'not a date')).toThrow(/invalid timestamp/);
    expect(() => deserialize(epoch, 'B', 5)).toThrow(/base64/);
  });
  it('base64 round-trips binary of any length', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('AWS error codes', () => {
  it.each([
    ['ValidationException', 'ValidationException'],
    ['aws.protocoltests.restjson#FooError', 'FooError'],
    ['FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/', 'FooError'],
    ['aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/', 'FooError'],
  ])('%s → %s', (raw, code) => expect(sanitizeAwsErrorCode(raw)).toBe(code));
});
