/**
 * A reading thread of {@link ReadPool}: reads the chunks it is sent and answers with the readings.
 * Pure: it reads only what it is given (no file system, no settings lookup).
 */
import type { ReadPage } from '../ir/input.ts';
import { readBoto3RstChunk, type RstChunk } from './boto3-rst.ts';

/** A job for a reading thread: a chunk of a boto3 RST page, its reading wanted as JSON text or not. */
export interface ReadJob {
  chunk: RstChunk;
  file: string;
  json?: boolean;
}

/** What a reading thread answers: the reading, as JSON text when asked. (What the reader throws fails the job.) */
export type ReadAnswer = { page: ReadPage } | { json: string };

/** Reads one job (the thread's task, run by tinypool). */
export default function read(job: ReadJob): ReadAnswer {
  const page = readBoto3RstChunk(job.chunk, job.file);
  // A string crosses threads as one copy; a reading as an object graph is cloned node by node.
  return job.json ? { json: JSON.stringify(page) } : { page };
}
