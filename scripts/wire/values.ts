/**
 * Seeded random values for `npm run wire`, from a botocore model: an operation's input as a caller
 * gives it (valid: required members present, lengths, sizes and ranges within min/max, enum values
 * from the enum), and its output as the service writes it on the wire (JSON: timestamps as epoch
 * seconds or the shape's format, blobs base64, NaN/±Infinity as strings, plus what a newer service
 * may send: unknown enum values, unknown union members, members not in the model).
 *
 * Every member kind is drawn: unicode strings (multi-byte, astral, quotes, escapes), enums, integers,
 * longs past 32 bits, floats with NaN and ±Infinity, timestamps with milliseconds and before 1970,
 * blobs, lists, maps, nested structures, unions and documents. The same seed gives the same values
 * (a hand-written 32-bit generator: the values must not change with a library's version).
 *
 * @packageDocumentation
 */
import type { BotocoreMemberRef, BotocoreModel, BotocoreShape } from './botocore.ts';

/** A small seeded generator (mulberry32): the same seed, the same sequence. */
export class Rng {
  #state: number;

  /** A generator from `seed` (any integer). */
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi] (both included; safe integers). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

/** A seed for one operation of one service under a run's seed (stable, order-independent). */
export function seedFor(runSeed: number, ...parts: string[]): number {
  let h = (runSeed ^ 0x811c9dc5) >>> 0;
  for (const ch of parts.join('\u0000')) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

// Code points a string is drawn from: ASCII, Latin-1, CJK, an astral emoji, JSON's escapes.
const PIECES = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ' ', '-', '_', '.', 'é', 'ß', 'Ω', '日', '本', '😀', '"', '\\', '/', '\n', '\t'];

/** Kinds of value drawn, counted (the report shows that every kind was exercised). */
export type Kind =
  | 'string'
  | 'enum'
  | 'unknown-enum'
  | 'integer'
  | 'long>32bit'
  | 'float'
  | 'NaN/Infinity'
  | 'timestamp-ms'
  | 'timestamp<1970'
  | 'blob'
  | 'boolean'
  | 'list'
  | 'map'
  | 'structure'
  | 'union'
  | 'unknown-union-member'
  | 'document';

/** What a draw produced: counts by kind. */
export type KindCounts = Partial<Record<Kind, number>>;

/** Options of a draw. */
export interface DrawOptions {
  /** The service's timestamp format on the wire (outputs). */
  timestampFormat?: 'epoch-seconds' | 'iso8601';
  /** Structures nested deeper than this get their required members only. */
  maxDepth?: number;
}

/** True when an operation's input or output reaches an event stream or a streaming blob (not compared: neither is awsJson). */
export function reachesStream(model: BotocoreModel, shape: string | undefined, seen = new Set<string>()): boolean {
  if (shape === undefined || seen.has(shape)) return false;
  seen.add(shape);
  const s = model.shapes[shape];
  if (!s) return false;
  if (s.eventstream || s.streaming) return true;
  const refs = [...Object.values(s.members ?? {}), s.member, s.key, s.value].filter((r): r is BotocoreMemberRef => r !== undefined);
  return refs.some((r) => reachesStream(model, r.shape, seen));
}

class Drawer {
  readonly kinds: KindCounts = {};
  readonly #stack: string[] = [];

  constructor(
    readonly model: BotocoreModel,
    readonly rng: Rng,
    readonly wire: boolean,
    readonly options: DrawOptions,
  ) {}

  count(kind: Kind): void {
    this.kinds[kind] = (this.kinds[kind] ?? 0) + 1;
  }

  // A length or size in [min, max], small: most within a few of min.
  size(s: BotocoreShape, spread: number): number {
    const lo = Math.max(0, s.min ?? 0);
    const hi = Math.min(s.max ?? Number.MAX_SAFE_INTEGER, lo + spread);
    return this.rng.int(lo, Math.max(lo, hi));
  }

  string(s: BotocoreShape): string {
    const n = this.size(s, 12);
    let out = '';
    for (let i = 0; i < n; i++) out += this.rng.pick(PIECES);
    return out;
  }

