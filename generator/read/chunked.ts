/**
 * Reading large boto3 RST pages in pieces: a whole-service page is split at directive
 * boundaries, the pieces are read (here in turn, or by the worker pool in parallel), and the
 * readings merged back into the page's reading — the same as reading the page whole.
 */
import type { ReadPage } from '../ir/input.ts';
import { isBoto3Rst, readBoto3RstChunk, requireDirectives, splitBoto3Rst, type RstChunk } from './boto3-rst.ts';

/** Pages below this size are read whole: splitting them buys nothing. */
export const CHUNK_BYTES = 1 << 20;

/** The chunks to read for a document: several for a large boto3 RST page, else undefined (read it whole). */
export function chunksOf(text: string, targetBytes = CHUNK_BYTES): RstChunk[] | undefined {
  if (text.length < targetBytes * 2 || !isBoto3Rst(text)) return undefined;
  return splitBoto3Rst(text, targetBytes);
}

/** Merges the readings of a page's chunks, in page order, into the page's reading. */
export function mergeChunkReadings(readings: readonly ReadPage[]): ReadPage {
  const first = readings[0]!;
  const page: ReadPage = { ...first, service: { ...first.service }, operations: [], skipped: [], diagnostics: [] };
  delete page.paginators;
  delete page.waiters;
  delete page.exceptions;
  for (const r of readings) {
    page.service.id ??= r.service.id;
    page.service.clientName ??= r.service.clientName;
    page.service.apiVersion ??= r.service.apiVersion;
    // Loops, not push(...): a chunk may hold more items than a call has room for arguments.
    for (const op of r.operations) page.operations.push(op);
    for (const s of r.skipped) page.skipped.push(s);
    for (const p of r.paginators ?? []) (page.paginators ??= []).push(p);
    for (const w of r.waiters ?? []) (page.waiters ??= []).push(w);
    for (const e of r.exceptions ?? []) (page.exceptions ??= []).push(e);
    for (const d of r.diagnostics) page.diagnostics.push(d);
  }
  requireDirectives(page);
  return page;
}

/** Reads a large boto3 RST page chunk by chunk on this thread (the pool does the same across threads). */
export function readChunked(text: string, file: string, targetBytes = CHUNK_BYTES): ReadPage {
  const chunks = splitBoto3Rst(text, targetBytes);
  return mergeChunkReadings(chunks.map((c) => readBoto3RstChunk(c, file)));
}
