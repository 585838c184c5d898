/**
 * The pipeline that `generate`, `check` and `ir` all run: plan → key → read → group into services
 * → build and check → emit → sink. Only the sink differs: {@link TreeSink} writes the output tree
 * (atomically, from the cache where it can), {@link MemorySink} keeps it to compare with the tree on disk,
 * {@link IRSink} keeps the built services (and emits nothing).
 *
 * Documents are read on the reading threads when there is enough to read; services are then built,
 * emitted (on the emitting threads when there are many) and handed to the sink one at a time, so
 * nothing done is kept in memory but what the sink keeps.
 *
 * With a cache folder (`.docsdk-cache/`), a document whose content (and folder settings) the cache
 * has seen is not read again, and a service whose documents and settings are unchanged is not built
 * or emitted again: the sink takes its package from the cache. Every key includes {@link generatorKey}.
 *
 * @packageDocumentation
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { contentHash, sha256 } from '../cache/content-hash.ts';
import { generatorKey } from '../cache/generator-key.ts';
import { CacheStore, type CacheIndex, type ServiceRecord } from '../cache/store.ts';
import { EmitPool } from '../emit/emit-pool.ts';
import { emitPackage, type EmittedPackage } from '../emit/emit-service.ts';
import { packageVersions } from '../emit/package-versions.ts';
import { handlebarsRenderer, TEMPLATES_DIR, type Renderer } from '../emit/render.ts';
import type { ServiceInput } from '../ir/build.ts';
import type { ReadPage } from '../ir/input.ts';
import { serviceKey, uniqueServices } from '../ir/invariants.ts';
import { ReadPool } from '../read/pool.ts';
import { displayPath, planRun, type KeyedDocument, type PlannedDocument } from './plan.ts';
import { readDocuments } from './read.ts';
import { buildChecked, planServices, type Findings, type PlannedService } from './services.ts';
import type { Sink } from './sink.ts';

/** Options of a pipeline run. */
export interface PipelineOptions {
  generatorVersion: string;
  checkTypes?: boolean;
  /** Warnings fail the run too. */
  strict?: boolean;
  /** Cache folder; undefined runs without a cache. */
  cacheDir?: string;
  /** Reading and emitting threads (default: one per core). */
  threads?: number;
  /** From this many bytes to read, documents are read on threads (default {@link POOL_MIN_BYTES}; tests lower it). */
  poolMinBytes?: number;
  /**
   * A service whose pages or build give an error is left out (its package, if the output has one,
   * stays as it was) and the others still reach the sink; the errors are reported all the same.
   */
  keepGoing?: boolean;
  /**
   * Each input path must give a service: one that gives none (an empty folder, pages without any
   * client operation) is an error naming it. `generate` and `check` ask for it: an empty input
   * never means "no packages".
   */
  requireServices?: boolean;
  /**
   * Emit services that have no `service.json` (their clients need an `endpoint` option and take the
   * provider's default protocol): for corpora of pages only. Otherwise an emitting run reports such a
   * service as an error.
   */
  allowUnconfigured?: boolean;
  /** Told how far the run is, after each document read and each service done ({@link ProgressEvent}). */
  onProgress?: (event: ProgressEvent) => void;
}

/**
 * How far a run is: its phase (`reading` documents, then `generating` services — `building` when
 * nothing is emitted), and how many of that phase's items are done of how many.
 */
export interface ProgressEvent {
  phase: 'reading' | 'generating' | 'building';
  done: number;
  total: number;
  unit: 'documents' | 'services';
}

/** What a run did: every diagnostic, the problems that stopped it, and what the sink was given. */
export interface PipelineResult extends Findings {
  /** The packages given to the sink, sorted by folder; empty when the run failed. */
  packages: { folder: string; packageName: string; files: number; cached: boolean }[];
  /** The sink committed (the tree was written, compared or the IR kept): the run did not fail. */
  committed: boolean;
  /** Sections of the documents recognised and skipped as not client operations, by kind, over every document. */
  skipped: Record<string, number>;
  /** With `keepGoing`: the package folders of services left out for their errors, in run order. */
  leftOut: string[];
}

/** From this many bytes to read, documents are read on threads (starting them takes about a second). */
export const POOL_MIN_BYTES = 4 << 20;

/** From this many packages to emit, they are emitted on threads. */
const PARALLEL_EMIT_MIN = 8;

const NO_CACHE_INDEX = (generator: string): CacheIndex => ({ generator, files: {}, documents: {}, services: {}, outputs: {} });

