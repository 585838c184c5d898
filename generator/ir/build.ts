/**
 * Building the IR from read pages: pages are grouped into services (by provider and service
 * id), operations documented on several pages are merged (disagreements reported with both
 * locations), names are settled, and shapes are named by {@link ShapeNamer}.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ReadOperation, ReadPage, StructureNode } from './input.ts';
import type { SettingsPositions } from '../settings/positions.ts';
import type { ServiceSettings, SettingsLocator } from '../settings/service-settings.ts';
import { PROVIDERS } from '../../runtime/src/providers.ts';
import { applySettings } from '../settings/apply.ts';
import { alignReadings, bindingDifference } from './align.ts';
import { checkBindings } from './bindings.ts';
import { linkTextOnly } from './links.ts';
import { serviceKey, uniqueServices } from './invariants.ts';
import { IR_VERSION, type HttpBinding, type IR, type Operation, type Provider, type Service, type Shape, type Warning, type WireSettings } from './model.ts';
import { operationNameOf, SERVICE_ID } from './naming.ts';
import { ShapeNamer } from './shapes.ts';
import { documentedPaginator, inferPaginator } from './pagination.ts';
import { documentedExceptions, documentedWaiters, firstByName } from './documented.ts';

/** The pages of one service folder and the settings beside them. */
export interface ServiceInput {
  /** Service id from the folder name, used when pages don't name it. */
  folderId: string;
  /** Provider from the folder path (`specs/aws/…`), used when pages and settings don't say. */
  folderProvider?: Provider;
  settings: ServiceSettings;
  /** Where the settings came from, for diagnostics. */
  settingsFile?: string;
  /** Line of a setting in the settings file, for diagnostics and warning sources. */
  locateSetting?: SettingsLocator;
  /** Line and column of a setting's key or value in the settings file, for diagnostics. */
  settingsPositions?: SettingsPositions;
  /** The settings file has errors (reported when loaded; its settings are then empty): no rule checks it further. */
  settingsBroken?: boolean;
  pages: ReadPage[];
}

/**
 * How to choose among readings of one operation: the rank of a reading's format, lowest preferred
 * (the reader registry knows it; the IR knows no reader). Without one, the first file wins.
 */
export type FormatRank = (format: string) => number;

const NO_RANK: FormatRank = () => 0;

