/**
 * `docsdk generate PATH…`: documents → packages on disk, streamed and cached. Documents are read on
 * the thread pool; services are then built, emitted and written into the new output tree one at a
 * time (nothing done is kept in memory), and the tree is swapped in at the end, only when the run
 * has no error. The output is the same as {@link generate} over {@link loadIR}'s IR.
 *
 * With a cache folder (`.docsdk-cache/`), a document whose content (and folder settings) the cache
 * has seen is not read again, and a service whose documents and settings are unchanged is not
 * built or emitted again: its package is linked from the current output (when that is still what
 * the cache wrote there) or copied from the cache. Every key includes {@link generatorKey}.
 *
 * @packageDocumentation
 */
import { keepReleaseState } from './released.ts';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { filesBelow } from '../files-below.ts';
import { contentHash, sha256 } from '../cache/content-hash.ts';
import { generatorKey } from '../cache/generator-key.ts';
import { CacheStore, type CacheIndex, type OutputRecord, type OutputStat, type ServiceRecord } from '../cache/store.ts';
import { buildService, type ServiceInput } from '../ir/build.ts';
import { IR_VERSION, type Service } from '../ir/model.ts';
import { validateIR } from '../ir/validate.ts';
import { decode, planLoad, readOnPoolAsJson, type PlannedDocument } from '../load.ts';
import { readDocument } from '../read/detect.ts';
import type { ReadPage } from '../read/page.ts';
import { ReadPool } from '../read/pool.ts';
import { groupByDeclaredService } from '../split-by-service.ts';
import { apiSnapshotFile } from './api-symbol.ts';
import { EmitPool, type EmittedPackage } from './emit-pool.ts';
import { emitService, type EmittedFile } from './emit-service.ts';
import { packageVersions, serviceProblems } from './generate.ts';
import { handlebarsRenderer, TEMPLATES_DIR, type Renderer } from './render.ts';
import type { PackageVersions } from './view/package.ts';
import { viewSurface } from './view-surface.ts';
import { TreeWriter } from './write-tree.ts';

/** Options of a streamed generate run. */
export interface GeneratePathsOptions {
  generatorVersion: string;
  checkTypes?: boolean;
  /** Warnings fail the run too. */
  strict?: boolean;
  /** Cache folder; undefined runs without a cache. */
  cacheDir?: string;
  /** Reading threads (default: one per core). */
  threads?: number;
  renderer?: Renderer;
}

/** What a run did: the packages (when written), every diagnostic, and the problems that stopped it. */
export interface GeneratePathsResult {
  diagnostics: Diagnostic[];
  /** Produced IR that violates the IR schema (an internal error). */
  invalidIR: string[];
  /** Problems that prevent writing (unsafe ids, emitter failures, type errors). */
  problems: string[];
  /** The packages, sorted by folder; empty when nothing was written. */
  packages: { folder: string; packageName: string; files: number; cached: boolean }[];
  written: boolean;
}

/** A document with its content key. */
interface KeyedDocument extends PlannedDocument {
  key: string;
}

/** One service to produce: its folder's input, its documents, its key. */
interface PlannedService {
  input: ServiceInput;
  documents: KeyedDocument[];
  key: string;
}

/** From this many bytes to read, documents are read on threads (starting them takes about a second). */
const POOL_MIN_BYTES = 4 << 20;

/** From this many packages to emit, they are emitted on threads. */
const PARALLEL_EMIT_MIN = 8;

const NO_CACHE_INDEX = (generator: string): CacheIndex => ({ generator, files: {}, documents: {}, services: {}, outputs: {} });

