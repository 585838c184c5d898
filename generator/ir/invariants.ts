/**
 * What must hold of services before any is emitted: ids and package names that are safe as folder
 * and npm names (paths must not escape the output folder), a known provider, and one service per
 * provider and id. One place for these rules, which the pipeline and {@link buildIR} both apply.
 *
 * @packageDocumentation
 */
import type { Diagnostic } from '../diagnostics.ts';
import { PROVIDERS } from '../../runtime/src/providers.ts';
import type { Service } from './model.ts';

/** A service id usable as a folder name: lower-case letters, digits, `.`, `-`, `_`; no `..`. */
const SAFE_FOLDER_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/** The providers docsdk generates clients for: those the runtime has a row for. */
const KNOWN_PROVIDERS: ReadonlySet<string> = new Set(Object.keys(PROVIDERS));

/** True when `name` is a valid npm package name. */
export function isPackageName(name: string): boolean {
  return name.length <= 214 && PACKAGE_NAME.test(name);
}

/** Why a service cannot be generated, if it cannot. */
export function serviceProblems(service: Service): string[] {
  const out: string[] = [];
  if (!SAFE_FOLDER_ID.test(service.id) || service.id.includes('..')) {
    out.push(`service id ${JSON.stringify(service.id)} is not a safe folder name (a-z, 0-9, '.', '-', '_')`);
  }
  if (!KNOWN_PROVIDERS.has(service.provider)) out.push(`unknown provider ${JSON.stringify(service.provider)}`);
  if (service.packageName !== undefined && !isPackageName(service.packageName)) {
    out.push(`${service.id}: packageName ${JSON.stringify(service.packageName)} is not a valid npm package name`);
  }
  return out;
}

/** The key that must be unique among a run's services. */
export function serviceKey(service: Pick<Service, 'provider' | 'id'>): string {
  return `${service.provider}/${service.id}`;
}

/**
 * Keeps the first of services that share a key, in the given order; each later one is an error
 * located at `fileOf(item)` (one folder per service).
 */
export function uniqueServices<T>(items: readonly T[], serviceOf: (item: T) => Pick<Service, 'provider' | 'id'>, fileOf: (item: T) => string, diagnostics: Diagnostic[]): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    const key = serviceKey(serviceOf(item));
    if (seen.has(key)) {
      diagnostics.push({ file: fileOf(item), line: 1, column: 1, severity: 'error', message: `service ${key} is documented in two folders; expected one folder per service` });
      continue;
    }
    seen.add(key);
    kept.push(item);
  }
  return kept;
}
