/**
 * Waiters: poll an operation every `delay` seconds, at most `maxAttempts` times, until the caller's
 * condition says the wait is over. boto3's docs give the operation, the delay and the attempts of
 * each waiter but not its acceptors (the conditions), so generated clients take the condition from
 * the caller (`until`).
 *
 * @packageDocumentation
 */
import { AbortError, ServiceError } from './errors.ts';
import { sleep } from './retry.ts';

/** What decides a wait: the output of an attempt, or the service error it failed with. */
export type WaitCondition<O> = (output: O | undefined, error: ServiceError | undefined) => boolean | 'retry';

/** Options of one wait. */
export interface WaitOptions<O> {
  /**
   * Called after each attempt. With an output (`error` undefined): `true` ends the wait, `false`
   * polls again. With a service error (`output` undefined): `true` ends the wait (the error is the
   * state waited for, e.g. ResourceNotFoundException for "TableNotExists"), `'retry'` polls again,
   * `false` fails the wait with that error. Throwing fails the wait with what it throws.
   */
  until: WaitCondition<O>;
  /** Aborts the wait: the current attempt and the delay before the next (rejects with {@link AbortError}). */
  signal?: AbortSignal;
  /** Fails the wait ({@link WaiterTimeoutError}) rather than start an attempt later than this after the first. */
  maxWaitSeconds?: number;
  /** Seconds between attempts; the documented delay by default. */
  delaySeconds?: number;
  /** Attempts at most; the documented number by default. */
  maxAttempts?: number;
}

/** How a wait ended well: the attempt that decided it, and its output or error. */
export interface WaitResult<O> {
  state: 'success';
  attempts: number;
  output?: O;
  error?: ServiceError;
}

/** A wait that ran out of attempts or of time before its condition held. */
export class WaiterTimeoutError extends Error {
  readonly waiter: string;
  readonly attempts: number;
  /** The last attempt's output, or the service error it failed with. */
  readonly lastOutput?: unknown;
  readonly lastError?: ServiceError;

  constructor(waiter: string, attempts: number, why: string, last: { output?: unknown; error?: ServiceError }) {
    super(`waiter ${waiter}: ${why} after ${attempts} attempt${attempts === 1 ? '' : 's'}`, last.error ? { cause: last.error } : undefined);
    this.name = 'WaiterTimeoutError';
    this.waiter = waiter;
    this.attempts = attempts;
    if ('output' in last) this.lastOutput = last.output;
    if (last.error) this.lastError = last.error;
  }
}

/** The documented facts of a waiter. */
export interface WaiterSpec {
  name: string;
  delaySeconds: number;
  maxAttempts: number;
}

/**
 * Calls `attempt` until `options.until` ends the wait, sleeping the delay between attempts. Errors
 * other than service errors (network, validation, abort) fail the wait at once.
 */
export async function wait<O>(spec: WaiterSpec, attempt: (signal: AbortSignal | undefined) => Promise<O>, options: WaitOptions<O>): Promise<WaitResult<O>> {
  const delay = options.delaySeconds ?? spec.delaySeconds;
  const maxAttempts = options.maxAttempts ?? spec.maxAttempts;
  const { signal } = options;
  const started = Date.now();
  let last: { output?: O; error?: ServiceError } = {};
  for (let n = 1; n <= maxAttempts; n++) {
    if (signal?.aborted) throw new AbortError(`waiter ${spec.name} aborted`, { attempts: n - 1 }, { cause: signal.reason });
    let output: O | undefined;
    let error: ServiceError | undefined;
    try {
      output = await attempt(signal);
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      error = e;
    }
    const verdict = options.until(output, error);
    if (verdict === true) return { state: 'success', attempts: n, ...(error ? { error } : { output: output as O }) };
    if (error && verdict === false) throw error;
    last = error ? { error } : { output: output as O };
    if (n === maxAttempts) break;
    const elapsed = (Date.now() - started) / 1000;
    if (options.maxWaitSeconds !== undefined && elapsed + delay > options.maxWaitSeconds) {
      throw new WaiterTimeoutError(spec.name, n, `the next attempt would start after maxWaitSeconds (${options.maxWaitSeconds} s)`, last);
    }
    try {
      await sleep(delay * 1000, signal);
    } catch (cause) {
      throw new AbortError(`waiter ${spec.name} aborted`, { attempts: n }, { cause });
    }
  }
  throw new WaiterTimeoutError(spec.name, maxAttempts, 'the condition did not hold', last);
}
