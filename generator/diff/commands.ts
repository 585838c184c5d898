/**
 * The pull-request commands of the CLI: `check`, `diff`, `version`, `publish`. They live here, beside
 * what they run, and `cli.ts` only registers them, so the command line stays one small file.
 *
 * @packageDocumentation
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Diagnostic } from '../diagnostics.ts';
import { runPipeline, type PipelineResult, type ProgressEvent } from '../pipeline/run.ts';
import type { ProgressReporter } from '../progress.ts';
import { answersFor, inputFolders } from '../pipeline/owned.ts';
import { MemorySink } from '../pipeline/sink.ts';
import { compareTree, isClean } from './check.ts';
import { publishAll, publishPlan, VersionWentDown, type CommandRunner } from './publish.ts';
import { applyReleases } from './release.ts';
import { renderJson } from './render-json.ts';
import { BudgetTooSmall, COMMENT_LIMIT, renderMarkdown } from './render-markdown.ts';
import { buildReport } from './report.ts';
import { readSide, SideError, specSide, type Side } from './sides.ts';

/** What the commands need from the CLI. */
export interface CommandContext {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Prints diagnostics; true when they fail the run. */
  report(diagnostics: readonly Diagnostic[], strict: boolean): boolean;
  /** Prints what stopped a pipeline run, as `generate` does; true when it failed. */
  failed(result: PipelineResult, strict: boolean): boolean;
  setExitCode(code: number): void;
  generatorVersion: string;
  /** A progress display for a long run (nothing when `quiet`); none given: no progress. */
  progress?: (quiet: boolean) => ProgressReporter;
  /** Runs `npm publish`; tests inject one. */
  runCommand?: CommandRunner;
}

const EXIT_BAD_INPUT = 1;

/** Reads both sides, reporting what fails; undefined when one cannot be used. */
function readSides(ctx: CommandContext, args: Array<() => Side>): Side[] | undefined {
  const sides: Side[] = [];
  for (const read of args) {
    try {
      const side = read();
      if (ctx.report(side.diagnostics.filter((d) => d.severity === 'error'), false)) return undefined;
      sides.push(side);
    } catch (e) {
      if (!(e instanceof SideError)) throw e;
      ctx.stderr(`error: ${e.message}\n`);
      return undefined;
    }
  }
  return sides;
}

/** Options of `docsdk diff`. */
interface DiffOptions {
  format: 'markdown' | 'json';
  failOn?: 'breaking';
  allDocs?: boolean;
  api: boolean;
  repo: string;
  maxChars: number;
  full?: string;
  fullNote?: string;
}

/** A whole number ≥ 0 from the command line. */
function nonNegative(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('not a whole number');
  return Number(text);
}

