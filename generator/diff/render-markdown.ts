/**
 * The Markdown form of a diff report (`docsdk diff`, the default): a summary table, then per changed
 * package its changes with the rule that classified each, for a pull-request comment.
 *
 * @packageDocumentation
 */
import type { RenderOptions } from './render-json.ts';
import type { DiffReport, PackageReport } from './report.ts';
import type { Change } from './rules.ts';

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code, safe in a table cell (a backtick inside widens the fence). */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${cell(text)}${fence}`;
}

/** Breaking or not; in parentheses when the change does not decide (informational). */
function verdict(c: Change): string {
  const v = c.breaking ? 'breaking' : 'compatible';
  return c.informational ? `(${v})` : c.breaking ? `**${v}**` : v;
}

function table(changes: readonly Change[]): string[] {
  const rows = changes.map(
    (c) => `| ${verdict(c)} | ${code(c.path)} | ${code(c.rule)} | ${c.detail ? cell(c.detail) : ''} |`,
  );
  return ['| verdict | where | rule | detail |', '|---|---|---|---|', ...rows];
}

const changed = (p: PackageReport) => p.changes.length + p.documentation.length + p.api.length > 0;

function section(p: PackageReport, options: RenderOptions): string[] {
  const out = [`### ${code(p.packageName)} (${p.service}): ${p.bump}${p.breaking ? ', breaking' : ''}`, ''];
  if (p.changes.length > 0) out.push(...table(p.changes), '');
  if (p.documentation.length > 0) {
    out.push(`Documentation-only changes: ${p.documentation.length}${options.allDocs ? '' : ' (listed with `--all-docs`)'}`, '');
    if (options.allDocs) out.push(...table(p.documentation), '');
  }
  if (p.api.length > 0) {
    out.push('#### Public API surface', '');
    if (p.api.some((c) => c.informational)) out.push('These follow from the IR changes above, which decide the verdict (so they are in parentheses).', '');
    out.push(...table(p.api), '');
  }
  return out;
}

/** The report as Markdown. */
export function renderMarkdown(report: DiffReport, options: RenderOptions = {}): string {
  const packages = report.packages.filter(changed);
  const out = [`## docsdk diff: ${code(report.old)} → ${code(report.new)}`, ''];
  if (packages.length === 0) return `${[...out, 'No changes.'].join('\n')}\n`;
  out.push(report.breaking ? '**Breaking changes: yes.**' : 'Breaking changes: none.', '');
  out.push('| package | bump | breaking | changes | documentation | API surface |', '|---|---|---|---|---|---|');
  for (const p of packages) {
    out.push(`| ${code(p.packageName)} | ${p.bump} | ${p.breaking ? 'yes' : 'no'} | ${p.changes.length} | ${p.documentation.length} | ${p.api.length} |`);
  }
  out.push('');
  for (const p of packages) out.push(...section(p, options));
  return `${out.join('\n').trimEnd()}\n`;
}
