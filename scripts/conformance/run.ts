/**
 * `npm run conformance`: reads each boto3 corpus there is, builds each service's IR, and scores it
 * against botocore's own models on what the docs can show — a row per corpus and rendering
 * (scripts/conformance/report.ts):
 *
 * - `boto3-1.26/rst`: Debian's boto3 1.26 whole-service RST files (`corpus/`, scripts/conformance-corpus),
 *   read on a pool of threads; a sample of its per-operation pages is also scored as RST and rendered
 *   into the compact and bullet text styles (rows `…/rst-page`, `…/compact-text`, `…/bullet-text`).
 * - `boto3-1.43/rst`: boto3 1.43's per-method pages (`corpus-143/`, scripts/corpus-boto3-143), scored
 *   against botocore 1.43's gzipped models; every client method page must give its operation.
 * - `boto3-1.43/html/<theme>` and `boto3-1.43/text/<theme>/<extractor>`: the HTML sample
 *   (`corpus-html/`, scripts/corpus-html) and its text renderings (`corpus-text/`, scripts/corpus-text),
 *   when those corpora exist, scored against the same 1.43 models.
 *
 * Without `--all`, the whole-service and 1.43 corpora are scored on CI's fixed services
 * (scripts/conformance/services.ts). Prints a line per service and per row, writes
 * `conformance/report.md` and `report.json`, and exits 1 when a row is below its targets (100% of
 * the operations that have a page found; facts right ≥ 99.5% for 1.26 and for each rendering of 1.43,
 * ≥ 99.9% for 1.43's RST; no uncaught error).
 *
 * Usage: npm run conformance -- [--all] [--only 1.26,1.43,html,text] [--services a,b] [--corpus DIR]
 *   [--corpus-143 DIR] [--models-143 DIR] [--html DIR] [--text DIR] [--out DIR] [--threads N] [--sample N]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildService } from '../../generator/ir/build.ts';
import { readOnPool } from '../../generator/pipeline/read.ts';
import { readDocument } from '../../generator/read/registry.ts';
import { ReadPool } from '../../generator/read/pool.ts';
import type { ReadPage } from '../../generator/ir/input.ts';
import { loadBotocoreModel, scoreService, type BotocoreModel } from '../../test/helpers/botocore.ts';
import { renderBullets, renderCompact } from '../../test/read/render.ts';
import { explain } from './explanations.ts';
import { addHelperScore, emptyHelperScore, helperFailures, helperLine, renderHelpersMarkdown, scoreHelpers, type HelperScore } from './helpers.ts';
import { belowRecursionOf, loadModelAsBotocore, modelFileOf, pairByMethod, pageOfDoc, pagesOfService, scorePageService, servicesOfCorpus, type CorpusPage, type PageReading } from './per-page.ts';
import { failuresOf, pct, renderReportJson, renderReportMarkdown, totalsOf, type ConformanceReport, type Rendering, type RowResult, type ServiceResult, type Targets } from './report.ts';
import { CI_SERVICES, CI_SERVICES_143 } from './services.ts';

const { values } = parseArgs({
  options: {
    all: { type: 'boolean', default: false },
    only: { type: 'string' },
    corpus: { type: 'string', default: 'corpus' },
    'corpus-143': { type: 'string', default: 'corpus-143' },
    'models-143': { type: 'string' },
    html: { type: 'string', default: 'corpus-html' },
    text: { type: 'string', default: 'corpus-text' },
    out: { type: 'string', default: 'conformance' },
    services: { type: 'string' },
    threads: { type: 'string' },
    sample: { type: 'string', default: '3' },
  },
});

const TARGETS_126: Targets = { operationsFound: 1, factsRight: 0.995 };
const TARGETS_143: Targets = { operationsFound: 1, factsRight: 0.999 };
/** The renderings of the 1.43 sample (issue 14): every operation found, ≥ 99.5% of the facts they show right. */
const TARGETS_RENDERING: Targets = { operationsFound: 1, factsRight: 0.995 };
const KINDS = ['1.26', '1.43', 'html', 'text'] as const;
type Kind = (typeof KINDS)[number];

