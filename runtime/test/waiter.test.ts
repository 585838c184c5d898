/**
 * Waiters on vitest's fake clock: the documented delay between attempts, the attempt limit, the
 * caller's condition deciding on outputs and on typed service errors, maxWaitSeconds, and abort —
 * during an attempt and during the delay.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError, ServiceError, wait, WaiterTimeoutError } from '../src/index.ts';

class ResourceNotFoundException extends ServiceError {}
const notFound = () => new ResourceNotFoundException({ code: 'ResourceNotFoundException', message: 'no table', $metadata: { attempts: 1, httpStatusCode: 400 } });
const spec = { name: 'TableExists', delaySeconds: 20, maxAttempts: 25 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** An operation answering from a script, one reply per attempt, recording when each attempt started. */
function scripted(...replies: ({ TableStatus: string } | Error)[]) {
  const started: number[] = [];
  const attempt = async () => {
    started.push(Date.now());
    const r = replies.shift();
    if (r === undefined) throw new Error('no reply left');
    if (r instanceof Error) throw r;
    return r;
  };
  return { attempt, started };
}

describe('wait', () => {
  it('polls every documented delay until the condition holds, and returns the deciding output', async () => {
    const t0 = Date.now();
    const { attempt, started } = scripted({ TableStatus: 'CREATING' }, { TableStatus: 'CREATING' }, { TableStatus: 'ACTIVE' });
    const done = wait(spec, attempt, { until: (out) => out?.TableStatus === 'ACTIVE' });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toEqual({ state: 'success', attempts: 3, output: { TableStatus: 'ACTIVE' } });
    expect(started.map((s) => (s - t0) / 1000)).toEqual([0, 20, 40]);
  });

  it('a typed error can be the state waited for (TableNotExists), be retried, or fail the wait', async () => {
    const gone = scripted({ TableStatus: 'DELETING' }, notFound());
    const p1 = wait(spec, gone.attempt, { until: (_out, e) => e instanceof ResourceNotFoundException });
    await vi.runAllTimersAsync();
    const r = await p1;
    expect(r.attempts).toBe(2);
    expect(r.error).toBeInstanceOf(ResourceNotFoundException);

    const retried = scripted(notFound(), { TableStatus: 'ACTIVE' });
    const p2 = wait(spec, retried.attempt, { until: (out, e) => (e ? 'retry' : out?.TableStatus === 'ACTIVE') });
    await vi.runAllTimersAsync();
    await expect(p2).resolves.toMatchObject({ attempts: 2, output: { TableStatus: 'ACTIVE' } });

    const failing = scripted(notFound());
    const p3 = wait(spec, failing.attempt, { until: (out) => out?.TableStatus === 'ACTIVE' }).catch((x: unknown) => x);
    await vi.runAllTimersAsync();
    expect(await p3).toBeInstanceOf(ResourceNotFoundException);
  });

  it('errors that are not service errors fail the wait at once', async () => {
    const { attempt, started } = scripted(new TypeError('socket'));
    await expect(wait(spec, attempt, { until: () => 'retry' })).rejects.toThrow(TypeError);
    expect(started).toHaveLength(1);
  });

  it('runs out after maxAttempts with a WaiterTimeoutError holding the last output', async () => {
    const { attempt, started } = scripted(...Array.from({ length: 3 }, () => ({ TableStatus: 'CREATING' })));
    const p = wait(spec, attempt, { until: () => false, maxAttempts: 3 }).catch((x: unknown) => x);
    await vi.runAllTimersAsync();
    const e = (await p) as WaiterTimeoutError;
    expect(e).toBeInstanceOf(WaiterTimeoutError);
    expect(e).toMatchObject({ name: 'WaiterTimeoutError', waiter: 'TableExists', attempts: 3, lastOutput: { TableStatus: 'CREATING' } });
    expect(started).toHaveLength(3);
  });

  it('maxWaitSeconds: no attempt starts after it', async () => {
    const { attempt, started } = scripted(...Array.from({ length: 10 }, () => ({ TableStatus: 'CREATING' })));
    const p = wait(spec, attempt, { until: () => false, maxWaitSeconds: 50 }).catch((x: unknown) => x);
    await vi.runAllTimersAsync();
    expect(await p).toMatchObject({ name: 'WaiterTimeoutError', attempts: 3 });
    expect(started).toHaveLength(3); // at 0, 20, 40 s; the next would start at 60 s
  });

  it('aborts during the delay with an AbortError, and makes no further attempt', async () => {
    const controller = new AbortController();
    const { attempt, started } = scripted({ TableStatus: 'CREATING' }, { TableStatus: 'ACTIVE' });
    const p = wait(spec, attempt, { until: (out) => out?.TableStatus === 'ACTIVE', signal: controller.signal }).catch((x: unknown) => x);
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort();
    await vi.runAllTimersAsync();
    expect(await p).toBeInstanceOf(AbortError);
    expect(started).toHaveLength(1);
  });

  it('the signal reaches each attempt; an already aborted signal makes none', async () => {
    const controller = new AbortController();
    controller.abort();
    const seen: (AbortSignal | undefined)[] = [];
    await expect(wait(spec, async (signal) => void seen.push(signal), { until: () => true, signal: controller.signal })).rejects.toThrow(AbortError);
    expect(seen).toEqual([]);
    const live = new AbortController();
    await wait(spec, async (signal) => void seen.push(signal), { until: () => true, signal: live.signal });
    expect(seen).toEqual([live.signal]);
  });
});
