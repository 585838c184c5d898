/**
 * Benchmark phase (a), run as its own process: the whole corpus folder read to IR on the thread
 * pool (the pipeline into an IR sink, {@link runToIR}). Prints one JSON line: bytes, services, operations, wall time, peak RSS.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { GENERATOR_VERSION } from '../../generator/cli.ts';
import { runToIR } from '../../generator/pipeline/load-ir.ts';

const dir = process.argv[2] ?? 'corpus/services';
const bytes = readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
const started = performance.now();
const { ir, diagnostics } = await runToIR([dir], { generatorVersion: GENERATOR_VERSION });
const wallMs = performance.now() - started;
const operations = ir.services.reduce((n, s) => n + s.operations.length, 0);
const errors = diagnostics.filter((d) => d.severity === 'error').length;
process.stdout.write(
  `${JSON.stringify({ bytes, services: ir.services.length, operations, errors, wallMs, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
