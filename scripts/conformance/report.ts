/**
 * The conformance report: its data (report.json) and its Markdown rendering (report.md). The report
 * is a list of rows, one per corpus and rendering — boto3 1.26 whole-service files, boto3 1.43
 * per-method pages, and each rendering of them (a theme's HTML read directly, a theme × text extractor,
 * the sampled text styles) — each scored against the same botocore models with its own targets, so a
 * new rendering is one more row.
 */
import type { Mismatch } from '../../test/helpers/botocore.ts';
import { EXPLANATIONS } from './explanations.ts';

/** A page of a per-page corpus that failed to give its operation, and why. */
export interface UnlistedPage {
  page: string;
  reason: string;
}

/** Page accounting of a per-page corpus: pages in, operations out. */
export interface PageCounts {
  total: number;
  /** Client method pages (`<svc>/client/<method>`). */
  client: number;
  /** Of those, recognised helpers (can_paginate, get_waiter, upload_file, …): no operation expected. */
  helpers: number;
  /** Operation pages that gave no operation of the model. */
  unlisted: UnlistedPage[];
  /** Helper pages read as an operation (each is also a wrong `operation` fact). */
  helpersAsOperations: string[];
  /** Operations whose page does not show a section whole, by `section: state`. */
  incomplete: Record<string, number>;
  /** Pages by the format the registry read them as (`(none)`: no reader recognises them). */
  formats: Record<string, number>;
}

/** One service's result in one row. */
export interface ServiceResult {
  service: string;
  bytes: number;
  /** Client operations in the model. */
  operations: number;
  /** Of those, the ones the docs document (have a page for). */
  documented: number;
  /** Model operations the docs have no page for. */
  undocumented: string[];
  /** Documented operations read. */
  found: number;
  /** Facts the pages show, compared with the model. */
  facts: number;
  /** Facts the pages do not show (hidden, cut or missing sections; unknown `required`): neither right nor wrong. */
  notShown: number;
  /**
   * Of those, `required` facts the IR marks unknown on an operation whose page lists no gap: the page
   * is whole, so the reader could not tell what it shows (a reader error, not a gap). First paths kept.
   */
  unknownOnWholePages?: { count: number; examples: string[] };
  /**
   * Of those, facts below a recursive reference the docs cut short (`{'... recursive ...'}`): the
   * page shows none of them; the IR's are its naming rule's guess (docs/ir.md, shape ids rule 6),
   * `disagree` of them not the model's. First disagreements kept, as mismatches.
   */
  belowRecursion?: { count: number; disagree: number; examples: Mismatch[] };
  mismatches: (Mismatch & { explanation: string | null })[];
  uncaught: number;
  /** Error diagnostics the reader reported. */
  errors: number;
  /** Sections recognised as not client operations (paginators, waiters, resources, helpers), by kind. */
  skipped: Record<string, number>;
  /** Per-page corpora: the pages counted against the operations they gave. */
  pages?: PageCounts;
}

/** What a row reads: which corpus, in which rendering. */
export interface Rendering {
  /** What the reader is given: the RST source, HTML, or text extracted from HTML. */
  source: 'rst' | 'html' | 'text';
  layout: 'whole-service' | 'per-page';
  /** Sphinx theme of an HTML or text rendering (furo, alabaster). */
  theme?: string;
  /** What turned HTML into text (chromium, w3m, lynx, html2text, pandoc), or a text style of test/read/render.ts. */
  extractor?: string;
  /** Only a sample of the corpus's pages is in this rendering. */
  sample: boolean;
}

/** A row's targets. */
export interface Targets {
  /** Share of the operations that have a page found in the IR. */
  operationsFound: number;
  /** Share of the facts the pages show that are right. */
  factsRight: number;
}

/** Totals of one row. */
export interface RowTotals {
  pages: number;
  operations: number;
  documented: number;
  found: number;
  facts: number;
  notShown: number;
  /** Not shown facts on pages that list no gap (see {@link ServiceResult.unknownOnWholePages}). */
  unknownOnWholePages: number;
  /** Not shown facts below a recursion cut, and those of them the IR's guess gets otherwise than the model. */
  belowRecursion: number;
  belowRecursionDisagree: number;
  wrong: number;
  unexplained: number;
  uncaught: number;
  errors: number;
  unlisted: number;
}

