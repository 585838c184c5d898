/**
 * Conformance of a per-page corpus: boto3 1.43's docs build writes one page per method
 * (`reference/services/<svc>.rst`, `<svc>/client/<method>.rst`, paginator, waiter and resource pages),
 * and its renderings (HTML, text) keep the same document names. Pages are counted in and operations
 * out: every client method page that is not a recognised helper must give its operation, and a page
 * that gives none is listed. The IR built from a service's pages is then scored against the botocore
 * model, facts the pages do not show (test/helpers/botocore.ts) kept apart from right and wrong.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Diagnostic } from '../../generator/diagnostics.ts';
import { buildService } from '../../generator/ir/build.ts';
import type { ReadPage } from '../../generator/ir/input.ts';
import type { Service } from '../../generator/ir/model.ts';
import { formatRank } from '../../generator/read/registry.ts';
import { scoreService, type BotocoreModel, type NotShownFact } from '../../test/helpers/botocore.ts';
import { explain } from './explanations.ts';
import type { ServiceResult } from './report.ts';

/**
 * Client methods boto3 documents beside the operations, that no model operation is named after: the
 * four every client has, S3's transfer and presigning helpers, RDS's and DSQL's auth tokens (boto3
 * 1.43.11: every client page not named after an operation of its model is one of these).
 */
export const CLIENT_HELPERS: ReadonlySet<string> = new Set([
  'can_paginate', 'close', 'get_paginator', 'get_waiter',
  'generate_presigned_url', 'generate_presigned_post', 'upload_file', 'upload_fileobj', 'download_file', 'download_fileobj', 'copy',
  'generate_db_auth_token', 'generate_db_connect_auth_token', 'generate_db_connect_admin_auth_token',
]);

/** What a page of a per-page corpus documents, from its document name. */
export type PageKind = 'index' | 'client' | 'paginator' | 'waiter' | 'resource';

/** One page of a per-page corpus. */
export interface CorpusPage {
  /** Document name, as the docs build and every rendering name it: `reference/services/glue/client/get_job`. */
  doc: string;
  /** The file holding it (this rendering's), as shown in diagnostics and IR sources. */
  file: string;
  service: string;
  kind: PageKind;
  /** The method a client page documents. */
  method?: string;
}

/** The page a document name names (`reference/services/<svc>[/…]`), or undefined for another document. */
export function pageOfDoc(doc: string, file: string): CorpusPage | undefined {
  const parts = doc.split('/');
  if (parts[0] !== 'reference' || parts[1] !== 'services' || parts.length < 3) return undefined;
  const service = parts[2]!;
  if (parts.length === 3) return { doc, file, service, kind: 'index' };
  if (parts[3] === 'client' && parts.length === 5) return { doc, file, service, kind: 'client', method: parts[4]! };
  if (parts[3] === 'paginator' || parts[3] === 'waiter') return { doc, file, service, kind: parts[3] };
  return { doc, file, service, kind: 'resource' };
}

/** The services of a per-page corpus folder (the one holding `reference/`): those with an index page. */
export function servicesOfCorpus(root: string, ext = '.rst'): string[] {
  const dir = path.join(root, 'reference', 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length)).sort();
}

/** Every page of one service in a per-page corpus folder: its index page and every page below its folder, sorted. */
export function pagesOfService(root: string, service: string, ext = '.rst'): CorpusPage[] {
  const pages: CorpusPage[] = [];
  const index = `reference/services/${service}`;
  if (existsSync(path.join(root, `${index}${ext}`))) pages.push(pageOfDoc(index, path.join(root, `${index}${ext}`))!);
  const walk = (rel: string) => {
    const dir = path.join(root, rel);
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const child = `${rel}/${name}`;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (name.endsWith(ext)) {
        const page = pageOfDoc(child.slice(0, -ext.length), path.join(root, child));
        if (page) pages.push(page);
      }
    }
  };
  walk(index);
  return pages;
}