const only = values.only ? new Set(values.only.split(',')) : undefined;
for (const k of only ?? []) {
  if (!(KINDS as readonly string[]).includes(k)) fail(`--only: unknown corpus ${k} (one of ${KINDS.join(', ')})`);
}
/** Where each corpus is, whether it is there, and how to build it. */
const CORPORA: Record<Kind, { dir: string; marker: string; build: string }> = {
  '1.26': { dir: values.corpus!, marker: 'manifest.json', build: 'scripts/conformance-corpus' },
  '1.43': { dir: values['corpus-143']!, marker: 'documenter.json', build: 'scripts/corpus-boto3-143' },
  html: { dir: values.html!, marker: 'manifest.json', build: 'scripts/corpus-html' },
  text: { dir: values.text!, marker: 'manifest.json', build: 'scripts/corpus-text' },
};
const present = (k: Kind) => existsSync(path.join(CORPORA[k].dir, CORPORA[k].marker));
const kinds = KINDS.filter((k) => (only ? only.has(k) : present(k)));
for (const k of kinds) if (!present(k)) fail(`no corpus at ${CORPORA[k].dir}/${CORPORA[k].marker}: build it with ${CORPORA[k].build}`);
if (kinds.length === 0) fail(`no corpus: build one with ${KINDS.map((k) => CORPORA[k].build).join(' or ')}`);
for (const k of KINDS) if (!kinds.includes(k) && !only) process.stderr.write(`(no ${k} corpus at ${CORPORA[k].dir}: not scored)\n`);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The services to score in a corpus that has `available`: `--services`, else every one (`--all`), else `ci`. */
function wantedOf(available: readonly string[], ci: readonly string[], build: string): string[] {
  const wanted = values.services ? values.services.split(',') : values.all ? [...available] : [...ci];
  const have = new Set(available);
  const missing = wanted.filter((s) => !have.has(s));
  if (missing.length > 0) fail(`not in the corpus: ${missing.join(', ')} (build it with ${build} ${missing.join(' ')})`);
  return wanted.sort();
}

/** Runs `work` over `items`, `lanes` at a time (services through the pool a few at a time: memory holds only what is in flight). */
async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, lanes) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const serviceLine = (s: ServiceResult) => {
  const right = s.facts - s.mismatches.length;
  const unexplained = s.mismatches.filter((m) => !m.explanation).length;
  const unlisted = s.pages?.unlisted.length ?? 0;
  return (
    `${s.service.padEnd(40)} ops ${String(s.found).padStart(4)}/${String(s.documented).padEnd(4)} facts ${String(right).padStart(7)}/${String(s.facts).padEnd(7)} ${pct(right, s.facts).padStart(7)}%` +
    `${s.notShown ? ` (${s.notShown} not shown)` : ''}${s.mismatches.length ? ` (${unexplained} unexplained)` : ''}${unlisted ? ` ${unlisted} PAGES WITHOUT OPERATION` : ''}${s.uncaught ? ' UNCAUGHT' : ''}\n`
  );
};

/** A row from its scored services. */
function rowOf(id: string, title: string, boto3: string, botocore: string | undefined, rendering: Rendering, targets: Targets, services: ServiceResult[], seconds: number): RowResult {
  services.sort((a, b) => (a.service < b.service ? -1 : 1));
  const row: RowResult = { id, title, boto3, ...(botocore ? { botocore } : {}), rendering, targets, services, totals: totalsOf(services), failures: [], seconds };
  row.failures = failuresOf(row);
  return row;
}

// ---- boto3 1.26: whole-service files, and a sample of per-operation pages in three renderings ----

interface Manifest126 {
  boto3: string;
  services: Record<string, { apiVersion: string; model: string; pages: number }>;
}

/** The sample renderings of 1.26 per-operation pages, scored per service as rows of their own. */
const sampleRows = new Map<string, Map<string, ServiceResult>>();

