/**
 * A reading thread of {@link ReadPool}: reads the chunks and batches of pages it is sent and answers
 * with the readings. Pure: it reads only what it is given (no file system, no settings lookup).
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ReadPage } from '../ir/input.ts';
import { readBoto3RstChunk, type RstChunk } from './boto3-rst.ts';
import { mergeChunkReadings } from './chunked.ts';

/** A job for a reading thread: a chunk of a boto3 RST page, its reading wanted as JSON text or not. */
export interface ChunkJob {
  chunk: RstChunk;
  file: string;
  json?: boolean;
}

/** A whole boto3 RST page of a {@link BatchJob}. */
export interface BatchPage {
  text: string;
  file: string;
}

/**
 * A job of many small whole pages (boto3 1.43 writes ~25,000 of ~8 KB): one task and one answer for
 * all of them, instead of a task's bookkeeping, messages and wait for each.
 */
export interface BatchJob {
  pages: BatchPage[];
}

/** A job for a reading thread. */
export type ReadJob = ChunkJob | BatchJob;

/** What a run keeps of a reading besides its JSON text: what the page declares and gave (the cache's record of a document). */
export interface PageSummary {
  id?: string;
  clientName?: string;
  operations: number;
  skipped?: Record<string, number>;
  diagnostics: Diagnostic[];
}

/** A page of a batch read: its reading as JSON text and its summary, or why the reader failed on it (message and stack). */
export type BatchReading = { json: string; summary: PageSummary } | { failed: string };

/** What a reading thread answers: the reading, as JSON text when asked, or a batch's readings in its order. (What the reader throws on a chunk fails the job.) */
export type ReadAnswer = { page: ReadPage } | { json: string } | { readings: BatchReading[] };

/** The summary of a reading (its service, how many operations, the skipped sections by kind, its diagnostics). */
export function summarize(page: ReadPage): PageSummary {
  const { id, clientName } = page.service;
  const skipped: Record<string, number> = {};
  for (const s of page.skipped) skipped[s.kind] = (skipped[s.kind] ?? 0) + 1;
  return {
    ...(id !== undefined ? { id } : {}),
    ...(clientName !== undefined ? { clientName } : {}),
    operations: page.operations.length,
    ...(page.skipped.length > 0 ? { skipped } : {}),
    diagnostics: page.diagnostics,
  };
}

/** Reads one whole page of a batch as the pool reads a page of one chunk (the same reading, the same JSON text). */
function readWhole(page: BatchPage): BatchReading {
  try {
    const reading = mergeChunkReadings([readBoto3RstChunk({ text: page.text, firstLine: 1 }, page.file)]);
    return { json: JSON.stringify(reading), summary: summarize(reading) };
  } catch (e) {
    // One page's failure is that page's, named by the caller: the batch's other pages are still read.
    return { failed: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** Reads one job (the thread's task, run by tinypool). */
export default function read(job: ReadJob): ReadAnswer {
  if ('pages' in job) return { readings: job.pages.map(readWhole) };
  const page = readBoto3RstChunk(job.chunk, job.file);
  // A string crosses threads as one copy; a reading as an object graph is cloned node by node.
  return job.json ? { json: JSON.stringify(page) } : { page };
}
