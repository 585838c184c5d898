/**
 * `npm run conformance`: reads the boto3 corpus (scripts/conformance-corpus), builds each
 * service's IR, and scores it against botocore's own model on what the docs can show. Whole-service
 * RST files are read on a pool of threads; a sample of per-operation pages is also rendered into
 * the compact and bullet text styles and scored, so all three boto3 readers are measured. Prints a
 * line per service and a total, writes `conformance/report.md` and `conformance/report.json`, and
 * exits 1 below the targets (100% of operations found, ≥ 99.5% of facts right, no uncaught error).
 *
 * Usage: npm run conformance -- [--all] [--corpus DIR] [--out DIR] [--services a,b] [--threads N] [--sample N]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildService } from '../../generator/ir/build.ts';
import { readOnPool } from '../../generator/pipeline/read.ts';
import { readDocument } from '../../generator/read/registry.ts';
import { ReadPool } from '../../generator/read/pool.ts';
import type { ReadPage } from '../../generator/ir/input.ts';
import { loadBotocoreModel, scoreService, type Mismatch } from '../../test/helpers/botocore.ts';
import { renderBullets, renderCompact } from '../../test/read/render.ts';
import { explain } from './explanations.ts';
import { renderReportMarkdown, type ConformanceReport, type ReaderTotals, type ServiceResult } from './report.ts';
import { CI_SERVICES } from './services.ts';

interface Manifest {
  boto3: string;
  services: Record<string, { apiVersion: string; model: string; pages: number }>;
}

const { values } = parseArgs({
  options: {
    all: { type: 'boolean', default: false },
    corpus: { type: 'string', default: 'corpus' },
    out: { type: 'string', default: 'conformance' },
    services: { type: 'string' },
    threads: { type: 'string' },
    sample: { type: 'string', default: '3' },
  },
});

const MIN_FACTS_RIGHT = 0.995;
const corpus = values.corpus!;
if (!existsSync(path.join(corpus, 'manifest.json'))) {
  process.stderr.write(`no corpus at ${corpus}/manifest.json: run scripts/conformance-corpus first\n`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as Manifest;
const wanted = values.services ? values.services.split(',') : values.all ? Object.keys(manifest.services) : [...CI_SERVICES];
const missing = wanted.filter((s) => !manifest.services[s]);
if (missing.length > 0) {
  process.stderr.write(`not in the corpus: ${missing.join(', ')} (build it with scripts/conformance-corpus ${missing.join(' ')})\n`);
  process.exit(2);
}

/** Per-operation pages picked for the rendered-text readers: evenly spread, `count` per service. */
function samplePages(service: string, count: number): string[] {
  const dir = path.join(corpus, 'pages', service);
  if (!existsSync(dir)) return [];
  const all = readdirSync(dir).filter((f) => f.endsWith('.rst')).sort();
  if (all.length <= count) return all.map((f) => path.join(dir, f));
  return Array.from({ length: count }, (_, i) => path.join(dir, all[Math.floor((i * all.length) / count)]!));
}

const readers: Record<string, ReaderTotals> = {};
function tally(reader: string, facts: number, wrong: number, crashed: boolean): void {
  const t = (readers[reader] ??= { pages: 0, facts: 0, mismatches: 0, uncaught: 0 });
  t.pages++;
  t.facts += facts;
  t.mismatches += wrong;
  if (crashed) t.uncaught++;
}

/** Reads one rendering of a sample page and scores its single operation. */
function scoreRendering(service: string, reader: string, text: string, file: string, apiVersion: string, model: ReturnType<typeof loadBotocoreModel>): Mismatch[] {
  try {
    const page = readDocument(text, file);
    const built = buildService({ folderId: service, settings: { apiVersion }, pages: [page] });
    const score = scoreService(built, model, { modelMayBeNewer: false });
    // Only the page's own operation is compared: the others are legitimately absent from one page.
    const facts = score.facts.filter((f) => !f.path.includes('.') || built.operations.some((o) => f.path.startsWith(`${o.name}.`)));
    const wrong = score.mismatches.filter((m) => built.operations.some((o) => m.path === o.name || m.path.startsWith(`${o.name}.`)));
    const errors = page.diagnostics.filter((d) => d.severity === 'error').length;
    tally(reader, facts.length + errors, wrong.length + errors, false);
    return wrong;
  } catch {
    tally(reader, 1, 1, true);
    return [];
  }
}