/** An error for each input path (that exists) under which no planned service has a document. */
function inputsWithoutService(paths: readonly string[], documents: readonly KeyedDocument[], services: readonly PlannedService[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inside = (file: string, abs: string) => file === abs || file.startsWith(abs.endsWith(path.sep) ? abs : abs + path.sep);
  for (const p of paths) {
    const abs = path.resolve(p);
    if (!existsSync(abs)) continue; // already reported: no such file or folder
    if (services.some((s) => s.documents.some((d) => inside(d.file, abs)))) continue;
    const docs = documents.filter((d) => inside(d.file, abs)).length;
    const why = docs === 0 ? 'it holds no document' : `none of its ${docs} document${docs === 1 ? '' : 's'} documents a client operation`;
    out.push({ file: displayPath(p), line: 1, column: 1, severity: 'error', message: `no service: ${why}` });
  }
  return out;
}

/** Runs the pipeline over the documents under `paths` into `sink` (see the module comment). */
export async function runPipeline(paths: readonly string[], sink: Sink, options: PipelineOptions): Promise<PipelineResult> {
  const genKey = generatorKey(options.generatorVersion);
  const store = options.cacheDir ? new CacheStore(options.cacheDir) : undefined;
  const index = store ? store.loadIndex(genKey) : NO_CACHE_INDEX(genKey);
  const plan = planRun(paths);
  const lanes = 2 * (options.threads ?? availableParallelism());
  const checkTypes = options.checkTypes ?? false;
  const given: { order: number; service: PlannedService; record: ServiceRecord; cached: boolean }[] = [];
  const result: PipelineResult = { diagnostics: plan.diagnostics, invalidIR: [], problems: [], packages: [], committed: false, skipped: {}, leftOut: [] };
  const isError = (d: Diagnostic) => d.severity === 'error' || (options.strict ?? false);
  // With keepGoing, a service's errors leave that service out instead of failing the run.
  // An input without a service fails the run even then: nothing is written, so nothing is removed.
  let emptyInput = false;
  const fails = () => emptyInput || (!options.keepGoing && result.diagnostics.some(isError)) || result.invalidIR.length > 0 || result.problems.length > 0;
  const settingsKeys = new Map<ServiceInput, string>();
  const settingsKeyOf = (input: ServiceInput) => {
    let key = settingsKeys.get(input);
    if (key === undefined) {
      key = input.settingsFile ? sha256(`${input.settingsFile}\0${readFileSync(input.settingsFile)}`) : '-';
      settingsKeys.set(input, key);
    }
    return key;
  };
  // Readings wait for their service as JSON text: the whole corpus's readings as objects would not fit in 2 GB.
  const pages = new Map<string, string>();
  let pool: ReadPool | undefined;
  let opened = false;
  let emitPool: EmitPool | undefined;
  try {
    // 1. Key every document by its content and its folder's settings; read those the cache hasn't
    // seen, on the reading threads when there is enough to read to pay for starting them.
    const keyOf = (doc: PlannedDocument) => sha256(`${genKey}\0${doc.shown}\0${contentHash(doc.file, index.files).sha}\0${settingsKeyOf(doc.input)}`);
    // A cache that knows no document (a cold run, or none): every document is read whatever its key,
    // so each is keyed once read — hashing 25,000 pages here first would keep the reading threads idle.
    const cold = Object.keys(index.documents).length === 0;
    const documents = plan.documents.map((doc): KeyedDocument => ({ ...doc, key: cold ? '' : keyOf(doc) }));
    const unread = cold ? documents : documents.filter((d) => !index.documents[d.key]);
    const size = (d: KeyedDocument) => index.files[d.file]?.size ?? (cold ? statSync(d.file).size : 0);
    const threaded = unread.reduce((n, d) => n + size(d), 0) >= (options.poolMinBytes ?? POOL_MIN_BYTES);
    const readingPool = () => (threaded ? (pool ??= new ReadPool(options.threads)) : undefined);
    const progress = options.onProgress ?? (() => {});
    let read = 0;
    if (unread.length > 0) progress({ phase: 'reading', done: 0, total: unread.length, unit: 'documents' });
    await readDocuments(unread, readingPool, lanes, (doc, { summary, json }) => {
      progress({ phase: 'reading', done: ++read, total: unread.length, unit: 'documents' });
      if (cold) doc.key = keyOf(doc);
      pages.set(doc.key, json);
      index.documents[doc.key] = summary;
    });
    for (const doc of documents) {
      const record = index.documents[doc.key]!;
      result.diagnostics.push(...record.diagnostics);
      for (const [kind, n] of Object.entries(record.skipped ?? {})) result.skipped[kind] = (result.skipped[kind] ?? 0) + n;
    }

    // 2. Services: one per folder, or per declared id, each keyed by its documents and settings. The
    // pages of a changed service that the cache had seen (its other pages changed) are read again.
    const services = planServices(plan.folders, documents, index, genKey, settingsKeyOf, checkTypes, options.allowUnconfigured ?? false);
    if (options.requireServices) {
      const empty = inputsWithoutService(paths, documents, services);
      result.diagnostics.push(...empty);
      emptyInput = empty.length > 0;
    }
    const cachedRecord = (s: PlannedService) => {
      const known = sink.emits ? index.services[s.key] : undefined;
      return known && store?.hasPackage(s.key, known.files) ? known : undefined;
    };
    const rereads = services.filter((s) => !cachedRecord(s)).flatMap((s) => s.documents.filter((d) => !pages.has(d.key)));
    await readDocuments(rereads, readingPool, lanes, (doc, { json }) => pages.set(doc.key, json));
    await pool?.close();
    pool = undefined;

    // 3. Build each changed service here, emit it (on the emitting threads when there are many) and
    // hand it to the sink as soon as it is done; the sink takes the others from the cache.
    const versions = packageVersions(options.generatorVersion);
    // A sink that emits takes nothing once the run has failed; one that keeps the IR takes what could be built.
    opened = (!sink.emits || !fails()) && sink.open(store, index, paths);
    const changed = services.filter((s) => !cachedRecord(s)).length;
    emitPool = opened && sink.emits && changed >= PARALLEL_EMIT_MIN ? new EmitPool(options.threads) : undefined;
    // Templates compiled once and kept in the cache folder (~0.1 s of an incremental run). The emitting
    // threads compile their own; this thread still leaves the precompiled file for the next run.
    const templatesCache = store ? path.join(store.dir, 'templates.cjs') : undefined;
    let renderer: Renderer | undefined = emitPool && templatesCache ? handlebarsRenderer(TEMPLATES_DIR, templatesCache) : undefined;
    const inFlight = new Set<Promise<void>>();
    const handed = new Set<string>();
    let emitFailure: Error | undefined;
    const phase = sink.emits ? 'generating' : 'building';
    let servicesDone = 0;
    const serviceDone = () => progress({ phase, done: ++servicesDone, total: services.length, unit: 'services' });
    if (services.length > 0) progress({ phase, done: 0, total: services.length, unit: 'services' });
    for (const [order, service] of services.entries()) {
      // Each service is done when its iteration ends, or, sent to an emitting thread, when that job ends.
      let sent = false;
      try {
        sent = await produce(order, service);
      } finally {
        if (!sent) serviceDone();
      }
    }
    async function produce(order: number, service: PlannedService): Promise<boolean> {
      const known = cachedRecord(service);
      if (known) {
        result.diagnostics.push(...known.diagnostics);
        given.push({ order, service, record: known, cached: true });
        if (opened && !fails()) sink.cached(service.key, known);
        return false;
      }
      const servicePages = service.documents.map((d) => JSON.parse(pages.get(d.key)!) as ReadPage).sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
      for (const d of service.documents) pages.delete(d.key);
      const built = buildChecked(service, servicePages, result, { requireSettings: sink.emits && !(options.allowUnconfigured ?? false) });
      if (!built) return false;
      const entry = { order, service, record: built.record, cached: false };
      given.push(entry);
      // A second service with the same key is an error (reported below, in order): no sink gets it.
      const key = serviceKey(built.service);
      if (handed.has(key)) return false;
      handed.add(key);
      if (opened && !sink.emits) sink.built(built.service, entry.record);
      if (options.keepGoing && sink.emits && (built.record.diagnostics.some(isError) || service.documents.some((d) => index.documents[d.key]!.diagnostics.some(isError)))) {
        result.leftOut.push(built.record.folder);
        given.pop();
        if (opened) sink.keepExisting(built.record.folder);
        return false;
      }
      // Once the run fails no package reaches the sink: services are still built, for their diagnostics.
      if (!opened || !sink.emits || fails()) return false;
      const place = (pkg: EmittedPackage) => {
        for (const e of pkg.typeErrors) result.problems.push(`${pkg.folder}/${e}`);
        entry.record = { ...entry.record, folder: pkg.folder, packageName: pkg.packageName, files: pkg.files.map((f) => f.path) };
        if (fails()) return;
        index.services[service.key] = entry.record;
        sink.fresh(service.key, entry.record, pkg.files);
      };
      if (emitPool) {
        const job = emitPool.emit(built.service, versions, checkTypes).then(place, (e: Error) => void (emitFailure ??= e));
        inFlight.add(job);
        void job.finally(() => {
          inFlight.delete(job);
          serviceDone();
        });
        // One service in flight per thread: a large one (quicksight: 12 MB of types) takes a thread's
        // memory for a while, and memory must hold only what is in flight.
        if (inFlight.size >= emitPool.threads) await Promise.race(inFlight);
        return true;
      }
      renderer ??= handlebarsRenderer(TEMPLATES_DIR, templatesCache);
      place(await emitPackage(built.service, renderer, versions, checkTypes));
      return false;
    }
    await Promise.all(inFlight);
    if (emitFailure) throw emitFailure;
    given.sort((x, y) => x.order - y.order);
    uniqueServices(given, (g) => g.record, (g) => g.service.documents[0]?.shown ?? g.service.input.folderId, result.diagnostics);
  } catch (e) {
    if (opened) sink.abort();
    throw e;
  } finally {
    await pool?.close();
    await emitPool?.close();
  }
  result.diagnostics = sortDiagnostics(result.diagnostics);
  if (!opened || fails()) {
    if (opened) sink.abort();
    // What was read stays useful: the next run reports the same diagnostics without reading again.
    store?.saveIndex(index);
    return result;
  }
  sink.commit();
  result.committed = true;
  result.packages = given
    .map(({ record, cached }) => ({ folder: record.folder, packageName: record.packageName, files: record.files.length, cached }))
    .sort((a, b) => (a.folder < b.folder ? -1 : 1));
  store?.saveIndex(index);
  return result;
}
