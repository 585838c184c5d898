/**
 * The public API surface of a generated package: every name its index exports, with its kind and the
 * text of its type (and, for interfaces and classes, of each member). The pull-request diff reuses it,
 * and `api.json` snapshots it so a vanished or changed symbol shows in a diff.
 *
 * @packageDocumentation
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Node, TypeFormatFlags, type ExportedDeclarations } from 'ts-morph';
import type { EmittedFile } from './emit-service.ts';
import { withSharedSourceProject } from './ts-project.ts';

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

const FLAGS = TypeFormatFlags.NoTruncation | TypeFormatFlags.UseAliasDefinedOutsideCurrentScope | TypeFormatFlags.WriteArrowStyleSignature;

// Type text may name a declaration by its absolute path (`import("/x/runtime/src/errors").E`): keep the name only.
function clean(text: string): string {
  return text.replace(/import\("[^"]*"\)\./g, '').replace(/\s+/g, ' ');
}

function describe(name: string, decl: ExportedDeclarations): ApiSymbol {
  const kind = decl.getKindName().replace(/Declaration$/, '');
  // A type alias would print as its own name: print what it stands for, so a change shows.
  const flags = Node.isTypeAliasDeclaration(decl) ? FLAGS | TypeFormatFlags.InTypeAlias : FLAGS;
  const type = clean(decl.getType().getText(decl, flags));
  if (Node.isInterfaceDeclaration(decl) || Node.isClassDeclaration(decl)) {
    const members: ApiMember[] = [];
    for (const sym of decl.getType().getProperties()) {
      const member = sym.getName();
      if (member.startsWith('#') || member.startsWith('__#')) continue;
      const t = clean(sym.getTypeAtLocation(decl).getText(decl, FLAGS));
      members.push({ name: member, type: t, ...(sym.isOptional() ? { optional: true } : {}) });
    }
    if (Node.isClassDeclaration(decl)) {
      const ctor = decl.getConstructors()[0];
      if (ctor) members.unshift({ name: 'constructor', type: clean(ctor.getType().getText(ctor, FLAGS)) });
    }
    return { name, kind, type, members: members.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  }
  return { name, kind, type };
}

/** The API surface of a package given its files (in memory), sorted by name then kind. */
export function apiSurface(folder: string, files: readonly EmittedFile[]): ApiSymbol[] {
  const out: ApiSymbol[] = [];
  withSharedSourceProject(folder, files, (index) => {
    for (const [name, decls] of index.getExportedDeclarations()) {
      for (const decl of decls) out.push(describe(name, decl));
    }
  });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** The API surface of a package folder on disk (its `src/`). */
export function apiSurfaceOfDir(dir: string): ApiSymbol[] {
  const src = path.join(dir, 'src');
  const files = readdirSync(src)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => ({ path: `src/${f}`, content: readFileSync(path.join(src, f), 'utf8') }));
  return apiSurface(path.basename(dir), files);
}

/** The `api.json` snapshot of a surface. */
export function apiSnapshotFile(surface: readonly ApiSymbol[]): EmittedFile {
  return { path: 'api.json', content: `${JSON.stringify(surface, null, 2)}\n` };
}
