/**
 * "Standard" retry policy: which failures are transient, and how long to wait before trying again.
 *
 * @packageDocumentation
 */
import { NetworkError, ServiceError, TimeoutError } from './errors.ts';

/** Retry tuning and test hooks. Defaults: base 100 ms (throttling 500 ms), cap 20 s, real timers, `Math.random`. */
export interface RetryTuning {
  /** Backoff base, ms. Default 100. */
  baseDelayMs?: number;
  /** Backoff base after a throttling error (429, `ThrottlingException`, …), ms. Default 500. */
  throttlingBaseDelayMs?: number;
  /** Backoff cap, ms. Default 20 000. */
  maxDelayMs?: number;
  /** Waits `ms` (rejecting when `signal` aborts). Injectable so tests need not wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform random in [0, 1). Injectable so tests can check the bounds of the jitter. */
  random?: () => number;
  /** The retry quota (token bucket) to draw from; share one between clients to pool it. Default: one per client, of 500. */
  quota?: RetryQuota;
}

/** Codes that mean "slow down": retried with the throttling base delay (500 ms). */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
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
]);

/** Codes that mean "try again" regardless of the HTTP status they come with: throttling and transient ones. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([...THROTTLING_CODES, 'RequestExpired', 'RequestTimeout', 'RequestTimeoutException']);

/**
 * Codes a service answers when the request's signing time is too far from its clock (the AWS SDK v3
 * list); with a `Date` header 5 minutes or more away from ours, the client corrects its clock and
 * retries once ({@link skewCorrection}).
 */
export const CLOCK_SKEW_CODES: ReadonlySet<string> = new Set([
  'AuthFailure',
  'InvalidSignatureException',
  'RequestExpired',
  'RequestInTheFuture',
  'RequestTimeTooSkewed',
  'SignatureDoesNotMatch',
]);

/** Why a failure may be retried: it decides the backoff base and the retry quota's cost. */
export type RetryKind = 'throttling' | 'timeout' | 'transient';

/**
 * The kind of a retryable failure, or undefined when it must not be retried: throttling (429 or a
 * throttling code), timeout (a per-attempt timeout), transient (5xx, a transient code, a network
 * error); never other 4xx.
 */
export function retryKind(err: unknown): RetryKind | undefined {
  if (err instanceof ServiceError) {
    const s = err.$metadata.httpStatusCode ?? 0;
    if (s === 429 || THROTTLING_CODES.has(err.code)) return 'throttling';
    return s >= 500 || RETRYABLE_CODES.has(err.code) ? 'transient' : undefined;
  }
  return err instanceof TimeoutError ? 'timeout' : err instanceof NetworkError ? 'transient' : undefined;
}

/** True for throttling, 429, 5xx, network errors and per-attempt timeouts; never for other 4xx. */
export function isRetryable(err: unknown): boolean {
  return retryKind(err) !== undefined;
}

/**
 * The standard retry mode's retry quota, a token bucket shared by every call of a client (AWS SDKs'
 * "retry quota"; botocore `retries/quota.py` and `standard.py` `RetryQuotaChecker`): 500 tokens; a
 * retry takes 5, a retry after a timeout 10; when the bucket cannot pay, the call fails with its
 * error instead of retrying. A call that succeeds gives back what its last retry took, or 1 when it
 * was not retried; never above the initial capacity. A call that fails gives nothing back. So a
 * service that keeps failing stops being retried by all of the client's calls at once, and recovers
 * as calls succeed again.
 */
export class RetryQuota {
  #available: number;
  readonly #capacity: number;

  /** @param capacity - tokens at start and at most. Default 500. */
  constructor(capacity = 500) {
    this.#available = this.#capacity = capacity;
  }

  /** Tokens left. */
  get available(): number {
    return this.#available;
  }

  /** Takes the cost of a retry after a failure of `kind`: the amount taken, or 0 when there are not enough tokens (no retry). */
  acquire(kind: RetryKind): number {
    const cost = kind === 'timeout' ? 10 : 5;
    if (cost > this.#available) return 0;
    this.#available -= cost;
    return cost;
  }

  /** After a call's successful response: gives back `lastCost` (what its last retry took), or 1 when it was not retried (`0`). */
  release(lastCost: number): void {
    this.#available = Math.min(this.#capacity, this.#available + (lastCost || 1));
  }
}

/**
 * Full-jitter exponential backoff: `min(cap, random() × base × 2^retry)` ms, floored, where `retry`
 * counts from 0 for the first retry (the SDKs' `t_i = min(rand × b × 2^i, MAX_BACKOFF)`). Full jitter
 * spreads a herd of throttled clients best (AWS Architecture Blog, "Exponential Backoff And Jitter").
 * `base` defaults to `tuning.baseDelayMs` (100).
 */
export function backoffDelay(retry: number, tuning: RetryTuning = {}, base: number = tuning.baseDelayMs ?? 100): number {
  const cap = tuning.maxDelayMs ?? 20_000;
  const random = tuning.random ?? Math.random;
  return Math.floor(Math.min(cap, random() * base * 2 ** retry));
}

/**
 * The clock offset (ms, server minus local) a service's skew error asks for: when `error` has a clock
 * skew code and the response's `Date` header is 5 minutes or more away from the client's clock (`now`
 * plus the `offset` already applied), `Date − now`; else undefined.
 */
export function skewCorrection(error: unknown, date: string | null | undefined, now: number, offset: number): number | undefined {
  if (!(error instanceof ServiceError) || !CLOCK_SKEW_CODES.has(error.code) || !date) return undefined;
  const server = Date.parse(date);
  return Math.abs(server - (now + offset)) >= 300_000 ? server - now : undefined;
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
 * How long to wait before retry number `retry` (from 0): the full-jitter backoff (base 500 ms after a
 * throttling error, else 100 ms), or longer when the service said when to come back (`Retry-After`),
 * never more than the cap (`maxDelayMs`, 20 s) so a service cannot park a client for hours.
 */
export function retryDelay(retry: number, tuning: RetryTuning = {}, retryAfter?: number, throttled = false): number {
  const backoff = backoffDelay(retry, tuning, throttled ? (tuning.throttlingBaseDelayMs ?? 500) : undefined);
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
