/**
 * Progress of long runs (issue 16 §7): on a terminal a bar redrawn in place (phase, bar, done/total),
 * elsewhere plain lines at phase start and end and at most once per interval, nothing with --quiet.
 * The terminal is a stand-in stream with isTTY set (cli-progress draws with ANSI codes to it); the
 * clock of the plain lines is injected, and cli-progress's timers are vitest's fake ones: no test
 * waits for real time.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { runCli } from '../generator/cli.ts';
import type { ProgressEvent } from '../generator/pipeline/run.ts';
import { progressReporter, type ProgressStream } from '../generator/progress.ts';
import { tempDir } from './emit/helpers.ts';

/** A stream that records what is written; a terminal when `isTTY`. */
function recorder(isTTY: boolean): ProgressStream & { text: string } {
  const stream = { isTTY, columns: 100, text: '', write: (t: string) => ((stream.text += t), true) };
  return stream;
}

/** What a terminal shows of `text`: each line's last redraw, ANSI control sequences removed. */
function screen(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  // Moving the cursor to a column (readline.cursorTo) starts the line over, as a carriage return does.
  const plain = text.replace(/\x1b\[\d*G/g, '\r').replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '');
  return plain.split('\n').map((line) => line.split('\r').filter((part) => part !== '').at(-1) ?? '').filter((l) => l.trim() !== '');
}

const reading = (done: number, total: number): ProgressEvent => ({ phase: 'reading', done, total, unit: 'documents' });
const generating = (done: number, total: number): ProgressEvent => ({ phase: 'generating', done, total, unit: 'services' });

describe('on a terminal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('one bar per phase, redrawn in place: phase, bar, done/total', () => {
    const tty = recorder(true);
    const progress = progressReporter(tty);
    progress.update(reading(0, 4));
    progress.update(reading(1, 4));
    progress.update(reading(2, 4));
    vi.advanceTimersByTime(100); // cli-progress redraws on its timer, 10 times a second
    expect(screen(tty.text)).toEqual([`reading    ${'█'.repeat(15)}${'░'.repeat(15)} 2/4 documents`]);
    progress.update(reading(4, 4));
    progress.update(generating(0, 3));
    progress.update(generating(3, 3));
    progress.stop();
    expect(screen(tty.text)).toEqual([`reading    ${'█'.repeat(30)} 4/4 documents`, `generating ${'█'.repeat(30)} 3/3 services`]);
    // Redrawn in place, three frames on one line: at start (0/4), on the timer's tick (2/4), when the phase ends (4/4).
    expect(tty.text.split('\n')[0]!.match(/\x1b\[1G/g)?.length).toBe(3);
    vi.runAllTimers();
  });
});

describe('off a terminal', () => {
  test('a line at each phase start and end, and at most one per interval between', () => {
    const log = recorder(false);
    let now = 0;
    const progress = progressReporter(log, { now: () => now, intervalMs: 1000 });
    progress.update(reading(0, 30));
    for (let i = 1; i <= 30; i++) {
      now += 100; // 30 documents, one every 100 ms: a line per second, not per document
      progress.update(reading(i, 30));
    }
    progress.update(generating(0, 2));
    progress.update(generating(1, 2));
    progress.update(generating(2, 2));
    progress.stop();
    expect(log.text.split('\n')).toEqual([
      'docsdk: reading 0/30 documents',
      'docsdk: reading 10/30 documents',
      'docsdk: reading 20/30 documents',
      'docsdk: reading 30/30 documents',
      'docsdk: generating 0/2 services',
      'docsdk: generating 2/2 services',
      '',
    ]);
  });

  test('--quiet shows nothing, on a terminal or not', () => {
    for (const stream of [recorder(true), recorder(false)]) {
      const progress = progressReporter(stream, { quiet: true });
      progress.update(reading(0, 1));
      progress.update(reading(1, 1));
      progress.stop();
      expect(stream.text).toBe('');
    }
  });
});

describe('the CLI', () => {
  const run = async (progress: ProgressStream, ...argv: string[]) => {
    let stdout = '';
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: () => {}, progress, progressClock: { now: () => 0, intervalMs: 1000 } });
    return { code, stdout };
  };

  test('generate and check report their phases off a terminal, and nothing with --quiet', async () => {
    const out = `${tempDir('docsdk-progress-')}/generated`;
    const log = recorder(false);
    expect((await run(log, 'generate', 'specs', '--out', out, '--no-cache')).code).toBe(0);
    const documents = log.text.match(/^docsdk: reading 0\/(\d+) documents$/m)?.[1];
    expect(log.text).toBe(`docsdk: reading 0/${documents} documents\ndocsdk: reading ${documents}/${documents} documents\ndocsdk: generating 0/4 services\ndocsdk: generating 4/4 services\n`);

    // check runs the same pipeline, into memory: the same phases.
    const checked = recorder(false);
    expect((await run(checked, 'check', 'specs', '--out', out)).code).toBe(0);
    expect(checked.text).toBe(log.text);

    const quiet = recorder(false);
    const r = await run(quiet, 'generate', 'specs', '--out', out, '--no-cache', '--quiet');
    expect(r).toEqual({ code: 0, stdout: '' });
    expect(quiet.text).toBe('');
  });
});