  value(name: string, ref?: BotocoreMemberRef): unknown {
    const s = this.model.shapes[name];
    if (!s) throw new Error(`no shape ${name}`);
    switch (s.type) {
      case 'string': {
        if (ref?.idempotencyToken) {
          this.count('string');
          return `tok-${this.rng.int(0, 0xffffff).toString(16)}-${this.rng.int(0, 0xffffff).toString(16)}`;
        }
        if (s.enum && s.enum.length > 0) {
          if (this.wire && this.rng.chance(0.15)) {
            this.count('unknown-enum');
            return `FUTURE_VALUE_${this.rng.int(0, 999)}`;
          }
          this.count('enum');
          return this.rng.pick(s.enum);
        }
        this.count('string');
        return this.string(s);
      }
      case 'integer':
      case 'long': {
        const bits32 = s.type === 'long' && (s.max === undefined || s.max > 2 ** 33) && this.rng.chance(0.5);
        const lo = s.min ?? (s.type === 'long' ? -(2 ** 40) : -(2 ** 31));
        const hi = s.max ?? (s.type === 'long' ? 2 ** 52 : 2 ** 31 - 1);
        if (bits32) {
          this.count('long>32bit');
          return this.rng.int(Math.max(lo, 2 ** 32 + 1), Math.min(hi, 2 ** 52));
        }
        this.count('integer');
        return this.rng.chance(0.5) ? this.rng.int(Math.max(lo, 0), Math.min(hi, 1000)) : this.rng.int(Math.max(lo, -(2 ** 31)), Math.min(hi, 2 ** 31 - 1));
      }
      case 'float':
      case 'double': {
        if (s.min === undefined && s.max === undefined && this.rng.chance(0.25)) {
          this.count('NaN/Infinity');
          const v = this.rng.pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
          return this.wire ? String(v) : v;
        }
        this.count('float');
        const lo = s.min ?? -1e6;
        const hi = s.max ?? 1e6;
        // Three decimals at most, so the value stays inside [min, max] once written.
        const v = Math.round((lo + this.rng.next() * (hi - lo)) * 1000) / 1000;
        return Math.min(hi, Math.max(lo, v));
      }
      case 'boolean':
        this.count('boolean');
        return this.rng.chance(0.5);
      case 'timestamp': {
        const before1970 = this.rng.chance(0.3);
        this.count(before1970 ? 'timestamp<1970' : 'timestamp-ms');
        const seconds = before1970 ? this.rng.int(-2_000_000_000, -1) : this.rng.int(0, 2_000_000_000);
        const ms = seconds * 1000 + this.rng.int(1, 999);
        if (!this.wire) return new Date(ms);
        const format = s.timestampFormat ?? this.options.timestampFormat ?? 'epoch-seconds';
        if (format === 'iso8601') return new Date(ms).toISOString();
        if (format === 'rfc822') return new Date(ms).toUTCString();
        return ms / 1000;
      }
      case 'blob': {
        this.count('blob');
        const bytes = new Uint8Array(this.size(s, 16));
        for (let i = 0; i < bytes.length; i++) bytes[i] = this.rng.int(0, 255);
        return this.wire ? Buffer.from(bytes).toString('base64') : bytes;
      }
      case 'list': {
        this.count('list');
        const n = this.#stack.length > (this.options.maxDepth ?? 5) ? Math.max(0, s.min ?? 0) : this.size(s, 3);
        return Array.from({ length: n }, () => this.value(s.member!.shape, s.member));
      }
      case 'map': {
        this.count('map');
        const n = this.#stack.length > (this.options.maxDepth ?? 5) ? Math.max(0, s.min ?? 0) : this.size(s, 3);
        const out: Record<string, unknown> = {};
        const keyShape = this.model.shapes[s.key!.shape]!;
        for (let i = 0; i < n * 3 && Object.keys(out).length < n; i++) {
          const k = keyShape.enum && keyShape.enum.length > 0 ? this.rng.pick(keyShape.enum) : this.string({ ...keyShape, min: Math.max(1, keyShape.min ?? 1) });
          if (k === '__proto__' || k in out) continue;
          out[k] = this.value(s.value!.shape, s.value);
        }
        return out;
      }
      case 'structure':
        return this.structure(name, s);
      default:
        throw new Error(`shape ${name}: type ${s.type} is not drawn`);
    }
  }

  structure(name: string, s: BotocoreShape): unknown {
    if (s.document) {
      this.count('document');
      return this.document(0);
    }
    const members = Object.entries(s.members ?? {});
    if (s.union) {
      this.count('union');
      if (this.wire && this.rng.chance(0.2)) {
        this.count('unknown-union-member');
        return { [`FutureMember${this.rng.int(0, 99)}`]: { nested: this.rng.int(0, 9) } };
      }
      if (members.length === 0) return {};
      const [m, ref] = this.rng.pick(members);
      this.#stack.push(name);
      try {
        return { [m]: this.value(ref.shape, ref) };
      } finally {
        this.#stack.pop();
      }
    }
    this.count('structure');
    const required = new Set(s.required ?? []);
    // Past the depth, or inside a shape already twice on the way here: required members only.
    const shallow = this.#stack.length > (this.options.maxDepth ?? 5) || this.#stack.filter((x) => x === name).length >= 1;
    const out: Record<string, unknown> = {};
    this.#stack.push(name);
    try {
      for (const [m, ref] of members) {
        if (m === '__proto__') continue;
        const give = required.has(m) || ref.idempotencyToken === true || (!shallow && this.rng.chance(0.6));
        if (give) out[m] = this.value(ref.shape, ref);
      }
    } finally {
      this.#stack.pop();
    }
    if (this.wire && this.rng.chance(0.1)) out.MemberNotInTheModel = { x: 1 };
    return out;
  }

  document(depth: number): unknown {
    const r = this.rng.int(0, depth > 2 ? 3 : 5);
    switch (r) {
      case 0:
        return this.string({ type: 'string', min: 0, max: 8 });
      case 1:
        return this.rng.int(-1000, 1000) / 4;
      case 2:
        return this.rng.chance(0.5);
      case 3:
        return null;
      case 4:
        return Array.from({ length: this.rng.int(0, 3) }, () => this.document(depth + 1));
      default: {
        const out: Record<string, unknown> = {};
        for (let i = this.rng.int(0, 3); i > 0; i--) out[`k${this.rng.int(0, 99)}`] = this.document(depth + 1);
        return out;
      }
    }
  }
}

/** A valid input for shape `shape` (a structure) as a caller gives it: Dates, Uint8Arrays, NaN as numbers. */
export function drawInput(model: BotocoreModel, shape: string, rng: Rng, options: DrawOptions = {}): { value: Record<string, unknown>; kinds: KindCounts } {
  const d = new Drawer(model, rng, false, options);
  return { value: d.value(shape) as Record<string, unknown>, kinds: d.kinds };
}

/** An output body for shape `shape` as the service writes it in JSON, with what a newer service may add. */
export function drawOutputWire(model: BotocoreModel, shape: string, rng: Rng, options: DrawOptions = {}): { value: Record<string, unknown>; kinds: KindCounts } {
  const d = new Drawer(model, rng, true, options);
  return { value: d.value(shape) as Record<string, unknown>, kinds: d.kinds };
}
