/**
 * `npm run fuzz -- [--count N] [--seconds S] [--seed N] [--huge-every N] [--out FILE]`: a
 * bounded fuzz campaign over every reader (see campaign.ts for how time and memory are bounded).
 * Prints inputs tried, crashes, hangs, property violations and the slowest input, writes the
 * numbers with the machine's details to `bench/fuzz.md` (or `--out`; `--out -` writes nothing),
 * and exits 1 when anything was found. Each finding is printed as replayable JSON input.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machine, runCampaign, type CampaignResult, type Finding } from './campaign.ts';
import { ROOT } from './seeds.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    seconds: { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    'huge-every': { type: 'string', default: '20000' },
    out: { type: 'string', default: 'bench/fuzz.md' },
  },
});

const number = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`fuzz: --${name} must be a non-negative number, got "${text}"\n`);
    process.exit(2);
  }
  return n;
};

const count = number('count', values.count);
const seconds = number('seconds', values.seconds);
const seed = number('seed', values.seed)!;
const hugeEvery = number('huge-every', values['huge-every'])!;
const date = new Date().toISOString();
const started = performance.now();

const result = await runCampaign({
  seed,
  ...(count === undefined && seconds === undefined ? { count: 1000 } : {}),
  ...(count !== undefined ? { count } : {}),
  ...(seconds !== undefined ? { seconds } : {}),
  hugeEvery,
  onInput(done, r) {
    if (done % 2000 === 0) {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      process.stderr.write(`fuzz: ${done} inputs in ${seconds} s, ${r.crashes.length} crashes, ${r.hangs.length} hangs, ${r.violations.length} violations\n`);
    }
  },
});

const show = (f: Finding) => `  #${f.index} ${JSON.stringify(f.input)}\n    ${f.message.split('\n').join('\n    ')}`;
const summary = [
  `seed ${result.seed}: ${result.tried} inputs tried (${result.huge} grown to 50 MB) in ${(result.elapsedMs / 1000).toFixed(1)} s`,
  `crashes: ${result.crashes.length}`,
  ...result.crashes.slice(0, 20).map(show),
  `hangs: ${result.hangs.length}`,
  ...result.hangs.slice(0, 20).map(show),
  `property violations: ${result.violations.length}`,
  ...result.violations.slice(0, 20).map(show),
  result.slowest ? `slowest input: #${result.slowest.index}, ${result.slowest.ms.toFixed(0)} ms, ${result.slowest.bytes} characters: ${JSON.stringify(result.slowest.input)}` : 'slowest input: none',
];
process.stdout.write(`${summary.join('\n')}\n`);

if (values.out !== '-') {
  const file = path.resolve(ROOT, values.out);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, report(result));
  process.stdout.write(`written: ${path.relative(ROOT, file)}\n`);
}
process.exitCode = result.crashes.length + result.hangs.length + result.violations.length > 0 ? 1 : 0;

/** `bench/fuzz.md`: the campaign's numbers and the machine they were measured on. */
function report(r: CampaignResult): string {
  const m = machine();
  const slow = r.slowest;
  return `# Reader fuzzing

\`npm run fuzz -- --count ${r.tried} --seed ${r.seed} --huge-every ${hugeEvery}\` — mutated seed pages
(\`specs/**\`, \`test/fixtures/boto3/**/*.rst\`, \`test/fixtures/baidu/*.md\`) read through the real
pipeline (\`readDocument\` → \`buildIR\` → \`validateIR\`), one input at a time in a worker thread with a
deadline (10 s per page + 2 s per MB) and a 2 GB heap limit. Mutations: truncation, deleted,
duplicated and swapped lines, shifted indentation, tabs, CRLF, BOM, invalid UTF-8 bytes (through
\`decode()\`), NUL bytes, markup inserted, lines spliced from other seeds, nesting up to 10,000
levels, pages grown to 50 MB. See \`test/fuzz/\`.

| | |
|---|---|
| date | ${date} |
| machine | ${m.cpu}, ${m.cores} cores, Node ${m.node} |
| seed | ${r.seed} |
| inputs tried | ${r.tried} |
| of which grown to 50 MB | ${r.huge} |
| crashes | ${r.crashes.length} |
| hangs | ${r.hangs.length} |
| property violations | ${r.violations.length} |
| largest input | ${r.largest} characters |
| slowest input | ${slow ? `${slow.ms.toFixed(0)} ms (${slow.bytes} characters, input #${slow.index})` : '–'} |
| wall time | ${(r.elapsedMs / 1000).toFixed(1)} s |
${
  r.crashes.length + r.hangs.length + r.violations.length > 0
    ? `\n## Findings\n\n\`\`\`\n${[...r.crashes, ...r.hangs, ...r.violations].slice(0, 50).map(show).join('\n')}\n\`\`\`\n`
    : ''
}`;
}
