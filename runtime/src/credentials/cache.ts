/**
 * Credentials kept between calls: a provider is called once, and again only when its credentials'
 * `expiration` is near (5 minutes before, as the AWS SDKs refresh) — never on every request.
 * Concurrent calls share one pending fetch; a failed fetch is not kept (the next call tries again).
 *
 * @packageDocumentation
 */
import type { Credentials, CredentialsProvider } from './types.ts';

/** How long before `expiration` credentials are fetched again: 5 minutes. */
export const REFRESH_BEFORE_MS = 5 * 60_000;

/** Test seams of {@link cachedProvider}. */
export interface CacheOptions {
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Refresh this long before `expiration`, ms. Default {@link REFRESH_BEFORE_MS}. */
  refreshBeforeMs?: number;
}

/**
 * `load`, called at most once per credentials lifetime: credentials without `expiration` are kept for
 * the provider's life; with one, until `refreshBeforeMs` before it.
 */
export function cachedProvider(load: CredentialsProvider, options: CacheOptions = {}): CredentialsProvider {
  const now = options.now ?? Date.now;
  const early = options.refreshBeforeMs ?? REFRESH_BEFORE_MS;
  let current: Promise<Credentials> | undefined;
  // When `current` must be fetched again (ms); +Infinity: never.
  let refreshAt = Number.POSITIVE_INFINITY;
  let pending = false;
  return () => {
    if (current && (pending || now() < refreshAt)) return current;
    pending = true;
    const fetching = (async () => load())().then(
      (creds) => {
        pending = false;
        const exp = creds?.expiration;
        refreshAt = exp instanceof Date && !Number.isNaN(exp.getTime()) ? exp.getTime() - early : Number.POSITIVE_INFINITY;
        return creds;
      },
      (e: unknown) => {
        pending = false;
        // Forget the failure: the next call asks the provider again.
        if (current === fetching) current = undefined;
        throw e;
      },
    );
    current = fetching;
    return fetching;
  };
}
