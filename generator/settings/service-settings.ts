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
import { compileSchema, type SchemaProblem } from '../schema/ajv.ts';
import type { ServiceSettings } from './model.ts';
import { settingsPositions, type SettingsPositions } from './positions.ts';
import { didYouMean } from './rules.ts';
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
  /** Line and column of a setting's key or value (`settings/positions.ts`). */
  positions: SettingsPositions;
}

/** Reads and validates a `service.json`; returns the settings and any diagnostics. */
export function loadServiceSettings(file: string, displayFile = file): LoadedSettings {
  return parseServiceSettings(readFileSync(file, 'utf8'), displayFile);
}

/**
 * Validates the text of a `service.json` (already read); `displayFile` locates its diagnostics. Each
 * problem is at the line and column of what is wrong: an unknown key at that key (with the key it
 * probably meant), a wrong value at the value, a missing property at the object that lacks it.
 */
export function parseServiceSettings(text: string, displayFile: string): LoadedSettings {
  const positions = settingsPositions(text);
  const locate: SettingsLocator = (keys) => positions.key(keys).line;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return {
      settings: {},
      locate,
      positions,
      diagnostics: [{ file: displayFile, ...positions.at(offset), severity: 'error', message: `not valid JSON: ${message}` }],
    };
  }
  const problems = validate(data);
  if (problems.length > 0) {
    return { settings: {}, locate, positions, diagnostics: problems.map((p) => schemaDiagnostic(p, positions, displayFile)) };
  }
  const settings = data as ServiceSettings;
  const diagnostics = unknownShapeReferences(settings).map(
    (r): Diagnostic => ({ file: displayFile, ...positions.value(r.keys), severity: 'error', message: r.message }),
  );
  return { settings, diagnostics, locate, positions };
}

/** A schema problem as a diagnostic at its key or value, with a suggestion for an unknown key. */
function schemaDiagnostic(p: SchemaProblem, positions: SettingsPositions, file: string): Diagnostic {
  const keys = pointerKeys(p.path);
  const where = p.path || '/';
  if (p.unknownKey) {
    const { key, known } = p.unknownKey;
    const near = didYouMean(key, known);
    const hint = near ? `did you mean "${near}"?` : known.length > 0 ? `known keys here: ${known.join(', ')}` : 'no keys are allowed here';
    return { file, ...positions.key([...keys, key]), severity: 'error', message: `${where}: unknown key "${key}": ${hint}` };
  }
  if (p.missingKey !== undefined) return { file, ...positions.key(keys), severity: 'error', message: `${where}: ${p.message}` };
  return { file, ...positions.value(keys), severity: 'error', message: `${where}: ${p.message}` };
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
