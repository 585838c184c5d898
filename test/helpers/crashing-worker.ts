/**
 * A worker module for test/worker-threads.test.ts: doubles `n`, or dies the way a job asks — by
 * `process.exit` (at once, or from a later callback) or by an error thrown outside the job (uncaught
 * in the thread) — with its job left unanswered.
 */

/** A job: a number to double, and how to die instead. */
export interface CrashJob {
  n: number;
  crash?: 'exit' | 'exit-later' | 'uncaught';
}

/** Twice `n`, unless the job asks the thread to die. */
export default function double(job: CrashJob): number | Promise<never> {
  if (job.crash === 'exit') process.exit(3);
  if (job.crash === 'exit-later') setImmediate(() => process.exit(4));
  if (job.crash === 'uncaught') {
    setImmediate(() => {
      throw new Error(`uncaught in job ${job.n}`);
    });
  }
  // A dying job never answers by itself.
  if (job.crash) return new Promise<never>(() => {});
  return job.n * 2;
}
