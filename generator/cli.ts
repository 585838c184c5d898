/**
 * The `docsdk` command line. Exit codes: 0 ok, 1 bad input (diagnostics on stderr, sorted,
 * `file:line:col: severity: message`), 2 usage errors.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';
import { runToIR } from './pipeline/load-ir.ts';
import { runPipeline, type PipelineResult } from './pipeline/run.ts';
import { TreeSink } from './pipeline/sink.ts';
import { readers } from './read/registry.ts';
import { progressReporter, type ProgressOptions, type ProgressReporter, type ProgressStream } from './progress.ts';
import type { IR } from './ir/model.ts';
import { registerReviewCommands } from './diff/commands.ts';
import { registerPackCommand } from './diff/pack.ts';
import { REPO_URL } from './repo.ts';

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;
const EXIT_USAGE = 2;

/** The generator's own version (from package.json). */
export const GENERATOR_VERSION: string = (
  JSON.parse(readFileSync(new URL('package.json', REPO_URL), 'utf8')) as { version: string }
).version;

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Where long runs show their progress (a terminal when `isTTY`); none: no progress. */
  progress?: ProgressStream;
  /** The clock and interval of the plain progress lines (tests inject them). */
  progressClock?: Pick<ProgressOptions, 'now' | 'intervalMs'>;
}

const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  progress: process.stderr,
};

/** A progress reporter for `io` (nothing with `--quiet` or without a progress stream). */
function reporterFor(io: CliIO, quiet: boolean | undefined): ProgressReporter {
  return progressReporter(io.progress ?? { write: () => true }, { quiet: quiet === true || io.progress === undefined, ...io.progressClock });
}