/** Per-operation pages picked for the rendered-text readers: evenly spread, `count` per service. */
function samplePages(corpus: string, service: string, count: number): string[] {
  const dir = path.join(corpus, 'pages', service);
  if (!existsSync(dir)) return [];
  const all = readdirSync(dir).filter((f) => f.endsWith('.rst')).sort();
  if (all.length <= count) return all.map((f) => path.join(dir, f));
  return Array.from({ length: count }, (_, i) => path.join(dir, all[Math.floor((i * all.length) / count)]!));
}

/** Reads one rendering of a sample page and scores its single operation into the rendering's row. */
function scoreSample(service: string, row: string, text: string, file: string, apiVersion: string, model: BotocoreModel): void {
  const rows = sampleRows.get(row) ?? new Map<string, ServiceResult>();
  sampleRows.set(row, rows);
  const s = rows.get(service) ?? { service, bytes: 0, operations: 0, documented: 0, undocumented: [], found: 0, facts: 0, notShown: 0, mismatches: [], uncaught: 0, errors: 0, skipped: {} };
  rows.set(service, s);
  s.bytes += text.length;
  s.documented++;
  try {
    const page = readDocument(text, file);
    const built = buildService({ folderId: service, settings: {}, pages: [page] });
    pairByMethod(built, [page], model);
    const score = scoreService(built, model, { modelMayBeNewer: false, recursionNotShown: true });
    s.errors += page.diagnostics.filter((d) => d.severity === 'error').length;
    s.operations += built.operations.length;
    if (built.operations.some((o) => model.operations[o.name])) s.found++;
    s.facts += score.facts.length;
    s.notShown += score.notShown.length;
    const below = belowRecursionOf(score.notShown);
    if (below) {
      const had = s.belowRecursion ?? { count: 0, disagree: 0, examples: [] };
      s.belowRecursion = { count: had.count + below.count, disagree: had.disagree + below.disagree, examples: [...had.examples, ...below.examples].slice(0, 5) };
    }
    for (const m of score.mismatches) s.mismatches.push({ ...m, explanation: explain(m, service)?.id ?? null });
  } catch {
    s.uncaught++;
  }
}

async function score126(pool: ReadPool): Promise<RowResult[]> {
  const corpus = CORPORA['1.26'].dir;
  const manifest = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as Manifest126;
  const wanted = wantedOf(Object.keys(manifest.services), CI_SERVICES, 'scripts/conformance-corpus');
  const started = Date.now();
  const results: ServiceResult[] = [];
  await inLanes(wanted, pool.threads * 2, async (name) => {
    const info = manifest.services[name]!;
    const file = path.join(corpus, 'services', `${name}.rst`);
    const text = readFileSync(file, 'utf8');
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
      notShown: 0,
      mismatches: [],
      uncaught,
      errors: 0,
      skipped: {},
    };
    if (page) {
      result.errors = page.diagnostics.filter((d) => d.severity === 'error').length;
      for (const s of page.skipped) result.skipped[s.kind] = (result.skipped[s.kind] ?? 0) + 1;
      const service = buildService({ folderId: name, settings: {}, pages: [page] });
      addHelperScore(helperRow('boto3-1.26/rst'), scoreHelpers(service, info.model));
      const score = scoreService(service, model, { recursionNotShown: true });
      const below = belowRecursionOf(score.notShown);
      if (below) result.belowRecursion = below;
      result.found = service.operations.filter((o) => model.operations[o.name] && !undocumented.includes(o.name)).length;
      result.facts = score.facts.length;
      result.notShown = score.notShown.length;
      result.mismatches = score.mismatches.map((m) => ({ ...m, explanation: explain(m, name)?.id ?? null }));
    }
    for (const sample of samplePages(corpus, name, Number(values.sample))) {
      const rst = readFileSync(sample, 'utf8');
      scoreSample(name, 'rst-page', rst, sample, info.apiVersion, model);
      scoreSample(name, 'compact-text', renderCompact(rst), `${sample}.compact.txt`, info.apiVersion, model);
      scoreSample(name, 'bullet-text', renderBullets(rst), `${sample}.bullets.txt`, info.apiVersion, model);
    }
    results.push(result);
    process.stdout.write(`1.26 ${serviceLine(result)}`);
  });
  const seconds = (Date.now() - started) / 1000;
  const rows = [rowOf('boto3-1.26/rst', `boto3 ${manifest.boto3}, whole-service RST files`, manifest.boto3, undefined, { source: 'rst', layout: 'whole-service', sample: false }, TARGETS_126, results, seconds)];
  const titles: Record<string, [string, Rendering]> = {
    'rst-page': ['per-operation RST pages (sample)', { source: 'rst', layout: 'per-page', sample: true }],
    'compact-text': ['per-operation pages → compact text (sample)', { source: 'rst', layout: 'per-page', extractor: 'compact text (test/read/render.ts)', sample: true }],
    'bullet-text': ['per-operation pages → bullet text (sample)', { source: 'rst', layout: 'per-page', extractor: 'bullet text (test/read/render.ts)', sample: true }],
  };
  for (const [key, [title, rendering]] of Object.entries(titles)) {
    const services = [...(sampleRows.get(key)?.values() ?? [])];
    const row = rowOf(`boto3-1.26/${key}`, `boto3 ${manifest.boto3}, ${title}`, manifest.boto3, undefined, rendering, TARGETS_126, services, seconds);
    // Each sample page documents one operation: its page count is its operations to find.
    row.totals.pages = row.totals.documented;
    rows.push(row);
  }
  return rows;
}

