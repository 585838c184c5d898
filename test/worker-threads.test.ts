/**
 * The thread pool under threads that die mid-job: by `process.exit` (at once or later) or by an
 * uncaught error. That job fails, named, with the reason; every other job still completes, more
 * deaths than threads included (each dead thread is replaced), and the pool runs jobs afterwards.
 * A module that cannot load fails every job with its error. Bounded numbers of jobs: a pool that
 * loses jobs or threads makes a test time out, never pass.
 */
import { describe, expect, test } from 'vitest';
import { WorkerJobFailed, WorkerThreads } from '../generator/worker-threads.ts';
import type { CrashJob } from './helpers/crashing-worker.ts';

const CRASHING = new URL('./helpers/crashing-worker.ts', import.meta.url);
const UNLOADABLE = new URL('./helpers/unloadable-worker.ts', import.meta.url);
const named = (job: CrashJob) => `job ${job.n} failed`;

/** Jobs 0–9; 1, 4 and 7 (three deaths on two threads) die by `crash`. */
const jobs = (crash: CrashJob['crash']): CrashJob[] => Array.from({ length: 10 }, (_, n) => ({ n, ...(n % 3 === 1 ? { crash } : {}) }));

/** Each job's answer, or the message it failed with. */
async function outcomes(pool: WorkerThreads<CrashJob, number>, batch: CrashJob[]): Promise<Array<number | string>> {
  const settled = await Promise.allSettled(batch.map((j) => pool.run(j)));
  return settled.map((s) => {
    if (s.status === 'fulfilled') return s.value;
    expect(s.reason).toBeInstanceOf(WorkerJobFailed);
    return (s.reason as Error).message.split('\n')[0]!;
  });
}

describe('a thread that dies mid-job', () => {
  const cases = [
    ['exit', 'job 1 failed: Error: process.exit(3) called on a worker thread'],
    ['exit-later', 'job 1 failed: Error: process.exit(4) called on a worker thread'],
    ['uncaught', 'job 1 failed: Error: uncaught in job 1'],
  ] as const;
  for (const [crash, failure] of cases) {
    test(`${crash}: fails that job with its reason; the others, and later ones, complete`, async () => {
      const pool = new WorkerThreads<CrashJob, number>(CRASHING, 2, named);
      try {
        const first = await outcomes(pool, jobs(crash));
        expect(first).toEqual([0, failure, 4, 6, failure.replaceAll('1', '4'), 10, 12, failure.replaceAll('1', '7'), 16, 18]);
        expect(await outcomes(pool, [{ n: 20 }, { n: 21 }, { n: 22 }])).toEqual([40, 42, 44]);
      } finally {
        await pool.close();
      }
    });
  }

  test('a worker module that cannot load fails every job with its error', async () => {
    const pool = new WorkerThreads<CrashJob, number>(UNLOADABLE, 2, named);
    try {
      expect(await outcomes(pool, jobs(undefined).slice(0, 5))).toEqual(
        [0, 1, 2, 3, 4].map((n) => `job ${n} failed: Error: this worker module cannot load`),
      );
    } finally {
      await pool.close();
    }
  });
});