/** Generates a package per service from the documents under `paths` into `outDir` (see the module comment). */
export async function generatePaths(paths: readonly string[], outDir: string, options: GeneratePathsOptions): Promise<GeneratePathsResult> {
  const genKey = generatorKey(options.generatorVersion);
  const store = options.cacheDir ? new CacheStore(options.cacheDir) : undefined;
  const index = store ? store.loadIndex(genKey) : NO_CACHE_INDEX(genKey);
  const plan = planLoad(paths);
  const outAbs = path.resolve(outDir);
  const lanes = 2 * (options.threads ?? availableParallelism());
  const next: OutputRecord = { packages: {} };
  const records: { order: number; service: PlannedService; record: ServiceRecord; cached: boolean }[] = [];
  const result: GeneratePathsResult = { diagnostics: plan.diagnostics, invalidIR: [], problems: [], packages: [], written: false };
  const fails = () => result.diagnostics.some((d) => d.severity === 'error' || options.strict) || result.invalidIR.length > 0 || result.problems.length > 0;
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
  const poolOf = () => (pool ??= new ReadPool(options.threads));
  let tree: TreeWriter | undefined;
  let emitPool: EmitPool | undefined;
  try {
    // 1. Key every document by its content and its folder's settings; read those the cache hasn't
    // seen, on the reading threads when there is enough to read to pay for starting them.
    const documents = plan.documents.map((doc): KeyedDocument => {
      const { sha } = contentHash(doc.file, index.files);
      return { ...doc, key: sha256(`${genKey}\0${doc.shown}\0${sha}\0${settingsKeyOf(doc.input)}`) };
    });
    const unread = documents.filter((d) => !index.documents[d.key]);
    const threaded = unread.reduce((n, d) => n + (index.files[d.file]?.size ?? 0), 0) >= POOL_MIN_BYTES;
    const read = async (doc: KeyedDocument) => {
      const text = decode(readFileSync(doc.file));
      if (threaded) return readOnPoolAsJson(poolOf(), text, doc.shown, doc.context);
      const page = readDocument(text, doc.shown, doc.context);
      return { page, json: JSON.stringify(page) };
    };
    await inLanes(unread, lanes, async (doc) => {
      const { page, json } = await read(doc);
      pages.set(doc.key, json);
      const { id, clientName } = page.service;
      index.documents[doc.key] = {
        ...(id !== undefined ? { id } : {}),
        ...(clientName !== undefined ? { clientName } : {}),
        operations: page.operations.length,
        diagnostics: page.diagnostics,
      };
    });
    for (const doc of documents) result.diagnostics.push(...index.documents[doc.key]!.diagnostics);

    // 2. Services: one per folder, or per declared id, each keyed by its documents and settings. The
    // pages of a changed service that the cache had seen (its other pages changed) are read again.
    const services = planServices(plan.folders, documents, index, genKey, settingsKeyOf, options.checkTypes ?? false);
    const cachedRecord = (s: PlannedService) => {
      const known = index.services[s.key];
      return known && store?.hasPackage(s.key, known.files) ? known : undefined;
    };
    const rereads = services.filter((s) => !cachedRecord(s)).flatMap((s) => s.documents.filter((d) => !pages.has(d.key)));
    await inLanes(rereads, lanes, async (doc) => {
      pages.set(doc.key, (await read(doc)).json);
    });
    await pool?.close();
    pool = undefined;

    // 3. Build each changed service here, emit it (on the emitting threads when there are many) and
    // write it into the tree as soon as it is done; take the others from the cache.
    const versions = packageVersions(options.generatorVersion);
    const previous: OutputRecord = index.outputs[outAbs] ?? { packages: {} };
    tree = fails() ? undefined : TreeWriter.begin(outAbs);
    const changed = services.filter((s) => !cachedRecord(s)).length;
    emitPool = tree && changed >= PARALLEL_EMIT_MIN ? new EmitPool(options.threads) : undefined;
    // Templates compiled once and kept in the cache folder (~0.1 s of an incremental run). The emitting
    // threads compile their own; this thread still leaves the precompiled file for the next run.
    const templatesCache = store ? path.join(store.dir, 'templates.cjs') : undefined;
    let renderer: Renderer | undefined = emitPool && templatesCache ? (options.renderer ?? handlebarsRenderer(TEMPLATES_DIR, templatesCache)) : undefined;
    const inFlight = new Set<Promise<void>>();
    let emitFailure: Error | undefined;
    for (const [order, service] of services.entries()) {
      const known = cachedRecord(service);
      if (known) {
        result.diagnostics.push(...known.diagnostics);
        records.push({ order, service, record: known, cached: true });
        if (tree && !fails()) next.packages[known.folder] = placeCached(tree, store!, service.key, known, previous, outAbs);
        continue;
      }
      const servicePages = service.documents.map((d) => JSON.parse(pages.get(d.key)!) as ReadPage).sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
      for (const d of service.documents) pages.delete(d.key);
      const built = buildChecked(service, servicePages, result);
      if (!built) continue;
      const entry = { order, service, record: built.record, cached: false };
      records.push(entry);
      // Once the run fails nothing is written: services are still built, for their diagnostics.
      if (!tree || fails()) continue;
      const place = (pkg: EmittedPackage) => {
        for (const e of pkg.typeErrors) result.problems.push(`${pkg.folder}/${e}`);
        entry.record = { ...entry.record, folder: pkg.folder, packageName: pkg.packageName, files: pkg.files.map((f) => f.path) };
        if (fails()) return;
        index.services[service.key] = entry.record;
        next.packages[pkg.folder] = placeFresh(tree!, store, service.key, entry.record, pkg.files);
      };
      if (emitPool) {
        const job = emitPool.emit(built.service, versions, options.checkTypes ?? false).then(place, (e: Error) => void (emitFailure ??= e));
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
        // One service in flight per thread: a large one (quicksight: 12 MB of types) takes a thread's
        // memory for a while, and memory must hold only what is in flight.
        if (inFlight.size >= emitPool.threads) await Promise.race(inFlight);
      } else {
        renderer ??= options.renderer ?? handlebarsRenderer(TEMPLATES_DIR, templatesCache);
        place(await emitHere(built.service, renderer, versions, options.checkTypes ?? false));
      }
    }
    await Promise.all(inFlight);
    if (emitFailure) throw emitFailure;
    records.sort((x, y) => x.order - y.order);
    checkCollisions(records, result);
  } catch (e) {
    tree?.abort();
    throw e;
  } finally {
    await pool?.close();
    await emitPool?.close();
  }
  result.diagnostics = sortDiagnostics(result.diagnostics);
  if (!tree || fails()) {
    tree?.abort();
    // What was read stays useful: the next run reports the same diagnostics without reading again.
    store?.saveIndex(index);
    return result;
  }
  keepReleaseState(tree, outAbs, Object.keys(next.packages));
  tree.commit();
  result.written = true;
  result.packages = records
    .map(({ record, cached }) => ({ folder: record.folder, packageName: record.packageName, files: record.files.length, cached }))
    .sort((a, b) => (a.folder < b.folder ? -1 : 1));
  if (store) {
    index.outputs[outAbs] = next;
    store.saveIndex(index);
  }
  return result;
}

