/**
 * A pool of reading threads (`worker_threads`): large corpora are read on every core. Jobs are
 * queued and handed to whichever thread is free, so one large service split into chunks keeps
 * all threads busy. Readings are plain data, posted back by structured clone.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReaderContext, ReadPage } from './page.ts';
import type { RstChunk } from './boto3-rst.ts';
import type { ReadAnswer, ReadJob } from './pool-worker.ts';

type JobInput = { kind: 'chunk'; chunk: RstChunk; file: string } | { kind: 'document'; text: string; file: string; context?: ReaderContext };

interface Pending {
  job: ReadJob;
  resolve: (page: ReadPage) => void;
  reject: (error: Error) => void;
}

/** Reading threads; `close()` when done so the process can exit. */
export class ReadPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(readonly threads = Math.max(1, availableParallelism())) {
    // The worker is TypeScript: a small bootstrap registers tsx in the thread (as bin/docsdk.js does
    // for the process; Node 20 workers don't inherit loader hooks), then imports it.
    const url = new URL('./pool-worker.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(bootstrap, { eval: true });
      worker.on('message', (answer: ReadAnswer) => this.settle(worker, answer));
      worker.on('error', (error) => this.fail(worker, error));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Reads a chunk of a boto3 RST page. */
  readChunk(chunk: RstChunk, file: string): Promise<ReadPage> {
    return this.submit({ kind: 'chunk', chunk, file });
  }

  /** Reads a whole document with the reader its content calls for. */
  readDocument(text: string, file: string, context?: ReaderContext): Promise<ReadPage> {
    return this.submit(context ? { kind: 'document', text, file, context } : { kind: 'document', text, file });
  }

  private submit(input: JobInput): Promise<ReadPage> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...input, id: this.nextId++ } as ReadJob, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }

  private settle(worker: Worker, answer: ReadAnswer): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (pending) {
      if ('page' in answer) pending.resolve(answer.page);
      else pending.reject(new Error(`reader failed on ${pending.job.file}: ${answer.error}`));
    }
    this.pump();
  }

  private fail(worker: Worker, error: Error): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    pending?.reject(error);
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
