/**
 * One verdict per change. The IR walk and the API-surface walk see the same edit from two sides: an
 * output enum losing `ARCHIVED` is `output-enum-value-removed` at `TableStatus` in the IR and
 * `api-symbol-changed` at `TableStatus (Variable)` and `TableStatus (TypeAlias)` on the surface. The
 * IR change knows roles (callers build inputs, read outputs), the surface change only sees text, so
 * the IR change decides: every surface change that an IR change explains takes that change's verdict
 * and bump and names it (`decidedBy`); it is then counted there, not again (`informational`). Only
 * the surface changes nothing in the IR explains (a generator change, an error class that vanished)
 * are decided by their own `api-…` rule. Both tables therefore say the same of one change by
 * construction: there is one verdict, the deciding rule's.
 *
 * Which IR change explains a surface change is found from the names the emitter gives (`nameService`
 * of either side): an exported name comes from a shape (its type, a union's guards and visitor), an
 * operation (its validators, the client's methods) or an error code. A surface change is explained by
 * the IR changes at that shape (its path or below: `Shape`, `Shape.member`), at that operation (an
 * operation's input and output types count as the operation's too), and at the unnamed shapes the
 * symbol's type text spells out inline (lists, maps, scalars reached through members).
 *
 * @packageDocumentation
 */
import { isNamedShape, nameService, type ServiceNames } from '../emit/names.ts';
import type { Service, Shape } from '../ir/model.ts';
import type { Bump, Change } from './rules.ts';

/** What an exported name comes from. */
type Origin = { shape: string; member?: string } | { operation: string };

/** Exported names and client members of one side, with what each comes from. */
interface OriginIndex {
  symbols: Map<string, Origin>;
  /** The client class and its config interface. */
  client: Set<string>;
  /** Client class members (methods, paginators, items iterators) by name. */
  clientMembers: Map<string, string>;
}

function indexOf(names: ServiceNames): OriginIndex {
  const symbols = new Map<string, Origin>();
  for (const [id, name] of names.types) symbols.set(name, { shape: id });
  for (const [id, guards] of names.guards) for (const [member, name] of guards) symbols.set(name, { shape: id, member });
  for (const [id, v] of names.visitors) {
    symbols.set(v.fn, { shape: id });
    symbols.set(v.type, { shape: id });
  }
  for (const [op, v] of names.validators) {
    symbols.set(v.input, { operation: op });
    symbols.set(v.output, { operation: op });
  }
  const clientMembers = new Map<string, string>();
  for (const map of [names.methods, names.paginators, names.paginatorItems]) for (const [op, name] of map) clientMembers.set(name, op);
  return { symbols, client: new Set([names.client, names.config]), clientMembers };
}

/** `Name (Kind)` or `Name (Kind).member`, as the surface walk writes paths. */
const SURFACE_PATH = /^(\S+) \((\w+)\)(?:\.(.+))?$/;

/** The target shape ids a shape's members, elements, keys or values point at. */
function targetsOf(shape: Shape | undefined, member?: string): string[] {
  if (!shape) return [];
  if (shape.type === 'structure' || shape.type === 'union') {
    if (member !== undefined) return shape.members[member] ? [shape.members[member]!.target] : [];
    return Object.values(shape.members).map((m) => m.target);
  }
  if (shape.type === 'list') return [shape.member];
  if (shape.type === 'map') return [shape.key, shape.value];
  return [];
}

/**
 * IR paths whose changes explain a change to what `origin` exports: the shape (or its member and the
 * member's target), and every unnamed shape reached from there without passing a named one (its text
 * is spelled out inline in the symbol's type: `Tag[]`, `Record<string, string>`).
 */
