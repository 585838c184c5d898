/**
 * Service settings: the `service.json` beside a service's pages, holding what the pages don't
 * carry (package name, protocol, endpoint, signing, HTTP bindings). Validated against
 * `service.schema.json`; problems come back as located diagnostics.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { HttpBinding, Paginator, Provider } from '../ir/model.ts';
import { REPO_URL } from '../repo.ts';
import { compileSchema } from '../schema/ajv.ts';
import { unknownShapeReferences } from './shape-references.ts';

/**
 * What the facts say of one documented argument (keyed by its Python name, e.g. `local_vpc_id`):
 * its wire name and type, which the pages do not always give or give wrongly.
 */
export interface ParameterSettings {
  /** Name on the wire (JSON member or query key), e.g. `localVpcId`. */
  name?: string;
  /** Shape id (one of `shapes`) or a scalar name (`String`, `Integer`, `Boolean`, …). */
  target?: string;
  /** Filled with a fresh UUID when the caller gives none. */
  idempotencyToken?: boolean;
  documentation?: string;
}

/** A member of a structure the facts define. */
export interface ShapeMemberSettings {
  target: string;
  required?: boolean;
  documentation?: string;
}

/** A shape the facts define, in the IR's own shape vocabulary (ids refer to `shapes` or scalar names). */
export type ShapeSettings =
  | { type: 'structure' | 'union'; members: Record<string, ShapeMemberSettings>; documentation?: string }
  | { type: 'list'; member: string; documentation?: string }
  | { type: 'map'; key: string; value: string; documentation?: string }
  | { type: 'string' | 'integer' | 'float' | 'boolean' | 'timestamp' | 'blob' | 'stream' | 'document'; enum?: string[]; documentation?: string };

/** Settings of one operation, keyed in `service.json` by its documented method name. */
export interface OperationSettings {
  name?: string;
  http?: HttpBinding;
  paginator?: Paginator;
  /** Arguments of this operation that differ from the service-wide `parameters`. */
  parameters?: Record<string, ParameterSettings>;
  /** Shape id of the response body, when the facts name it (e.g. `PeerConn`). */
  output?: string;
  [extra: string]: unknown;
}

/** The contents of a `service.json`. */
export interface ServiceSettings {
  provider?: Provider;
  id?: string;
  packageName?: string;
  clientName?: string;
  apiVersion?: string;
  protocol?: 'awsJson1_0' | 'awsJson1_1' | 'rest-json';
  targetPrefix?: string;
  signingName?: string;
  signatureVersion?: 'v4' | 'bce-auth-v1';
  endpoint?: string;
  timestampFormat?: 'epoch-seconds' | 'iso8601';
  operations?: Record<string, OperationSettings>;
  /** Documented arguments, by Python name, for every operation of the service. */
  parameters?: Record<string, ParameterSettings>;
  shapes?: Record<string, ShapeSettings>;
}

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
