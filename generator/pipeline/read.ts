/**
 * The reading stage: one document → its reading, with the reader its content calls for (the
 * registry), on this thread or — boto3 RST — on the reading threads: a large page in ~1 MB chunks,
 * small pages many to a task. Other formats are small and read here.
 *
 * @packageDocumentation
 */
import { readFileSync, statSync } from 'node:fs';
import type { ReaderContext, ReadPage } from '../ir/input.ts';
import { isBoto3Rst } from '../read/boto3-rst.ts';
import { chunksOf, mergeChunkReadings } from '../read/chunked.ts';
import { ReadPool, type BatchPage, type PageSummary } from '../read/pool.ts';
import { summarize } from '../read/pool-worker.ts';
import { readDocument } from '../read/registry.ts';

/** A document to read: its file, how it is shown, and what its reader may know besides the page. */
export interface DocumentToRead {
  file: string;
  shown: string;
  context: ReaderContext;
}

/**
 * A reading as a run keeps it: its JSON text (until its service is built) and its summary (what the
 * cache records of the document). The reading as an object is not kept: read on the pool, it is
 * never built on this thread.
 */
export interface Reading {
  summary: PageSummary;
  json: string;
}

/** Decodes a document as UTF-8 (invalid bytes become U+FFFD) without a byte-order mark. */
export function decode(bytes: Buffer): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads one document from disk on this thread. */
export function readHere(doc: DocumentToRead): ReadPage {
  return readDocument(decode(readFileSync(doc.file)), doc.shown, doc.context);
}

/** Reads one document's text: boto3 RST on the pool (in chunks when large), anything else on this thread. */
export async function readOnPool(pool: ReadPool, text: string, shown: string, context: ReaderContext): Promise<ReadPage> {
  if (!isBoto3Rst(text)) return readDocument(text, shown, context);
  const chunks = chunksOf(text) ?? [{ text, firstLine: 1 }];
  return mergeChunkReadings(await Promise.all(chunks.map((c) => pool.readChunk(c, shown))));
}

/**
 * Reads one document as {@link readOnPool} does, the chunks' readings passed back as JSON text: for
 * a caller that keeps many readings a while (as JSON, several times smaller than the objects).
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

/** Reads a document from disk, on `pool` when given, and returns the reading's JSON text and summary. */
export async function readToJson(doc: DocumentToRead, pool: ReadPool | undefined): Promise<Reading> {
  const page = pool ? await readOnPoolAsJson(pool, decode(readFileSync(doc.file)), doc.shown, doc.context) : { page: readHere(doc) };
  return { summary: summarize(page.page), json: 'json' in page ? page.json : JSON.stringify(page.page) };
}

/** Pages up to this size are read many to a pool task; larger ones one (or one chunk) a task. */
export const BATCH_PAGE_BYTES = 256 << 10;

/** A pool task of small pages holds up to this many bytes… */
export const BATCH_BYTES = 512 << 10;

/** … and up to this many pages. */
export const BATCH_PAGES = 64;

/**
 * Reads `docs` and hands each reading to `done` as it is ready (in no set order). With a pool
 * (`pool()` starts it when first needed), `lanes` units are in flight at a time: a large document,
 * or a batch of small consecutive ones — up to {@link BATCH_PAGES} pages, {@link BATCH_BYTES}
 * bytes — read from disk together and sent to a thread as one task. Per-method pages (boto3 1.43:
 * ~25,000 of ~8 KB) cost a task's bookkeeping and messages each otherwise, as much as reading them.
 * A document the reader fails on rejects, naming it. Without a pool, documents are read here in turn.
 */
export async function readDocuments<D extends DocumentToRead>(
  docs: readonly D[],
  pool: () => ReadPool | undefined,
  lanes: number,
  done: (doc: D, reading: Reading) => void,
): Promise<void> {
  const units: { docs: D[]; large: boolean }[] = [];
  let batch: D[] = [];
  let bytes = 0;
  for (const doc of docs) {
    const size = statSync(doc.file).size;
    if (size > BATCH_PAGE_BYTES) {
      units.push({ docs: [doc], large: true });
      continue;
    }
    if (batch.length > 0 && (batch.length >= BATCH_PAGES || bytes + size > BATCH_BYTES)) {
      units.push({ docs: batch, large: false });
      batch = [];
      bytes = 0;
    }
    batch.push(doc);
    bytes += size;
  }
  if (batch.length > 0) units.push({ docs: batch, large: false });
  await inLanes(units, lanes, async (unit) => {
    const threads = pool();
    if (!threads || unit.large) {
      for (const doc of unit.docs) done(doc, await readToJson(doc, threads));
      return;
    }
    const onPool: { doc: D; page: BatchPage }[] = [];
    for (const doc of unit.docs) {
      const text = decode(readFileSync(doc.file));
      if (isBoto3Rst(text)) onPool.push({ doc, page: { text, file: doc.shown } });
      else {
        const page = readDocument(text, doc.shown, doc.context);
        done(doc, { summary: summarize(page), json: JSON.stringify(page) });
      }
    }
    if (onPool.length === 0) return;
    const readings = await threads.readPages(onPool.map((p) => p.page));
    for (const [i, r] of readings.entries()) {
      if ('failed' in r) throw r.failed;
      done(onPool[i]!.doc, r);
    }
  });
}

/**
 * Runs `work` over `items` with at most `lanes` at a time; results in item order. With a pool, two
 * lanes a thread keep every thread busy while a file is read from disk only when a lane is free, so
 * a corpus is never all in memory.
 */
export async function inLanes<T, R>(items: readonly T[], lanes: number, work: (item: T) => Promise<R>): Promise<R[]> {
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
