/**
 * `npm run wire [-- --all | SERVICE...] [--corpus DIR]... [--out FILE] [--seed N] [--perturb KIND] [--self-test]`
 *
 * Generates docsdk clients for JSON-protocol services of the boto3 1.26 conformance corpus and compares
 * every operation with the official AWS SDK for JavaScript v3 client on the 127.0.0.1 SigV4-checking
 * server (scripts/wire/check.ts). Without services: the CI set ({@link WIRE_CI_SERVICES}); `--all`:
 * every JSON service botocore has (127), written to conformance/wire.md unless `--out` says otherwise.
 * `--self-test` breaks docsdk's side on purpose (content type, body, error parsing) on one small
 * service and fails unless each break is caught. Exits 1 when any operation differs.
 *
 * The official clients are installed apart: `npm ci --prefix scripts/wire`.
 *
 * @packageDocumentation
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jsonServices } from './botocore.ts';
import { checkServices, type Perturbation, type ServiceResult } from './check.ts';
import { formatReport, summary, type SelfTestResult } from './report.ts';

/**
 * The services `.ci/run` checks: the JSON services of the conformance CI set, plus Cognito user
 * pools (unsigned operations), Cognito identity and Cloud Map (host prefixes).
 */
export const WIRE_CI_SERVICES: readonly string[] = [
  'athena', 'directconnect', 'dynamodb', 'ecs', 'glue', 'kinesis', 'kms', 'logs', 'secretsmanager', 'snowball',
  'ssm', 'stepfunctions', 'timestream-query', 'cognito-idp', 'cognito-identity', 'servicediscovery',
];

/** The service the self-test breaks docsdk's side on. */
export const SELF_TEST_SERVICE = 'dynamodbstreams';

function parse(argv: string[]) {
  const o = { all: false, services: [] as string[], corpora: [] as string[], out: undefined as string | undefined, seed: 1, perturb: undefined as Perturbation | undefined, selfTest: false, work: undefined as string | undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--all') o.all = true;
    else if (a === '--self-test') o.selfTest = true;
    else if (a === '--corpus') o.corpora.push(argv[++i]!);
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--work') o.work = argv[++i];
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--perturb') o.perturb = argv[++i] as Perturbation;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.services.push(a);
  }
  if (o.corpora.length === 0) o.corpora.push('corpus');
  return o;
}

/** Runs each deliberate break on the self-test service: caught when every compared operation differs in that respect. */
async function selfTest(corpora: string[], work: string, seed: number): Promise<SelfTestResult[]> {
  const out: SelfTestResult[] = [];
  const checks: [Perturbation | undefined, RegExp][] = [
    [undefined, /^$/],
    ['content-type', /^content-type: docsdk application\/json, AWS SDK application\/x-amz-json-1\.[01]$/],
    ['body', /^body PerturbedByTheSelfTest: docsdk true, AWS SDK undefined$/],
    ['error', /^error (\w+): docsdk (?!\1,)\w+, AWS SDK \1$/],
  ];
  for (const [perturb, expected] of checks) {
    const [r] = await checkServices([SELF_TEST_SERVICE], { corpora, work: path.join(work, `self-${perturb ?? 'none'}`), seed, perturb });
    const ops = r!.operations.filter((o) => o.status !== 'skipped');
    const caught = ops.filter((o) => (perturb === undefined ? o.status === 'agree' : o.status === 'differ' && o.notes.some((n) => expected.test(n))));
    out.push({ perturb: perturb ?? 'none', operations: ops.length, caught: caught.length, example: ops.find((o) => o.notes.length > 0)?.notes[0] ?? '', problem: r!.problem });
  }
  return out;
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  const work = o.work ?? mkdtempSync(path.join(tmpdir(), 'docsdk-wire-'));
  const started = Date.now();
  const services = o.all ? jsonServices() : o.services.length > 0 ? o.services : [...WIRE_CI_SERVICES];
  let failed = false;
  let self: SelfTestResult[] | undefined;
  if (o.selfTest) {
    self = await selfTest(o.corpora, work, o.seed);
    for (const s of self) {
      const ok = s.operations > 0 && s.caught === s.operations;
      if (!ok) failed = true;
      console.log(`wire self-test ${s.perturb}: ${s.caught}/${s.operations} operations ${s.perturb === 'none' ? 'agree' : 'caught'}${s.problem ? ` (${s.problem})` : ''}${ok ? '' : '  FAILED'}`);
    }
  }
  const results: ServiceResult[] = await checkServices(services, {
    corpora: o.corpora,
    work,
    seed: o.seed,
    perturb: o.perturb,
    progress: (r) => {
      const s = summary([r]);
      console.log(`wire ${r.service}: ${r.problem ? `not checked: ${r.problem}` : `${s.compared} compared, ${s.agree} agree, ${s.skew} skew, ${s.differ} differ${s.skipped ? `, ${s.skipped} not comparable` : ''}`}`);
    },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const total = summary(results);
  const outFile = o.out ?? (o.all ? 'conformance/wire.md' : undefined);
  if (outFile) {
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, formatReport(results, { seed: o.seed, selfTest: self, command: `npm run wire -- ${process.argv.slice(2).filter((a, i, all) => a !== '--work' && a !== '--out' && all[i - 1] !== '--work' && all[i - 1] !== '--out').join(' ')}`.trim() }));
    console.log(`wire: wrote ${outFile}`);
  }
  console.log(
    `wire: ${results.length} services, ${total.compared} operations compared, ${total.agree} agree, ${total.skew} version skew, ${total.differ} differ, ${total.skipped} not comparable, ${total.unchecked} services not checked (${seconds} s)`,
  );
  if (!o.work) rmSync(work, { recursive: true, force: true });
  if (total.differ > 0 || failed) process.exitCode = 1;
}

await main();
