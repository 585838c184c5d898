/**
 * A package's public API surface (`api.json`) computed from its view model, the data the templates
 * render, instead of by a type checker over the rendered code: the same symbols, kinds, members and
 * type text as `test/helpers/checker-surface.ts` (ts-morph) gives, without loading ts-morph, the standard library's
 * declarations or the runtime's sources. `test/emit/view-surface.test.ts` compares the two on the seeds,
 * on real services and on small hand-made ones.
 *
 * What the checker prints depends on the code the templates write, so this module follows them:
 * `index.ts` re-exports `types.ts`, `errors.ts`, `validators.ts`, `client.ts` in that order; a
 * structure is an interface; a union is a type alias of one object type per variant (plus the
 * `SDK_UNKNOWN_MEMBER` variant when open), a guard per variant, a visitor interface and a `visit`
 * function; an enum is a frozen `as const` object plus the alias `(typeof X)[keyof typeof X]`.
 *
 * Two ways of printing a member's type matter:
 * - where the checker prints a declared type through a declaration it can copy (a union's variants, a
 *   visitor's parameter), it copies the written annotation ({@link writtenType});
 * - where it prints a bare type (an interface member's type), it writes the type's parts in the order
 *   the checker created them ({@link CreationOrder}), not as written: `(string & {}) | Status` when
 *   the open-string part was created before the `Status` enum, and an enum's values first-created first.
 *
 * @packageDocumentation
 */
import { collapseSpace, compareMembers, compareSymbols, type ApiMember, type ApiSymbol } from './api-symbol.ts';
import { copiedKeyText, declaredKeyText, literalTypeText } from './checker-text.ts';
import {
  CALL_OPTIONS_MEMBERS,
  CLIENT_CONFIG_MEMBERS,
  CLIENT_FIXED_MEMBERS,
  DOCUMENT_VALUE_TYPE,
  ERROR_CLASS_MEMBERS,
  STREAMING_BODY_TYPE,
} from './runtime-surface.ts';
import type { TypeRef } from './type-ref.ts';
import type { EnumView } from './view/enum.ts';
import type { PackageView } from './view/package.ts';
import type { UnionView } from './view/union.ts';

/** The `(string & {})` that keeps an output enum open to values this client does not know. */
const OPEN_STRING = '(string & {})';

/**
 * String literal types the checker makes when it starts, before reading any source: `""`, then the
 * results of `typeof`. They sort before every other literal type.
 */
const PREDEFINED_LITERALS = ['', 'string', 'number', 'bigint', 'boolean', 'symbol', 'undefined', 'object', 'function'];

/** The literal types resolving lib's `Uint8Array` makes: its default `ArrayBufferLike` is `ArrayBufferTypes[keyof ArrayBufferTypes]`. */
const ARRAY_BUFFER_KEYS = ['ArrayBuffer', 'SharedArrayBuffer'];

/**
 * The emitter writes a `__proto__` key computed (`["__proto__"]`), and the checker makes the key's
 * literal type when it checks the name: at the start of an enum object's check, and when it prints the
 * name in an object type (a union's first variant, after the type of the member before it). An
 * interface's member names are never printed.
 */
const PROTO = '__proto__';

/**
 * The order in which the checker creates the types whose order shows in printed unions. A union's
 * parts are kept sorted by the id the checker gave each type when it first created it, and ids count
 * up from the start of a package's check. Three kinds of type take part:
 * - a string literal type, made when the checker first meets the value (for an enum value, when it
 *   first resolves an enum that has it: the enum's values in their order);
 * - an enum's alias type (the union of its values), made when the enum is first resolved; an enum of
 *   one value has no union, its type is that value's literal type;
 * - `string & {}`, made when the first open enum reference is resolved, after that enum.
 *
 * The checker resolves what the surface walk asks for, in the walk's order: each declaration of
 * `types.ts` in turn; for an interface, its members' types in declared order; for a union, its
 * variants' member types when the alias is printed. A reference to an interface or a union does not
 * resolve their members, and nothing outside `types.ts` names an enum.
 */
