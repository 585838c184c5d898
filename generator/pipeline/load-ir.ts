/**
 * The IR of documents on disk, read on this thread and returned at once: for library callers that
 * need an IR synchronously (`docsdk diff`'s spec sides, tests). The same stages as {@link runPipeline}
 * with an `IRSink` — plan, read with the registry's readers, group by declared service, build with the
 * registry's ranks, one service per provider and id — without threads, cache or sink.
 *
 * @packageDocumentation
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { buildIR } from '../ir/build.ts';
import type { IR } from '../ir/model.ts';
import { formatRank } from '../read/registry.ts';
import { planRun } from './plan.ts';
import { readHere } from './read.ts';
import { runPipeline, type PipelineOptions, type PipelineResult } from './run.ts';
import { attachOperationless, splitByDeclaredService } from './services.ts';
import { IRSink } from './sink.ts';

/** The IR built from whatever could be read, and every diagnostic, sorted. */
export interface LoadResult {
  ir: IR;
  diagnostics: Diagnostic[];
}

/** Loads every document under `paths` and builds the IR, reading on this thread. */
export function loadIR(paths: readonly string[]): LoadResult {
  const plan = planRun(paths);
  // Loops, not push(...): one broken 50 MB page can give more diagnostics than a call has room for arguments.
  for (const doc of plan.documents) {
    const page = readHere(doc);
    doc.input.pages.push(page);
    for (const d of page.diagnostics) plan.diagnostics.push(d);
  }
  const services = attachOperationless(
    plan.folders.flatMap(splitByDeclaredService),
    (f) => f.pages.some((p) => p.operations.length > 0),
    (f) => f.pages.map((p) => p.service.id).find((id) => id !== undefined),
    (f) => f.folderProvider,
    (into, from) => into.pages.push(...from.pages),
  );
  const ir = buildIR(services, plan.diagnostics, formatRank);
  return { ir, diagnostics: sortDiagnostics(plan.diagnostics) };
}

/**
 * Loads every document under `paths` through {@link runPipeline} into an IR sink — on the reading
 * threads when there is enough to read — and returns the IR of what could be built.
 */
export async function runToIR(paths: readonly string[], options: Omit<PipelineOptions, 'checkTypes' | 'cacheDir'>): Promise<LoadResult & { result: PipelineResult }> {
  const sink = new IRSink();
  const result = await runPipeline(paths, sink, options);
  return { ir: sink.ir, diagnostics: result.diagnostics, result };
}
