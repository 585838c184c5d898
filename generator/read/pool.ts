/**
 * A pool of reading threads (`worker_threads`): large corpora are read on every core. Jobs are
 * queued and handed to whichever thread is free, so one large service split into chunks keeps
 * all threads busy. Readings are plain data, posted back by structured clone (or as JSON text).
 */
import { workerModule } from '../repo.ts';
import { WorkerThreads } from '../worker-threads.ts';
import type { ReadPage } from '../ir/input.ts';
import type { RstChunk } from './boto3-rst.ts';
import type { ReadAnswer, ReadJob } from './pool-worker.ts';

/** Reading threads; `close()` when done so the process can exit. */
export class ReadPool {
  private readonly pool: WorkerThreads<ReadJob, ReadAnswer>;

  constructor(threads?: number) {
    this.pool = new WorkerThreads(workerModule('read'), threads, (job) => `reader failed on ${job.file}`);
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

  /** Stops the threads. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