class CreationOrder {
  readonly #literals = new Map<string, number>();
  readonly #enums = new Map<string, number>();
  #openString: number | undefined;
  #next = 0;

  constructor(readonly enums: ReadonlyMap<string, EnumView>) {
    for (const v of PREDEFINED_LITERALS) this.literal(v);
  }

  /** Makes the literal type of `value` unless it exists. */
  literal(value: string): void {
    if (!this.#literals.has(value)) this.#literals.set(value, this.#next++);
  }

  /** Resolves the enum `e`: its object's computed key, its values, then its alias type. */
  resolveEnum(e: EnumView): void {
    if (this.#enums.has(e.name)) return;
    if (e.values.includes(PROTO)) this.literal(PROTO);
    for (const v of e.values) this.literal(v);
    this.#enums.set(e.name, e.values.length === 1 ? this.#literals.get(e.values[0]!)! : this.#next++);
  }

  /** Resolves what type `ref` refers to, as the checker does when it first reads it. */
  resolve(ref: TypeRef): void {
    if (ref.named !== undefined) {
      const e = this.enums.get(ref.named);
      if (e) this.resolveEnum(e);
      if (ref.open) this.#openString ??= this.#next++;
    } else if (ref.fixed === 'Uint8Array' || ref.fixed === 'StreamingBody') {
      for (const k of ARRAY_BUFFER_KEYS) this.literal(k);
    } else if (ref.list) this.resolve(ref.list);
    else if (ref.map) this.resolve(ref.map);
    else if (ref.eventStream) this.resolve(ref.eventStream);
  }

  /** An enum's values in the order of their literal types (the order of its alias's union). */
  valuesInOrder(e: EnumView): string[] {
    return [...e.values].sort((a, b) => this.#literals.get(a)! - this.#literals.get(b)!);
  }

  /** The id of resolved enum `name`'s type. */
  enumId(name: string): number {
    return this.#enums.get(name)!;
  }

  /** The id of `string & {}` (resolved before it is asked for). */
  get openStringId(): number {
    return this.#openString!;
  }
}

/** How an enum reference prints: its alias name, or the value itself for an enum of one value. */
function enumText(e: EnumView): string {
  return e.values.length === 1 ? literalTypeText(e.values[0]!) : e.name;
}

/** A type as the templates write it (`typeRef` partial) and the checker copies it. */
function writtenType(ref: TypeRef): string {
  if (ref.named !== undefined) return ref.open ? `${ref.named} | ${OPEN_STRING}` : ref.named;
  if (ref.fixed !== undefined) return ref.fixed;
  if (ref.list) return ref.list.open ? `(${writtenType(ref.list)})[]` : `${writtenType(ref.list)}[]`;
  if (ref.map) return `Record<string, ${writtenType(ref.map)}>`;
  if (ref.eventStream) return `AsyncIterable<${writtenType(ref.eventStream)}>`;
  return 'unknown';
}

/** A type as the checker prints it from the type itself: union parts in creation order, one-value enums as their value. */
function checkedType(ref: TypeRef, order: CreationOrder): string {
  if (ref.named !== undefined) {
    const e = order.enums.get(ref.named);
    if (!e) return ref.named;
    if (!ref.open) return enumText(e);
    const parts: [number, string][] = [
      [order.enumId(e.name), enumText(e)],
      [order.openStringId, OPEN_STRING],
    ];
    return parts
      .sort((a, b) => a[0] - b[0])
      .map((p) => p[1])
      .join(' | ');
  }
  // Printed from the type, `Uint8Array` shows lib's default type argument.
  if (ref.fixed !== undefined) return ref.fixed === 'Uint8Array' ? 'Uint8Array<ArrayBufferLike>' : ref.fixed;
  if (ref.list) return ref.list.open ? `(${checkedType(ref.list, order)})[]` : `${checkedType(ref.list, order)}[]`;
  if (ref.map) return `Record<string, ${checkedType(ref.map, order)}>`;
  if (ref.eventStream) return `AsyncIterable<${checkedType(ref.eventStream, order)}>`;
  return 'unknown';
}

/** An optional member's type: `| undefined` added, except to `unknown`, which already holds it. */
function optionalType(text: string): string {
  return text === 'unknown' ? text : `${text} | undefined`;
}

/**
 * An interface's members as the oracle lists them: by name; names starting with `#` are left out, as
 * the checker-based walk leaves out private class members by that test.
 */
function membersOf(members: ApiMember[]): ApiMember[] {
  return members.filter((m) => !m.name.startsWith('#') && !m.name.startsWith('__#')).sort(compareMembers);
}

/** The object type of one variant of `u` (`key` the member set, every other `?: never`). */
function variantText(u: UnionView, wire: string, type: TypeRef, others: readonly string[]): string {
  const never = others.map((o) => `${declaredKeyText(o)}?: never; `).join('');
  return `{ ${declaredKeyText(wire)}: ${writtenType(type)}; ${never}${u.open ? 'SDK_UNKNOWN_MEMBER?: never; ' : ''}}`;
}

/** The symbols of union `u`: its alias, a guard per variant, the visitor interface and `visit`. */
function unionSymbols(u: UnionView): ApiSymbol[] {
  const variants = u.variants.map((v) => variantText(u, v.wire, v.type, v.others));
  if (u.open)
    variants.push(`{ SDK_UNKNOWN_MEMBER: { name: string; value: unknown; }; ${u.memberNames.map((n) => `${declaredKeyText(n)}?: never; `).join('')}}`);
  const out: ApiSymbol[] = [{ name: u.name, kind: 'TypeAlias', type: variants.join(' | ') }];
  for (const v of u.variants) {
    out.push({
      name: v.guard,
      kind: 'Function',
      type: `(value: ${u.name}) => value is Extract<${u.name}, { ${copiedKeyText(v.wire)}: unknown; }>`,
    });
  }
  const visitor: ApiMember[] = u.variants.map((v) => ({ name: v.wire, type: `(value: ${writtenType(v.type)}) => R` }));
  if (u.open) visitor.push({ name: 'SDK_UNKNOWN_MEMBER', type: '(name: string, value: unknown) => R' });
  out.push({ name: u.visitorType, kind: 'Interface', type: `${u.visitorType}<R>`, members: membersOf(visitor) });
  out.push({ name: u.visitFn, kind: 'Function', type: `<R>(value: ${u.name}, visitor: ${u.visitorType}<R>) => R` });
  return out;
}

/** The symbols of enum `e`: the alias (values in creation order) and the frozen object. */
function enumSymbols(e: EnumView, order: CreationOrder): ApiSymbol[] {
  const alias = order.valuesInOrder(e).map(literalTypeText).join(' | ');
  const object = e.values.map((v) => `readonly ${declaredKeyText(v)}: ${literalTypeText(v)}; `).join('');
  return [
    { name: e.name, kind: 'TypeAlias', type: alias },
    { name: e.name, kind: 'Variable', type: `Readonly<{ ${object}}>` },
  ];
}

/** Every symbol `types.ts` exports, after resolving what the checker would, in its order; and that order. */
function typeSymbols(view: PackageView): { symbols: ApiSymbol[]; order: CreationOrder } {
  const enums = new Map<string, EnumView>();
  for (const d of view.declarations) if (d.enum) enums.set(d.enum.name, d.enum);
  const order = new CreationOrder(enums);
  // First pass: resolve in the checker's walk order; text is written afterwards, ids being final by then.
  if (view.usesStream) order.resolve({ fixed: 'StreamingBody' });
  for (const d of view.declarations) {
    if (d.structure) for (const m of d.structure.members) order.resolve(m.type);
    else if (d.union) {
      // Printing the alias: each variant's member type, and the first variant names every member.
      d.union.variants.forEach((v, i) => {
        order.resolve(v.type);
        if (i === 0 && d.union!.memberNames.includes(PROTO)) order.literal(PROTO);
      });
    } else if (d.enum) order.resolveEnum(d.enum);
  }
  // Then what errors.ts and client.ts print of those types: error members, then items.
  for (const e of view.errors.errors) for (const m of e.members) order.resolve(m.type);
  for (const p of view.itemPaginators) order.resolve(p.items!.type);
  const out: ApiSymbol[] = [];
  if (view.usesDocument) out.push({ name: 'DocumentValue', kind: 'TypeAlias', type: DOCUMENT_VALUE_TYPE });
  if (view.usesStream) out.push({ name: 'StreamingBody', kind: 'TypeAlias', type: STREAMING_BODY_TYPE });
  for (const d of view.declarations) {
    if (d.structure) {
      const members = d.structure.members.map((m) => {
        const type = checkedType(m.type, order);
        return m.optional ? { name: m.wire, type: optionalType(type), optional: true } : { name: m.wire, type };
      });
      out.push({ name: d.structure.name, kind: 'Interface', type: d.structure.name, members: membersOf(members) });
    } else if (d.union) out.push(...unionSymbols(d.union));
    else if (d.enum) out.push(...enumSymbols(d.enum, order));
  }
  return { symbols: out, order };
}

/** The symbols of `errors.ts`, `validators.ts` and `client.ts`. */
function codeSymbols(view: PackageView, order: CreationOrder): ApiSymbol[] {
  const errorClass = (name: string, code?: string, declared: ApiMember[] = []): ApiSymbol => ({
    name,
    kind: 'Class',
    type: name,
    members: membersOf([...ERROR_CLASS_MEMBERS.map((m) => (m.name === 'name' && code !== undefined ? { name: 'name', type: literalTypeText(code) } : m)), ...declared]),
  });
  const out: ApiSymbol[] = [
    errorClass(view.errors.baseError),
    ...view.errors.errors.map((e) => errorClass(e.name, e.code, e.members.map((m) => ({ name: m.wire, type: optionalType(checkedType(m.type, order)), optional: true })))),
  ];
  for (const v of view.validators.operations) {
    out.push({ name: v.input, kind: 'Function', type: `(input: unknown) => asserts input is ${v.inputType}` });
    out.push({ name: v.output, kind: 'Function', type: `(output: unknown) => asserts output is ${v.outputType}` });
  }
  const config = [...CLIENT_CONFIG_MEMBERS];
  out.push({ name: view.client.config, kind: 'Interface', type: view.client.config, members: membersOf(config) });
  out.push({ name: 'CallOptions', kind: 'Interface', type: 'CallOptions', members: CALL_OPTIONS_MEMBERS.slice() });
  // A parameter with a default (`input: X = {}`) prints as optional.
  const input = (o: { inputType: string; inputOptional: boolean }) => `input${o.inputOptional ? '?' : ''}: ${o.inputType}`;
  const methods: ApiMember[] = [...CLIENT_FIXED_MEMBERS];
  for (const o of view.operations) {
    methods.push({ name: o.method, type: `(${input(o)}, options?: CallOptions) => Promise<${o.outputType} & MetadataBearer>` });
  }
  for (const p of view.paginators) {
    const o = p.operation;
    methods.push({
      name: p.method,
      type: `(${input(o)}, options?: CallOptions) => AsyncGenerator<${o.outputType} & MetadataBearer, void, undefined>`,
    });
  }
  for (const p of view.itemPaginators) {
    methods.push({ name: p.items!.method, type: `(${input(p.operation)}, options?: CallOptions) => AsyncGenerator<${checkedType(p.items!.type, order)}, void, undefined>` });
  }
  for (const w of view.waiters) {
    const o = `${w.operation.outputType} & MetadataBearer`;
    methods.push({ name: w.method, type: `(input: ${w.operation.inputType}, options: WaitOptions<${o}>) => Promise<WaitResult<${o}>>` });
  }
  out.push({ name: view.client.name, kind: 'Class', type: view.client.name, members: membersOf(methods) });
  return out;
}

/** The API surface of the package `view` renders, sorted as `api.json` is (by name, then kind). */
export function viewSurface(view: PackageView): ApiSymbol[] {
  const types = typeSymbols(view);
  return [...types.symbols, ...codeSymbols(view, types.order)]
    .map((s) => ({
      ...s,
      type: collapseSpace(s.type),
      ...(s.members ? { members: s.members.map((m) => ({ ...m, type: collapseSpace(m.type) })) } : {}),
    }))
    .sort(compareSymbols);
}
