/**
 * `npm run bench`: the speed of docsdk on the conformance corpus (all 333 boto3 services, ~214 MB of
 * RST), each phase a child process measured from outside (wall, peak RSS): (a) the corpus read to IR,
 * (b) the full generate of every service (IR and emitted, formatted packages) with an empty cache, and
 * again with the cache but no output folder, (c) the incremental generate after one page changes (and
 * with nothing changed). Builds the corpus first when it is missing. Prints the table and writes
 * `bench/results.md` (the machine, then the table, then the measured history of the speed work).
 *
 * With `--prettier-check`, Prettier is run over every file the cold generate emitted (on two processes):
 * generate runs no formatter, and the row says how many files Prettier would change (the target: none).
 *
 * Then, when the boto3 1.43 corpus is there (`corpus-143/`, scripts/corpus-boto3-143: ~25,000 per-method
 * pages, ~200 MB), (a) and (b) again on it, each phase also as a ratio to boto3's own documenter writing
 * that corpus: its wall seconds as the corpus script recorded them (`documenter.json`), or, with
 * `--time-documenter`, the documenter run again here, timed, into a temporary folder.
 *
 * With `--only-143`, only the 1.43 rows are run (no 1.26 corpus needed): the results file keeps the 1.26
 * table of the file it replaces, marked with the date of the run that measured it.
 *
 * Usage: npm run bench -- [--corpus DIR] [--corpus-143 DIR] [--skip-cold] [--skip-143] [--only-143] [--time-documenter]
 *   [--prettier-check] [--results FILE]
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure, type Measured } from './measure.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    'corpus-143': { type: 'string', default: 'corpus-143' },
    'skip-cold': { type: 'boolean', default: false },
    'skip-143': { type: 'boolean', default: false },
    'only-143': { type: 'boolean', default: false },
    'time-documenter': { type: 'boolean', default: false },
    'prettier-check': { type: 'boolean', default: false },
    results: { type: 'string', default: 'bench/results.md' },
  },
});
const corpus = values.corpus!;
const services = path.join(corpus, 'services');

const only143 = values['only-143']!;
if (!only143 && !existsSync(path.join(corpus, 'manifest.json'))) {
  process.stdout.write('no corpus: building it with scripts/conformance-corpus (a few minutes)\n');
  const built = spawnSync('scripts/conformance-corpus', [], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// The generate phases time the CLI as `npm ci` leaves it: compiled, from a bundle built from these
// sources (bin/docsdk.js would run the sources through tsx if the bundle were stale).
const builtCli = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
if (builtCli.status !== 0) process.exit(builtCli.status ?? 1);

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  date: new Date().toISOString(),
  loadBefore: load(),
};
const bytes = only143 ? 0 : readdirSync(services).reduce((n, f) => n + statSync(path.join(services, f)).size, 0);
const mb = bytes / 1e6;

interface Row {
  phase: string;
  target: string;
  m: Measured;
  operations?: number;
  megabytes?: number;
  note?: string;
}
const rows: Row[] = [];
const say = (row: Row) => {
  rows.push(row);
  process.stdout.write(`${line(row)}\n`);
  if (row.m.status !== 0) process.stderr.write(row.m.stderr.slice(-4000));
};

const packages = (m: Measured) => m.stdout.split('\n').filter((l) => l.includes(' files)')).length;
let operations = NaN;
if (!only143) {
  // (a) the corpus read to IR.
  const read = measure('node', ['--import', 'tsx', 'scripts/bench/read-corpus.ts', services]);
  const readResult = JSON.parse(read.stdout.trim().split('\n').pop() || '{}') as { operations?: number; services?: number; wallMs?: number };
  operations = readResult.operations ?? NaN;
  say({ phase: `(a) read ${readResult.services} services to IR`, target: '≤ 25 s', m: read, operations, megabytes: mb });

  // The generate phases work on a copy of the corpus, so one page can be edited without touching it.
  const work = mkdtempSync(path.join(tmpdir(), 'docsdk-bench-'));
  const copy = path.join(work, 'services');
  cpSync(services, copy, { recursive: true });
  const out = path.join(work, 'out');
  const cache = path.join(work, 'cache');
  // --keep-going: a page the readers cannot read whole (an error) must not leave the phase with nothing to
  // time — the other services are emitted as ever, and the row still says exit 1.
  const generate = () => measure('node', ['bin/docsdk.js', 'generate', copy, '--out', out, '--cache-dir', cache, '--keep-going', '--allow-unconfigured']);

  if (!values['skip-cold']) {
    const cold = generate();
    say({ phase: `(b) full generate, empty cache: ${packages(cold)} packages`, target: '≤ 60 s, ≤ 2 GB', m: cold, operations, megabytes: mb, note: `output ${outputMb(out)} MB` });
    if (values['prettier-check']) await prettierCheck(out);
  }
  rmSync(out, { recursive: true, force: true });
  const warm = generate();
  say({ phase: `(b) full generate, cache kept, output folder removed: ${packages(warm)} packages`, target: '≤ 60 s, ≤ 2 GB', m: warm, operations, megabytes: mb, note: `output ${outputMb(out)} MB` });

  const same = generate();
  say({ phase: '(c) generate again, nothing changed', target: '≤ 0.5 s', m: same });

  // (c) one page changes: a sentence of one operation's description in one service (the first, in a corpus without account).
  const page = path.join(copy, existsSync(path.join(copy, 'account.rst')) ? 'account.rst' : readdirSync(copy).sort()[0]!);
  const text = readFileSync(page, 'utf8');
  const edited = text.replace('Deletes the specified alternate contact', 'Deletes (benchmark edit) the specified alternate contact');
  rmSync(page);
  writeFileSync(page, edited === text ? `${text}\n` : edited);
  const one = generate();
  say({ phase: `(c) generate after one page changed (${path.basename(page, '.rst')})`, target: '≤ 0.5 s', m: one, note: `aws-${path.basename(page, '.rst')} re-read and re-emitted` });

  rmSync(work, { recursive: true, force: true });
}

// ---- boto3 1.43: per-method pages, against boto3's documenter writing them ----
const corpus143 = values['corpus-143']!;
const pages143 = path.join(corpus143, 'reference', 'services');
const rows143: Row[] = [];
let documenter: Documenter | undefined;
let documenterNote = '';
if (!values['skip-143'] && existsSync(path.join(corpus143, 'documenter.json'))) {
  documenter = JSON.parse(readFileSync(path.join(corpus143, 'documenter.json'), 'utf8')) as Documenter;
  documenterNote = `as recorded by scripts/corpus-boto3-143 when it wrote ${corpus143}/ (${statSync(path.join(corpus143, 'documenter.json')).mtime.toISOString()})`;
  if (values['time-documenter']) {
    // The same documenter on the same services, timed here (its own record of its pool's wall time).
    const into = mkdtempSync(path.join(tmpdir(), 'docsdk-documenter-'));
    const timed = measure('scripts/corpus-boto3-143', ['--out', path.join(into, 'corpus'), ...(documenter.subset ?? [])]);
    if (timed.status === 0) {
      documenter = JSON.parse(readFileSync(path.join(into, 'corpus', 'documenter.json'), 'utf8')) as Documenter;
      documenterNote = `run again in this benchmark (${timed.wallSeconds.toFixed(0)} s with its start-up)`;
    } else process.stderr.write(`timing the documenter failed (exit ${timed.status}); using ${corpus143}/documenter.json\n${timed.stderr.slice(-2000)}`);
    rmSync(into, { recursive: true, force: true });
  }
  let mb143 = documenter.bytes / 1e6;
  const say143 = (row: Row) => {
    rows143.push(row);
    process.stdout.write(`${line(row, documenter)}\n`);
    if (row.m.status !== 0) process.stderr.write(row.m.stderr.slice(-4000));
  };
  const read143 = measure('node', ['--import', 'tsx', 'scripts/bench/read-corpus.ts', pages143]);
  const r143 = JSON.parse(read143.stdout.trim().split('\n').pop() || '{}') as { files?: number; bytes?: number; operations?: number; services?: number; errors?: number };
  if (r143.bytes) mb143 = r143.bytes / 1e6;
  say143({ phase: `(a) read ${r143.services} services (${r143.files} pages) to IR`, target: '≤ 20 s, ≥ 10× the documenter', m: read143, operations: r143.operations ?? NaN, megabytes: mb143, note: `${r143.errors} error diagnostics` });
  const work143 = mkdtempSync(path.join(tmpdir(), 'docsdk-bench-143-'));
  const out143 = path.join(work143, 'out');
  const cold143 = measure('node', ['bin/docsdk.js', 'generate', pages143, '--out', out143, '--cache-dir', path.join(work143, 'cache'), '--keep-going', '--allow-unconfigured']);
  say143({ phase: `(b) full generate, empty cache: ${packages(cold143)} packages`, target: '≥ 5× the documenter', m: cold143, operations: r143.operations ?? NaN, megabytes: mb143, note: `output ${existsSync(out143) ? outputMb(out143) : 0} MB` });
  rmSync(work143, { recursive: true, force: true });
}
machine.loadBefore += ` → after: ${load()}`;

/** Prettier over the whole output, in two processes at once; a row with the count of files it would change. */
async function prettierCheck(out: string): Promise<void> {
  const started = Date.now();
  const run = (share: string) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/prettier-check.ts', out, share], { stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`prettier-check ${share} exited ${code}`))));
    });
  const results = (await Promise.all(['0/2', '1/2'].map(run))).map(
    (text) => JSON.parse(text.trim().split('\n').pop()!) as { packages: number; files: number; changed: string[] },
  );
  const files = results.reduce((n, r) => n + r.files, 0);
  const changed = results.flatMap((r) => r.changed);
  const wallSeconds = (Date.now() - started) / 1000;
  rows.push({
    phase: `(b) Prettier check of the emitted files: ${files} files of ${results.reduce((n, r) => n + r.packages, 0)} packages`,
    target: '0 changed',
    m: { wallSeconds, cpuSeconds: NaN, maxRssMb: NaN, status: changed.length === 0 ? 0 : 1, stdout: '', stderr: '' },
    note: `${changed.length} changed${changed.length ? `: ${changed.slice(0, 5).join(', ')}` : ''} (a check, not a speed target)`,
  });
  process.stdout.write(`${line(rows[rows.length - 1]!)}\n`);
}

