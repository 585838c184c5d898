/**
 * A fuzzing thread: builds each input it is sent from the seeds (inputs travel as small plain
 * data, never as 50 MB strings), reads it through the pipeline and answers with the outcome.
 * The campaign runs it under a deadline and a heap limit, so a hang or runaway memory in a
 * reader ends this thread, not the campaign.
 */
import { parentPort } from 'node:worker_threads';
import { checkPage } from './check.ts';
import { applyInput, seedText, type FuzzInput } from './mutations.ts';
import { loadSeeds } from './seeds.ts';

/** A job: one input, numbered by the campaign. */
export interface FuzzJob {
  id: number;
  input: FuzzInput;
}

/** The answer: how long reading took, and what went wrong (nothing when the property held). */
export interface FuzzAnswer {
  id: number;
  ms: number;
  bytes: number;
  /** `crash` for an exception, `violation` for a broken property. */
  failure?: { kind: 'crash' | 'violation'; message: string };
}

const seeds = loadSeeds();
const texts = seeds.map((s) => seedText(s.bytes));

parentPort?.on('message', (job: FuzzJob) => {
  const text = applyInput(job.input, texts);
  const seed = seeds[job.input.seed % seeds.length]!;
  const start = performance.now();
  let failure: FuzzAnswer['failure'];
  try {
    const outcome = checkPage(seed, text);
    if (outcome.violations.length > 0) failure = { kind: 'violation', message: outcome.violations.slice(0, 3).join('; ') };
  } catch (e) {
    failure = { kind: 'crash', message: ((e as Error).stack ?? String(e)).split('\n').slice(0, 8).join('\n') };
  }
  const answer: FuzzAnswer = { id: job.id, ms: performance.now() - start, bytes: text.length };
  if (failure) answer.failure = failure;
  parentPort!.postMessage(answer);
});
parentPort?.postMessage('ready');
