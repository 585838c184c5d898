/**
 * An in-memory ts-morph project over a generated package's sources, so packages can be type-checked
 * and their API read before anything is written. `@docsdk/runtime` resolves to the runtime's sources.
 *
 * Module resolution is `Bundler` here (sources are ESM and import `./x.js`); the packages' own
 * `tsconfig.json` (NodeNext) is exercised by building them with tsc.
 *
 * @packageDocumentation
 */
import { fileURLToPath } from 'node:url';
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget, type SourceFile } from 'ts-morph';
import { REPO_URL } from '../repo.ts';
import type { EmittedFile } from './emitted-file.ts';

/** The runtime's source entry point. */
export const RUNTIME_ENTRY = fileURLToPath(new URL('runtime/src/index.ts', REPO_URL));

/** The runtime's test double's source entry point (`@docsdk/runtime/mock`). */
export const RUNTIME_MOCK_ENTRY = fileURLToPath(new URL('runtime/src/mock.ts', REPO_URL));

/** A virtual folder for in-memory sources; never written. */
const VIRTUAL_ROOT = '/__docsdk_check__';

/** A fresh in-memory project with the compiler options every package is checked with. */
export function newProject(): Project {
  return new Project({
    compilerOptions: {
      target: ScriptTarget.ES2022,
      module: ModuleKind.ESNext,
      moduleResolution: ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      paths: { '@docsdk/runtime': [RUNTIME_ENTRY], '@docsdk/runtime/mock': [RUNTIME_MOCK_ENTRY] },
    },
    skipAddingFilesFromTsConfig: true,
  });
}

/** A project holding `files`' TypeScript sources under a virtual folder named `folder`. */
export function sourceProject(folder: string, files: readonly EmittedFile[], project: Project = newProject()): { project: Project; index: SourceFile; root: string } {
  const root = `${VIRTUAL_ROOT}/${folder}`;
  let index: SourceFile | undefined;
  for (const f of files) {
    if (!f.path.endsWith('.ts')) continue;
    const sf = project.createSourceFile(`${root}/${f.path}`, f.content, { overwrite: true });
    if (f.path === 'src/index.ts') index = sf;
  }
  if (!index) throw new Error(`${folder}: no src/index.ts`);
  return { project, index, root };
}