function outputMb(dir: string): string {
  const r = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
  return r.stdout.split('\t')[0] ?? '?';
}

/**
 * With --only-143: the 1.26 part (machine, table) of the results file being replaced, said to be that
 * earlier run's, or that no 1.26 row was run.
 */
function carriedOver126(): string {
  const previous = existsSync(values.results!) ? readFileSync(values.results!, 'utf8') : '';
  const part = /\nWritten by [\s\S]*?(Corpus: \d+ boto3 services[\s\S]*?\n\| phase [\s\S]*?)\n\n/.exec(previous)?.[1];
  const date = part ? /- Date: (\S+)/.exec(part)?.[1] : undefined;
  if (!part || !date) return 'Only the boto3 1.43 rows were run (`--only-143`); no 1.26 row is recorded.';
  return `Only the boto3 1.43 rows were run here (\`--only-143\`). The 1.26 rows below are those of the earlier run of ${date}, kept as it wrote them:\n\n${part}\n\nThis run:`;
}

/** What scripts/corpus-boto3-143 records of boto3's documenter writing the corpus (documenter.json). */
interface Documenter {
  boto3: string;
  services: number;
  files: number;
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  processes: number;
  subset: string[] | null;
}

/** A table line; with `documenter`, a column for the phase as a ratio to the documenter's wall time (how many times faster). */
function line(r: Row, documenter?: Documenter): string {
  const rate = r.megabytes ? `${(r.megabytes / r.m.wallSeconds).toFixed(1)} MB/s` : '';
  const ops = r.operations ? `${Math.round(r.operations / r.m.wallSeconds)} ops/s` : '';
  const ratio = documenter ? ` ${(documenter.seconds / r.m.wallSeconds).toFixed(1)}× |` : '';
  return `| ${r.phase} | ${r.m.wallSeconds.toFixed(2)} s | ${Number.isNaN(r.m.cpuSeconds) ? '' : `${r.m.cpuSeconds.toFixed(1)} s`} | ${rate} | ${ops} | ${Number.isNaN(r.m.maxRssMb) ? '' : `${Math.round(r.m.maxRssMb)} MB`} |${ratio} ${r.target} | ${r.note ?? ''}${r.m.status === 0 ? '' : ` **exit ${r.m.status}**`} |`;
}

