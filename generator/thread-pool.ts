/**
 * A pool of `worker_threads` running one worker module: jobs are queued and handed to
 * whichever thread is free, so one large input split into many jobs keeps every thread busy. The
 * reading pool and the emitting pool are this, with their own jobs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** What every job and answer carries: the job's number. An answer with `error` is a failure. */
export interface Numbered {
  id: number;
}

/** A job without its number (which the pool gives), for each member of a union of jobs. */
export type Unnumbered<J> = J extends unknown ? Omit<J, 'id'> : never;

interface Pending<J, A> {
  job: J;
  resolve: (answer: A) => void;
  reject: (error: Error) => void;
}

/** Threads running `module`; `close()` when done so the process can exit. */
export class ThreadPool<J extends Numbered, A extends Numbered> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending<J, A>[] = [];
  private readonly running = new Map<Worker, Pending<J, A>>();
  private nextId = 0;

  /** `failed` names a job in the error of a failed answer. */
  constructor(
    module: URL,
    readonly threads = Math.max(1, availableParallelism()),
    private readonly failed: (job: J) => string = () => 'worker failed',
  ) {
    // `module` is the worker's TypeScript source, or its compiled entry when docsdk runs compiled
    // (`workerModule` in repo.ts). TypeScript needs a small bootstrap that registers tsx in the thread
    // (as bin/docsdk.js does for the process; Node 20 workers don't inherit loader hooks) first.
    const load = `import(${JSON.stringify(module.href)})`;
    const bootstrap = module.pathname.endsWith('.ts') ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return ${load}; })` : load;
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(bootstrap, { eval: true });
      worker.on('message', (answer: A) => this.settle(worker, answer));
      worker.on('error', (error) => {
        const pending = this.running.get(worker);
        this.running.delete(worker);
        pending?.reject(error);
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Runs a job (numbered here) on the next free thread. */
  run(job: Unnumbered<J>): Promise<A> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ } as unknown as J, resolve, reject });
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

  private settle(worker: Worker, answer: A): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (pending) {
      if ('error' in answer) pending.reject(new Error(`${this.failed(pending.job)}: ${String(answer.error)}`));
      else pending.resolve(answer);
    }
    this.pump();
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
