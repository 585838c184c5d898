/**
 * The pipeline's first stage: from paths on disk to the plan of a run — the documents (files, or
 * folders read recursively), grouped by service folder, each folder with its `service.json`.
 * Nothing is read here but the settings.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { filesBelow } from '../files-below.ts';
import type { ServiceInput } from '../ir/build.ts';
import type { ReaderContext } from '../ir/input.ts';
import type { Provider } from '../ir/model.ts';
import { loadServiceSettings, SETTINGS_FILE, settingsFileFor } from '../settings/service-settings.ts';

/** A path as shown in diagnostics and IR sources: relative to the working directory, `/`-separated. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, path.resolve(file));
  return (rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(file) : rel).split(path.sep).join('/');
}

/** The documents named by `paths` (files as given, folders recursively), without settings files. */
export function collectDocuments(paths: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      diagnostics.push({ file: displayPath(p), line: 1, column: 1, severity: 'error', message: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) files.push(...filesBelow(p, { skip: (name) => name.startsWith('.'), regularOnly: true }).map((r) => path.join(p, r)));
    else files.push(p);
  }
  const unique = [...new Set(files.map((f) => path.resolve(f)))].filter((f) => path.basename(f) !== SETTINGS_FILE);
  return { files: unique.sort(), diagnostics };
}

/** The provider a service folder's path names (`…/aws/<service>`), when it names one. */
function providerOfFolder(dir: string): Provider | undefined {
  const parent = path.basename(path.dirname(dir));
  return parent === 'aws' || parent === 'baidu' ? parent : undefined;
}

/** One document to read: where it is, how it is shown, and its service folder. */
export interface PlannedDocument {
  file: string;
  shown: string;
  input: ServiceInput;
  context: ReaderContext;
}

/** A document with its content key (its path, content and folder settings, under the generator's key). */
export interface KeyedDocument extends PlannedDocument {
  key: string;
}

/** What a run will read: the documents, grouped into service folders with their settings. */
export interface RunPlan {
  folders: ServiceInput[];
  documents: PlannedDocument[];
  diagnostics: Diagnostic[];
}

/** Finds the documents under `paths` and reads each service folder's settings. */
export function planRun(paths: readonly string[]): RunPlan {
  const { files, diagnostics } = collectDocuments(paths);
  const folders = new Map<string, ServiceInput>();
  const documents: PlannedDocument[] = [];
  for (const file of files) {
    const dir = path.dirname(file);
    let input = folders.get(dir);
    if (!input) {
      const settingsFile = settingsFileFor(dir);
      const loaded = settingsFile ? loadServiceSettings(settingsFile, displayPath(settingsFile)) : undefined;
      if (loaded) for (const d of loaded.diagnostics) diagnostics.push(d);
      input = { folderId: path.basename(dir), settings: loaded?.settings ?? {}, pages: [] };
      if (loaded) {
        input.locateSetting = loaded.locate;
        input.settingsPositions = loaded.positions;
        if (loaded.diagnostics.some((d) => d.severity === 'error')) input.settingsBroken = true;
      }
      const provider = providerOfFolder(dir);
      if (provider) input.folderProvider = provider;
      if (settingsFile) input.settingsFile = displayPath(settingsFile);
      folders.set(dir, input);
    }
    const context: ReaderContext = { settings: input.settings };
    if (input.settingsFile) context.settingsFile = input.settingsFile;
    if (input.locateSetting) context.locate = input.locateSetting;
    documents.push({ file, shown: displayPath(file), input, context });
  }
  return { folders: [...folders.values()], documents, diagnostics };
}
