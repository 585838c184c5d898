/**
 * Conformance of what the docs say beside the operations (issue 18): the paginators read from the
 * docs (boto3's Paginator sections and pages, compared with their operations: generator/ir/pagination.ts)
 * against botocore's `paginators-1.json`, and the waiters against `waiters-2.json` — per service, then
 * a section of the report. Its own module so the report's rows stay apart; the runner calls
 * {@link scoreHelpers} with each built service and appends {@link renderHelpersMarkdown}.
 *
 * Facts per paginator botocore has: found (the docs document it and the IR read it), its input
 * token(s), output token(s), limit key and result key(s) — a paginator is right when all four are.
 * A botocore output token that is an expression (`NextMarker || Contents[-1].Key`) is compared by
 * its first member: the docs can show no more. Per waiter: found, its operation, delay, attempts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Service } from '../../generator/ir/model.ts';

/** botocore's paginator config of one operation. */
interface BotocorePaginator {
  input_token: string | string[];
  output_token: string | string[];
  limit_key?: string;
  result_key?: string | string[];
}

/** botocore's waiter config (version 2). */
interface BotocoreWaiter {
  operation: string;
  delay: number;
  maxAttempts: number;
}

/** One disagreement, for the report's examples. */
export interface HelperMismatch {
  service: string;
  name: string;
  fact: string;
  expected: string;
  actual: string;
}

/** The counts of one service, or of a row's services summed. */
export interface HelperScore {
  paginators: { expected: number; found: number; right: number; facts: number; factsRight: number; extra: number };
  waiters: { expected: number; found: number; right: number; facts: number; factsRight: number; extra: number };
  mismatches: HelperMismatch[];
}

/** An empty score. */
export function emptyHelperScore(): HelperScore {
  return {
    paginators: { expected: 0, found: 0, right: 0, facts: 0, factsRight: 0, extra: 0 },
    waiters: { expected: 0, found: 0, right: 0, facts: 0, factsRight: 0, extra: 0 },
    mismatches: [],
  };
}