function subjectsOf(origin: Origin, services: readonly Service[]): string[] {
  if ('operation' in origin) return [`operation ${origin.operation}`];
  const out = [origin.member === undefined ? origin.shape : `${origin.shape}.${origin.member}`];
  // An operation's own input and output types come and go with it.
  if (origin.member === undefined) {
    for (const s of services) for (const op of s.operations) if (op.input === origin.shape || op.output === origin.shape) out.push(`${IO}operation ${op.name}`);
  }
  const seen = new Set<string>();
  const walk = (ids: string[]) => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      for (const s of services) {
        const shape = s.shapes[id];
        if (!shape || isNamedShape(shape)) continue;
        out.push(id);
        walk(targetsOf(shape));
      }
    }
  };
  const targets = services.flatMap((s) => targetsOf(s.shapes[origin.shape], origin.member));
  // A member's type text names its target, or spells it out (an enum of one value is its literal).
  if (origin.member !== undefined) out.push(...targets);
  walk(targets);
  return out;
}

/** The IR key of the member the surface names `name` (its wire name, or the name the docs spell it: `documentedName`). */
function memberKey(services: readonly Service[], shapeId: string, name: string): string {
  for (const s of services) {
    const shape = s.shapes[shapeId];
    if (shape?.type !== 'structure' && shape?.type !== 'union') continue;
    const key = Object.entries(shape.members).find(([k, m]) => (m.documentedName ?? k) === name)?.[0];
    if (key !== undefined) return key;
  }
  return name;
}

/**
 * Marks the subject an operation is for its input and output types: only the operation's coming,
 * going or taking other types explains them (not, say, an error it now lists).
 */
const IO = 'io:';
const IO_RULES: ReadonlySet<string> = new Set(['operation-added', 'operation-removed', 'operation-shape-changed']);

/** True when IR change `c` is at `subject` or below it. */
function under(c: Change, subject: string): boolean {
  if (subject.startsWith(IO)) return IO_RULES.has(c.rule) && c.path === subject.slice(IO.length);
  return c.path === subject || c.path.startsWith(`${subject}.`);
}

const ORDER: Record<Bump, number> = { patch: 1, minor: 2, major: 3 };

/** The IR change that decides among those explaining one surface change: a breaking one first, then the largest step. */
function deciding(explaining: readonly Change[]): Change {
  return explaining.reduce((best, c) => (c.breaking !== best.breaking ? (c.breaking ? c : best) : ORDER[c.bump] > ORDER[best.bump] ? c : best));
}

/**
 * For the surface changes between `before` and `after`: the IR paths whose changes explain the one at
 * a surface path (`TableStatus (Variable)`, `Connection (Interface).connectionState`), through both
 * sides' names (computed once).
 */
export function subjectsFinder(before: Service, after: Service): (path: string) => string[] {
  const services = [before, after];
  const indexes = services.map((s) => indexOf(nameService(s)));
  return (path) => {
    const m = SURFACE_PATH.exec(path);
    if (!m) return [];
    const name = m[1]!;
    const member = m[3];
    const subjects = new Set<string>();
    for (const index of indexes) {
      const origin: Origin | undefined = index.client.has(name)
        ? member !== undefined && index.clientMembers.has(member)
          ? { operation: index.clientMembers.get(member)! }
          : undefined
        : index.symbols.get(name);
      if (!origin) continue;
      // A member of a structure's interface is that member; a union's alias, guards and visitor are the union.
      const at = 'shape' in origin && member !== undefined && origin.member === undefined ? { ...origin, member: memberKey(services, origin.shape, member) } : origin;
      for (const s of subjectsOf(at, services)) subjects.add(s);
    }
    return [...subjects];
  };
}

/**
 * The surface changes of one package with one verdict each: those an IR change (documentation left
 * out) explains carry its verdict, bump and rule (`decidedBy`) and are marked `informational` (counted
 * with that change); the others keep their own rule's verdict and count on their own.
 */
export function decideSurface(api: readonly Change[], irChanges: readonly Change[], before: Service, after: Service): Change[] {
  const counted = irChanges.filter((c) => c.rule !== 'documentation-changed');
  if (counted.length === 0) return [...api];
  const subjects = subjectsFinder(before, after);
  return api.map((c) => {
    const at = subjects(c.path);
    const explaining = counted.filter((x) => at.some((s) => under(x, s)));
    if (explaining.length === 0) return c;
    const d = deciding(explaining);
    return { ...c, breaking: d.breaking, bump: d.bump, informational: true, decidedBy: { rule: d.rule, path: d.path } };
  });
}
