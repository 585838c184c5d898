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
 * Usage: npm run bench -- [--corpus DIR] [--skip-cold] [--prettier-check]
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
    'skip-cold': { type: 'boolean', default: false },
    'prettier-check': { type: 'boolean', default: false },
  },
});
const corpus = values.corpus!;
const services = path.join(corpus, 'services');

if (!existsSync(path.join(corpus, 'manifest.json'))) {
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
const bytes = readdirSync(services).reduce((n, f) => n + statSync(path.join(services, f)).size, 0);
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

// (a) the corpus read to IR.
const read = measure('node', ['--import', 'tsx', 'scripts/bench/read-corpus.ts', services]);
const readResult = JSON.parse(read.stdout.trim().split('\n').pop() || '{}') as { operations?: number; services?: number; wallMs?: number };
const operations = readResult.operations ?? NaN;
say({ phase: `(a) read ${readResult.services} services to IR`, target: '≤ 25 s', m: read, operations, megabytes: mb });

// The generate phases work on a copy of the corpus, so one page can be edited without touching it.
const work = mkdtempSync(path.join(tmpdir(), 'docsdk-bench-'));
const copy = path.join(work, 'services');
cpSync(services, copy, { recursive: true });
const out = path.join(work, 'out');
const cache = path.join(work, 'cache');
const generate = () => measure('node', ['bin/docsdk.js', 'generate', copy, '--out', out, '--cache-dir', cache]);
const packages = (m: Measured) => m.stdout.split('\n').filter((l) => l.includes(' files)')).length;

if (!values['skip-cold']) {
  const cold = generate();
  say({ phase: `(b) full generate, empty cache: ${packages(cold)} packages`, target: '≤ 60 s, ≤ 2 GB', m: cold, operations, megabytes: mb, note: `output ${outputMb(out)} MB` });
  if (values['prettier-check']) await prettierCheck();
}
rmSync(out, { recursive: true, force: true });
const warm = generate();
say({ phase: `(b) full generate, cache kept, output folder removed: ${packages(warm)} packages`, target: '≤ 60 s, ≤ 2 GB', m: warm, operations, megabytes: mb, note: `output ${outputMb(out)} MB` });

const same = generate();
say({ phase: '(c) generate again, nothing changed', target: '≤ 0.5 s', m: same });

// (c) one page changes: a sentence of one operation's description in one service.
const page = path.join(copy, 'account.rst');
const text = readFileSync(page, 'utf8');
const edited = text.replace('Deletes the specified alternate contact', 'Deletes (benchmark edit) the specified alternate contact');
rmSync(page);
writeFileSync(page, edited === text ? `${text}\n` : edited);
const one = generate();
say({ phase: '(c) generate after one page changed (account)', target: '≤ 0.5 s', m: one, note: 'aws-account re-read and re-emitted' });

rmSync(work, { recursive: true, force: true });
machine.loadBefore += ` → after: ${load()}`;

/** Prettier over the whole output, in two processes at once; a row with the count of files it would change. */
async function prettierCheck(): Promise<void> {
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
    m: { wallSeconds, maxRssMb: NaN, status: changed.length === 0 ? 0 : 1, stdout: '', stderr: '' },
    note: `${changed.length} changed${changed.length ? `: ${changed.slice(0, 5).join(', ')}` : ''} (a check, not a speed target)`,
  });
  process.stdout.write(`${line(rows[rows.length - 1]!)}\n`);
}

function outputMb(dir: string): string {
  const r = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
  return r.stdout.split('\t')[0] ?? '?';
}

function line(r: Row): string {
  const rate = r.megabytes ? `${(r.megabytes / r.m.wallSeconds).toFixed(1)} MB/s` : '';
  const ops = r.operations ? `${Math.round(r.operations / r.m.wallSeconds)} ops/s` : '';
  return `| ${r.phase} | ${r.m.wallSeconds.toFixed(2)} s | ${rate} | ${ops} | ${Number.isNaN(r.m.maxRssMb) ? '' : `${Math.round(r.m.maxRssMb)} MB`} | ${r.target} | ${r.note ?? ''}${r.m.status === 0 ? '' : ` **exit ${r.m.status}**`} |`;
}

const table = [
  '| phase | wall | MB/s | operations/s | peak RSS | target | note |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(line),
].join('\n');
const history = readFileSync(new URL('./history.md', import.meta.url), 'utf8');
const results = `# Benchmark results

Written by \`npm run bench\` (scripts/bench/run.ts). Corpus: ${readdirSync(services).length} boto3 services, ${mb.toFixed(1)} MB of RST, ${operations} operations.

- CPU: ${machine.cpu}, ${machine.cores} cores
- Node: ${machine.node}; the CLI compiled (\`scripts/build-cli.mjs\`)
- Date: ${machine.date}
- Load average (1, 5, 15 min): ${machine.loadBefore}

${table}

${history}`;
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.md', results);
process.stdout.write(`\nwritten bench/results.md\n`);