/** A botocore JSON beside a service model (`…/<version>/service-2.json[.gz]`), or undefined. */
function besideModel<T>(modelFile: string, name: string): T | undefined {
  const dir = path.dirname(modelFile);
  for (const file of [path.join(dir, name), path.join(dir, `${name}.gz`)]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    return JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T;
  }
  return undefined;
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** An output-token expression's first member (`NextMarker || Contents[-1].Key` → `NextMarker`). */
const firstOf = (expression: string): string => expression.split('||')[0]!.trim();
const show = (v: readonly string[]): string => (v.length === 0 ? '(none)' : v.join(', '));

/**
 * Scores the paginators and waiters of `service` (an IR built from the docs) against the botocore
 * files beside `modelFile`. Only paginators read from the docs count (the NextToken guess does not).
 */
export function scoreHelpers(service: Service, modelFile: string): HelperScore {
  const score = emptyHelperScore();
  const mismatch = (name: string, fact: string, expected: string, actual: string) => {
    if (score.mismatches.length < 100) score.mismatches.push({ service: service.id, name, fact, expected, actual });
  };
  // Counts one paginator's or waiter's facts ([fact, expected, actual], as shown): right when all are.
  const tally = (t: HelperScore['paginators'], name: string, facts: [string, string, string][]) => {
    let all = true;
    for (const [fact, expected, actual] of facts) {
      t.facts++;
      if (expected === actual) t.factsRight++;
      else {
        all = false;
        mismatch(name, fact, expected, actual);
      }
    }
    if (all) t.right++;
  };
  const paginators = besideModel<{ pagination: Record<string, BotocorePaginator> }>(modelFile, 'paginators-1.json')?.pagination ?? {};
  const documented = new Map(service.operations.filter((o) => o.paginator?.source).map((o) => [o.name, o.paginator!]));
  const p = score.paginators;
  for (const [name, config] of Object.entries(paginators)) {
    p.expected++;
    const read = documented.get(name);
    if (!read) {
      mismatch(name, 'paginator', 'documented', '(not read)');
      continue;
    }
    p.found++;
    tally(p, name, [
      ['input tokens', show(asList(config.input_token)), show(read.inputTokens ?? [read.inputToken])],
      ['output tokens', show(asList(config.output_token).map(firstOf)), show(read.outputTokens ?? [read.outputToken])],
      ['limit key', show(asList(config.limit_key)), show(asList(read.limitKey))],
      ['result keys', show([...asList(config.result_key)].sort()), show([...(read.resultKeys ?? asList(read.items))].sort())],
    ]);
  }
  p.extra = [...documented.keys()].filter((name) => !paginators[name]).length;

  const waiters = besideModel<{ waiters: Record<string, BotocoreWaiter> }>(modelFile, 'waiters-2.json')?.waiters ?? {};
  const byName = new Map((service.waiters ?? []).map((w) => [w.name, w]));
  const w = score.waiters;
  for (const [name, config] of Object.entries(waiters)) {
    w.expected++;
    const read = byName.get(name);
    if (!read) {
      mismatch(name, 'waiter', 'documented', '(not read)');
      continue;
    }
    w.found++;
    tally(w, name, [
      ['operation', config.operation, read.operation],
      ['delay', String(config.delay), String(read.delay)],
      ['max attempts', String(config.maxAttempts), String(read.maxAttempts)],
    ]);
  }
  w.extra = [...byName.keys()].filter((name) => !waiters[name]).length;
  return score;
}

/** Adds `from` into `into` (a row's total); keeps the first mismatches as examples. */
export function addHelperScore(into: HelperScore, from: HelperScore): void {
  for (const kind of ['paginators', 'waiters'] as const) {
    for (const key of Object.keys(into[kind]) as (keyof HelperScore['paginators'])[]) into[kind][key] += from[kind][key];
  }
  for (const m of from.mismatches) if (into.mismatches.length < 200) into.mismatches.push(m);
}

/**
 * The targets, ≥ 99% each: of botocore's paginators and waiters, those read from the docs (found),
 * and of their facts (tokens, limit key, result keys; operation, delay, attempts) those right. A
 * paginator with all four right is reported too, but not held to 99%: the result keys are not on the
 * pages (the rule of docs/ir.md gets 98.3% of botocore's), so no reading of the docs can reach it.
 */
export const HELPER_TARGET = 0.99;

/** What falls below {@link HELPER_TARGET} in a row's total, as short sentences (empty when none). */
export function helperFailures(total: HelperScore): string[] {
  const out: string[] = [];
  for (const kind of ['paginators', 'waiters'] as const) {
    const s = total[kind];
    if (s.expected > 0 && s.found / s.expected < HELPER_TARGET) out.push(`${kind} found ${pctOf(s.found, s.expected)}% < ${HELPER_TARGET * 100}%`);
    if (s.facts > 0 && s.factsRight / s.facts < HELPER_TARGET) out.push(`${kind} facts right ${pctOf(s.factsRight, s.facts)}% < ${HELPER_TARGET * 100}%`);
  }
  return out;
}

const pctOf = (n: number, of: number): string => (of === 0 ? '100' : ((100 * n) / of).toFixed(2));

/** One line per row, for the run's output. */
export function helperLine(row: string, total: HelperScore): string {
  const { paginators: p, waiters: w } = total;
  return (
    `${row} paginators: ${p.right}/${p.expected} right (${pctOf(p.right, p.expected)}%), ${p.found} found, keys ${p.factsRight}/${p.facts} (${pctOf(p.factsRight, p.facts)}%), ${p.extra} not botocore's; ` +
    `waiters: ${w.right}/${w.expected} right (${pctOf(w.right, w.expected)}%), ${w.found} found, ${w.extra} not botocore's`
  );
}

/** The report's "Paginators and waiters" section: a table row per corpus row, then examples of what is wrong. */
export function renderHelpersMarkdown(rows: readonly { row: string; total: HelperScore }[]): string {
  if (rows.length === 0) return '';
  const lines = [
    '',
    '## Paginators and waiters read from the docs',
    '',
    "Paginators read from boto3's Paginator sections/pages (tokens, limit key and result keys by comparing `paginate()` with its operation, docs/ir.md) against botocore's `paginators-1.json`; waiters (operation, delay, attempts; the pages show no acceptors) against `waiters-2.json`. Targets: ≥ 99% of botocore's found and ≥ 99% of their facts right (a paginator is right when its tokens, limit key and result keys all are; result keys are not on the pages, so that is reported, not held to 99%).",
    '',
    '| row | paginators right | found | key facts right | not botocore\'s | waiters right | found | facts right |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const { row, total } of rows) {
    const { paginators: p, waiters: w } = total;
    lines.push(
      `| ${row} | ${p.right}/${p.expected} (${pctOf(p.right, p.expected)}%) | ${p.found} | ${p.factsRight}/${p.facts} (${pctOf(p.factsRight, p.facts)}%) | ${p.extra} | ${w.right}/${w.expected} (${pctOf(w.right, w.expected)}%) | ${w.found} | ${w.factsRight}/${w.facts} (${pctOf(w.factsRight, w.facts)}%) |`,
    );
  }
  for (const { row, total } of rows) {
    if (total.mismatches.length === 0) continue;
    lines.push('', `### ${row}: first disagreements`, '', '| service | name | fact | botocore | docs |', '|---|---|---|---|---|');
    for (const m of total.mismatches.slice(0, 40)) lines.push(`| ${m.service} | ${m.name} | ${m.fact} | ${m.expected} | ${m.actual} |`);
  }
  return `${lines.join('\n')}\n`;
}
