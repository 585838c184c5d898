/**
 * A pool of emitting threads (`worker_threads`): rendering, formatting and reading the API of the
 * packages of a large run (the whole corpus) on every core. Each thread keeps its Prettier and its
 * ts-morph project (the standard library parsed once per thread). Same files as emitting here.
 */
import type { Service } from '../ir/model.ts';
import { workerModule } from '../repo.ts';
import { WorkerThreads } from '../worker-threads.ts';
import type { EmittedPackage } from './emit-service.ts';
import type { EmitAnswer, EmitJob } from './emit-worker.ts';
import type { PackageVersions } from './view/package.ts';

/** Emitting threads; `close()` when done so the process can exit. */
export class EmitPool {
  private readonly pool: WorkerThreads<EmitJob, EmitAnswer>;

  constructor(threads?: number) {
    this.pool = new WorkerThreads(workerModule('emit'), threads, (job) => `emitter failed on ${job.service.provider}-${job.service.id}`);
  }

  /** How many threads emit. */
  get threads(): number {
    return this.pool.threads;
  }

  /** Emits the package of `service`. */
  async emit(service: Service, versions: PackageVersions, checkTypes: boolean): Promise<EmittedPackage> {
    return this.pool.run({ service, versions, checkTypes });
  }

  /** Stops the threads. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