/** One row: a corpus in one rendering, scored. */
export interface RowResult {
  /** Stable key: `boto3-1.43/rst`, `boto3-1.43/html/furo`, `boto3-1.43/text/furo/w3m`, … */
  id: string;
  title: string;
  boto3: string;
  botocore?: string;
  rendering: Rendering;
  targets: Targets;
  services: ServiceResult[];
  totals: RowTotals;
  /** Why the row is below its targets (empty: it meets them). */
  failures: string[];
  seconds: number;
}

/** The whole report. */
export interface ConformanceReport {
  scope: 'all' | 'ci' | 'selected';
  /** The command that wrote it. */
  command: string;
  rows: RowResult[];
}

/**
 * The report as JSON text: the rows laid out, each service's result on one line (a few hundred services
 * per row: one line each keeps the file diffable and half the size of indenting everything).
 */
export function renderReportJson(r: ConformanceReport): string {
  const rows = r.rows.map((row) => {
    const { services, ...rest } = row;
    const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
    return `${head.replace(/\n/g, '\n  ')},\n    "services": [\n${services.map((s) => `      ${JSON.stringify(s)}`).join(',\n')}\n    ]\n  }`;
  });
  return `{\n  "scope": ${JSON.stringify(r.scope)},\n  "command": ${JSON.stringify(r.command)},\n  "rows": [\n  ${rows.join(',\n  ')}\n  ]\n}\n`;
}

/** A row's totals over its services (pages: every page read, or the per-service sum). */
export function totalsOf(services: readonly ServiceResult[], pages?: number): RowTotals {
  const t: RowTotals = { pages: pages ?? 0, operations: 0, documented: 0, found: 0, facts: 0, notShown: 0, unknownOnWholePages: 0, belowRecursion: 0, belowRecursionDisagree: 0, wrong: 0, unexplained: 0, uncaught: 0, errors: 0, unlisted: 0 };
  for (const s of services) {
    if (pages === undefined) t.pages += s.pages?.total ?? 1;
    t.operations += s.operations;
    t.documented += s.documented;
    t.found += s.found;
    t.facts += s.facts;
    t.notShown += s.notShown;
    t.unknownOnWholePages += s.unknownOnWholePages?.count ?? 0;
    t.belowRecursion += s.belowRecursion?.count ?? 0;
    t.belowRecursionDisagree += s.belowRecursion?.disagree ?? 0;
    t.wrong += s.mismatches.length;
    t.unexplained += s.mismatches.filter((m) => !m.explanation).length;
    t.uncaught += s.uncaught;
    t.errors += s.errors;
    t.unlisted += s.pages?.unlisted.length ?? 0;
  }
  return t;
}

/** Why a row misses its targets. */
export function failuresOf(row: Pick<RowResult, 'totals' | 'targets'>): string[] {
  const t = row.totals;
  const out: string[] = [];
  if (t.found < t.documented * row.targets.operationsFound) out.push(`${t.documented - t.found} of ${t.documented} operations with a page not found`);
  const right = t.facts ? (t.facts - t.wrong) / t.facts : 1;
  if (right < row.targets.factsRight) out.push(`facts right ${pct(t.facts - t.wrong, t.facts)}% < ${100 * row.targets.factsRight}%`);
  if (t.uncaught > 0) out.push(`${t.uncaught} pages raised an uncaught error`);
  return out;
}

/** `right / all` as a percentage with three decimals. */
export function pct(right: number, all: number): string {
  return all ? ((100 * right) / all).toFixed(3) : '100.000';
}

const renderingName = (r: Rendering) =>
  r.source === 'rst' ? `RST, ${r.layout}${r.extractor ? ` → ${r.extractor}` : ''}` : r.source === 'html' ? `HTML (${r.theme}), read directly` : `HTML (${r.theme}) → ${r.extractor}`;