/** Builds the IR of the given services; diagnostics gathers merge disagreements. */
export function buildIR(inputs: readonly ServiceInput[], diagnostics: Diagnostic[] = [], rank: FormatRank = NO_RANK): IR {
  const built = inputs.map((input) => ({ input, service: buildService(input, diagnostics, rank) }));
  const unique = uniqueServices(built, (b) => b.service, (b) => b.input.pages[0]?.file ?? b.input.folderId, diagnostics);
  const services = unique.map((b) => b.service).sort((a, b) => compare(serviceKey(a), serviceKey(b)));
  return { irVersion: IR_VERSION, services };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds one service from its pages and settings. */
export function buildService(input: ServiceInput, diagnostics: Diagnostic[] = [], rank: FormatRank = NO_RANK): Service {
  // Readings that name no method take the method of the reading they meet; named types the settings define are put in place.
  const pages = alignReadings(applySettings([...input.pages].sort((a, b) => compare(a.file, b.file)), input.settings), input.settings, diagnostics);
  const first = (pick: (p: ReadPage) => string | undefined) => pages.map(pick).find((v) => v !== undefined);
  const provider: Provider = input.settings.provider ?? input.folderProvider ?? pages[0]?.service.provider ?? 'aws';
  const id = serviceIdOf(input, pages, diagnostics);
  const clientName = input.settings.clientName ?? first((p) => p.service.clientName) ?? operationNameOf(id);
  const apiVersion = first((p) => p.service.apiVersion) ?? input.settings.apiVersion;
  const warnings: Warning[] = pages.flatMap((p) => p.warnings ?? []);
  const bindingProblems = checkBindings({
    settings: input.settings,
    ...(input.settingsFile !== undefined ? { settingsFile: input.settingsFile } : {}),
    ...(input.locateSetting ? { locateSetting: input.locateSetting } : {}),
    ...(input.settingsPositions ? { settingsPositions: input.settingsPositions } : {}),
    operations: pages.flatMap((p) => p.operations),
  });
  // A loop, not push(...): a huge page can have more problems than a call has room for arguments.
  for (const d of bindingProblems) diagnostics.push(d);

  const documented = new Map<string, { op: ReadOperation; page: ReadPage }[]>();
  for (const page of pages) {
    for (const op of page.operations) {
      const list = documented.get(op.method) ?? [];
      list.push({ op, page });
      documented.set(op.method, list);
    }
  }
  const operations: { op: Operation; input: StructureNode; output: StructureNode }[] = [];
  for (const [method, copies] of documented) {
    copies.sort((a, b) => rank(a.page.format) - rank(b.page.format) || compare(a.page.file, b.page.file));
    const primary = copies[0]!.op;
    for (const other of copies.slice(1)) {
      for (const difference of differences(primary, other.op)) {
        const message = `${method}: ${difference} differs between ${primary.source.file}:${primary.source.line} and ${other.op.source.file}:${other.op.source.line}`;
        warnings.push({ message, sources: [primary.source, other.op.source] });
        diagnostics.push({ file: other.op.source.file, line: other.op.source.line, column: 1, severity: 'warning', message });
      }
    }
    const settings = input.settings.operations?.[method];
    const name = copies.map((c) => c.op.name).find((n) => n !== undefined) ?? settings?.name ?? operationNameOf(method);
    const op: Operation = {
      name,
      method,
      documentation: primary.documentation,
      input: `${name}Request`,
      output: `${name}Response`,
      errors: primary.errors,
      deprecated: primary.deprecated,
      sources: copies.map((c) => c.op.source).sort((a, b) => compare(a.file, b.file) || a.line - b.line),
    };
    if (primary.deprecationMessage) op.deprecationMessage = primary.deprecationMessage;
    const apiReference = copies.map((c) => c.op.apiReference).find((r) => r !== undefined);
    if (apiReference) op.apiReference = apiReference;
    if (primary.incomplete) op.incomplete = primary.incomplete;
    // A page's binding (the best-ranked reading showing one) wins; the settings' is the fallback.
    const shown = copies.find((c) => c.op.http)?.op;
    const http = shown?.http ?? settings?.http ?? defaultBinding(input.settings);
    if (http) op.http = http;
    const disagreement = shown?.http && settings?.http ? bindingDifference(method, { http: shown.http, source: shown.source }, settings.http, { file: input.settingsFile ?? 'service.json', line: input.locateSetting?.(['operations', method, 'http']) ?? 1 }) : undefined;
    if (disagreement) {
      warnings.push(disagreement);
      diagnostics.push({ file: shown!.source.file, line: shown!.source.line, column: 1, severity: 'warning', message: `${disagreement.message} (settings: ${disagreement.sources[1]!.file}:${disagreement.sources[1]!.line})` });
    }
    const paginator = primary.paginator ?? settings?.paginator;
    if (paginator) op.paginator = paginator;
    if (settings?.auth) op.auth = settings.auth;
    if (settings?.hostPrefix) op.hostPrefix = settings.hostPrefix;
    operations.push({ op, input: primary.input, output: primary.output ?? { kind: 'structure', members: [] } });
  }
  operations.sort((a, b) => compare(a.op.name, b.op.name));

  const namer = new ShapeNamer();
  // Every use of a shape first, so a shape shared by many operations is named by all of them (rule 4).
  for (const { op, input: inputNode, output } of operations) {
    namer.collect(inputNode, op.input);
    namer.collect(output, op.output);
  }
  for (const { op, input: inputNode, output } of operations) {
    op.input = namer.nameRoot(inputNode, op.input);
    op.output = namer.nameRoot(output, op.output);
  }
  // Error classes' members are named after every operation's shapes, so those keep their ids.
  const exceptions = documentedExceptions(pages, namer);
  const shapes: Record<string, Shape> = {};
  for (const key of [...namer.shapes.keys()].sort(compare)) shapes[key] = namer.shapes.get(key)!;
  // A host prefix's {Label} is filled from the input member of that name: one the input lacks would
  // fail every call, so it is an error here.
  for (const { op } of operations) {
    const shape = shapes[op.input];
    for (const [, label] of op.hostPrefix?.matchAll(/\{([^}]*)\}/g) ?? []) {
      if (shape?.type === 'structure' && Object.prototype.hasOwnProperty.call(shape.members, label!)) continue;
      diagnostics.push({
        file: input.settingsFile ?? 'service.json',
        ...(input.settingsPositions?.value(['operations', op.method, 'hostPrefix']) ?? { line: input.locateSetting?.(['operations', op.method, 'hostPrefix']) ?? 1, column: 1 }),
        severity: 'error',
        message: `operations.${op.method}.hostPrefix ${JSON.stringify(op.hostPrefix)}: {${label}} names no member of ${op.name}'s input`,
      });
    }
  }
  // A documented paginator replaces the guess (a page's or the settings' own binding stays).
  const paginators = firstByName(pages.flatMap((p) => p.paginators ?? []), (p) => p.method);
  for (const { op } of operations) {
    const read = op.paginator ? undefined : paginators.get(op.method);
    if (!read) continue;
    const found = documentedPaginator(op, read, shapes);
    if ('paginator' in found) op.paginator = found.paginator;
    else {
      const message = `paginator ${read.name}: ${found.problem}; its tokens are not known`;
      warnings.push({ message, sources: [read.source] });
      diagnostics.push({ file: read.source.file, line: read.source.line, column: 1, severity: 'warning', message });
    }
  }
  if (provider === 'aws') {
    for (const { op } of operations) {
      const inferred = op.paginator ? undefined : inferPaginator(op, shapes);
      if (inferred) op.paginator = inferred;
    }
  }
  const waiters = documentedWaiters(pages, operations.map((o) => o.op), warnings, diagnostics);

  const wire = wireOf(input.settings, provider);
  const service: Service = {
    id,
    provider,
    clientName,
    ...(apiVersion !== undefined ? { apiVersion } : {}),
    ...(input.settings.packageName !== undefined ? { packageName: input.settings.packageName } : {}),
    ...(wire ? { wire } : {}),
    operations: operations.map((o) => o.op),
    shapes,
    ...(waiters.length > 0 ? { waiters } : {}),
    ...(exceptions.length > 0 ? { exceptions } : {}),
  };
  if (warnings.length > 0) service.warnings = warnings;
  return service;
}

