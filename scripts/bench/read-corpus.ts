/**
 * Benchmark phase (a), run as its own process: a whole corpus folder read to IR on the thread pool
 * (the pipeline into an IR sink, {@link runToIR}) — 1.26's whole-service files, or 1.43's tree of
 * per-method pages. Prints one JSON line: files, bytes, services, operations, errors, wall time, peak RSS.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { GENERATOR_VERSION } from '../../generator/cli.ts';
import { filesBelow } from '../../generator/files-below.ts';
import { runToIR } from '../../generator/pipeline/load-ir.ts';

const dir = process.argv[2] ?? 'corpus/services';
// What the pipeline reads: every regular file below the folder but hidden ones (planRun's walk).
const files = filesBelow(dir, { skip: (name) => name.startsWith('.'), regularOnly: true });
const bytes = files.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
const started = performance.now();
const { ir, diagnostics } = await runToIR([dir], { generatorVersion: GENERATOR_VERSION });
const wallMs = performance.now() - started;
const operations = ir.services.reduce((n, s) => n + s.operations.length, 0);
const errors = diagnostics.filter((d) => d.severity === 'error').length;
process.stdout.write(
  `${JSON.stringify({ files: files.length, bytes, services: ir.services.length, operations, errors, wallMs, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
