/**
 * A `generate` killed at any moment leaves the output folder as it was or as the finished run
 * would leave it — never a mix, never half a file. The old tree here is generated from one
 * service, the new run generates four, so the two states differ; the process is killed with
 * SIGKILL after a range of delays, so kills land while reading, emitting, writing the temporary
 * tree and around the swap. The next run first puts an interrupted swap back.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverInterruptedSwap } from '../../generator/emit/write-tree.ts';
import { tempDir } from './helpers.ts';

/** Every file under `dir` with its content, relative paths sorted. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Runs `docsdk generate` into `out`; kills it after `killAfterMs` (undefined: let it finish). */
function generate(out: string, cache: string, paths: string[], killAfterMs?: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/docsdk.js', 'generate', ...paths, '--out', out, '--cache-dir', cache], { stdio: 'ignore' });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('generate killed mid-run', () => {
  it('leaves the old tree or the new one, whole, whenever it is killed', async () => {
    const root = tempDir('docsdk-kill-');
    const oldOut = path.join(root, 'old');
    const newOut = path.join(root, 'new');
    expect(await generate(oldOut, path.join(root, 'cache-old'), ['specs/aws/odb'])).toBe(0);
    expect(await generate(newOut, path.join(root, 'cache-new'), ['specs'])).toBe(0);
    const before = snapshot(oldOut);
    const after = snapshot(newOut);
    expect(Object.keys(before).some((f) => f.startsWith('aws-odb/'))).toBe(true);
    expect(Object.keys(after).some((f) => f.startsWith('baidu-vpc/'))).toBe(true);

    const outcomes = { old: 0, new: 0 };
    for (const delay of [150, 400, 700, 1000, 1300, 1600, 2000, 2500, 3000, 4000]) {
      const out = path.join(root, `run-${delay}`);
      expect(await generate(out, path.join(root, `cache-${delay}-a`), ['specs/aws/odb'])).toBe(0);
      // A fresh cache per run: every run really reads, emits and writes.
      await generate(out, path.join(root, `cache-${delay}-b`), ['specs'], delay);
      recoverInterruptedSwap(out);
      const state = snapshot(out);
      if (JSON.stringify(state) === JSON.stringify(before)) outcomes.old++;
      else {
        expect(state).toEqual(after);
        outcomes.new++;
      }
      // Nothing left beside the output folder but the output folder itself.
      expect(readdirSync(root).filter((n) => n.startsWith(`.run-${delay}`))).toEqual([]);
    }
    // The delays must have caught runs before they finished, or the test shows nothing.
    expect(outcomes.old).toBeGreaterThan(0);
  }, 180_000);
});