/**
 * The service id: from the settings, else a page, else the folder's name. It names output
 * folders and packages, so one that isn't `^[a-z0-9][a-z0-9-]*$` (`../../etc`, a folder called
 * `My Service`) is an error located where it came from; the IR then carries a harmless stand-in
 * (never written: the error fails the run).
 */
function serviceIdOf(input: ServiceInput, pages: readonly ReadPage[], diagnostics: Diagnostic[]): string {
  const page = pages.find((p) => p.service.id !== undefined);
  const id = input.settings.id ?? page?.service.id ?? input.folderId;
  if (SERVICE_ID.test(id)) return id;
  const from =
    input.settings.id !== undefined
      ? { file: input.settingsFile ?? 'service.json', line: input.locateSetting?.(['id']) ?? 1, what: 'the settings' }
      : page
        ? { file: page.file, line: 1, what: 'the page' }
        : { file: pages[0]?.file ?? input.folderId, line: 1, what: 'the folder name' };
  diagnostics.push({
    file: from.file,
    line: from.line,
    column: 1,
    severity: 'error',
    message: `service id ${JSON.stringify(id)} (from ${from.what}) is not a safe id: expected lowercase letters, digits and "-" (${SERVICE_ID.source}); it would name an output folder`,
  });
  const stand = id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '');
  return stand === '' ? 'invalid-service-id' : stand;
}

/** The wire facts in a service's settings, when they give a protocol and an endpoint. */
function wireOf(settings: ServiceSettings, provider: Provider): WireSettings | undefined {
  if (!settings.protocol || !settings.endpoint) return undefined;
  const wire: WireSettings = {
    protocol: settings.protocol,
    signatureVersion: settings.signatureVersion ?? PROVIDERS[provider].signatureVersion,
    endpoint: settings.endpoint,
    timestampFormat: settings.timestampFormat ?? 'epoch-seconds',
  };
  if (settings.targetPrefix !== undefined) wire.targetPrefix = settings.targetPrefix;
  if (settings.awsQueryCompatible) wire.awsQueryCompatible = true;
  if (settings.signingName !== undefined) wire.signingName = settings.signingName;
  if (settings.serviceId !== undefined) wire.serviceId = settings.serviceId;
  return wire;
}

/** AWS JSON protocols send every operation as `POST /`. */
function defaultBinding(settings: ServiceSettings): HttpBinding | undefined {
  return settings.protocol === 'awsJson1_0' || settings.protocol === 'awsJson1_1' ? { method: 'POST', uri: '/' } : undefined;
}

/** What differs between two readings of one operation, as short descriptions (empty when they agree). */
function differences(a: ReadOperation, b: ReadOperation): string[] {
  const out: string[] = [];
  // A text rendering shows a link's text, not its target: readings agree on the text.
  if (linkTextOnly(a.documentation) !== linkTextOnly(b.documentation)) out.push('the description');
  if (JSON.stringify(a.errors) !== JSON.stringify(b.errors)) out.push('the Exceptions list');
  if (a.deprecated !== b.deprecated) out.push('deprecation');
  if (canonical(a.input) !== canonical(b.input)) out.push('the input');
  if (canonical(a.output) !== canonical(b.output)) out.push('the output');
  return out;
}

/** A node's content without line numbers and link targets (a text rendering shows neither), for comparing readings. */
function canonical(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) =>
    key === 'line' ? undefined : key === 'documentation' && typeof value === 'string' ? linkTextOnly(value) : value,
  );
}
