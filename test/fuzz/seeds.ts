/**
 * The pages fuzzing starts from: every seed page under `specs/` and the reader fixtures
 * (`test/fixtures/boto3/<service>/*.rst`, `test/fixtures/baidu/*.md`), each with the service
 * folder settings the real pipeline would hand its reader (see `planLoad` in `generator/load.ts`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceInput } from '../../generator/ir/build.ts';
import type { ReaderContext } from '../../generator/ir/input.ts';
import { loadServiceSettings, SETTINGS_FILE } from '../../generator/settings/service-settings.ts';

/** One page to mutate, with what the pipeline knows of its folder. */
export interface FuzzSeed {
  /** Path as shown in diagnostics (repository-relative, `/`-separated). */
  file: string;
  bytes: Buffer;
  /** The folder's settings as a reader sees them. */
  context: ReaderContext;
  /** The folder as `buildIR` sees it, without pages. */
  input: Omit<ServiceInput, 'pages'>;
}

/** The repository root (this file is `test/fuzz/seeds.ts`). */
export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

/** Files of a folder, recursively, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * A seed for `file` (repository-relative), read with the settings of `settingsFrom` (a folder
 * holding a `service.json`; default: the page's own folder, when it has one).
 */
export function seedOf(file: string, settingsFrom = path.dirname(file)): FuzzSeed {
  const settingsFile = path.posix.join(settingsFrom, SETTINGS_FILE);
  const hasSettings = existsSync(path.join(ROOT, settingsFile));
  const loaded = hasSettings ? loadServiceSettings(path.join(ROOT, settingsFile), settingsFile) : undefined;
  const settings = loaded?.settings ?? {};
  const context: ReaderContext = { settings };
  const input: Omit<ServiceInput, 'pages'> = { folderId: path.basename(path.dirname(file)), settings };
  if (loaded) {
    context.settingsFile = settingsFile;
    context.locate = loaded.locate;
    input.settingsFile = settingsFile;
    input.locateSetting = loaded.locate;
  }
  const provider = path.basename(path.dirname(path.dirname(file)));
  if (provider === 'aws' || provider === 'baidu') input.folderProvider = provider;
  return { file, bytes: readFileSync(path.join(ROOT, file)), context, input };
}

/** Every seed, in a fixed order (the campaign's seed indices depend on it). */
export function loadSeeds(): FuzzSeed[] {
  const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
  const specs = filesUnder(path.join(ROOT, 'specs'))
    .map(rel)
    .filter((f) => path.basename(f) !== SETTINGS_FILE)
    .map((f) => seedOf(f));
  const boto3 = filesUnder(path.join(ROOT, 'test/fixtures/boto3'))
    .map(rel)
    .filter((f) => f.endsWith('.rst'))
    .map((f) => seedOf(f));
  // The Markdown fixture is the source of specs/baidu/vpc's page: it is read with that folder's facts.
  const baidu = filesUnder(path.join(ROOT, 'test/fixtures/baidu'))
    .map(rel)
    .filter((f) => f.endsWith('.md'))
    .map((f) => seedOf(f, 'specs/baidu/vpc'));
  return [...specs, ...boto3, ...baidu];
}