// ---- boto3 1.43: per-method pages, and the renderings of a sample of them ----

interface Documenter {
  boto3: string;
  botocore: string;
}

/** botocore 1.43's data folder: `--models-143`, else the botocore of the python that wrote the corpus (the corpus script's choice). */
function modelsDir143(botocore: string): string {
  if (values['models-143']) return values['models-143'];
  const candidates = [process.env.PYTHON, 'python3', '/root/.pyenv/shims/python3'].filter((p): p is string => !!p);
  for (const py of candidates) {
    try {
      const out = execFileSync(py, ['-c', 'import botocore, os; print(botocore.__version__); print(os.path.join(os.path.dirname(botocore.__file__), "data"))'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const [version, dir] = out.trim().split('\n');
      if (version === botocore && dir) return dir;
    } catch {
      // not this python
    }
  }
  return fail(`no botocore ${botocore} (the corpus's) found by ${candidates.join(', ')}: give --models-143 DIR (botocore's data folder)`);
}

const modelFiles = new Map<string, string | undefined>();
/** The 1.43 model of a service, or a failure: a corpus page's service botocore does not know. */
function model143(dataDir: string, service: string): BotocoreModel {
  if (!modelFiles.has(service)) modelFiles.set(service, modelFileOf(dataDir, service));
  const file = modelFiles.get(service);
  if (!file) fail(`botocore at ${dataDir} has no model of ${service}`);
  return loadModelAsBotocore(file);
}

/** Reads one page on the pool (boto3 RST) or here (other formats), its failure recorded, never thrown. */
async function readPage(pool: ReadPool, page: CorpusPage): Promise<PageReading> {
  const bytes = readFileSync(page.file);
  try {
    return { page, bytes: bytes.length, reading: await readOnPool(pool, bytes.toString('utf8'), page.file, { settings: {} }) };
  } catch (e) {
    return { page, bytes: bytes.length, uncaught: (e as Error).message };
  }
}

async function score143(pool: ReadPool): Promise<RowResult[]> {
  const corpus = CORPORA['1.43'].dir;
  const documenter = JSON.parse(readFileSync(path.join(corpus, 'documenter.json'), 'utf8')) as Documenter;
  const dataDir = modelsDir143(documenter.botocore);
  const wanted = wantedOf(servicesOfCorpus(corpus), CI_SERVICES_143, `scripts/corpus-boto3-143 --out ${corpus}`);
  const started = Date.now();
  const results: ServiceResult[] = [];
  await inLanes(wanted, pool.threads * 2, async (name) => {
    const model = model143(dataDir, name);
    const pages = pagesOfService(corpus, name);
    const readings = await Promise.all(pages.map((p) => readPage(pool, p)));
    const row = helperRow(`boto3-${documenter.boto3.split('.').slice(0, 2).join('.')}/rst`);
    const result = scorePageService(name, readings, model, true, (built) => addHelperScore(row, scoreHelpers(built, modelFiles.get(name)!)));
    results.push(result);
    process.stdout.write(`1.43 ${serviceLine(result)}`);
  });
  const seconds = (Date.now() - started) / 1000;
  return [rowOf(`boto3-${documenter.boto3.split('.').slice(0, 2).join('.')}/rst`, `boto3 ${documenter.boto3}, per-method RST pages`, documenter.boto3, documenter.botocore, { source: 'rst', layout: 'per-page', sample: false }, TARGETS_143, results, seconds)];
}

/** Document names below `dir/reference/services` with extension `ext`. */
function docsBelow(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(dir, rel);
    if (!existsSync(abs)) return;
    for (const name of readdirSync(abs).sort()) {
      const child = `${rel}/${name}`;
      if (statSync(path.join(dir, child)).isDirectory()) walk(child);
      else if (name.endsWith(ext)) out.push(child.slice(0, -ext.length));
    }
  };
  walk('reference/services');
  return out;
}

/**
 * One row of a rendering of the 1.43 sample: the pages under `dir` (a theme's HTML, or a theme ×
 * extractor's text), grouped by service and scored as the per-page corpus is, against the same models.
 */
async function scoreRendering(pool: ReadPool, id: string, title: string, dir: string, ext: string, rendering: Rendering, documenter: Documenter, dataDir: string): Promise<RowResult> {
  const started = Date.now();
  const wanted = values.services ? new Set(values.services.split(',')) : undefined;
  const byService = new Map<string, CorpusPage[]>();
  for (const doc of docsBelow(dir, ext)) {
    const page = pageOfDoc(doc, path.join(dir, `${doc}${ext}`));
    if (!page || (wanted && !wanted.has(page.service))) continue;
    byService.set(page.service, [...(byService.get(page.service) ?? []), page]);
  }
  const results: ServiceResult[] = [];
  await inLanes([...byService.keys()].sort(), pool.threads * 2, async (name) => {
    const readings = await Promise.all(byService.get(name)!.map((p) => readPage(pool, p)));
    results.push(scorePageService(name, readings, model143(dataDir, name), false));
  });
  // Held to the targets like the RST row: pages no reader recognises give no operation, and are listed.
  return rowOf(id, title, documenter.boto3, documenter.botocore, rendering, TARGETS_RENDERING, results, (Date.now() - started) / 1000);
}

async function scoreHtmlAndText(pool: ReadPool, which: Set<Kind>): Promise<RowResult[]> {
  // The renderings are of the 1.43 corpus: its documenter record names the boto3 and botocore.
  const html = CORPORA.html.dir;
  const text = CORPORA.text.dir;
  const htmlManifest = which.has('html') ? (JSON.parse(readFileSync(path.join(html, 'manifest.json'), 'utf8')) as { boto3: string; themes: Record<string, unknown> }) : undefined;
  const textManifest = which.has('text') ? (JSON.parse(readFileSync(path.join(text, 'manifest.json'), 'utf8')) as { themes: Record<string, Record<string, unknown>> }) : undefined;
  const recordFile = [path.join(CORPORA['1.43'].dir, 'documenter.json')].find((f) => existsSync(f));
  const boto3 = htmlManifest?.boto3 ?? (recordFile ? (JSON.parse(readFileSync(recordFile, 'utf8')) as Documenter).boto3 : '1.43');
  const botocore = recordFile ? (JSON.parse(readFileSync(recordFile, 'utf8')) as Documenter).botocore : boto3;
  const documenter: Documenter = { boto3, botocore };
  const dataDir = modelsDir143(botocore);
  // Row ids name the minor version, as the RST row does (`boto3-1.43/…`).
  const minor = boto3.split('.').slice(0, 2).join('.');
  const rows: RowResult[] = [];
  for (const theme of Object.keys(htmlManifest?.themes ?? {}).sort()) {
    const row = await scoreRendering(pool, `boto3-${minor}/html/${theme}`, `boto3 ${boto3} sample, HTML (${theme}) read directly`, path.join(html, theme), '.html', { source: 'html', layout: 'per-page', theme, sample: true }, documenter, dataDir);
    rows.push(row);
    process.stdout.write(`${rowLine(row)}\n`);
  }
  for (const theme of Object.keys(textManifest?.themes ?? {}).sort()) {
    for (const extractor of Object.keys(textManifest!.themes[theme]!).sort()) {
      const row = await scoreRendering(pool, `boto3-${minor}/text/${theme}/${extractor}`, `boto3 ${boto3} sample, HTML (${theme}) → ${extractor}`, path.join(text, theme, extractor), '.txt', { source: 'text', layout: 'per-page', theme, extractor, sample: true }, documenter, dataDir);
      rows.push(row);
      process.stdout.write(`${rowLine(row)}\n`);
    }
  }
  return rows;
}

function rowLine(row: RowResult): string {
  const t = row.totals;
  return (
    `${row.id}: ${row.services.length} services, ${t.pages} pages, operations ${t.found}/${t.documented}, facts ${t.facts - t.wrong}/${t.facts} right (${pct(t.facts - t.wrong, t.facts)}%), ` +
    `${t.notShown} not shown, ${t.wrong} wrong (${t.unexplained} unexplained), ${t.uncaught} uncaught, ${row.seconds.toFixed(1)} s` +
    `${row.failures.length ? ` — BELOW TARGET: ${row.failures.join('; ')}` : ''}`
  );
}

/** Paginators and waiters read from the docs, scored per RST row (scripts/conformance/helpers.ts). */
const helperRows = new Map<string, HelperScore>();
function helperRow(id: string): HelperScore {
  if (!helperRows.has(id)) helperRows.set(id, emptyHelperScore());
  return helperRows.get(id)!;
}

const pool = new ReadPool(values.threads ? Number(values.threads) : undefined);
const rows: RowResult[] = [];
try {
  if (kinds.includes('1.26')) rows.push(...(await score126(pool)));
  if (kinds.includes('1.43')) rows.push(...(await score143(pool)));
  const renderings = new Set(kinds.filter((k) => k === 'html' || k === 'text'));
  if (renderings.size > 0) rows.push(...(await scoreHtmlAndText(pool, renderings)));
} finally {
  await pool.close();
}

const argv = process.argv.slice(2);
const report: ConformanceReport = {
  scope: values.all ? 'all' : values.services ? 'selected' : 'ci',
  command: `npm run conformance${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  rows,
};
mkdirSync(values.out!, { recursive: true });
writeFileSync(path.join(values.out!, 'report.json'), renderReportJson(report));
const helpers = [...helperRows].map(([row, total]) => ({ row, total }));
writeFileSync(path.join(values.out!, 'report.md'), renderReportMarkdown(report) + renderHelpersMarkdown(helpers));
writeFileSync(path.join(values.out!, 'helpers.json'), `${JSON.stringify(helpers, null, 1)}\n`);
process.stdout.write('\n');
for (const row of rows) process.stdout.write(`${rowLine(row)}\n`);
for (const { row, total } of helpers) process.stdout.write(`${helperLine(row, total)}\n`);
for (const { row, total } of helpers) for (const f of helperFailures(total)) rows.find((r) => r.id === row)?.failures.push(f);
const below = rows.filter((r) => r.failures.length > 0);
if (below.length > 0) {
  process.stderr.write(`conformance below target: ${below.map((r) => `${r.id}: ${r.failures.join('; ')}`).join(' | ')}\n`);
  process.exitCode = 1;
}