const table = [
  '| phase | wall | CPU | MB/s | operations/s | peak RSS | target | note |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => line(r)),
].join('\n');
const table143 = documenter
  ? `

## boto3 ${documenter.boto3} corpus: per-method pages

${pages143}: ${documenter.services} services, ${documenter.files} files, ${(documenter.bytes / 1e6).toFixed(1)} MB of RST (scripts/corpus-boto3-143). boto3's documenter wrote it in
${documenter.seconds.toFixed(0)} s wall (${documenter.cpuSeconds.toFixed(0)} s CPU, ${documenter.processes} processes), ${documenterNote}; the ratio is that time over the phase's (how many times faster).

| phase | wall | CPU | MB/s | operations/s | peak RSS | × documenter | target | note |
|---|---|---|---|---|---|---|---|---|
${rows143.map((r) => line(r, documenter)).join('\n')}`
  : '';
const history = readFileSync(new URL('./history.md', import.meta.url), 'utf8');
const results = `# Benchmark results

Written by \`npm run bench\` (scripts/bench/run.ts). ${only143 ? carriedOver126() : `Corpus: ${readdirSync(services).length} boto3 services, ${mb.toFixed(1)} MB of RST, ${operations} operations.`}

- CPU: ${machine.cpu}, ${machine.cores} cores
- Node: ${machine.node}; the CLI compiled (\`scripts/build-cli.mjs\`)
- Date: ${machine.date}
- Load average (1, 5, 15 min): ${machine.loadBefore}
- CPU: user + system seconds of the phase's process and all its threads (\`/usr/bin/time\`), which other work on the machine changes less than wall time

${only143 ? table143.trimStart() : `${table}${table143}`}

${history}`;
mkdirSync(path.dirname(values.results!), { recursive: true });
writeFileSync(values.results!, results);
process.stdout.write(`\nwritten ${values.results}\n`);
