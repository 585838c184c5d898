/**
 * Threads running one worker module, on tinypool: jobs are queued and handed to whichever thread is
 * free, so one large input split into many jobs keeps every thread busy, and a thread that dies is
 * replaced (its job fails, named; the others go on). The reading pool and the emitting pool are this,
 * with their own jobs. A worker module's default export takes a job and returns (or resolves to) the
 * answer; what it throws fails that job.
 *
 * @packageDocumentation
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';

/** A job that failed on a thread: {@link WorkerJobFailed.job} names it, `cause` says why. */
export class WorkerJobFailed extends Error {
  constructor(
    readonly job: string,
    cause: unknown,
  ) {
    super(`${job}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`, { cause });
    this.name = 'WorkerJobFailed';
  }
}

/**
 * The module tinypool loads in each thread (a `data:` URL, so no file is needed beside the sources or
 * the bundle): `module`'s default export, loaded through tsx when it is TypeScript (Node 20 threads
 * don't inherit the process's loader hooks, as bin/docsdk.js registers them). Two failures are turned
 * into failed jobs: `process.exit`, which would end the thread with its job unanswered (tinypool
 * replaces threads that fail, not threads that exit), and a module that cannot load (tinypool would
 * retry it under another name and report that instead).
 */
function threadEntry(module: URL): string {
  const tsx = module.pathname.endsWith('.ts') ? `(await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).register();` : '';
  const source = [
    // Node ends a thread after an uncaught error through process.exit too, `_exiting` set: that one ends it.
    'const exit = process.exit;',
    `process.exit = function (code) { if (process._exiting) return exit.call(this, code); throw new Error('process.exit(' + (code ?? '') + ') called on a worker thread'); };`,
    'let run;',
    `try { ${tsx} run = (await import(${JSON.stringify(module.href)})).default; }`,
    'catch (error) { run = () => { throw error; }; }',
    'export default run;',
  ].join('\n');
  return `data:text/javascript,${encodeURIComponent(source)}`;
}

/** Threads running `module`; `close()` when done so the process can exit. */
export class WorkerThreads<J, A> {
  private readonly pool: Tinypool;
  /** An error no job owned (a thread that failed between jobs or could not start): the pool's end. */
  private failure: Error | undefined;

  /** `module` is a worker module (see `workerModule` in repo.ts); `named` names a job in its failure. */
  constructor(
    module: URL,
    readonly threads = Math.max(1, availableParallelism()),
    private readonly named: (job: J) => string,
  ) {
    this.pool = new Tinypool({ filename: threadEntry(module), minThreads: threads, maxThreads: threads });
    // Unlistened, tinypool's 'error' would be thrown in this process. Queued jobs are failed with it
    // rather than left to threads that may be gone.
    this.pool.on('error', (error: Error) => {
      this.failure ??= error;
      this.pool.cancelPendingTasks();
    });
  }

  /** Runs a job on the next free thread; rejects with {@link WorkerJobFailed}. */
  async run(job: J): Promise<A> {
    if (this.failure) throw new WorkerJobFailed(this.named(job), this.failure);
    try {
      return (await this.pool.run(job)) as A;
    } catch (e) {
      throw new WorkerJobFailed(this.named(job), this.failure ?? e);
    }
  }

  /** Stops the threads. */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}
