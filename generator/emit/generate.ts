/**
 * `docsdk generate`: IR → one package per service, in memory first (rendered, formatted, type-checked
 * when asked, API snapshot computed from the view model), then written atomically. `renderPackages` is
 * the in-memory half, which `docsdk check` can compare against what is on disk.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import type { IR, Service } from '../ir/model.ts';
import { REPO_URL } from '../repo.ts';
import { apiSnapshotFile } from './api-symbol.ts';
import { emitService, type EmittedFile } from './emit-service.ts';
import { isPackageName } from './escape.ts';
import { handlebarsRenderer, type Renderer } from './render.ts';
import { writeTreeAtomically, type TreeFile } from './write-tree.ts';
import type { PackageVersions } from './view/package.ts';
import { viewSurface } from './view-surface.ts';

/** Options of a generation run. */
export interface GenerateOptions {
  /** The generator's version (package.json of docsdk). */
  generatorVersion: string;
  /** Type-check every package in-process; a type error fails the run. */
  checkTypes?: boolean;
  /** Renderer; defaults to Handlebars over `templates/`. */
  renderer?: Renderer;
}

/** One generated package in memory. */
export interface GeneratedPackage {
  /** Folder under the output directory, `<provider>-<id>`. */
  folder: string;
  packageName: string;
  files: EmittedFile[];
}

/** The result of rendering: packages, or the problems that prevent writing them. */
export interface RenderResult {
  packages: GeneratedPackage[];
  problems: string[];
}

/** A service id usable as a folder name: lower-case letters, digits, `.`, `-`, `_`; no `..`. */
const SERVICE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Why a service cannot be generated, if it cannot (paths must not escape the output folder). */
export function serviceProblems(service: Service): string[] {
  const out: string[] = [];
  if (!SERVICE_ID.test(service.id) || service.id.includes('..')) {
    out.push(`service id ${JSON.stringify(service.id)} is not a safe folder name (a-z, 0-9, '.', '-', '_')`);
  }
  if (service.provider !== 'aws' && service.provider !== 'baidu') out.push(`unknown provider ${JSON.stringify(service.provider)}`);
  if (service.packageName !== undefined && !isPackageName(service.packageName)) {
    out.push(`${service.id}: packageName ${JSON.stringify(service.packageName)} is not a valid npm package name`);
  }
  return out;
}

function readVersion(url: URL): string {
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/** Versions pinned into generated package.json files. */
export function packageVersions(generatorVersion: string): PackageVersions {
  return {
    generator: generatorVersion,
    runtime: readVersion(new URL('runtime/package.json', REPO_URL)),
    typescript: readVersion(new URL('node_modules/typescript/package.json', REPO_URL)),
  };
}

/** Renders every service of `ir` in memory. */
export async function renderPackages(ir: IR, options: GenerateOptions): Promise<RenderResult> {
  const problems = ir.services.flatMap(serviceProblems);
  const folders = new Map<string, string>();
  for (const s of ir.services) {
    const folder = `${s.provider}-${s.id}`;
    if (folders.has(folder)) problems.push(`two services would both be generated into ${folder}`);
    folders.set(folder, s.id);
  }
  if (problems.length > 0) return { packages: [], problems };

  const renderer = options.renderer ?? handlebarsRenderer();
  const versions = packageVersions(options.generatorVersion);
  // ts-morph (and the standard library it parses) loads in about a second: only when types are checked.
  const typeCheckPackage = options.checkTypes ? (await import('./check-types.ts')).typeCheckPackage : undefined;
  const packages: GeneratedPackage[] = [];
  const sorted = [...ir.services].sort((a, b) => (`${a.provider}-${a.id}` < `${b.provider}-${b.id}` ? -1 : 1));
  for (const service of sorted) {
    const { view, files } = emitService(service, renderer, versions);
    if (typeCheckPackage) {
      for (const e of typeCheckPackage(view.folder, files)) problems.push(`${view.folder}/${e}`);
    }
    files.push(apiSnapshotFile(viewSurface(view)));
    packages.push({ folder: view.folder, packageName: view.packageName, files });
  }
  return { packages, problems };
}

/** Every file of `packages`, relative to the output folder, sorted. */
export function treeOf(packages: readonly GeneratedPackage[]): TreeFile[] {
  return packages
    .flatMap((p) => p.files.map((f) => ({ path: `${p.folder}/${f.path}`, content: f.content })))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Renders `ir` and, when nothing is wrong, replaces `outDir` with the packages. */
export async function generate(ir: IR, outDir: string, options: GenerateOptions): Promise<RenderResult> {
  const result = await renderPackages(ir, options);
  if (result.problems.length === 0) writeTreeAtomically(outDir, treeOf(result.packages));
  return result;
}
