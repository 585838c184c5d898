/**
 * Running one benchmark phase as a child process under `/usr/bin/time -v`: wall time and peak RSS
 * of the whole process (its worker threads included), measured from outside.
 */
import { spawnSync } from 'node:child_process';

/** What a phase cost, and what it printed. */
export interface Measured {
  wallSeconds: number;
  /** User + system CPU seconds of the process and its threads: what the work costs whatever else the machine runs. */
  cpuSeconds: number;
  maxRssMb: number;
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Runs `command` with `args` under `/usr/bin/time -v` (in `cwd`). */
export function measure(command: string, args: readonly string[], cwd = process.cwd()): Measured {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  return {
    wallSeconds: wall,
    cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : NaN,
    maxRssMb: rss ? Number(rss[1]) / 1024 : NaN,
    stdout: r.stdout ?? '',
    stderr: (r.stderr ?? '').replace(/\n\tCommand being timed:[\s\S]*$/, ''),
    status: r.status,
  };
}
