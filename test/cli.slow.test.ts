/**
 * The CLI as a program (a child process; full tier, see vitest.config.ts). The in-process CLI tests
 * are in cli.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('bin/docsdk.js', () => {
  it('runs as a program: --version, and a bad input exits 1 without a stack trace', () => {
    const version = spawnSync(process.execPath, ['bin/docsdk.js', '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = spawnSync(process.execPath, ['bin/docsdk.js', 'ir', 'test/fixtures/bad/truncated'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
