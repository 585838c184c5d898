/**
 * The services stage: a run's documents grouped into services, each keyed by what it is made of,
 * then built into the IR and checked.
 *
 * A folder of pages from many services (e.g. the conformance corpus's `corpus/services/`, one
 * whole-service RST file per service) is split into one service per id the pages declare. A folder
 * whose pages declare at most one id, or whose settings name the service, stays one service, as
 * before: the seeds' folders are read exactly as they were. A page that declares no id still
 * declares its client (`.. py:class:: Account.Client`): pages of different clients are different
 * services too. In a folder that is split, a service whose pages declare no id is the one its
 * (first) file names (`account.rst` → `account`): the folder's own name says nothing of it.
 */
import path from 'node:path';
import { sha256 } from '../cache/content-hash.ts';
import type { CacheIndex, ServiceRecord } from '../cache/store.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { buildService, type ServiceInput } from '../ir/build.ts';
import type { ReadPage } from '../ir/input.ts';
import { serviceProblems } from '../ir/invariants.ts';
import { IR_VERSION, type Provider, type Service } from '../ir/model.ts';
import { validateIR } from '../ir/validate.ts';
import { formatRank } from '../read/registry.ts';
import { wireProblems } from '../settings/rules.ts';
import type { KeyedDocument } from './plan.ts';

/** A service id from a file name (`mgh.rst` → `mgh`), when the name makes one. */
export function idOfFileName(file: string): string | undefined {
  const base = path.basename(file).replace(/\.[^.]*$/, '').toLowerCase();
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(base) ? base : undefined;
}

/** What a page says of its service, to tell services apart. */
export interface DeclaredService {
  id?: string;
  clientName?: string;
}

/**
 * Groups a folder's items (pages, or what the cache recorded of them) by the service each
 * declares: by id, else by client. One group with the folder's id when the settings name the
 * service or the items declare at most one service; else one group per declared service, named by
 * its id, else by its first file's name ({@link idOfFileName}), else the folder's id.
 */
export function groupByDeclaredService<T>(
  folderId: string,
  settingsId: string | undefined,
  items: readonly T[],
  declared: (item: T) => DeclaredService,
  fileOf: (item: T) => string,
): { folderId: string; items: T[] }[] {
  const keyOf = (item: T) => {
    const d = declared(item);
    return d.id !== undefined ? `id:${d.id}` : d.clientName !== undefined ? `client:${d.clientName}` : undefined;
  };
  const keys = new Set(items.map(keyOf).filter((k) => k !== undefined));
  if (settingsId !== undefined || keys.size <= 1) return [{ folderId, items: [...items] }];
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item) ?? `file:${fileOf(item)}`;
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].map((grouped) => ({
    folderId: declared(grouped[0]!).id ?? idOfFileName(fileOf(grouped[0]!)) ?? folderId,
    items: grouped,
  }));
}

/** The services of one folder: the folder itself, or one input per page-declared id (the folder's settings apply to each). */
export function splitByDeclaredService(input: ServiceInput): ServiceInput[] {
  const groups = groupByDeclaredService(input.folderId, input.settings.id, input.pages, (p) => p.service, (p) => p.file);
  if (groups.length === 1 && groups[0]!.folderId === input.folderId) return [input];
  return groups.map((g) => ({ ...input, folderId: g.folderId, pages: g.items }));
}

/** What stops a run, as the stages find it. */
export interface Findings {
  diagnostics: Diagnostic[];
  /** Produced IR that violates the IR schema (an internal error). */
  invalidIR: string[];
  /** Problems that prevent emitting (unsafe ids, emitter failures, type errors). */
  problems: string[];
}

/** One service to produce: its folder's input, its documents, its key. */
export interface PlannedService {
  input: ServiceInput;
  documents: KeyedDocument[];
  key: string;
}

/**
 * The services of the plan's folders, in folder order, each with its documents and key. A folder
 * (or declared service) whose documents have no operation is no service.
 */
