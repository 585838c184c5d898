/**
 * Checking a service's HTTP bindings (in its `service.json`) against what its pages document.
 * REST services have no default binding, so an operation without one cannot be called, and a
 * binding for an operation no page documents is a mistake in the facts; both are errors naming
 * the page and the settings file. A binding must also place only members the input has, fill
 * every `{placeholder}` of its URI from a path member, and page through members that exist.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ReadOperation } from './input.ts';
import type { SettingsPositions, TextPosition } from '../settings/positions.ts';
import type { ServiceSettings, SettingsLocator } from '../settings/service-settings.ts';

/** What the check needs of a service folder. */
export interface BindingInput {
  settings: ServiceSettings;
  settingsFile?: string;
  locateSetting?: SettingsLocator;
  /** Line and column of settings (the key of each binding problem); without it, the line from `locateSetting`. */
  settingsPositions?: SettingsPositions;
  /** Every operation the folder's pages document. */
  operations: readonly ReadOperation[];
}

/** Every mismatch between the bindings in the settings and the documented operations. */
export function checkBindings(input: BindingInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const settingsFile = input.settingsFile ?? 'service.json';
  const at = (keys: string[]): TextPosition => input.settingsPositions?.key(keys) ?? { line: input.locateSetting?.(keys) ?? 1, column: 1 };
  const fail = (file: string, where: TextPosition, message: string) => out.push({ file, ...where, severity: 'error', message });
  const documented = new Map(input.operations.map((op) => [op.method, op]));
  const bindings = input.settings.operations ?? {};
  const needsBinding = input.settings.protocol === 'rest-json';

  // A reading that shows a binding (an API-reference page) binds every reading of its method.
  const bound = new Set(input.operations.filter((op) => op.http).map((op) => op.method));
  for (const op of input.operations) {
    if (bound.has(op.method) || bindings[op.method]?.http || !needsBinding) continue;
    fail(op.source.file, { line: op.source.line, column: 1 }, `${op.method} has no HTTP binding: expected "operations" › "${op.method}" › "http" in ${settingsFile}`);
  }
  const pages = [...new Set(input.operations.map((op) => op.source.file))].sort();
  for (const [method, settings] of Object.entries(bindings)) {
    const op = documented.get(method);
    if (!op) {
      if (settings.http || settings.paginator) {
        const where = pages.length > 0 ? `in ${pages.join(', ')}` : 'on any page read';
        fail(settingsFile, at(['operations', method]), `${settingsFile} binds ${method}, which is not documented ${where}`);
      }
      continue;
    }
    const inputMembers = new Set(op.input.members.map((m) => m.name));
    const outputMembers = op.output ? new Set(op.output.members.map((m) => m.name)) : undefined;
    const page = `${op.source.file}:${op.source.line}`;
    const http = settings.http;
    if (http) {
      for (const [member, location] of Object.entries(http.members ?? {})) {
        const line = at(['operations', method, 'http', 'members', member]);
        if (!inputMembers.has(member)) fail(settingsFile, line, `the binding of ${method} places "${member}", which its input (${page}) does not have`);
        if (location.marker && location.location !== 'query') fail(settingsFile, line, `the binding of ${method} marks "${member}" as a query marker but places it in the ${location.location}`);
      }
      for (const [, name] of http.uri.matchAll(/\{([^}+]+)\+?\}/g)) {
        const bound = Object.entries(http.members ?? {}).find(([m, l]) => l.location === 'path' && (l.name ?? m) === name);
        if (!bound) fail(settingsFile, at(['operations', method, 'http', 'uri']), `the URI of ${method} has {${name}}, but no input member (${page}) is bound to the path under that name`);
      }
    }
    const paginator = settings.paginator;
    if (paginator) {
      for (const key of ['inputToken', 'limitKey'] as const) {
        const member = paginator[key];
        if (member !== undefined && !inputMembers.has(member)) fail(settingsFile, at(['operations', method, 'paginator', key]), `the paginator of ${method} names ${key} "${member}", which its input (${page}) does not have`);
      }
      for (const key of ['outputToken', 'items', 'moreResults'] as const) {
        const member = paginator[key];
        if (member !== undefined && outputMembers && !outputMembers.has(member)) fail(settingsFile, at(['operations', method, 'paginator', key]), `the paginator of ${method} names ${key} "${member}", which its output (${page}) does not have`);
      }
    }
  }
  return out;
}