/** Mismatches of a row grouped by kind (explanation id, else `unexplained <fact kind>`), largest first, with examples. */
export function mismatchKinds(row: RowResult, examples = 5): { key: string; count: number; examples: string[] }[] {
  const byKind = new Map<string, { count: number; examples: string[] }>();
  for (const s of row.services) {
    for (const m of s.mismatches) {
      const key = m.explanation ?? `unexplained ${m.kind}`;
      const entry = byKind.get(key) ?? { count: 0, examples: [] };
      entry.count++;
      if (entry.examples.length < examples) entry.examples.push(`\`${s.service}.${m.path}\`: expected ${m.expected}, got ${m.actual}`);
      byKind.set(key, entry);
    }
  }
  return [...byKind].map(([key, e]) => ({ key, ...e })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** Renders the report as Markdown: a table of the rows, then each row's findings, then per-service tables. */
export function renderReportMarkdown(r: ConformanceReport): string {
  const lines: string[] = [];
  lines.push("# Conformance: boto3's docs against botocore's models", '');
  lines.push(`Scope: ${r.scope}. Generated by \`${r.command}\`.`, '');
  lines.push(
    'Each row is a corpus in one rendering, read by docsdk and scored against the botocore models of the boto3 that wrote it. ' +
      'Operations: the client method pages (helpers such as `can_paginate` or `upload_file` aside) that gave their operation. ' +
      'Facts (operations, member paths, types, input `required`, enums, unions, streams, documents, errors) are *right*, *wrong*, ' +
      "or *not shown*: under a section the operation's page does not show whole (boto3 1.43 hides large sections behind " +
      '"This section is too large to render"; a cut page lacks them), or the `required` of a member whose entry the page does not show. ' +
      'Facts right = right / (right + wrong); explained mismatches (a kind whose cause is known) still count as wrong.',
    '',
  );
  lines.push('| row | services | pages | operations found | facts right | not shown | wrong (unexplained) | uncaught | targets | result |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of r.rows) {
    const t = row.totals;
    const result = row.failures.length ? `**below target**: ${row.failures.join('; ')}` : 'meets targets';
    lines.push(
      `| ${row.title} | ${row.services.length} | ${t.pages} | ${t.found} / ${t.documented} (${pct(t.found, t.documented)}%) | ${t.facts - t.wrong} / ${t.facts} (${pct(t.facts - t.wrong, t.facts)}%) | ${t.notShown}${t.belowRecursion ? ` (${t.belowRecursion} below recursion cuts, ${t.belowRecursionDisagree} of them not the model's)` : ''}${t.unknownOnWholePages ? ` (${t.unknownOnWholePages} on whole pages)` : ''} | ${t.wrong} (${t.unexplained}) | ${t.uncaught} | ${100 * row.targets.operationsFound}% found, ≥ ${100 * row.targets.factsRight}% right | ${result} |`,
    );
  }
  lines.push('');
  for (const row of r.rows) {
    const t = row.totals;
    lines.push(`## ${row.title}`, '');
    lines.push(`\`${row.id}\`: boto3 ${row.boto3}${row.botocore ? `, botocore ${row.botocore}` : ''}; ${renderingName(row.rendering)}${row.rendering.sample ? ' (a sample of pages)' : ''}; scored in ${row.seconds.toFixed(1)} s.`, '');
    const undocumented = row.services.flatMap((s) => s.undocumented.map((op) => `${s.service}.${op}`));
    if (!row.rendering.sample) {
      lines.push(`Model operations without a page: ${undocumented.length} of ${t.operations}${undocumented.length ? ` (${undocumented.join(', ')}): boto3 cannot call bidirectional event streams, so its docs have no method for them` : ''}.`, '');
    }
    if (t.belowRecursion > 0) {
      const examples = row.services.flatMap((s) => (s.belowRecursion?.examples ?? []).slice(0, 1).map((m) => `\`${s.service}.${m.path}\`: expected ${m.expected}, got ${m.actual}`));
      lines.push(
        `Below a recursion cut: ${t.belowRecursion} of the facts not shown are reached through a recursive type the docs cut short (\`{'... recursive ...'}\`), which shows none of them; ` +
          `the IR refers the cut to an enclosing shape by its naming rule (docs/ir.md, shape ids rule 6), and ${t.belowRecursionDisagree} of them are not the model's` +
          `${examples.length ? `, e.g. ${examples.slice(0, 5).join('; ')}` : ''}.`,
        '',
      );
    }
    const counts = row.services.filter((s) => s.pages);
    if (counts.length > 0) {
      const sum = (f: (p: PageCounts) => number) => counts.reduce((n, s) => n + f(s.pages!), 0);
      const formats = new Map<string, number>();
      const incomplete = new Map<string, number>();
      for (const s of counts) {
        for (const [k, n] of Object.entries(s.pages!.formats)) formats.set(k, (formats.get(k) ?? 0) + n);
        for (const [k, n] of Object.entries(s.pages!.incomplete)) incomplete.set(k, (incomplete.get(k) ?? 0) + n);
      }
      lines.push(
        `Pages: ${sum((p) => p.total)} (${sum((p) => p.client)} client method pages, of which ${sum((p) => p.helpers)} helpers), read as ${[...formats].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}; ${t.errors} error diagnostics.`,
        '',
      );
      if (incomplete.size > 0) {
        lines.push(`Sections not shown whole (operations): ${[...incomplete].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}.`, '');
      }
      if (t.unknownOnWholePages > 0) {
        const examples = row.services.flatMap((s) => (s.unknownOnWholePages?.examples ?? []).slice(0, 2).map((p) => `\`${s.service}.${p}\``));
        lines.push(
          `Not shown on whole pages: ${t.unknownOnWholePages} of the ${t.notShown} facts not shown are the \`required\` of members the IR marks unknown on an operation whose page lists no gap — the page shows them, the reader could not tell (reader errors to fix), e.g. ${examples.slice(0, 8).join(', ')}.`,
          '',
        );
      }
      const unlisted = counts.flatMap((s) => s.pages!.unlisted);
      lines.push(`Operation pages that gave no operation: ${unlisted.length}${unlisted.length ? '' : '.'}`, '');
      for (const u of unlisted.slice(0, 20)) lines.push(`- \`${u.page}\`: ${u.reason}`);
      if (unlisted.length > 20) lines.push(`- … and ${unlisted.length - 20} more (report.json)`);
      if (unlisted.length) lines.push('');
      const helpers = counts.flatMap((s) => s.pages!.helpersAsOperations);
      if (helpers.length > 0) {
        const methods = new Map<string, number>();
        for (const h of helpers) methods.set(h.slice(h.lastIndexOf('/') + 1), (methods.get(h.slice(h.lastIndexOf('/') + 1)) ?? 0) + 1);
        lines.push(`Helper pages read as an operation (each a wrong \`operation\` fact): ${helpers.length} (${[...methods].map(([m, n]) => `${m} ${n}`).join(', ')}), e.g. \`${helpers[0]}\`.`, '');
      }
    }
    const kinds = mismatchKinds(row);
    lines.push(`### Mismatches by kind (${t.wrong})`, '');
    if (kinds.length === 0) lines.push('None.', '');
    for (const k of kinds) {
      const explanation = EXPLANATIONS.find((e) => e.id === k.key);
      lines.push(`#### ${k.key} (${k.count})`, '', explanation ? explanation.reason : 'No rule explains these: reader errors to fix.', '');
      for (const e of k.examples) lines.push(`- ${e}`);
      lines.push('');
    }
  }
  for (const row of r.rows.filter((x) => !x.rendering.sample)) {
    lines.push(`## Services: ${row.title}`, '', '| service | MB | operations | facts right | not shown | mismatches | skipped sections |', '|---|---|---|---|---|---|---|');
    for (const s of row.services) {
      const skipped = Object.entries(s.skipped).map(([k, n]) => `${n} ${k}`).join(', ');
      lines.push(`| ${s.service} | ${(s.bytes / 1e6).toFixed(1)} | ${s.found}/${s.documented} | ${pct(s.facts - s.mismatches.length, s.facts)}% | ${s.notShown} | ${s.mismatches.length} | ${skipped} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
