/**
 * One service → the files of its package (paths relative to the package folder), rendered from the
 * templates and laid out as Prettier prints them (`layout.ts`; no formatter runs). Pure: nothing
 * touches the disk here.
 *
 * @packageDocumentation
 */
import { IR_VERSION, type Service } from '../ir/model.ts';
import { layoutLines } from './layout.ts';
import type { Renderer } from './render.ts';
import { packageView, type PackageVersions, type PackageView } from './view/package.ts';

/** A generated file: path relative to its package folder (`/`-separated) and content. */
export interface EmittedFile {
  path: string;
  content: string;
}

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
