/**
 * A pool of reading threads (`worker_threads`): large corpora are read on every core. Jobs are
 * queued and handed to whichever thread is free, so one large service split into chunks keeps
 * all threads busy. Readings are plain data, posted back by structured clone (or as JSON text).
 */
import { workerModule } from '../repo.ts';
import { WorkerJobFailed, WorkerThreads } from '../worker-threads.ts';
import type { ReadPage } from '../ir/input.ts';
import type { RstChunk } from './boto3-rst.ts';
import type { BatchPage, PageSummary, ReadAnswer, ReadJob } from './pool-worker.ts';

export type { BatchPage, PageSummary } from './pool-worker.ts';

/** A page of a batch read on the pool: its reading as JSON text and summary, or the failure naming it. */
export type PoolReading = { json: string; summary: PageSummary } | { failed: WorkerJobFailed };

/** How a job is named in its failure (a batch: by its pages, as the thread may have died on any of them). */
function jobName(job: ReadJob): string {
  if (!('pages' in job)) return `reader failed on ${job.file}`;
  const { pages } = job;
  if (pages.length === 1) return `reader failed on ${pages[0]!.file}`;
  return `reader failed on one of ${pages.length} pages: ${pages[0]!.file} … ${pages[pages.length - 1]!.file}`;
}

/** Reading threads; `close()` when done so the process can exit. */
export class ReadPool {
  private readonly pool: WorkerThreads<ReadJob, ReadAnswer>;

  constructor(threads?: number) {
    this.pool = new WorkerThreads(workerModule('read'), threads, jobName);
  }

  /** How many threads read. */
  get threads(): number {
    return this.pool.threads;
  }

  /** Reads a chunk of a boto3 RST page. */
  async readChunk(chunk: RstChunk, file: string): Promise<ReadPage> {
    return ((await this.pool.run({ chunk, file })) as { page: ReadPage }).page;
  }

  /**
   * Reads a chunk of a boto3 RST page into its reading as JSON text: cheaper to pass between threads
   * and several times smaller to keep than the object, for a caller that holds many readings a while.
   */
  async readChunkJson(chunk: RstChunk, file: string): Promise<string> {
    return ((await this.pool.run({ chunk, file, json: true })) as { json: string }).json;
  }

  /**
   * Reads whole boto3 RST pages in one task, each as {@link readChunkJson} reads a page of one chunk
   * (the same JSON text), with its summary: small pages cost a task each otherwise. A page the
   * reader fails on gives a {@link WorkerJobFailed} naming it, in its place; the others are read.
   */
  async readPages(pages: BatchPage[]): Promise<PoolReading[]> {
    const { readings } = (await this.pool.run({ pages })) as { readings: ({ json: string; summary: PageSummary } | { failed: string })[] };
    return readings.map((r, i) => ('failed' in r ? { failed: new WorkerJobFailed(`reader failed on ${pages[i]!.file}`, r.failed) } : r));
  }

  /** Stops the threads. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