/** Adds `check`, `diff`, `version` and `publish` to `program`. */
export function registerReviewCommands(program: Command, ctx: CommandContext): void {
  const fail = () => ctx.setExitCode(EXIT_BAD_INPUT);

  program
    .command('check')
    .description('exit 1 when the generated folder differs from what the documents under PATH give (nothing is written)')
    .argument('[paths...]', 'documents or folders of documents', ['specs'])
    .option('--out <dir>', 'generated folder to check', 'generated')
    .option('--strict', 'fail on warnings too')
    .option('--quiet', 'show no progress')
    .action(async (paths: string[], opts: { out: string; strict?: boolean; quiet?: boolean }) => {
      // The run `generate` makes, into memory instead of the output folder (and without the cache:
      // the gate trusts nothing but the specs).
      const sink = new MemorySink();
      const progress = ctx.progress?.(opts.quiet ?? false);
      const result = await runPipeline(paths, sink, {
        generatorVersion: ctx.generatorVersion,
        strict: opts.strict ?? false,
        requireServices: true,
        ...(progress ? { onProgress: (e: ProgressEvent) => progress.update(e) } : {}),
      }).finally(() => progress?.stop());
      if (ctx.failed(result, opts.strict ?? false)) return fail();
      const tree = sink.tree;
      // What generate would leave: other packages stay, but those the run answers for and no longer gives.
      const folders = inputFolders(paths);
      const diff = compareTree(tree, opts.out, (entry) => folders.length > 0 && answersFor(folders, path.join(opts.out, entry)));
      for (const f of diff.stale) ctx.stdout(`stale: ${opts.out}/${f}\n`);
      for (const f of diff.missing) ctx.stdout(`missing: ${opts.out}/${f}\n`);
      for (const f of diff.extra) ctx.stdout(`extra: ${opts.out}/${f}\n`);
      if (isClean(diff)) ctx.stdout(`${opts.out} is current (${tree.length} files)\n`);
      else {
        ctx.stderr(`${opts.out} is not what ${paths.join(' ')} gives: run docsdk generate\n`);
        fail();
      }
    });

  program
    .command('diff')
    .description('compare two spec folders, IR files or git refs; report every change, classified breaking or not')
    .argument('<old>', 'spec folder, IR file, package folder or git ref (HEAD~1, main)')
    .argument('<new>', 'same kinds as OLD')
    .addOption(new Option('--format <format>', 'report format').choices(['markdown', 'json']).default('markdown'))
    .addOption(new Option('--fail-on <what>', 'exit 1 when the report has changes of this kind').choices(['breaking']))
    .option('--all-docs', 'list documentation-only changes, not just their count')
    .option('--no-api', 'skip the comparison of the packages’ public API surfaces')
    .option('--repo <dir>', 'repository git refs are read from', '.')
    .addOption(
      new Option('--max-chars <n>', 'cut the Markdown report to fit N characters (a pull-request comment), breaking changes first; 0: no limit')
        .default(COMMENT_LIMIT)
        .argParser(nonNegative),
    )
    .option('--full <file>', 'also write the whole Markdown report, never cut, to FILE')
    .option('--full-note <markdown>', 'where the full report is, for the note ending a cut report (default: the --full file)')
    .action(async (oldArg: string, newArg: string, opts: DiffOptions) => {
      const sides = readSides(ctx, [() => readSide(oldArg, opts.repo), () => readSide(newArg, opts.repo)]);
      if (!sides) return fail();
      const report = await buildReport(sides[0]!, sides[1]!, { generatorVersion: ctx.generatorVersion, surfaces: opts.api });
      const allDocs = opts.allDocs ?? false;
      if (opts.full) writeFileSync(opts.full, renderMarkdown(report, { allDocs }));
      if (opts.format === 'json') ctx.stdout(renderJson(report, { allDocs }));
      else {
        const fullReport = opts.fullNote ?? (opts.full ? `\`${path.basename(opts.full)}\`` : undefined);
        try {
          ctx.stdout(renderMarkdown(report, { allDocs, maxChars: opts.maxChars, ...(fullReport ? { fullReport } : {}) }));
        } catch (e) {
          if (!(e instanceof BudgetTooSmall)) throw e;
          ctx.stderr(`error: ${e.message}\n`);
          return fail();
        }
      }
      if (opts.failOn === 'breaking' && report.breaking) {
        ctx.stderr('breaking changes found (--fail-on breaking)\n');
        fail();
      }
    });

  program
    .command('version')
    .description('bump each changed generated package (major: breaking, minor: additions, patch: docs; below 1.0.0 minor: breaking, patch: the rest) and write its CHANGELOG.md')
    .argument('[path]', 'folder of the documents', 'specs')
    .option('--since <ref>', 'base to diff against: git ref, spec folder or IR file', 'HEAD')
    .option('--out <dir>', 'generated folder holding the packages', 'generated')
    .option('--repo <dir>', 'repository git refs are read from', '.')
    .action(async (specs: string, opts: { since: string; out: string; repo: string }) => {
      const sides = readSides(ctx, [() => readSide(opts.since, opts.repo), () => specSide(specs, specs, opts.out)]);
      if (!sides) return fail();
      const report = await buildReport(sides[0]!, sides[1]!, { generatorVersion: ctx.generatorVersion });
      const result = applyReleases(report, opts.out, sides[0]!);
      for (const r of result.releases) ctx.stdout(`${opts.out}/${r.folder}: ${r.packageName} ${r.from} → ${r.to}\n`);
      for (const r of result.restored) ctx.stdout(`${opts.out}/${r.folder}: ${r.packageName} ${r.from} → ${r.to} (restored: regenerating had undone the release)\n`);
      for (const m of result.missing) ctx.stderr(`error: ${opts.out}/${m} does not exist: run docsdk generate first\n`);
      if (result.missing.length > 0) fail();
      else if (result.releases.length + result.restored.length === 0) ctx.stdout(`no package changed since ${opts.since}\n`);
    });

  program
    .command('publish')
    .description('npm publish every package (runtime, generated) whose version changed since REF, dependencies first')
    .option('--since <ref>', 'git ref whose versions count as published', 'HEAD')
    .option('--dry-run', 'npm publish --dry-run: show what would be published')
    .option('--provenance', 'npm publish --provenance (from CI)')
    .option('--out <dir>', 'generated folder holding the packages', 'generated')
    .option('--repo <dir>', 'repository root', '.')
    .action((opts: { since: string; dryRun?: boolean; provenance?: boolean; out: string; repo: string }) => {
      let plan;
      try {
        plan = publishPlan(opts.repo, opts.since, opts.out);
      } catch (e) {
        if (!(e instanceof VersionWentDown)) throw e;
        ctx.stderr(`error: ${e.message}\n`);
        return fail();
      }
      if (plan.length === 0) {
        ctx.stdout(`no package version changed since ${opts.since}\n`);
        return;
      }
      for (const t of plan) ctx.stdout(`publish: ${t.name}@${t.version} (was ${t.previous ?? 'unpublished'})\n`);
      const options = { dryRun: opts.dryRun ?? false, provenance: opts.provenance ?? false };
      const result = publishAll(plan, options, ctx.runCommand);
      for (const t of result.published) ctx.stdout(`${options.dryRun ? 'would publish' : 'published'}: ${t.name}@${t.version}\n`);
      if (result.failed) {
        ctx.stderr(`error: npm publish failed for ${result.failed.target.name}@${result.failed.target.version}:\n${result.failed.output}\n`);
        fail();
      }
    });
}
