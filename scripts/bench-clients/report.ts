/**
 * Renders the client benchmark's results: a console summary and `bench/clients.md` (figures, targets,
 * machine, plus the hand-written analysis in `notes.md` next to this file, which a re-run keeps).
 *
 * @packageDocumentation
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BundleSize } from './bundle.ts';
import type { Footprint } from './prepare.ts';

/** Median and spread of repeated measurements. */
export interface Series {
  median: number;
  min: number;
  max: number;
  n: number;
}

type Side = 'ours' | 'theirs';
type Pair<T> = Record<Side, T>;

/** Everything one run measured. */
export interface Results {
  machine: { cpu: string; cores: number; node: string; os: string; date: string; loadBefore: number[]; loadAfter: number[] };
  quick: boolean;
  plan: Record<string, number>;
  cases: {
    id: string;
    title: string;
    oursPackage: string;
    theirsPackage: string;
    bundles: Record<'node' | 'browser', Pair<BundleSize>>;
    installed: Pair<Footprint>;
    cold: { ms: Pair<Series>; process: Pair<Series> };
    calls: Record<'memory' | 'server', Pair<Series>>;
    /** The same runs, per CPU second of the client's process. */
    callsCpu: Record<'memory' | 'server', Pair<Series>>;
    validators: Record<'valid' | 'invalid', Pair<Series>>;
  }[];
  /** Validator-only comparisons (ajv is "theirs"). */
  validators: { id: string; title: string; valid: Pair<Series>; invalid: Pair<Series> }[];
}

/** One line of the summary: a figure, both sides, their ratio and the issue's target on it. */
interface Row {
  figure: string;
  ours: string;
  theirs: string;
  ratio: number;
  target?: { op: '≤' | '≥'; value: number };
}

