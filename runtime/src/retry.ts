/**
 * "Standard" retry policy: which failures are transient, and how long to wait before trying again.
 *
 * @packageDocumentation
 */
import type { RetryTuning } from './config.ts';
import { NetworkError, ServiceError, TimeoutError } from './errors.ts';

/** Codes that mean "slow down" or "try again" regardless of the HTTP status they come with. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'TooManyRequests',
  'RequestThrottled',
  'RequestThrottledException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'SlowDown',
  'RequestExpired',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** True for throttling, 429, 5xx, network errors and per-attempt timeouts; never for other 4xx. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof ServiceError) {
    const s = err.$metadata.httpStatusCode ?? 0;
    return s === 429 || s >= 500 || RETRYABLE_CODES.has(err.code);
  }
  return err instanceof NetworkError || err instanceof TimeoutError;
}

/**
 * Full-jitter exponential backoff: a uniform delay in [0, min(cap, base × 2^retry)) ms, where `retry`
 * counts from 0 for the first retry. Full jitter spreads a herd of throttled clients best (AWS
 * Architecture Blog, "Exponential Backoff And Jitter").
 */
export function backoffDelay(retry: number, tuning: RetryTuning = {}): number {
  const base = tuning.baseDelayMs ?? 100;
  const cap = tuning.maxDelayMs ?? 20_000;
  const random = tuning.random ?? Math.random;
  return Math.floor(random() * Math.min(cap, base * 2 ** retry));
}

/** Waits `ms`, rejecting with the signal's reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
