/**
 * From paths on disk to the IR: finds documents (files, or folders read recursively), groups
 * them by service folder, reads each folder's `service.json`, reads every page with the reader
 * its content calls for, and builds the IR. All problems of all files come back together.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { filesBelow } from './files-below.ts';
import { buildIR, type ServiceInput } from './ir/build.ts';
import type { IR, Provider } from './ir/model.ts';
import { readDocument } from './read/detect.ts';
import { chunksOf, mergeChunkReadings } from './read/chunked.ts';
import { isBoto3Rst } from './read/boto3-rst.ts';
import { ReadPool } from './read/pool.ts';
import type { ReaderContext, ReadPage } from './read/page.ts';
import { splitByDeclaredService } from './split-by-service.ts';
import { loadServiceSettings, SETTINGS_FILE, settingsFileFor } from './settings/service-settings.ts';

/** The result of loading: the IR built from whatever could be read, and every diagnostic. */
export interface LoadResult {
  ir: IR;
  diagnostics: Diagnostic[];
}

/** A path as shown in diagnostics and IR sources: relative to the working directory, `/`-separated. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, path.resolve(file));
  return (rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(file) : rel).split(path.sep).join('/');
}

/** The documents named by `paths` (files as given, folders recursively), without settings files. */
export function collectDocuments(paths: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      diagnostics.push({ file: displayPath(p), line: 1, column: 1, severity: 'error', message: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) files.push(...filesBelow(p, { skip: (name) => name.startsWith('.'), regularOnly: true }).map((r) => path.join(p, r)));
    else files.push(p);
  }
  const unique = [...new Set(files.map((f) => path.resolve(f)))].filter((f) => path.basename(f) !== SETTINGS_FILE);
  return { files: unique.sort(), diagnostics };
}

/** The provider a service folder's path names (`…/aws/<service>`), when it names one. */
function providerOfFolder(dir: string): Provider | undefined {
  const parent = path.basename(path.dirname(dir));
  return parent === 'aws' || parent === 'baidu' ? parent : undefined;
}

/** One document to read: where it is, how it is shown, and its service folder. */
export interface PlannedDocument {
  file: string;
  shown: string;
  input: ServiceInput;
  context: ReaderContext;
}

/** What loading will read: the documents, grouped into service folders with their settings. */
export interface LoadPlan {
  folders: ServiceInput[];
  documents: PlannedDocument[];
  diagnostics: Diagnostic[];
}

/** Finds the documents under `paths` and reads each service folder's settings. */
export function planLoad(paths: readonly string[]): LoadPlan {
  const { files, diagnostics } = collectDocuments(paths);
  const folders = new Map<string, ServiceInput>();
  const documents: PlannedDocument[] = [];
  for (const file of files) {
    const dir = path.dirname(file);
    let input = folders.get(dir);
    if (!input) {
      const settingsFile = settingsFileFor(dir);
      const loaded = settingsFile ? loadServiceSettings(settingsFile, displayPath(settingsFile)) : undefined;
      if (loaded) for (const d of loaded.diagnostics) diagnostics.push(d);
      input = { folderId: path.basename(dir), settings: loaded?.settings ?? {}, pages: [] };
      if (loaded) input.locateSetting = loaded.locate;
      const provider = providerOfFolder(dir);
      if (provider) input.folderProvider = provider;
      if (settingsFile) input.settingsFile = displayPath(settingsFile);
      folders.set(dir, input);
    }
    const context: ReaderContext = { settings: input.settings };
    if (input.settingsFile) context.settingsFile = input.settingsFile;
    if (input.locateSetting) context.locate = input.locateSetting;
    documents.push({ file, shown: displayPath(file), input, context });
  }
  return { folders: [...folders.values()], documents, diagnostics };
}

/** Builds the IR from a plan whose pages have been read: one service per folder, or per declared id. */
function finishLoad(plan: LoadPlan): LoadResult {
  // Loops, not push(...): one broken 50 MB page can give more diagnostics than a call has room for arguments.
  for (const doc of plan.documents) {
    for (const page of doc.input.pages) if (page.file === doc.shown) for (const d of page.diagnostics) plan.diagnostics.push(d);
  }
  const services = plan.folders.flatMap(splitByDeclaredService).filter((f) => f.pages.some((p) => p.operations.length > 0));
  const ir = buildIR(services, plan.diagnostics);
  return { ir, diagnostics: sortDiagnostics(plan.diagnostics) };
}

/** Loads every document under `paths` and builds the IR, reading on this thread. */
export function loadIR(paths: readonly string[]): LoadResult {
  const plan = planLoad(paths);
  for (const doc of plan.documents) doc.input.pages.push(readDocument(decode(readFileSync(doc.file)), doc.shown, doc.context));
  return finishLoad(plan);
}

/**
 * Loads every document under `paths` and builds the IR, reading boto3 RST pages on a pool of
 * threads (large ones in chunks, so one big service keeps every thread busy; the other formats,
 * small and possibly needing their folder's settings, on this thread). Same result as {@link loadIR}.
 */
export async function loadIRParallel(paths: readonly string[], threads?: number): Promise<LoadResult> {
  const plan = planLoad(paths);
  const pool = new ReadPool(threads);
  try {
    await readAllOnPool(pool, plan.documents, (doc, page) => doc.input.pages.push(page));
  } finally {
    await pool.close();
  }
  // Pages arrive in completion order; the IR must not depend on it.
  for (const folder of plan.folders) folder.pages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return finishLoad(plan);
}

/** Reads one document: boto3 RST on the pool (in chunks when large), anything else on this thread. */
export async function readOnPool(pool: ReadPool, text: string, shown: string, context: ReaderContext): Promise<ReadPage> {
  if (!isBoto3Rst(text)) return readDocument(text, shown, context);
  const chunks = chunksOf(text) ?? [{ text, firstLine: 1 }];
  return mergeChunkReadings(await Promise.all(chunks.map((c) => pool.readChunk(c, shown))));
}

/**
 * Reads one document as {@link readOnPool} does, the chunks' readings passed back as JSON text: for
 * a caller that keeps many readings a while (as JSON, several times smaller than the objects).
 * Returns the reading and its JSON text.
 */
export async function readOnPoolAsJson(pool: ReadPool, text: string, shown: string, context: ReaderContext): Promise<{ page: ReadPage; json: string }> {
  let page: ReadPage;
  if (!isBoto3Rst(text)) page = readDocument(text, shown, context);
  else {
    const chunks = chunksOf(text) ?? [{ text, firstLine: 1 }];
    const readings = await Promise.all(chunks.map((c) => pool.readChunkJson(c, shown)));
    page = mergeChunkReadings(readings.map((r) => JSON.parse(r) as ReadPage));
  }
  return { page, json: JSON.stringify(page) };
}

/**
 * Reads documents on the pool with a bounded number in flight: a file is read from disk only when
 * a lane is free, so the corpus is never all in memory, and this thread stays free to take answers
 * (reading everything on it first would leave the threads idle).
 */
export async function readAllOnPool<D extends { file: string; shown: string; context: ReaderContext }>(
  pool: ReadPool,
  documents: readonly D[],
  done: (doc: D, page: ReadPage) => void,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < documents.length) {
      const doc = documents[next++]!;
      done(doc, await readOnPool(pool, decode(readFileSync(doc.file)), doc.shown, doc.context));
    }
  };
  await Promise.all(Array.from({ length: pool.threads * 2 }, lane));
}

/** Decodes a document as UTF-8 (invalid bytes become U+FFFD) without a byte-order mark. */
export function decode(bytes: Buffer): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
