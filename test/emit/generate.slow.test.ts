/**
 * `docsdk generate`, the slow half (full tier, see vitest.config.ts): a run that fails type-checking
 * leaves the output folder as it was. The rest is in generate.test.ts.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { hostileIR } from './fixtures/hostile-ir.ts';
import { generateIR, snapshot, tempDir } from './helpers.ts';

describe('atomic output', () => {
  test('a run that fails type-checking writes nothing; a good run replaces the whole folder', async () => {
    const out = path.join(tempDir(), 'generated');
    mkdirSync(out);
    writeFileSync(path.join(out, 'stale.txt'), 'old');
    const broken = structuredClone(hostileIR);
    // A member whose target shape does not exist types as `unknown` but is still valid; an input shape
    // that is not a structure is not: the client method's input type is a union of primitives.
    broken.services[0]!.operations[1]!.input = 'String';
    const bad = await generateIR(broken, out, true);
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(snapshot(out)).toEqual(new Map([['stale.txt', 'old']]));

    const good = await generateIR(hostileIR, out, true);
    expect(good.problems).toEqual([]);
    expect(existsSync(path.join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(path.join(out, 'aws-hostile/src/client.ts'))).toBe(true);
    expect(readdirSync(path.dirname(out))).toEqual(['generated']);
  });
});