/** Runs `work` over `items` with at most `lanes` at a time; results in item order. */
async function inLanes<T, R>(items: readonly T[], lanes: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  return out;
}

/** The services of the plan's folders, in folder order, each with its documents and key. */
function planServices(
  folders: readonly ServiceInput[],
  documents: readonly KeyedDocument[],
  index: CacheIndex,
  genKey: string,
  settingsKeyOf: (input: ServiceInput) => string,
  checkTypes: boolean,
): PlannedService[] {
  const byFolder = new Map<ServiceInput, KeyedDocument[]>();
  for (const doc of documents) {
    const list = byFolder.get(doc.input) ?? [];
    list.push(doc);
    byFolder.set(doc.input, list);
  }
  const out: PlannedService[] = [];
  for (const folder of folders) {
    const docs = byFolder.get(folder) ?? [];
    for (const group of groupByDeclaredService(folder.folderId, folder.settings.id, docs, (d) => index.documents[d.key]!, (d) => d.file)) {
      // As loading does: a folder (or declared service) without any operation is no service.
      if (!group.items.some((d) => index.documents[d.key]!.operations > 0)) continue;
      const input: ServiceInput = { ...folder, folderId: group.folderId, pages: [] };
      const identity = [genKey, group.folderId, folder.folderProvider ?? '-', settingsKeyOf(folder), checkTypes ? 'checked' : '-', ...group.items.map((d) => d.key).sort()];
      out.push({ input, documents: group.items, key: sha256(identity.join('\0')) });
    }
  }
  return out;
}

