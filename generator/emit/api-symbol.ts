/**
 * The shape of a package's public API surface (what `api.json` holds) and its canonical order, shared
 * by the two ways of computing it: from the view model (`view-surface.ts`, what `generate` uses) and
 * with ts-morph's type checker (`test/helpers/checker-surface.ts`, the test oracle). Kept apart from both so that
 * neither `docsdk diff` nor the generator loads ts-morph just to name these types.
 *
 * @packageDocumentation
 */
import type { EmittedFile } from './emitted-file.ts';

/** One member of an exported interface or class. */
export interface ApiMember {
  name: string;
  type: string;
  optional?: boolean;
}

/** One exported name. */
export interface ApiSymbol {
  name: string;
  kind: string;
  type: string;
  members?: ApiMember[];
}

/** Code-unit order (`<`), not locale order: the snapshot must not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of `api.json`: by name, then kind (an enum's `TypeAlias` before its `Variable`). */
export function compareSymbols(a: ApiSymbol, b: ApiSymbol): number {
  return compareText(a.name, b.name) || compareText(a.kind, b.kind);
}

/** The order of a symbol's members: by name. */
export function compareMembers(a: ApiMember, b: ApiMember): number {
  return compareText(a.name, b.name);
}

/**
 * Runs of white space in a type's text become one space, as the checker-based surface has always
 * written them: a string literal type keeps characters such as U+00A0 unescaped, and a snapshot line
 * must not depend on them.
 */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The `api.json` snapshot of a surface. */
export function apiSnapshotFile(surface: readonly ApiSymbol[]): EmittedFile {
  return { path: 'api.json', content: `${JSON.stringify(surface, null, 2)}\n` };
}
