/**
 * What a long run shows while it works (issue 16 §7): on a terminal, one line redrawn in place —
 * the phase, a bar and items done of total (`cli-progress`); elsewhere (CI logs, a pipe) a plain line
 * when a phase starts, at most every `intervalMs` while it runs, and when it ends; nothing with
 * `--quiet`. Progress goes to stderr: stdout carries what the command prints (package lines, IR).
 *
 * @packageDocumentation
 */
import cliProgress from "cli-progress";
import type { ProgressEvent } from "./pipeline/run.ts";

/** Where progress is written: a terminal when `isTTY` (process.stderr, or a test's stand-in). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Options of {@link progressReporter}. */
export interface ProgressOptions {
  /** Show nothing. */
  quiet?: boolean;
  /** The clock of the plain lines (injectable: tests give their own). */
  now?: () => number;
  /** Least time between two plain lines of one phase, in ms (default 2000). */
  intervalMs?: number;
}

/** Takes a run's progress events; `stop` ends the display (the bar's last state stays on screen). */
export interface ProgressReporter {
  update(event: ProgressEvent): void;
  stop(): void;
}

const NOTHING: ProgressReporter = { update() {}, stop() {} };

/** A reporter writing to `stream` as the module comment says. */
export function progressReporter(
  stream: ProgressStream,
  options: ProgressOptions = {},
): ProgressReporter {
  if (options.quiet) return NOTHING;
  return stream.isTTY
    ? terminalReporter(stream)
    : plainReporter(
        stream,
        options.now ?? Date.now,
        options.intervalMs ?? 2000,
      );
}

/** One bar per phase, redrawn in place; a finished phase's bar stays, the next starts below it. */
function terminalReporter(stream: ProgressStream): ProgressReporter {
  let bar: cliProgress.SingleBar | undefined;
  let phase: string | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
    phase = undefined;
  };
  return {
    update(event) {
      const key = `${event.phase}:${event.unit}`;
      if (key !== phase) {
        stop();
        phase = key;
        const barOptions: cliProgress.Options = {
          stream: stream as NodeJS.WritableStream,
          format: `${event.phase.padEnd(10)} {bar} {value}/{total} ${event.unit}`,
          barsize: 30,
          hideCursor: false,
          clearOnComplete: false,
          // Redrawn at most 10 times a second (cli-progress's default fps), on its own timer.
          fps: 10,
        };
        bar = new cliProgress.SingleBar(
          barOptions,
          cliProgress.Presets.shades_classic,
        );
        bar.start(event.total, event.done);
        return;
      }
      bar!.update(event.done);
    },
    stop,
  };
}

/** A line when a phase starts, ends, or has gone on `intervalMs` since its last line. */
function plainReporter(
  stream: ProgressStream,
  now: () => number,
  intervalMs: number,
): ProgressReporter {
  let phase: string | undefined;
  let last = -Infinity;
  return {
    update(event) {
      const key = `${event.phase}:${event.unit}`;
      const t = now();
      const starts = key !== phase;
      if (!starts && event.done < event.total && t - last < intervalMs) return;
      // A phase's start line is not repeated by its first item.
      if (!starts && event.done === 0) return;
      phase = key;
      last = t;
      stream.write(
        `docsdk: ${event.phase} ${event.done}/${event.total} ${event.unit}\n`,
      );
    },
    stop() {},
  };
}
