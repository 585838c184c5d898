/**
 * The two sides of `docsdk diff`: each argument is a spec folder, an IR file (`docsdk ir` output or
 * a package's `ir.json`), a generated package folder, or a git ref of the repository. Each gives an
 * IR and, where the side carries them, the API surfaces its packages were generated with (`api.json`
 * beside a package's `ir.json`; `generated/*\/api.json` at a git ref), so a generator change shows.
 *
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { ApiSymbol } from '../emit/api-surface.ts';
import type { IR } from '../ir/model.ts';
import { validateIR } from '../ir/validate.ts';
import { loadIR } from '../load.ts';
import { materialise, resolveCommit } from './git.ts';

/** One side of a diff. */
export interface Side {
  /** The argument as given. */
  label: string;
  ir: IR;
  /** API surfaces the side's packages were generated with, by package folder (`aws-odb`). */
  surfaces: Map<string, ApiSymbol[]>;
  /** Versions of the side's generated packages, by package folder, where the side has them. */
  versions: Map<string, string>;
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

/** What one package folder says about how it was generated: its `api.json` surface, its version. */
function packageFacts(dir: string): { surface?: ApiSymbol[]; version?: string } {
  const api = path.join(dir, 'api.json');
  const pkg = path.join(dir, 'package.json');
  return {
    ...(existsSync(api) ? { surface: readJson(api) as ApiSymbol[] } : {}),
    ...(existsSync(pkg) ? { version: (readJson(pkg) as { version: string }).version } : {}),
  };
}

/** The facts of every package folder `<root>/<folder>/` of a generated tree, by folder. */
export function generatedFacts(root: string): Pick<Side, 'surfaces' | 'versions'> {
  const surfaces = new Map<string, ApiSymbol[]>();
  const versions = new Map<string, string>();
  if (existsSync(root)) {
    for (const folder of readdirSync(root).sort()) {
      const { surface, version } = packageFacts(path.join(root, folder));
      if (surface) surfaces.set(folder, surface);
      if (version) versions.set(folder, version);
    }
  }
  return { surfaces, versions };
}

/** An IR file; with an `api.json` beside it (a package's `ir.json`), that surface too. */
function fileSide(label: string, file: string): Side {
  const ir = irOfFile(file);
  const surfaces = new Map<string, ApiSymbol[]>();
  const versions = new Map<string, string>();
  const only = ir.services.length === 1 ? ir.services[0]! : undefined;
  if (only && path.basename(file) === 'ir.json') {
    const folder = `${only.provider}-${only.id}`;
    const { surface, version } = packageFacts(path.dirname(file));
    if (surface) surfaces.set(folder, surface);
    if (version) versions.set(folder, version);
  }
  return { label, ir, surfaces, versions, diagnostics: [] };
}

/** A folder of spec documents, with what a generated tree says about its packages (when there is one). */
export function specSide(label: string, dir: string, generated?: string): Side {
  const { ir, diagnostics } = loadIR([dir]);
  const facts = generated ? generatedFacts(generated) : { surfaces: new Map<string, ApiSymbol[]>(), versions: new Map<string, string>() };
  return { label, ir, ...facts, diagnostics };
}

/** Reads one side; `repo` is the repository git refs are resolved in. */
export function readSide(arg: string, repo: string): Side {
  if (existsSync(arg)) {
    if (!statSync(arg).isDirectory()) return fileSide(arg, arg);
    const packageIR = path.join(arg, 'ir.json');
    return existsSync(packageIR) ? fileSide(arg, packageIR) : specSide(arg, arg);
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
