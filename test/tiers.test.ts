/**
 * The test tiers of vitest.config.ts: every file the full tier alone runs exists, so renaming a slow
 * file can't drop it into the fast tier (`npm test`) without this failing.
 */
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SLOW } from '../vitest.config.ts';

describe('test tiers', () => {
  test('every slow-tier path names an existing test file', () => {
    expect(SLOW.length).toBeGreaterThan(0);
    expect(SLOW.filter((f) => !f.endsWith('.test.ts') || !existsSync(f))).toEqual([]);
  });
});