/** Builds and checks one service; undefined when it can't be generated. Its record lacks the package until emitted. */
function buildChecked(service: PlannedService, pages: ReadPage[], result: GeneratePathsResult): { service: Service; record: ServiceRecord } | undefined {
  const diagnostics: Diagnostic[] = [];
  const built = buildService({ ...service.input, pages }, diagnostics);
  result.diagnostics.push(...diagnostics);
  for (const p of validateIR({ irVersion: IR_VERSION, services: [built] })) result.invalidIR.push(`${p.path}: ${p.message}`);
  const problems = serviceProblems(built);
  result.problems.push(...problems);
  if (problems.length > 0) return undefined;
  return { service: built, record: { provider: built.provider, id: built.id, folder: `${built.provider}-${built.id}`, packageName: '', files: [], diagnostics } };
}

/** Emits a package on this thread (few packages to emit: starting the emitting threads would cost more). */
async function emitHere(service: Service, renderer: Renderer, versions: PackageVersions, checkTypes: boolean): Promise<EmittedPackage> {
  const { view, files } = emitService(service, renderer, versions);
  // ts-morph (and the standard library it parses) loads in about a second: only when types are checked.
  const typeErrors = checkTypes ? (await import('./check-types.ts')).typeCheckPackage(view.folder, files) : [];
  files.push(apiSnapshotFile(viewSurface(view)));
  return { folder: view.folder, packageName: view.packageName, files, typeErrors };
}

/** Two services in one package folder, or one service documented in two folders: errors, as {@link buildIR} and {@link renderPackages} report them. */
function checkCollisions(records: readonly { service: PlannedService; record: ServiceRecord }[], result: GeneratePathsResult): void {
  const seen = new Set<string>();
  for (const { service, record } of records) {
    const key = `${record.provider}/${record.id}`;
    if (seen.has(key)) {
      const file = service.documents[0]?.shown ?? service.input.folderId;
      result.diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `service ${key} is documented in two folders; expected one folder per service` });
    }
    seen.add(key);
  }
}

/** Writes a freshly emitted package into the tree (and the cache); returns its output record. */
function placeFresh(
  tree: TreeWriter,
  store: CacheStore | undefined,
  key: string,
  record: ServiceRecord,
  files: readonly { path: string; content: string }[],
): OutputRecord['packages'][string] {
  const stats: Record<string, OutputStat> = {};
  for (const f of files) stats[f.path] = statOf(tree.write(`${record.folder}/${f.path}`, f.content));
  store?.savePackage(key, files);
  return { key, files: stats };
}

/**
 * Puts a cached package into the tree: hard links of the current output's files when the cache
 * wrote them there and they are untouched since (same stat), else copies from the cache.
 */
function placeCached(
  tree: TreeWriter,
  store: CacheStore,
  key: string,
  record: ServiceRecord,
  previous: OutputRecord,
  outAbs: string,
): OutputRecord['packages'][string] {
  const before = previous.packages[record.folder];
  if (before?.key === key && inPlace(path.join(outAbs, record.folder), record.files, before.files)) {
    tree.keep(record.folder);
    return before;
  }
  const stats: Record<string, OutputStat> = {};
  for (const file of record.files) {
    const rel = `${record.folder}/${file}`;
    const current = path.join(outAbs, ...rel.split('/'));
    const was = before?.key === key ? before.files[file] : undefined;
    if (was && sameStat(current, was)) {
      tree.link(rel, current);
      stats[file] = was;
    } else {
      const target = tree.target(rel);
      store.copyPackageFile(key, file, target);
      stats[file] = statOf(target);
    }
  }
  return { key, files: stats };
}

/**
 * Whether the package folder `dir` of the current output holds exactly `files`, each untouched since
 * this generator wrote it (same stat as recorded): then it can stay where it is.
 */
function inPlace(dir: string, files: readonly string[], stats: Record<string, OutputStat>): boolean {
  let present: string[];
  try {
    present = filesBelow(dir);
  } catch {
    return false; // no such folder (any more)
  }
  if (present.length !== files.length) return false;
  const wanted = new Set(files);
  return present.every((f) => wanted.has(f) && stats[f] !== undefined && sameStat(path.join(dir, ...f.split('/')), stats[f]));
}

function statOf(file: string): OutputStat {
  const st = statSync(file);
  return [st.size, st.mtimeMs, st.ino];
}

function sameStat(file: string, want: OutputStat): boolean {
  try {
    const [size, mtimeMs, ino] = statOf(file);
    return size === want[0] && mtimeMs === want[1] && ino === want[2];
  } catch {
    return false;
  }
}
