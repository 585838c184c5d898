/**
 * The IR half of `docsdk diff`: walks two IRs service by service (matched by provider and id),
 * operation by operation (by name) and shape by shape (by id), and names the rule of every
 * difference. Shapes only one side has are not reported on their own: they appear or vanish with
 * the operation or member that reaches them, which is reported. Sources and warnings are ignored
 * (they say where facts came from, not what they are).
 *
 * @packageDocumentation
 */
import { reachOf } from '../ir/reach.ts';
import type { IR, Member, Operation, Service, Shape } from '../ir/model.ts';
import { change, forRole, type Change, type Role } from './rules.ts';

/** The changes of one service, sorted by path then rule. */
export interface ServiceDiff {
  /** `<provider>/<id>`. */
  key: string;
  /** Folder of its generated package, `<provider>-<id>`. */
  folder: string;
  packageName: string;
  changes: Change[];
}

/** The generated package's name (as the emitter names it: settings, else `@docsdk/<folder>`). */
export function packageNameOf(service: Service): string {
  return service.packageName ?? `@docsdk/${service.provider}-${service.id}`;
}

const keyOf = (s: Service) => `${s.provider}/${s.id}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byPathThenRule = (a: Change, b: Change) =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0;

/** Compares two IRs; one entry per service either side has, sorted by key, changed or not. */
export function diffIR(oldIR: IR, newIR: IR): ServiceDiff[] {
  const olds = new Map(oldIR.services.map((s) => [keyOf(s), s]));
  const news = new Map(newIR.services.map((s) => [keyOf(s), s]));
  const keys = [...new Set([...olds.keys(), ...news.keys()])].sort();
  return keys.map((key) => {
    const a = olds.get(key);
    const b = news.get(key);
    const s = (b ?? a)!;
    const changes = !a
      ? [change('service-added', key, packageNameOf(s))]
      : !b
        ? [change('service-removed', key, packageNameOf(s))]
        : diffService(a, b);
    return { key, folder: `${s.provider}-${s.id}`, packageName: packageNameOf(s), changes: changes.sort(byPathThenRule) };
  });
}

function diffService(a: Service, b: Service): Change[] {
  const out: Change[] = [];
  if (packageNameOf(a) !== packageNameOf(b)) out.push(change('package-renamed', 'package', `${packageNameOf(a)} → ${packageNameOf(b)}`));
  if (a.apiVersion !== b.apiVersion) out.push(change('api-version-changed', 'apiVersion', `${a.apiVersion ?? '(none)'} → ${b.apiVersion ?? '(none)'}`));
  if (!same(a.wire, b.wire)) out.push(change('wire-changed', 'wire', `${JSON.stringify(a.wire ?? null)} → ${JSON.stringify(b.wire ?? null)}`));

  const oldOps = new Map(a.operations.map((o) => [o.name, o]));
  const newOps = new Map(b.operations.map((o) => [o.name, o]));
  for (const [name, op] of oldOps) if (!newOps.has(name)) out.push(change('operation-removed', `operation ${name}`, op.method));
  for (const [name, op] of newOps) {
    const old = oldOps.get(name);
    if (!old) out.push(change('operation-added', `operation ${name}`, op.method));
    else out.push(...diffOperation(old, op));
  }

  const roles = rolesOf(a, b);
  for (const id of Object.keys(a.shapes).sort()) {
    const sa = a.shapes[id]!;
    const sb = b.shapes[id];
    const r = roles(id);
    if (sb && r.length > 0) out.push(...diffShape(id, sa, sb, r, a, b));
  }
  return out;
}

function diffOperation(a: Operation, b: Operation): Change[] {
  const out: Change[] = [];
  const at = `operation ${a.name}`;
  if (a.input !== b.input) out.push(change('operation-shape-changed', at, `input ${a.input} → ${b.input}`));
  if (a.output !== b.output) out.push(change('operation-shape-changed', at, `output ${a.output} → ${b.output}`));
  if (!a.deprecated && b.deprecated) out.push(change('operation-deprecated', at, b.deprecationMessage ?? ''));
  if (a.deprecated && !b.deprecated) out.push(change('operation-undeprecated', at, ''));
  for (const e of b.errors) if (!a.errors.includes(e)) out.push(change('error-added', at, e));
  for (const e of a.errors) if (!b.errors.includes(e)) out.push(change('error-removed', at, e));
  // Where a paginator is documented is a source, not a fact of the API.
  const pa = a.paginator && JSON.stringify({ ...a.paginator, source: undefined });
  const pb = b.paginator && JSON.stringify({ ...b.paginator, source: undefined });
  if (!pa && pb) out.push(change('paginator-added', at, pb));
  else if (pa && !pb) out.push(change('paginator-removed', at, pa));
  else if (pa !== pb) out.push(change('paginator-changed', at, `${pa} → ${pb}`));
  if (!same(a.http, b.http)) out.push(change('http-binding-changed', at, `${JSON.stringify(a.http ?? null)} → ${JSON.stringify(b.http ?? null)}`));
  if (a.documentation !== b.documentation || a.deprecationMessage !== b.deprecationMessage) out.push(docChange(at, operationText(a), operationText(b)));
  return out;
}

/** A documentation change, with both texts (reports show a word-level before/after). */
function docChange(at: string, before: string, after: string): Change {
  return { ...change('documentation-changed', at, ''), text: { before, after } };
}

/** An operation's documentation as a caller reads it: its text, then its deprecation message. */
function operationText(op: Operation): string {
  return op.deprecationMessage ? `${op.documentation}\n\nDeprecated: ${op.deprecationMessage}` : op.documentation;
}

/** Roles of a shape id: where either IR's operations reach it (so a shape used both ways counts as both). */
function rolesOf(a: Service, b: Service): (id: string) => Role[] {
  const ra = reachOf(a);
  const rb = reachOf(b);
  return (id) => [
    ...(ra.input.has(id) || rb.input.has(id) ? (['input'] as const) : []),
    ...(ra.output.has(id) || rb.output.has(id) ? (['output'] as const) : []),
  ];
}

function diffShape(id: string, sa: Shape, sb: Shape, roles: Role[], a: Service, b: Service): Change[] {
  if (sa.type !== sb.type) return [change('shape-kind-changed', id, `${sa.type} → ${sb.type}`)];
  const out: Change[] = [];
  if (sa.documentation !== sb.documentation) out.push(docChange(id, sa.documentation ?? '', sb.documentation ?? ''));
  if ((sa.type === 'structure' || sa.type === 'union') && (sb.type === 'structure' || sb.type === 'union')) {
    const union = sa.type === 'union';
    for (const [name, m] of Object.entries(sa.members)) {
      if (!(name in sb.members)) out.push(change(union ? 'union-member-removed' : 'member-removed', `${id}.${name}`, m.target));
    }
    for (const [name, m] of Object.entries(sb.members)) {
      const old = sa.members[name];
      const at = `${id}.${name}`;
      if (old) out.push(...diffMember(at, old, m, union, roles, a, b));
      else if (union) for (const r of roles) out.push(change(forRole(r, 'input-union-member-added', 'output-union-member-added'), at, m.target));
      else for (const r of roles) out.push(change(r === 'output' ? 'output-member-added' : m.required ? 'input-required-member-added' : 'input-optional-member-added', at, m.target));
    }
  } else if (sa.type === 'list' && sb.type === 'list') {
    out.push(...diffTarget(`${id}.member`, sa.member, sb.member, roles, a, b));
  } else if (sa.type === 'map' && sb.type === 'map') {
    out.push(...diffTarget(`${id}.key`, sa.key, sb.key, roles, a, b), ...diffTarget(`${id}.value`, sa.value, sb.value, roles, a, b));
  } else if (sa.type === 'string' && sb.type === 'string') {
    out.push(...diffEnum(id, sa.enum, sb.enum, roles, 'shape'));
  }
  return out;
}

function diffMember(at: string, m: Member, n: Member, union: boolean, roles: Role[], a: Service, b: Service): Change[] {
  const out = diffTarget(at, m.target, n.target, roles, a, b);
  if (!union && !!m.required !== !!n.required) {
    for (const r of roles) {
      const rule = n.required
        ? forRole(r, 'input-member-made-required', 'output-member-made-required')
        : forRole(r, 'input-member-made-optional', 'output-member-made-optional');
      out.push(change(rule, at, n.required ? 'optional → required' : 'required → optional'));
    }
  }
  if (!!m.idempotencyToken !== !!n.idempotencyToken && roles.includes('input')) {
    out.push(change('idempotency-token-changed', at, n.idempotencyToken ? 'now filled when absent' : 'no longer filled when absent'));
  }
  if (m.documentation !== n.documentation) out.push(docChange(at, m.documentation ?? '', n.documentation ?? ''));
  return out;
}

/**
 * A member or element pointing at another shape id. Two string shapes stay strings in TypeScript
 * (an enum only narrows them), so they are compared by their values rather than called a type change.
 */
function diffTarget(at: string, from: string, to: string, roles: Role[], a: Service, b: Service): Change[] {
  if (from === to) return [];
  const sa = a.shapes[from];
  const sb = b.shapes[to];
  if (sa?.type === 'string' && sb?.type === 'string') return diffEnum(at, sa.enum, sb.enum, roles, 'member');
  return [change('member-type-changed', at, `${from} → ${to}`)];
}

/**
 * Enum values of a string shape (`level` shape: the same shape id on both sides) or of a member whose
 * target is another string shape (`member`). A shape's values are also the keys of its exported
 * constant, so losing one breaks in either role; a member pointing at another enum changes no
 * constant (the enums' own surfaces say what they lose), so for it only the role decides.
 */
function diffEnum(at: string, before: readonly string[] | undefined, after: readonly string[] | undefined, roles: Role[], level: 'shape' | 'member'): Change[] {
  if (!before && !after) return [];
  if (before && !after) return [change(level === 'shape' ? 'enum-constraint-removed' : 'member-enum-constraint-removed', at, before.join(' | '))];
  if (!before && after) return roles.map((r) => change(forRole(r, 'input-enum-constraint-added', 'output-enum-constraint-added'), at, after.join(' | ')));
  const out: Change[] = [];
  for (const r of roles) {
    const removed = level === 'shape' ? forRole(r, 'input-enum-value-removed', 'output-enum-value-removed') : forRole(r, 'input-enum-value-removed', 'output-member-enum-narrowed');
    for (const v of after!) if (!before!.includes(v)) out.push(change(forRole(r, 'input-enum-value-added', 'output-enum-value-added'), at, v));
    for (const v of before!) if (!after!.includes(v)) out.push(change(removed, at, v));
  }
  return out;
}
