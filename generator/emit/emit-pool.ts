/**
 * A pool of emitting threads (`worker_threads`): rendering, formatting and reading the API of the
 * packages of a large run (the whole corpus) on every core. Each thread keeps its Prettier and its
 * ts-morph project (the standard library parsed once per thread). Same files as emitting here.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Service } from '../ir/model.ts';
import type { EmittedFile } from './emit-service.ts';
import type { EmitAnswer, EmitJob } from './emit-worker.ts';
import type { PackageVersions } from './view/package.ts';

/** An emitted package. */
export interface EmittedPackage {
  folder: string;
  packageName: string;
  files: EmittedFile[];
  typeErrors: string[];
}

/** Emitting threads; `close()` when done so the process can exit. */
export class EmitPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { job: EmitJob; resolve: (p: EmittedPackage) => void; reject: (e: Error) => void }[] = [];
  private readonly running = new Map<Worker, (typeof this.queue)[number]>();
  private nextId = 0;

  constructor(readonly threads = Math.max(1, availableParallelism())) {
    // TypeScript in the thread: tsx registered first, as in the reading pool.
    const url = new URL('./emit-worker.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(bootstrap, { eval: true });
      worker.on('message', (answer: EmitAnswer) => this.settle(worker, answer));
      worker.on('error', (error) => {
        const pending = this.running.get(worker);
        this.running.delete(worker);
        pending?.reject(error);
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Emits the package of `service`. */
  emit(service: Service, versions: PackageVersions, checkTypes: boolean): Promise<EmittedPackage> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, service, versions, checkTypes }, resolve, reject });
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

  private settle(worker: Worker, answer: EmitAnswer): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (pending) {
      if ('error' in answer) pending.reject(new Error(`emitter failed on ${pending.job.service.provider}-${pending.job.service.id}: ${answer.error}`));
      else pending.resolve(answer);
    }
    this.pump();
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
