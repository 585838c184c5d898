/**
 * The public API surface of a generated package as TypeScript's checker sees it: every name its index
 * exports, with its kind and the text of its type (and, for interfaces and classes, of each member).
 * `generate` computes the same surface from the view model without a checker
 * (`generator/emit/view-surface.ts`); this one is its test oracle, and reads any package folder on disk
 * ({@link apiSurfaceOfDir}).
 *
 * @packageDocumentation
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Node, TypeFormatFlags, type ExportedDeclarations } from 'ts-morph';
import type { Project, SourceFile } from 'ts-morph';
import { collapseSpace, compareMembers, compareSymbols, type ApiMember, type ApiSymbol } from '../../generator/emit/api-symbol.ts';
import type { EmittedFile } from '../../generator/emit/emit-service.ts';
import { newProject, sourceProject } from '../../generator/emit/ts-project.ts';

export type { ApiMember, ApiSymbol } from '../../generator/emit/api-symbol.ts';

let shared: Project | undefined;

/**
 * Runs `use` on a project holding `files` (as `sourceProject`) that is shared by every call: the
 * standard library and the runtime's sources are parsed and bound once per process instead of once
 * per package (most of the time of reading a package's API). The package's files are removed again
 * afterwards, so each call sees only its own package, as with a fresh project.
 */
function withSharedSourceProject<T>(folder: string, files: readonly EmittedFile[], use: (index: SourceFile) => T): T {
  shared ??= newProject();
  const { index, root } = sourceProject(folder, files, shared);
  try {
    return use(index);
  } finally {
    for (const sf of shared.getSourceFiles()) if (sf.getFilePath().startsWith(`${root}/`)) shared.removeSourceFile(sf);
  }
}

const FLAGS = TypeFormatFlags.NoTruncation | TypeFormatFlags.UseAliasDefinedOutsideCurrentScope | TypeFormatFlags.WriteArrowStyleSignature;

// Type text may name a declaration by its absolute path (`import("/x/runtime/src/errors").E`): keep the name only.
function clean(text: string): string {
  return collapseSpace(text.replace(/import\("[^"]*"\)\./g, ''));
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
    return { name, kind, type, members: members.sort(compareMembers) };
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
  return out.sort(compareSymbols);
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
