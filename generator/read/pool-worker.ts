/**
 * A reading thread of {@link ReadPool}: reads the chunks and documents it is sent and posts the
 * readings back. Pure: it reads only what it is given (no file system, no settings lookup).
 */
import { parentPort } from 'node:worker_threads';
import type { ReaderContext, ReadPage } from '../ir/input.ts';
import { readBoto3RstChunk, type RstChunk } from './boto3-rst.ts';
import { readDocument } from './registry.ts';

/** A job for a reading thread. */
export type ReadJob =
  | { id: number; kind: 'chunk'; chunk: RstChunk; file: string; json?: boolean }
  | { id: number; kind: 'document'; text: string; file: string; context?: ReaderContext };

/** What a reading thread answers: the reading (as JSON text when asked), or the error that escaped the reader. */
export type ReadAnswer = { id: number; page: ReadPage } | { id: number; json: string } | { id: number; error: string };

parentPort?.on('message', (job: ReadJob) => {
  try {
    const page = job.kind === 'chunk' ? readBoto3RstChunk(job.chunk, job.file) : readDocument(job.text, job.file, job.context);
    // A string crosses threads as one copy; a reading as an object graph is cloned node by node.
    if (job.kind === 'chunk' && job.json) parentPort!.postMessage({ id: job.id, json: JSON.stringify(page) } satisfies ReadAnswer);
    else parentPort!.postMessage({ id: job.id, page } satisfies ReadAnswer);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).stack ?? String(e) } satisfies ReadAnswer);
  }
});
