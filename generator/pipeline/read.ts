/**
 * The reading stage: one document → its reading, with the reader its content calls for (the
 * registry), on this thread or — boto3 RST, in ~1 MB chunks — on the reading threads. Other formats
 * are small and read here.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import type { ReaderContext, ReadPage } from '../ir/input.ts';
import { isBoto3Rst } from '../read/boto3-rst.ts';
import { chunksOf, mergeChunkReadings } from '../read/chunked.ts';
import { ReadPool } from '../read/pool.ts';
import { readDocument } from '../read/registry.ts';

/** A document to read: its file, how it is shown, and what its reader may know besides the page. */
export interface DocumentToRead {
  file: string;
  shown: string;
  context: ReaderContext;
}

/** A reading and its JSON text (as which a run keeps readings until their service is built). */
export interface Reading {
  page: ReadPage;
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
export async function readOnPoolAsJson(pool: ReadPool, text: string, shown: string, context: ReaderContext): Promise<Reading> {
  let page: ReadPage;
  if (!isBoto3Rst(text)) page = readDocument(text, shown, context);
  else {
    const chunks = chunksOf(text) ?? [{ text, firstLine: 1 }];
    const readings = await Promise.all(chunks.map((c) => pool.readChunkJson(c, shown)));
    page = mergeChunkReadings(readings.map((r) => JSON.parse(r) as ReadPage));
  }
  return { page, json: JSON.stringify(page) };
}

/** Reads a document from disk, on `pool` when given, and returns the reading with its JSON text. */
export async function readToJson(doc: DocumentToRead, pool: ReadPool | undefined): Promise<Reading> {
  if (pool) return readOnPoolAsJson(pool, decode(readFileSync(doc.file)), doc.shown, doc.context);
  const page = readHere(doc);
  return { page, json: JSON.stringify(page) };
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
