/**
 * One service → the files of its package (paths relative to the package folder), rendered from the
 * templates and formatted. Pure: nothing touches the disk here.
 *
 * @packageDocumentation
 */
import { IR_VERSION, type Service } from '../ir/model.ts';
import { formatFile } from './format.ts';
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

/** Renders and formats every file of `service`'s package except the API snapshot. */
export async function emitService(
  service: Service,
  renderer: Renderer,
  versions: PackageVersions,
): Promise<{ view: PackageView; files: EmittedFile[] }> {
  const view = packageView(service, versions);
  const files: EmittedFile[] = [];
  for (const [template, file] of PACKAGE_TEMPLATES) {
    const raw = renderer.render(template, view);
    let content: string;
    try {
      content = await formatFile(file, raw);
    } catch (e) {
      // A template produced text Prettier cannot parse: an emitter bug; say where.
      throw new Error(`${view.folder}/${file}: generated text does not parse: ${(e as Error).message}`, { cause: e });
    }
    files.push({ path: file, content });
  }
  files.push(serviceIRFile(service));
  return { view, files };
}
