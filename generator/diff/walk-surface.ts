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
    else if (!sameType(old.type, s.type) && !namesOnlyItself(old) && !namesOnlyItself(s)) out.push(change('api-symbol-changed', id, `${old.type} → ${s.type}`));
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
    else if (!sameType(old.type, m.type) || !!old.optional !== !!m.optional) out.push(change('api-member-changed', at, `${text(old)} → ${text(m)}`));
  }
  const names = new Set(after.map((m) => m.name));
  for (const m of before) if (!names.has(m.name)) out.push(change('api-member-removed', `${id}.${m.name}`, m.type));
  return out;
}

const text = (m: ApiMember) => `${m.optional ? '?: ' : ': '}${m.type}`;

/**
 * The parts of a type text's top-level union (`A | (B | C) | "x|y"` → `A`, `(B | C)`, `"x|y"`): split
 * at `|` outside brackets and string literals. A function type (`=>` at the top) is one part: the
 * checker parenthesises a function inside a union, so a top-level arrow's `|` belong to its result.
 */
export function unionParts(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const ch = type[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if ('([{<'.includes(ch)) depth++;
    else if (')]}>'.includes(ch) && !(ch === '>' && type[i - 1] === '=')) depth--;
    else if (ch === '=' && type[i + 1] === '>' && depth === 0) return [type.trim()];
    else if (ch === '|' && depth === 0) {
      parts.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(type.slice(start).trim());
  return parts;
}

/**
 * Two type texts mean the same type when their top-level unions have the same parts in any order: the
 * order a union prints in is the order its parts were first created while checking the package (see
 * `emit/view-surface.ts`), which a change elsewhere in the package can shift (`ConnectionState |
 * (string & {})` → `(string & {}) | ConnectionState` when a new operation names the enum earlier).
 */
export function sameType(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = unionParts(a).sort();
  const pb = unionParts(b).sort();
  return pa.length === pb.length && pa.every((p, i) => p === pb[i]);
}