const started = Date.now();
const pool = new ReadPool(values.threads ? Number(values.threads) : undefined);
const results: ServiceResult[] = [];
let bytes = 0;
try {
  // Services go through the pool a few at a time, so memory holds only what is in flight.
  const queue = [...wanted].sort();
  const inFlight = new Set<Promise<void>>();
  const runOne = async (name: string) => {
    const info = manifest.services[name]!;
    const file = path.join(corpus, 'services', `${name}.rst`);
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    let page: ReadPage | undefined;
    let uncaught = 0;
    try {
      page = await readOnPool(pool, text, file, { settings: {} });
    } catch (e) {
      uncaught++;
      process.stderr.write(`${name}: uncaught error: ${(e as Error).message}\n`);
    }
    const model = loadBotocoreModel(info.model);
    const modelOps = Object.keys(model.operations).length;
    // An operation the docs have no page for (boto3 can't call bidirectional event streams) can't be found:
    // it is listed, and the target is every operation the docs document. A page names its operation in
    // its "See also" link; a service whose pages have no such links counts every operation as documented.
    const hasLinks = text.includes('goto/WebAPI/');
    const undocumented = hasLinks ? Object.keys(model.operations).filter((op) => !text.includes(`/${op}>\``)) : [];
    const result: ServiceResult = {
      service: name,
      bytes: text.length,
      operations: modelOps,
      documented: modelOps - undocumented.length,
      undocumented,
      found: 0,
      facts: 0,
      mismatches: [],
      uncaught,
      errors: 0,
      skipped: {},
    };
    if (page) {
      result.errors = page.diagnostics.filter((d) => d.severity === 'error').length;
      for (const s of page.skipped) result.skipped[s.kind] = (result.skipped[s.kind] ?? 0) + 1;
      const service = buildService({ folderId: name, settings: {}, pages: [page] });
      const score = scoreService(service, model);
      result.found = service.operations.filter((o) => model.operations[o.name] && !undocumented.includes(o.name)).length;
      result.facts = score.facts.length;
      result.mismatches = score.mismatches.map((m) => ({ ...m, explanation: explain(m, name)?.id ?? null }));
      tally('boto3-rst', score.facts.length, score.mismatches.length, false);
    } else tally('boto3-rst', 1, 1, true);
    for (const sample of samplePages(name, Number(values.sample))) {
      const rst = readFileSync(sample, 'utf8');
      scoreRendering(name, 'boto3-rst (per-operation page)', rst, sample, info.apiVersion, model);
      scoreRendering(name, 'boto3-compact-text', renderCompact(rst), `${sample}.compact.txt`, info.apiVersion, model);
      scoreRendering(name, 'boto3-bullet-text', renderBullets(rst), `${sample}.bullets.txt`, info.apiVersion, model);
    }
    results.push(result);
    const right = result.facts - result.mismatches.length;
    const pct = result.facts ? ((100 * right) / result.facts).toFixed(3) : '0';
    process.stdout.write(
      `${name.padEnd(40)} ops ${String(result.found).padStart(4)}/${String(result.documented).padEnd(4)} facts ${String(right).padStart(7)}/${String(result.facts).padEnd(7)} ${pct.padStart(7)}%` +
        `${result.mismatches.length ? ` (${result.mismatches.filter((m) => !m.explanation).length} unexplained)` : ''}${uncaught ? ' UNCAUGHT' : ''}\n`,
    );
  };
  while (queue.length > 0 || inFlight.size > 0) {
    while (queue.length > 0 && inFlight.size < pool.threads * 2) {
      const p: Promise<void> = runOne(queue.shift()!).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await Promise.race(inFlight);
  }
} finally {
  await pool.close();
}
results.sort((a, b) => (a.service < b.service ? -1 : 1));

const totals = results.reduce(
  (t, r) => ({
    operations: t.operations + r.operations,
    documented: t.documented + r.documented,
    found: t.found + r.found,
    facts: t.facts + r.facts,
    mismatches: t.mismatches + r.mismatches.length,
    unexplained: t.unexplained + r.mismatches.filter((m) => !m.explanation).length,
    uncaught: t.uncaught + r.uncaught,
  }),
  { operations: 0, documented: 0, found: 0, facts: 0, mismatches: 0, unexplained: 0, uncaught: 0 },
);
const seconds = (Date.now() - started) / 1000;
const report: ConformanceReport = {
  boto3: manifest.boto3,
  scope: values.all ? 'all' : values.services ? 'selected' : 'ci',
  services: results,
  totals,
  readers,
  targets: { operationsFound: 1, factsRight: MIN_FACTS_RIGHT },
};
const factsRight = totals.facts ? (totals.facts - totals.mismatches) / totals.facts : 0;
const uncaughtSamples = Object.values(readers).reduce((n, r) => n + r.uncaught, 0);
const failures: string[] = [];
if (totals.found < totals.documented) failures.push(`${totals.documented - totals.found} documented client operations not found`);
if (factsRight < MIN_FACTS_RIGHT) failures.push(`facts right ${(100 * factsRight).toFixed(3)}% < ${100 * MIN_FACTS_RIGHT}%`);
if (totals.uncaught + uncaughtSamples > 0) failures.push(`${totals.uncaught + uncaughtSamples} pages raised an uncaught error`);

mkdirSync(values.out!, { recursive: true });
writeFileSync(path.join(values.out!, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(values.out!, 'report.md'), renderReportMarkdown(report));
process.stdout.write(
  `total: ${results.length} services, ${(bytes / 1e6).toFixed(1)} MB, operations ${totals.found}/${totals.documented} documented (${totals.operations} in the models), facts ${totals.facts - totals.mismatches}/${totals.facts} right (${(100 * factsRight).toFixed(3)}%), ${totals.unexplained} unexplained, ${seconds.toFixed(1)} s\n`,
);
for (const [reader, t] of Object.entries(readers)) {
  process.stdout.write(`  ${reader}: ${t.pages} pages, facts ${t.facts - t.mismatches}/${t.facts}, uncaught ${t.uncaught}\n`);
}
if (failures.length > 0) {
  process.stderr.write(`conformance below target: ${failures.join('; ')}\n`);
  process.exitCode = 1;
}
