/**
 * One HTTP attempt over `fetch`, with the caller's abort signal and a per-attempt timeout covering both
 * the response headers and the body (a server that stalls mid-body is a timeout too).
 *
 * @packageDocumentation
 */

/** What one attempt produced. */
export interface WireResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** Why an attempt failed without a response. */
export type AttemptFailure =
  | { kind: 'aborted'; cause: unknown }
  | { kind: 'timeout'; cause: unknown }
  | { kind: 'network'; cause: unknown };

/** Sends one request; resolves to the response, or rejects with an {@link AttemptFailure}. */
export async function sendOnce(
  fetchImpl: typeof fetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): Promise<WireResponse> {
  if (signal?.aborted) throw { kind: 'aborted', cause: signal.reason } satisfies AttemptFailure;
  const timed = timeoutMs !== undefined && timeoutMs > 0;
  if (!signal && !timed) {
    // Nothing can cancel this attempt: skip the controller (measurable on the per-call fast path).
    try {
      const res = await fetchImpl(url, init);
      return { status: res.status, headers: res.headers, body: await res.text() };
    } catch (cause) {
      throw { kind: 'network', cause } satisfies AttemptFailure;
    }
  }
  // One controller per attempt, aborted by the caller's signal or by the timer; we remember which.
  const ctl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctl.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timed
      ? setTimeout(() => {
          timedOut = true;
          ctl.abort();
        }, timeoutMs)
      : undefined;
  try {
    const res = await fetchImpl(url, { ...init, signal: ctl.signal });
    const body = await res.text();
    return { status: res.status, headers: res.headers, body };
  } catch (cause) {
    const kind = timedOut ? 'timeout' : signal?.aborted ? 'aborted' : 'network';
    throw { kind, cause } satisfies AttemptFailure;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