/** One line per service and the totals of an IR: what `docsdk ir --summary` prints instead of the IR. */
export function irSummary(ir: IR, diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  let operations = 0;
  let shapes = 0;
  for (const s of ir.services) {
    const n = Object.keys(s.shapes).length;
    operations += s.operations.length;
    shapes += n;
    lines.push(`${s.provider}-${s.id}: ${s.operations.length} operations, ${n} shapes, ${(s.warnings ?? []).length} warnings in the IR`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  lines.push(`${ir.services.length} services, ${operations} operations, ${shapes} shapes; diagnostics: ${errors} errors, ${diagnostics.length - errors} warnings`);
  return `${lines.join('\n')}\n`;
}

/** Prints diagnostics and tells whether they fail the run (errors; warnings too with --strict). */
function report(io: CliIO, diagnostics: readonly Diagnostic[], strict: boolean): boolean {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  return diagnostics.some((d) => d.severity === 'error' || strict);
}

/**
 * Reports what stopped a pipeline run — diagnostics, IR that violates its schema, problems — in that
 * order, with `nothingDone` after problems; true when the run failed. Every command that runs the
 * pipeline reports through here, so they fail alike.
 */
function failed(io: CliIO, result: PipelineResult, strict: boolean, nothingDone?: string): boolean {
  if (report(io, result.diagnostics, strict)) return true;
  for (const p of result.invalidIR) io.stderr(`internal error: produced IR violates its schema at ${p}\n`);
  if (result.invalidIR.length > 0) return true;
  for (const p of result.problems) io.stderr(`error: ${p}\n`);
  if (result.problems.length > 0) {
    if (nothingDone) io.stderr(`${nothingDone}\n`);
    return true;
  }
  return false;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('docsdk')
    .description('Turns API reference pages into typed TypeScript SDKs.')
    .version(GENERATOR_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText('after', `\nDocument formats (chosen by content):\n${readers.map((r) => `  ${r.format}: ${r.description}`).join('\n')}\n`);

  program
    .command('ir')
    .description('print the IR of the documents under PATH (files or folders, read recursively) as JSON')
    .argument('<paths...>', 'documents or folders of documents')
    .option('--strict', 'fail on warnings too')
    .option('--summary', 'print counts (services, operations, shapes, diagnostics) instead of the IR')
    .option('--quiet', 'show no progress')
    .action(async (paths: string[], opts: { strict?: boolean; summary?: boolean; quiet?: boolean }) => {
      const strict = opts.strict ?? false;
      const progress = reporterFor(io, opts.quiet);
      const { ir, result } = await runToIR(paths, { generatorVersion: GENERATOR_VERSION, strict, onProgress: (e) => progress.update(e) }).finally(() => progress.stop());
      // The IR of what could be read is printed even when the run fails (docs/ir.md, "Partial reading").
      if (failed(io, result, strict)) exitCode = EXIT_BAD_INPUT;
      const skipped = Object.entries(result.skipped).sort(([a], [b]) => (a < b ? -1 : 1));
      if (skipped.length > 0) io.stderr(`skipped (not client operations): ${skipped.map(([kind, n]) => `${n} ${kind}`).join(', ')}\n`);
      io.stdout(opts.summary ? irSummary(ir, result.diagnostics) : `${JSON.stringify(ir, null, 2)}\n`);
    });

  program
    .command('generate')
    .description('generate a client package per service from the documents under PATH (default: specs)')
    .argument('[paths...]', 'documents or folders of documents', ['specs'])
    .option('--strict', 'fail on warnings too')
    .option('--out <dir>', 'output folder: its packages for these services are replaced atomically, the others kept', 'generated')
    .option('--check-types', 'type-check every generated package (strict) before writing')
    .option('--cache-dir <dir>', 'cache of readings and packages: unchanged services are not read or emitted again', '.docsdk-cache')
    .option('--no-cache', 'read and emit everything, and leave the cache alone')
    .option('--keep-going', 'write the services without errors; one with errors keeps its package as it was (still exit 1)')
    .option('--allow-unconfigured', 'generate services without a service.json too (corpora of pages: their clients need an endpoint option)')
    .option('--quiet', 'show no progress and no line per package')
    .action(async (paths: string[], opts: { strict?: boolean; out: string; checkTypes?: boolean; cache: boolean; cacheDir: string; keepGoing?: boolean; allowUnconfigured?: boolean; quiet?: boolean }) => {
      const strict = opts.strict ?? false;
      const keepGoing = opts.keepGoing ?? false;
      const sink = new TreeSink(opts.out);
      const progress = reporterFor(io, opts.quiet);
      const result = await runPipeline(paths, sink, {
        generatorVersion: GENERATOR_VERSION,
        checkTypes: opts.checkTypes ?? false,
        strict,
        keepGoing,
        requireServices: true,
        allowUnconfigured: opts.allowUnconfigured ?? false,
        onProgress: (e) => progress.update(e),
        ...(opts.cache ? { cacheDir: opts.cacheDir } : {}),
      }).finally(() => progress.stop());
      const bad = failed(io, result, strict, `nothing written: ${opts.out} is unchanged`);
      if (bad) exitCode = EXIT_BAD_INPUT;
      if (!result.committed) return;
      for (const folder of result.leftOut) io.stderr(`not written (errors above): ${opts.out}/${folder}\n`);
      if (!opts.quiet) for (const p of result.packages) io.stdout(`${opts.out}/${p.folder}: ${p.packageName} (${p.files} files)\n`);
      for (const p of sink.removed) io.stdout(`removed ${opts.out}/${p.folder}: ${p.packageName} (its service is no longer in ${paths.join(' ')})\n`);
    });

  registerReviewCommands(program, {
    stdout: io.stdout,
    stderr: io.stderr,
    report: (diagnostics, strict) => report(io, diagnostics, strict),
    failed: (result, strict) => failed(io, result, strict),
    setExitCode: (code) => (exitCode = code),
    generatorVersion: GENERATOR_VERSION,
    progress: (quiet) => reporterFor(io, quiet),
  });
  registerPackCommand(program, { stdout: io.stdout, stderr: io.stderr, setExitCode: (code) => (exitCode = code) });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw e;
  }
  return exitCode;
}

/** Entry point when run as a program. */
export async function main(): Promise<void> {
  try {
    process.exitCode = await runCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`docsdk: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 3;
  }
}
