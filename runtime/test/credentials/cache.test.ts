import { describe, expect, it } from 'vitest';
import { cachedProvider, REFRESH_BEFORE_MS } from '../../src/credentials/cache.ts';
import type { Credentials } from '../../src/config.ts';

// An injected clock: no test waits.
function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), start };
}

describe('cachedProvider', () => {
  it('without expiration: the provider is called once, whatever the clock', async () => {
    const c = clock();
    let calls = 0;
    const p = cachedProvider(async () => ({ accessKeyId: `AKID${++calls}`, secretAccessKey: 's' }), { now: c.now });
    expect((await p()).accessKeyId).toBe('AKID1');
    c.advance(365 * 86_400_000);
    expect((await p()).accessKeyId).toBe('AKID1');
    expect(calls).toBe(1);
  });

  it('with expiration: kept until 5 minutes before it, then fetched again', async () => {
    const c = clock();
    let calls = 0;
    const p = cachedProvider(async () => ({ accessKeyId: `AKID${++calls}`, secretAccessKey: 's', expiration: new Date(c.now() + 3_600_000) }), { now: c.now });
    await p();
    c.advance(3_600_000 - REFRESH_BEFORE_MS - 1); // 1 ms before the refresh point
    expect((await p()).accessKeyId).toBe('AKID1');
    c.advance(1); // at it
    expect((await p()).accessKeyId).toBe('AKID2');
    expect((await p()).accessKeyId).toBe('AKID2');
    expect(calls).toBe(2);
  });

  it('concurrent calls share one pending fetch', async () => {
    let calls = 0;
    let release!: (c: Credentials) => void;
    const p = cachedProvider(() => (calls++, new Promise<Credentials>((r) => (release = r))));
    const all = Promise.all([p(), p(), p()]);
    release({ accessKeyId: 'A', secretAccessKey: 's' });
    expect((await all).map((c) => c.accessKeyId)).toEqual(['A', 'A', 'A']);
    expect(calls).toBe(1);
  });

  it('a failure is not kept: the next call asks again; a throwing provider rejects (does not throw synchronously)', async () => {
    let calls = 0;
    const p = cachedProvider(() => {
      if (++calls === 1) throw new Error('first fails');
      return Promise.resolve({ accessKeyId: 'B', secretAccessKey: 's' });
    });
    await expect(p()).rejects.toThrow('first fails');
    expect((await p()).accessKeyId).toBe('B');
    expect(calls).toBe(2);
  });
});
