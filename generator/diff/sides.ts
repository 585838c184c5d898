/**
 * The two sides of `docsdk diff`: each argument is a spec folder, an IR file (`docsdk ir` output or
 * a package's `ir.json`), a generated package folder or tree, or a git ref of the repository. Each gives an
 * IR and, where the side carries them, the API surfaces its packages were generated with (`api.json`
 * beside a package's `ir.json`; `generated/*\/api.json` at a git ref), so a generator change shows.
 *
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { ApiSymbol } from '../emit/api-symbol.ts';
import { IR_VERSION, type IR } from '../ir/model.ts';
import { validateIR } from '../ir/validate.ts';
import { loadIR } from '../pipeline/load-ir.ts';
import { materialise, resolveCommit } from './git.ts';
import { CHANGELOG_FILE } from '../emit/released.ts';

/** One side of a diff. */
export interface Side {
  /** The argument as given. */
  label: string;
  ir: IR;
  /** API surfaces the side's packages were generated with, by package folder (`aws-odb`). */
  surfaces: Map<string, ApiSymbol[]>;
  /** Versions of the side's generated packages, by package folder, where the side has them. */
  versions: Map<string, string>;
  /** `CHANGELOG.md` of the side's generated packages, by package folder, where they have one. */
  changelogs: Map<string, string>;
  /** Problems reading the side (errors make it unusable). */
  diagnostics: Diagnostic[];
}

/** Why a side could not be read (usage or input problem, for the CLI to report). */
export class SideError extends Error {}

const SPECS = 'specs';
const GENERATED = 'generated';

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SideError(`${file}: not JSON (${(e as Error).message})`);
  }
}

function irOfFile(file: string): IR {
  const ir = readJson(file) as IR;
  const problems = validateIR(ir);
  if (problems.length > 0) throw new SideError(`${file}: not an IR (${problems[0]!.path}: ${problems[0]!.message})`);
  return ir;
}

/** What a side's generated packages say, by package folder. */
type GeneratedFacts = Pick<Side, 'surfaces' | 'versions' | 'changelogs'>;

const noFacts = (): GeneratedFacts => ({ surfaces: new Map(), versions: new Map(), changelogs: new Map() });

/** Adds what package folder `dir` says, under `folder`: its `api.json` surface, version and changelog. */
function addPackageFacts(into: GeneratedFacts, folder: string, dir: string): void {
  const api = path.join(dir, 'api.json');
  const pkg = path.join(dir, 'package.json');
  const changelog = path.join(dir, CHANGELOG_FILE);
  if (existsSync(api)) into.surfaces.set(folder, readJson(api) as ApiSymbol[]);
  if (existsSync(pkg)) into.versions.set(folder, (readJson(pkg) as { version: string }).version);
  if (existsSync(changelog)) into.changelogs.set(folder, readFileSync(changelog, 'utf8'));
}

/** What every package folder `<root>/<folder>/` of a generated tree says. */
export function generatedFacts(root: string): GeneratedFacts {
  const facts = noFacts();
  if (existsSync(root)) for (const folder of readdirSync(root).sort()) addPackageFacts(facts, folder, path.join(root, folder));
  return facts;
}

/** An IR file; a package's `ir.json` brings what its folder says too. */
function fileSide(label: string, file: string): Side {
  const ir = irOfFile(file);
  const facts = noFacts();
  const only = ir.services.length === 1 ? ir.services[0]! : undefined;
  if (only && path.basename(file) === 'ir.json') addPackageFacts(facts, `${only.provider}-${only.id}`, path.dirname(file));
  return { label, ir, ...facts, diagnostics: [] };
}

/** A generated tree: the services of its packages' `ir.json` files, with what each package folder says. */
function generatedSide(label: string, root: string, folders: readonly string[]): Side {
  const services = folders.flatMap((f) => irOfFile(path.join(root, f, 'ir.json')).services);
  return { label, ir: { irVersion: IR_VERSION, services }, ...generatedFacts(root), diagnostics: [] };
}

/** A folder of spec documents, with what a generated tree says about its packages (when there is one). */
export function specSide(label: string, dir: string, generated?: string): Side {
  const { ir, diagnostics } = loadIR([dir]);
  const facts = generated ? generatedFacts(generated) : noFacts();
  return { label, ir, ...facts, diagnostics };
}

/** Reads one side; `repo` is the repository git refs are resolved in. */
export function readSide(arg: string, repo: string): Side {
  if (existsSync(arg)) {
    if (!statSync(arg).isDirectory()) return fileSide(arg, arg);
    const packageIR = path.join(arg, 'ir.json');
    if (existsSync(packageIR)) return fileSide(arg, packageIR);
    const packages = readdirSync(arg).sort().filter((f) => existsSync(path.join(arg, f, 'ir.json')));
    return packages.length > 0 ? generatedSide(arg, arg, packages) : specSide(arg, arg);
  }
  const commit = resolveCommit(repo, arg);
  if (!commit) throw new SideError(`${arg}: no such file or folder, and not a git ref of ${repo}`);
  const dir = materialise(repo, commit, [SPECS, GENERATED]);
  try {
    if (!existsSync(path.join(dir, SPECS))) throw new SideError(`${arg}: the repository has no ${SPECS}/ folder at ${commit.slice(0, 12)}`);
    return specSide(arg, path.join(dir, SPECS), path.join(dir, GENERATED));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
