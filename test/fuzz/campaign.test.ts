/**
 * The short fuzz campaign CI runs inside `npm run test:all`: a fixed seed, so a failure here is
 * reproducible with `npm run fuzz -- --seed 8 --count 300` (the full local run is ≥ 100,000
 * inputs, bench/fuzz.md). Also the campaign's own bounds: a hang is cut at its deadline.
 */
import { describe, expect, it } from 'vitest';
import { checkPage } from './check.ts';
import { runCampaign } from './campaign.ts';
import { grow, HUGE_BYTES, seedText } from './mutations.ts';
import { loadSeeds, seedOf } from './seeds.ts';

describe('fuzz campaign (fixed seed)', () => {
  it('300 mutated pages: no crash, no hang, every IR valid and every diagnostic located', async () => {
    const result = await runCampaign({ seed: 8, count: 300 });
    expect(result.tried).toBe(300);
    expect(result.crashes).toEqual([]);
    expect(result.hangs).toEqual([]);
    expect(result.violations).toEqual([]);
  }, 60_000);

  it('an input over its deadline is a hang: the thread is ended and replaced, the campaign goes on', async () => {
    const result = await runCampaign({ seed: 8, count: 2, deadlineMs: 0 });
    expect(result.hangs.map((h) => [h.index, h.message])).toEqual([
      [0, 'no answer within 0 ms'],
      [1, 'no answer within 0 ms'],
    ]);
    expect(result.crashes).toEqual([]);
  }, 60_000);

  it('a 50 MB page (a rendered page repeated) is read within its bound, with located diagnostics', async () => {
    const file = 'specs/aws/directconnect/describe_hosted_connections.txt';
    const seed = seedOf(file);
    const text = grow(seedText(seed.bytes));
    expect(text.length).toBe(HUGE_BYTES);
    const outcome = checkPage(seed, text);
    expect(outcome.violations).toEqual([]);
    expect(outcome.operations).toBe(1);
    expect(outcome.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    // The bound is the campaign's own (its defaults: 10 s + 2 s per MB for a 50 MB page): the same page,
    // grown in the reading thread, must not be cut off as a hang (this reading takes a few seconds).
    const result = await runCampaign({ seed: 8, inputs: [{ seed: loadSeeds().findIndex((s) => s.file === file), mutations: [], huge: true }] });
    expect(result.tried).toBe(1);
    expect(result.huge).toBe(1);
    expect(result.largest).toBe(HUGE_BYTES);
    expect(result.hangs).toEqual([]);
    expect(result.crashes).toEqual([]);
    expect(result.violations).toEqual([]);
  }, 180_000);
});
