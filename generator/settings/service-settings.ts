/**
 * Service settings: the `service.json` beside a service's pages, holding what the pages don't
 * carry (package name, protocol, endpoint, signing, HTTP bindings). Validated against
 * `service.schema.json`; problems come back as located diagnostics.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { REPO_URL } from '../repo.ts';
import { compileSchema } from '../schema/ajv.ts';
import type { ServiceSettings } from './model.ts';
import { unknownShapeReferences } from './shape-references.ts';

// The types live in model.ts (shape-references.ts needs them too); importers of the loader keep
// getting them from here.
export type { OperationSettings, ParameterSettings, ServiceSettings, ShapeMemberSettings, ShapeSettings } from './model.ts';

/** The settings file name looked for in each service folder. */
export const SETTINGS_FILE = 'service.json';

const schema = createRequire(REPO_URL)('./generator/settings/service.schema.json') as object;
const validate = compileSchema<ServiceSettings>(schema);

/** Finds the line of a setting in its file, by the keys leading to it (`['shapes', 'PeerConn']`). */
export type SettingsLocator = (keys: readonly string[]) => number;

/** What loading a `service.json` gives: the settings, a way to locate them, and any problems. */
export interface LoadedSettings {
  settings: ServiceSettings;
  diagnostics: Diagnostic[];
  locate: SettingsLocator;
}

/** Reads and validates a `service.json`; returns the settings and any diagnostics. */
export function loadServiceSettings(file: string, displayFile = file): LoadedSettings {
  return parseServiceSettings(readFileSync(file, 'utf8'), displayFile);
}

/** Validates the text of a `service.json` (already read); `displayFile` locates its diagnostics. */
export function parseServiceSettings(text: string, displayFile: string): LoadedSettings {
  const locate = settingsLocator(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const before = text.slice(0, offset).split('\n');
    return {
      settings: {},
      locate,
      diagnostics: [
        { file: displayFile, line: before.length, column: before[before.length - 1]!.length + 1, severity: 'error', message: `not valid JSON: ${message}` },
      ],
    };
  }
  const problems = validate(data);
  if (problems.length > 0) {
    return {
      settings: {},
      locate,
      diagnostics: problems.map((p) => ({ file: displayFile, line: locate(pointerKeys(p.path)), column: 1, severity: 'error', message: `${p.path || '/'}: ${p.message}` })),
    };
  }
  const settings = data as ServiceSettings;
  const diagnostics = unknownShapeReferences(settings).map(
    (r): Diagnostic => ({ file: displayFile, line: locate(r.keys), column: 1, severity: 'error', message: r.message }),
  );
  return { settings, diagnostics, locate };
}

/** A locator for `text`: each key is searched for after the previous one, so nesting is followed. */
export function settingsLocator(text: string): SettingsLocator {
  return (keys) => {
    let offset = 0;
    for (const key of keys) {
      const at = text.indexOf(JSON.stringify(key), offset);
      if (at < 0) break;
      offset = at;
    }
    return text.slice(0, offset).split('\n').length;
  };
}

/** The keys of a JSON pointer (`/operations/x/http` → `['operations', 'x', 'http']`). */
function pointerKeys(pointer: string): string[] {
  return pointer.split('/').filter(Boolean).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The settings file of the service folder holding `file` (its directory), when there is one. */
export function settingsFileFor(dir: string): string | undefined {
  const candidate = path.join(dir, SETTINGS_FILE);
  return existsSync(candidate) ? candidate : undefined;
}
