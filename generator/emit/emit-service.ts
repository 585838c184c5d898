/**
 * One service → the files of its package (paths relative to the package folder), rendered from the
 * templates and laid out as Prettier prints them (`layout.ts`; no formatter runs). Pure: nothing
 * touches the disk here. {@link emitPackage} is the emitter's entry point.
 *
 * @packageDocumentation
 */
import { IR_VERSION, type Service } from '../ir/model.ts';
import { apiSnapshotFile } from './api-symbol.ts';
import type { EmittedFile } from './emitted-file.ts';
import { layoutLines } from './layout.ts';
import type { Renderer } from './render.ts';
import { packageView, type PackageVersions, type PackageView } from './view/package.ts';
import { viewSurface } from './view-surface.ts';

export type { EmittedFile };


/** Template name → output path, for every package. */
export const PACKAGE_TEMPLATES: readonly (readonly [string, string])[] = [
  ['package.json', 'package.json'],
  ['tsconfig.json', 'tsconfig.json'],
  ['README.md', 'README.md'],
  ['src/index.ts', 'src/index.ts'],
  ['src/types.ts', 'src/types.ts'],
  ['src/errors.ts', 'src/errors.ts'],
  ['src/validators.ts', 'src/validators.ts'],
  ['src/schema.ts', 'src/schema.ts'],
  ['src/client.ts', 'src/client.ts'],
  ['src/mock.ts', 'src/mock.ts'],
];

/** This service's IR, in the IR file format (so `docsdk diff` can read it like any IR file). */
export function serviceIRFile(service: Service): EmittedFile {
  return { path: 'ir.json', content: `${JSON.stringify({ irVersion: IR_VERSION, services: [service] }, null, 2)}\n` };
}

/** One rendered template as its final text: marked lines laid out, exactly one newline at the end. */
export function finishFile(rendered: string): string {
  return `${layoutLines(rendered).replace(/\n+$/, '')}\n`;
}

/** Renders every file of `service`'s package except the API snapshot. */
export function emitService(service: Service, renderer: Renderer, versions: PackageVersions): { view: PackageView; files: EmittedFile[] } {
  const view = packageView(service, versions);
  const files: EmittedFile[] = [];
  for (const [template, file] of PACKAGE_TEMPLATES) {
    files.push({ path: file, content: finishFile(renderer.render(template, view)) });
  }
  files.push(serviceIRFile(service));
  return { view, files };
}

/** A service's package in memory: its folder (`<provider>-<id>`), npm name, files, and type errors when checked. */
export interface EmittedPackage {
  folder: string;
  packageName: string;
  files: EmittedFile[];
  /** `file:line:col: message`, relative to the package; empty unless types were checked. */
  typeErrors: string[];
}

/**
 * The one way a package is emitted — here, on an emitting thread, for `generate`, `check` and
 * `diff` alike: every file of the package, the API snapshot last (from the view model), and, when
 * `checkTypes`, the package's strict type errors. Nothing touches the disk.
 */
export async function emitPackage(service: Service, renderer: Renderer, versions: PackageVersions, checkTypes = false): Promise<EmittedPackage> {
  const { view, files } = emitService(service, renderer, versions);
  // ts-morph (and the standard library it parses) loads in about a second: only when types are checked.
  const typeErrors = checkTypes ? (await import('./check-types.ts')).typeCheckPackage(view.folder, files) : [];
  files.push(apiSnapshotFile(viewSurface(view)));
  return { folder: view.folder, packageName: view.packageName, files, typeErrors };
}
