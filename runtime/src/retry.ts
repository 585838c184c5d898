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

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds (`120`) or an HTTP-date, measured from
 * `now`; undefined when absent or unreadable (RFC 9110 §10.2.3). A date in the past asks for no wait.
 */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (!/[a-z]/i.test(text) || Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (from 0): the full-jitter backoff, or longer when the
 * service said when to come back (`Retry-After`), never more than the cap (`maxDelayMs`, 20 s) so a
 * service cannot park a client for hours.
 */
export function retryDelay(retry: number, tuning: RetryTuning = {}, retryAfter?: number): number {
  const backoff = backoffDelay(retry, tuning);
  if (retryAfter === undefined) return backoff;
  return Math.min(tuning.maxDelayMs ?? 20_000, Math.max(backoff, retryAfter));
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
