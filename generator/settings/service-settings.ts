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
import { compileSchema } from '../schema/ajv.ts';

/** Settings of one operation, keyed in `service.json` by its documented method name. */
export interface OperationSettings {
  name?: string;
  http?: HttpBinding;
  paginator?: Paginator;
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
  shapes?: Record<string, unknown>;
}

/** The settings file name looked for in each service folder. */
export const SETTINGS_FILE = 'service.json';

const schema = createRequire(import.meta.url)('./service.schema.json') as object;
const validate = compileSchema<ServiceSettings>(schema);

/** Reads and validates a `service.json`; returns the settings and any diagnostics. */
export function loadServiceSettings(file: string, displayFile = file): { settings: ServiceSettings; diagnostics: Diagnostic[] } {
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const before = text.slice(0, offset).split('\n');
    return {
      settings: {},
      diagnostics: [
        { file: displayFile, line: before.length, column: before[before.length - 1]!.length + 1, severity: 'error', message: `not valid JSON: ${message}` },
      ],
    };
  }
  const problems = validate(data);
  if (problems.length > 0) {
    return {
      settings: {},
      diagnostics: problems.map((p) => ({ file: displayFile, line: lineOfPointer(text, p.path), column: 1, severity: 'error', message: `${p.path || '/'}: ${p.message}` })),
    };
  }
  return { settings: data as ServiceSettings, diagnostics: [] };
}

/** Best-effort line of a JSON pointer's last key in the file text, for diagnostics. */
function lineOfPointer(text: string, pointer: string): number {
  const last = pointer.split('/').filter(Boolean).pop();
  if (!last) return 1;
  const at = text.indexOf(`"${last.replace(/~1/g, '/').replace(/~0/g, '~')}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** The settings file of the service folder holding `file` (its directory), when there is one. */
export function settingsFileFor(dir: string): string | undefined {
  const candidate = path.join(dir, SETTINGS_FILE);
  return existsSync(candidate) ? candidate : undefined;
}