/** botocore's data folder layout: `<svc>/<api version>/service-2.json[.gz]`; the latest version, as botocore's loader picks. */
export function modelFileOf(dataDir: string, service: string): string | undefined {
  const dir = path.join(dataDir, service);
  if (!existsSync(dir)) return undefined;
  for (const version of readdirSync(dir).sort().reverse()) {
    for (const name of ['service-2.json.gz', 'service-2.json']) {
      const file = path.join(dir, version, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

/** botocore's `deep_merge`: objects merged key by key, anything else replaced. */
function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(extra)) {
    const old = base[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && old && typeof old === 'object' && !Array.isArray(old)) deepMerge(old as Record<string, unknown>, v as Record<string, unknown>);
    else base[k] = v;
  }
}

const models = new Map<string, BotocoreModel>();

/**
 * A botocore model as botocore's loader gives it to boto3's documenter: `service-2.json[.gz]` with
 * the `service-2.sdk-extras.json` beside it merged in (botocore 1.43: S3's `Expires` is a timestamp,
 * RDS/DocDB/Neptune's `SourceRegion` members, EKS's serviceId).
 */
export function loadModelAsBotocore(file: string): BotocoreModel {
  let model = models.get(file);
  if (!model) {
    const bytes = readFileSync(file);
    model = JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as BotocoreModel;
    const extras = path.join(path.dirname(file), 'service-2.sdk-extras.json');
    if (existsSync(extras)) deepMerge(model as unknown as Record<string, unknown>, (JSON.parse(readFileSync(extras, 'utf8')) as { merge?: Record<string, unknown> }).merge ?? {});
    models.set(file, model);
  }
  return model;
}

/** The facts below recursion cuts among those not shown, and the first the IR's guess gets otherwise than the model. */
export function belowRecursionOf(notShown: readonly NotShownFact[]): ServiceResult['belowRecursion'] {
  const below = notShown.filter((f) => f.belowRecursion);
  if (below.length === 0) return undefined;
  const disagree = below.filter((f) => f.expected !== undefined);
  return { count: below.length, disagree: disagree.length, examples: disagree.slice(0, 5).map((f) => ({ path: f.path, kind: f.kind, expected: f.expected!, actual: f.actual! })) };
}

/** One page read: its reading, or the error reading it raised. */
export interface PageReading {
  page: CorpusPage;
  bytes: number;
  reading?: ReadPage;
  /** The message of an error the reader threw (a reader bug: readers report problems as diagnostics). */
  uncaught?: string;
}

/**
 * A text rendering drops the "See also" link's target, so its operations' wire names are not on the
 * page (the IR's name is then the method in PascalCase: `AddClientIdToOpenIdConnectProvider`). Such an
 * operation is paired with the model's by its method (letters and digits, case aside), the way
 * botocore derives method names; the name is a fact the page does not show, not one it gets wrong.
 */
export function pairByMethod(built: Service, pages: readonly ReadPage[], model: BotocoreModel): void {
  const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const byMethod = new Map<string, string>();
  for (const name of Object.keys(model.operations)) byMethod.set(squash(name), name);
  const named = new Set(pages.flatMap((p) => p.operations.filter((o) => o.name !== undefined).map((o) => o.method)));
  for (const op of built.operations) {
    const shown = named.has(op.method);
    const paired = byMethod.get(squash(op.method));
    if (!shown && paired !== undefined && !model.operations[op.name]) op.name = paired;
  }
}

/** A model operation name and a documented method are the same operation (`DescribeDBInstances`, `describe_db_instances`). */
const sameOperation = (name: string, method: string) => name.toLowerCase() === method.replace(/_/g, '').toLowerCase();

/** The first error a reading reports, briefly: why a page gave no operation. */
function firstError(reading: ReadPage | undefined): string | undefined {
  const d: Diagnostic | undefined = reading?.diagnostics.find((x) => x.severity === 'error');
  return d ? `${d.line}: ${d.message.slice(0, 160)}` : undefined;
}

/**
 * Scores one service of a per-page corpus (or of a rendering's sample of it): builds its IR from the
 * pages' readings, counts its client pages against the operations they gave, and scores the IR against
 * the model. `allPages` says the pages are the service's whole documentation (not a sample), so model
 * operations without a page are listed.
 */
export function scorePageService(
  service: string,
  readings: readonly PageReading[],
  model: BotocoreModel,
  allPages: boolean,
  /** Called with the service built from the pages (the runner scores its paginators and waiters). */
  onBuilt?: (built: Service) => void,
): ServiceResult {
  const result: ServiceResult = {
    service,
    bytes: readings.reduce((n, r) => n + r.bytes, 0),
    operations: Object.keys(model.operations).length,
    documented: 0,
    undocumented: [],
    found: 0,
    facts: 0,
    notShown: 0,
    mismatches: [],
    uncaught: readings.filter((r) => r.uncaught !== undefined).length,
    errors: 0,
    skipped: {},
    pages: { total: readings.length, client: 0, helpers: 0, unlisted: [], helpersAsOperations: [], incomplete: {}, formats: {} },
  };
  const pages = result.pages!;
  const read = readings.filter((r) => r.reading !== undefined).map((r) => r.reading!);
  for (const r of read) {
    result.errors += r.diagnostics.filter((d) => d.severity === 'error').length;
    for (const s of r.skipped) result.skipped[s.kind] = (result.skipped[s.kind] ?? 0) + 1;
  }
  for (const r of readings) {
    const format = r.reading ? (r.reading.diagnostics.some((d) => d.message.startsWith('no reader recognises')) ? '(none)' : r.reading.format) : '(uncaught)';
    pages.formats[format] = (pages.formats[format] ?? 0) + 1;
  }
  let built: Service | undefined;
  try {
    built = buildService({ folderId: service, settings: {}, pages: read }, [], formatRank);
  } catch (e) {
    result.uncaught++;
    pages.unlisted.push({ page: `reference/services/${service}`, reason: `building the service threw: ${(e as Error).message.slice(0, 200)}` });
  }
  if (built) pairByMethod(built, read, model);
  if (built) onBuilt?.(built);
  const opsOfFile = new Map<string, string[]>();
  for (const op of built?.operations ?? []) {
    for (const s of op.sources) opsOfFile.set(s.file, [...(opsOfFile.get(s.file) ?? []), op.name]);
    for (const g of op.incomplete ?? []) pages.incomplete[`${g.section}: ${g.state}`] = (pages.incomplete[`${g.section}: ${g.state}`] ?? 0) + 1;
  }
  const documentedMethods: string[] = [];
  for (const r of readings) {
    const { page } = r;
    if (page.kind !== 'client') continue;
    pages.client++;
    const gave = opsOfFile.get(page.file) ?? [];
    if (CLIENT_HELPERS.has(page.method!)) {
      pages.helpers++;
      if (gave.length > 0) pages.helpersAsOperations.push(page.doc);
      continue;
    }
    result.documented++;
    documentedMethods.push(page.method!);
    if (r.uncaught !== undefined) pages.unlisted.push({ page: page.doc, reason: `uncaught: ${r.uncaught.slice(0, 200)}` });
    else if (gave.length === 0) pages.unlisted.push({ page: page.doc, reason: `gives no operation${firstError(r.reading) ? ` (${firstError(r.reading)})` : ''}` });
    else if (!gave.some((name) => model.operations[name])) pages.unlisted.push({ page: page.doc, reason: `gives ${gave.join(', ')}, which the model does not have` });
    else result.found++;
  }
  if (allPages) result.undocumented = Object.keys(model.operations).filter((op) => !documentedMethods.some((m) => sameOperation(op, m)));
  if (built) {
    const score = scoreService(built, model, { recursionNotShown: true });
    result.facts = score.facts.length;
    result.notShown = score.notShown.length;
    const whole = score.notShown.filter((f) => f.onWholePage);
    if (whole.length > 0) result.unknownOnWholePages = { count: whole.length, examples: whole.slice(0, 5).map((f) => f.path) };
    const below = belowRecursionOf(score.notShown);
    if (below) result.belowRecursion = below;
    result.mismatches = score.mismatches.map((m) => ({ ...m, explanation: explain(m, service)?.id ?? null }));
  }
  return result;
}