export function planServices(
  folders: readonly ServiceInput[],
  documents: readonly KeyedDocument[],
  index: CacheIndex,
  genKey: string,
  settingsKeyOf: (input: ServiceInput) => string,
  checkTypes: boolean,
  /** Whether a service without settings is accepted (then its cached diagnostics differ). */
  unconfiguredOk = false,
): PlannedService[] {
  const byFolder = new Map<ServiceInput, KeyedDocument[]>();
  for (const doc of documents) {
    const list = byFolder.get(doc.input) ?? [];
    list.push(doc);
    byFolder.set(doc.input, list);
  }
  const groups: { folder: ServiceInput; folderId: string; items: KeyedDocument[] }[] = [];
  for (const folder of folders) {
    const docs = byFolder.get(folder) ?? [];
    for (const group of groupByDeclaredService(folder.folderId, folder.settings.id, docs, (d) => index.documents[d.key]!, (d) => d.file)) groups.push({ folder, ...group });
  }
  const withOperations = attachOperationless(
    groups,
    (g) => g.items.some((d) => index.documents[d.key]!.operations > 0),
    (g) => g.items.map((d) => index.documents[d.key]!.id).find((id) => id !== undefined),
    (g) => g.folder.folderProvider,
    (into, from) => into.items.push(...from.items),
  );
  return withOperations.map(({ folder, folderId, items }) => {
    const input: ServiceInput = { ...folder, folderId, pages: [] };
    const identity = [genKey, folderId, folder.folderProvider ?? '-', settingsKeyOf(folder), checkTypes ? 'checked' : '-', ...(unconfiguredOk ? ['unconfigured-ok'] : []), ...items.map((d) => d.key).sort()];
    return { input, documents: items, key: sha256(identity.join('\0')) };
  });
}

/**
 * The groups holding operations, each with the groups of pages without any that declare its service
 * id attached: boto3 1.43 documents a service's paginators and waiters in folders of their own
 * (`dynamodb/paginator/`, `dynamodb/waiter/`) beside its operations (`dynamodb/client/`). Other
 * groups without operations are no service.
 */
export function attachOperationless<G>(
  groups: readonly G[],
  hasOperations: (g: G) => boolean,
  declaredId: (g: G) => string | undefined,
  provider: (g: G) => string | undefined,
  attach: (into: G, from: G) => void,
): G[] {
  const services = groups.filter(hasOperations);
  const byId = new Map<string, G>();
  for (const g of services) {
    const id = declaredId(g);
    const key = `${provider(g) ?? '-'}/${id}`;
    if (id !== undefined && !byId.has(key)) byId.set(key, g);
  }
  for (const g of groups) {
    if (hasOperations(g)) continue;
    const id = declaredId(g);
    const into = id !== undefined ? byId.get(`${provider(g) ?? '-'}/${id}`) : undefined;
    if (into) attach(into, g);
  }
  return services;
}

/**
 * Builds one service from its read pages and checks it (IR schema, {@link serviceProblems});
 * undefined when it can't be generated. Its record lacks the package until emitted.
 */
export function buildChecked(
  service: PlannedService,
  pages: ReadPage[],
  result: Findings,
  options: { requireSettings?: boolean } = {},
): { service: Service; record: ServiceRecord } | undefined {
  const diagnostics: Diagnostic[] = [];
  const built = buildService({ ...service.input, pages }, diagnostics, formatRank);
  for (const d of settingsDiagnostics(service.input, pages, built.provider, options.requireSettings ?? false)) diagnostics.push(d);
  result.diagnostics.push(...diagnostics);
  for (const p of validateIR({ irVersion: IR_VERSION, services: [built] })) result.invalidIR.push(`${p.path}: ${p.message}`);
  const problems = serviceProblems(built);
  result.problems.push(...problems);
  if (problems.length > 0) return undefined;
  return { service: built, record: { provider: built.provider, id: built.id, folder: `${built.provider}-${built.id}`, packageName: '', files: [], diagnostics } };
}

/**
 * The problems of a service's `service.json` against the rules of `settings/rules.ts` (the fields its
 * provider, protocol and signer need; provider and pages agreeing; the endpoint template), each at
 * its line and column. A service without one is an error when `requireSettings` (a client generated
 * without it would not know its protocol or endpoint), reported at its first page.
 */
export function settingsDiagnostics(input: ServiceInput, pages: readonly ReadPage[], provider: Provider, requireSettings: boolean): Diagnostic[] {
  if (input.settingsFile === undefined) {
    const first = [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))[0];
    if (!requireSettings || !first) return [];
    const folder = first.file.includes('/') ? first.file.slice(0, first.file.lastIndexOf('/')) : '.';
    return [
      {
        file: first.file,
        line: 1,
        column: 1,
        severity: 'error',
        message: `no ${folder}/service.json: this service's protocol and endpoint are unknown, so its client could send no request (README: "service.json from botocore metadata"; --allow-unconfigured generates it anyway)`,
      },
    ];
  }
  if (input.settingsBroken) return [];
  const positions = input.settingsPositions;
  const pageProviders = pages.map((p) => ({ provider: p.service.provider, file: p.file, format: p.format }));
  return wireProblems(input.settings, { provider, pageProviders }).map((p): Diagnostic => {
    let at = { line: 1, column: 1 };
    if (positions) {
      const start = p.at === 'inValue' ? positions.stringStart(p.keys) : undefined;
      at = start !== undefined ? positions.at(start + (p.offset ?? 0)) : p.at === 'key' ? positions.key(p.keys) : positions.value(p.keys);
    }
    return { file: input.settingsFile!, ...at, severity: 'error', message: p.message };
  });
}