const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(2)} MB`;
const num = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(x >= 10 ? 1 : 2));
const spread = (s: Series, unit = ''): string => `${num(s.median)}${unit} (${num(s.min)}–${num(s.max)}, n=${s.n})`;
const met = (r: Row): string => (!r.target ? '' : (r.target.op === '≤' ? r.ratio <= r.target.value : r.ratio >= r.target.value) ? 'met' : '**missed**');

function rows(c: Results['cases'][number]): Row[] {
  const b = c.bundles;
  return [
    { figure: 'bundle, node (min+gzip)', ours: kb(b.node.ours.gzipped), theirs: kb(b.node.theirs.gzipped), ratio: b.node.ours.gzipped / b.node.theirs.gzipped, target: { op: '≤', value: 0.1 } },
    { figure: 'bundle, browser (min+gzip)', ours: kb(b.browser.ours.gzipped), theirs: kb(b.browser.theirs.gzipped), ratio: b.browser.ours.gzipped / b.browser.theirs.gzipped, target: { op: '≤', value: 0.25 } },
    { figure: 'bundle, node (minified)', ours: kb(b.node.ours.minified), theirs: kb(b.node.theirs.minified), ratio: b.node.ours.minified / b.node.theirs.minified },
    { figure: 'bundle, browser (minified)', ours: kb(b.browser.ours.minified), theirs: kb(b.browser.theirs.minified), ratio: b.browser.ours.minified / b.browser.theirs.minified },
    { figure: 'installed packages', ours: String(c.installed.ours.packages), theirs: String(c.installed.theirs.packages), ratio: c.installed.ours.packages / c.installed.theirs.packages },
    { figure: 'installed bytes', ours: mb(c.installed.ours.bytes), theirs: mb(c.installed.theirs.bytes), ratio: c.installed.ours.bytes / c.installed.theirs.bytes },
    { figure: 'cold start: import + construct (ms)', ours: spread(c.cold.ms.ours), theirs: spread(c.cold.ms.theirs), ratio: c.cold.ms.ours.median / c.cold.ms.theirs.median, target: { op: '≤', value: 0.25 } },
    { figure: 'cold start: whole process (ms)', ours: spread(c.cold.process.ours), theirs: spread(c.cold.process.theirs), ratio: c.cold.process.ours.median / c.cold.process.theirs.median },
    { figure: 'calls/s, in-memory fetch', ours: spread(c.calls.memory.ours), theirs: spread(c.calls.memory.theirs), ratio: c.calls.memory.ours.median / c.calls.memory.theirs.median, target: { op: '≥', value: 3 } },
    { figure: 'calls per CPU-s, in-memory fetch', ours: spread(c.callsCpu.memory.ours), theirs: spread(c.callsCpu.memory.theirs), ratio: c.callsCpu.memory.ours.median / c.callsCpu.memory.theirs.median },
    { figure: 'calls/s, 127.0.0.1 test server', ours: spread(c.calls.server.ours), theirs: spread(c.calls.server.theirs), ratio: c.calls.server.ours.median / c.calls.server.theirs.median },
    { figure: 'calls per CPU-s, 127.0.0.1 test server', ours: spread(c.callsCpu.server.ours), theirs: spread(c.callsCpu.server.theirs), ratio: c.callsCpu.server.ours.median / c.callsCpu.server.theirs.median },
    { figure: 'validations/s, valid input (vs ajv)', ours: spread(c.validators.valid.ours), theirs: spread(c.validators.valid.theirs), ratio: c.validators.valid.ours.median / c.validators.valid.theirs.median, target: { op: '≥', value: 0.7 } },
    { figure: 'validations/s, invalid input (vs ajv)', ours: spread(c.validators.invalid.ours), theirs: spread(c.validators.invalid.theirs), ratio: c.validators.invalid.ours.median / c.validators.invalid.theirs.median },
  ];
}

function largest(b: BundleSize, top = 6): string {
  return b.largest
    .slice(0, top)
    .map((m) => `${m.name} ${kb(m.bytes)}`)
    .join(', ');
}

/** The console summary and the Markdown report. */
export function renderReport(r: Results): { console: string; markdown: string } {
  const m = r.machine;
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' / ');
  const con: string[] = [];
  const md: string[] = [
    '# Client benchmark: docsdk vs the official AWS SDK v3',
    '',
    '`npm run bench:clients` (scripts/bench-clients/) writes this file; the analysis at the end comes from',
    '`scripts/bench-clients/notes.md`. Ratios are ours / official: lower is better for sizes and times,',
    'higher for throughputs. Timed figures: median (min–max, n runs), A/B interleaved.',
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.os}; Node ${m.node}`,
    `- Date: ${m.date}; load average (1/5/15 min) before ${load(m.loadBefore)}, after ${load(m.loadAfter)}`,
    `- Plan${r.quick ? ' (**--quick**: a smoke test, not figures to quote)' : ''}: ${Object.entries(r.plan).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
  ];
  for (const c of r.cases) {
    const rs = rows(c);
    con.push(`\n${c.title}: ${c.oursPackage} vs ${c.theirsPackage}`);
    for (const x of rs) con.push(`  ${x.figure.padEnd(40)} ours ${x.ours.padEnd(34)} theirs ${x.theirs.padEnd(34)} ratio ${x.ratio.toFixed(3)} ${met(x).replace(/\*/g, '')}`);
    md.push(`## ${c.title}`, '', `Ours \`${c.oursPackage}\` (+ \`@docsdk/runtime\`), official \`${c.theirsPackage}\`.`, '');
    md.push('| figure | ours | official | ratio | target | |', '|---|---|---|---|---|---|');
    for (const x of rs) md.push(`| ${x.figure} | ${x.ours} | ${x.theirs} | ${x.ratio.toFixed(3)} | ${x.target ? `${x.target.op} ${x.target.value}` : ''} | ${met(x)} |`);
    md.push('', 'Largest contributors to the minified bundles (by package):', '');
    for (const platform of ['node', 'browser'] as const) {
      md.push(`- ${platform}, ours: ${largest(c.bundles[platform].ours)}`);
      md.push(`- ${platform}, official: ${largest(c.bundles[platform].theirs)}`);
    }
    md.push('');
  }
  if (r.validators.length > 0) {
    md.push('## Validators on a nested input', '', '| input | generated validator | ajv | ratio | target | |', '|---|---|---|---|---|---|');
    con.push('\nValidators on a nested input (ours vs ajv)');
    for (const v of r.validators) {
      for (const k of ['valid', 'invalid'] as const) {
        const ratio = v[k].ours.median / v[k].theirs.median;
        const row: Row = { figure: '', ours: '', theirs: '', ratio, ...(k === 'valid' ? { target: { op: '≥' as const, value: 0.7 } } : {}) };
        md.push(`| ${v.title}, ${k} | ${spread(v[k].ours)} | ${spread(v[k].theirs)} | ${ratio.toFixed(3)} | ${k === 'valid' ? '≥ 0.7' : ''} | ${met(row)} |`);
        con.push(`  ${`${v.id} ${k}`.padEnd(40)} ours ${spread(v[k].ours).padEnd(34)} ajv ${spread(v[k].theirs).padEnd(34)} ratio ${ratio.toFixed(3)}`);
      }
    }
    md.push('');
  }
  md.push('## How it is measured', '');
  md.push(
    '- **Bundle**: esbuild (minify, ESM, `platform=node` / `platform=browser`) of an entry that imports the client, builds it and',
    '  calls the operation once; gzip level 9. Both sides bundle from their scratch install (below).',
    '- **Installed**: a scratch project per side installs, offline, only the generated package\'s `npm pack` tarball and the',
    '  runtime\'s (both built as users get them), or only the official client at the repo\'s version from the npm cache;',
    '  packages = folders with a package.json under `node_modules`, bytes = sum of file sizes.',
    '- **Cold start**: a fresh `node` process imports the package and constructs the client; the figure is',
    '  `performance.now()` around import + construct inside the process; "whole process" is spawn to exit (Node\'s own',
    '  start-up included).',
    '- **Per call**: one call at a time (`await`) of validate + serialise + sign + send + parse + deserialise, after a',
    '  warm-up, in a fresh process per run; also per CPU second of that process (all threads, GC included), steadier',
    '  than wall time on a shared machine. In memory: ours gets a `fetch` resolving to a `Response` with the canned body; the',
    '  official client a `requestHandler` resolving to an `HttpResponse` with the same bytes. Server: `runtime/test/server.ts`',
    '  on 127.0.0.1 (keep-alive: undici\'s pool for ours, a keep-alive `http.Agent` for the official client); it verifies',
    '  every signature (with a pure-JS SHA-256, in the benchmark\'s parent process), which bounds both sides.',
    '- **Validators**: the exported generated validator (throws `ValidationError`, so invalid inputs pay for an Error) against',
    '  ajv 8 compiled from `jsonSchemaOfInput()` (scripts/bench-clients/json-schema.ts) of the same IR: default options (first',
    '  error, ajv\'s fastest) on the valid input, `allErrors: true` (every problem, as ours reports) on the invalid one;',
    '  alternating time slices in one process.',
    '',
  );
  const notes = path.join(import.meta.dirname, 'notes.md');
  if (existsSync(notes)) md.push(readFileSync(notes, 'utf8').trimEnd(), '');
  return { console: con.join('\n') + '\n', markdown: md.join('\n') };
}
