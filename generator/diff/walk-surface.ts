/**
 * The API-surface half of `docsdk diff`: compares what two builds of a package export (the surfaces
 * their `api.json` files recorded), so a generator change that alters the emitted API shows even when
 * the docs did not change.
 *
 * @packageDocumentation
 */
import type { ApiMember, ApiSymbol } from '../emit/api-symbol.ts';
import { change, type Change } from './rules.ts';

/** A symbol's identity: one name may be exported as a type and a value (`Status` enum: alias + const). */
const idOf = (s: ApiSymbol) => `${s.name} (${s.kind})`;

/** Changes from surface `before` to `after`. */
export function diffSurface(before: readonly ApiSymbol[], after: readonly ApiSymbol[]): Change[] {
  const olds = new Map(before.map((s) => [idOf(s), s]));
  const news = new Map(after.map((s) => [idOf(s), s]));
  const out: Change[] = [];
  for (const [id, s] of olds) if (!news.has(id)) out.push(change('api-symbol-removed', id, s.type));
  for (const [id, s] of news) {
    const old = olds.get(id);
    if (!old) out.push(change('api-symbol-added', id, s.type));
    else if (old.members || s.members) out.push(...diffMembers(id, s.kind === 'Class', old.members ?? [], s.members ?? []));
    else if (old.type !== s.type && !namesOnlyItself(old) && !namesOnlyItself(s)) out.push(change('api-symbol-changed', id, `${old.type} → ${s.type}`));
  }
  return out;
}

/**
 * An alias whose type text is just its own name says nothing about what it stands for: snapshots made
 * before the surface printed aliases expanded read that way, and comparing them would flag every alias.
 */
const namesOnlyItself = (s: ApiSymbol) => s.kind === 'TypeAlias' && s.type === s.name;

/** Member changes of an interface or class (`isClass`: callers never build one, so new members are safe). */
function diffMembers(id: string, isClass: boolean, before: readonly ApiMember[], after: readonly ApiMember[]): Change[] {
  const olds = new Map(before.map((m) => [m.name, m]));
  const out: Change[] = [];
  for (const m of after) {
    const old = olds.get(m.name);
    const at = `${id}.${m.name}`;
    if (!old) out.push(change(m.optional || isClass ? 'api-member-added' : 'api-member-added-required', at, m.type));
    else if (old.type !== m.type || !!old.optional !== !!m.optional) out.push(change('api-member-changed', at, `${text(old)} → ${text(m)}`));
  }
  const names = new Set(after.map((m) => m.name));
  for (const m of before) if (!names.has(m.name)) out.push(change('api-member-removed', `${id}.${m.name}`, m.type));
  return out;
}

const text = (m: ApiMember) => `${m.optional ? '?: ' : ': '}${m.type}`;
