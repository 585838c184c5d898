/**
 * The Markdown form of a diff report (`docsdk diff`, the default), for a pull-request comment: the
 * verdict and a table of counts per package, then every breaking change, then per changed package its
 * changes with the rule that decided each, then (with `--all-docs`) each documentation change as a
 * word-level before/after.
 *
 * A comment has a size limit (GitHub: 65,536 characters), so with `maxChars` the text is cut to fit:
 * whole blocks (a heading, a table row, a list item) in the order above, never half a row, then a
 * note saying how many changes were left out and where the full report is. What comes first is what
 * a reviewer needs first, so a cut report still has the counts and the breaking changes.
 *
 * @packageDocumentation
 */
import type { RenderOptions } from './render-json.ts';
import type { DiffReport, PackageReport } from './report.ts';
import type { Change } from './rules.ts';
import { wordDiff, wordDiffMarkdown } from './words.ts';

/** GitHub's limit on the body of a pull-request comment, in characters. */
export const COMMENT_LIMIT = 65_536;

/**
 * In a cut report, a cell's detail (a type text, a list of enum values) or a documentation line is
 * shortened to this many characters: one long row must not push every row after it out.
 */
export const CUT_CELL_CHARS = 400;

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions extends RenderOptions {
  /**
   * Most characters the text may have (undefined or 0: no limit). Counted as UTF-8 bytes, which are
   * never fewer than characters, however the receiving side counts.
   */
  maxChars?: number;
  /** Where the full report is (Markdown), named in the note that ends a cut report. */
  fullReport?: string;
}

/** A piece of the report kept or left out whole; `rows` is the number of changes it lists. */
interface Block {
  text: string;
  rows: number;
}

const size = (text: string) => Buffer.byteLength(text, 'utf8');

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code, safe in a table cell (a backtick inside widens the fence). */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${cell(text)}${fence}`;
}

/** The whole text, or (`cap`) its first characters and `…`. */
function capped(text: string, cap: number | undefined): string {
  return cap !== undefined && text.length > cap ? `${text.slice(0, cap)}…` : text;
}

const verdict = (c: Change) => (c.breaking ? '**breaking**' : 'compatible');

/** The rule whose verdict a surface change carries: the IR change's that explains it, else its own. */
const decidedBy = (c: Change) => (c.decidedBy ? `${code(c.decidedBy.rule)} at ${code(c.decidedBy.path)}` : code(c.rule));

const block = (lines: string[], rows = 0): Block => ({ text: `${lines.join('\n')}\n`, rows });

/**
 * A table: its head, one block per row, and the blank line that ends it. `listsChanges`: each row is a
 * change counted in the cut note (the summary tables repeat changes, so they do not count).
 */
function table(head: string[], rows: string[], listsChanges = true): Block[] {
  const n = listsChanges ? 1 : 0;
  return [block([`| ${head.join(' | ')} |`, `|${head.map(() => '---|').join('')}`]), ...rows.map((r) => block([r], n)), block([''])];
}

const changed = (p: PackageReport) => p.changes.length + p.documentation.length + p.api.length > 0;

/** Changes of a package that decide its verdict: its IR changes and the surface changes nothing in the IR explains. */
const counted = (p: PackageReport) => [...p.changes, ...p.api.filter((c) => !c.informational)];

function packageBlocks(p: PackageReport, options: MarkdownOptions, cap: number | undefined): Block[] {
  const out = [block([`### ${code(p.packageName)} (${p.service}): ${p.bump}${p.breaking ? ', breaking' : ''}`, ''])];
  if (p.changes.length > 0) {
    const rows = p.changes.map((c) => `| ${verdict(c)} | ${code(c.path)} | ${code(c.rule)} | ${cell(capped(c.detail, cap))} |`);
    out.push(...table(['verdict', 'where', 'rule', 'detail'], rows));
  }
  if (p.api.length > 0) {
    out.push(block(['#### Public API surface', '']));
    if (p.api.some((c) => c.decidedBy)) {
      out.push(block(['A change an IR change explains has that change’s verdict, named under “decided by” (and is counted there).', '']));
    }
    const rows = p.api.map((c) => `| ${verdict(c)} | ${code(c.path)} | ${code(c.rule)} | ${decidedBy(c)} | ${cell(capped(c.detail, cap))} |`);
    out.push(...table(['verdict', 'where', 'change', 'decided by', 'detail'], rows));
  }
  if (p.documentation.length > 0) {
    const n = p.documentation.length;
    out.push(block([`Documentation-only changes: ${n}${options.allDocs ? ' (below)' : ' (listed with `--all-docs`)'}`, '']));
  }
  return out;
}

/** The word-level before/after of each documentation change of `p`, one list item each. */
function documentationBlocks(p: PackageReport, cap: number | undefined): Block[] {
  const items = p.documentation.map((c) => {
    const words = c.text ? wordDiffMarkdown(wordDiff(c.text.before, c.text.after)) : '';
    return block([`- ${code(c.path)}: ${capped(words, cap)}`], 1);
  });
  return [block([`#### ${code(p.packageName)}`, '']), ...items, block([''])];
}

/** Every block of the report, in the order a cut keeps them; `cap` shortens long cells. */
function layout(report: DiffReport, options: MarkdownOptions, cap: number | undefined): { head: string; body: Block[] } {
  const packages = report.packages.filter(changed);
  const title = `## docsdk diff: ${code(report.old)} → ${code(report.new)}\n\n`;
  if (packages.length === 0) return { head: `${title}No changes.\n`, body: [] };
  const breaking = packages.flatMap((p) => counted(p).filter((c) => c.breaking).map((c) => ({ p, c })));
  const inPackages = new Set(breaking.map((b) => b.p.packageName)).size;
  const summary =
    breaking.length > 0
      ? `**Breaking changes: ${breaking.length}** (in ${inPackages} of ${packages.length} changed package${packages.length === 1 ? '' : 's'}).`
      : `Breaking changes: none (${packages.length} changed package${packages.length === 1 ? '' : 's'}).`;
  const body: Block[] = [];
  const countRows = packages.map((p) => {
    const b = counted(p).filter((c) => c.breaking).length;
    return `| ${code(p.packageName)} | ${p.bump} | ${b} | ${p.changes.length} | ${p.documentation.length} | ${p.api.length} |`;
  });
  body.push(...table(['package', 'bump', 'breaking', 'changes', 'documentation', 'API surface'], countRows, false));
  if (breaking.length > 0) {
    body.push(block(['### Breaking changes', '']));
    const rows = breaking.map(({ p, c }) => `| ${code(p.packageName)} | ${code(c.path)} | ${code(c.rule)} | ${cell(capped(c.detail, cap))} |`);
    body.push(...table(['package', 'where', 'rule', 'detail'], rows, false));
  }
  for (const p of packages) body.push(...packageBlocks(p, options, cap));
  const documented = packages.filter((p) => p.documentation.length > 0);
  if (options.allDocs && documented.length > 0) {
    body.push(block(['### Documentation changes', '', 'Removed words are <del>struck through</del>, added ones <ins>underlined</ins>.', '']));
    for (const p of documented) body.push(...documentationBlocks(p, cap));
  }
  return { head: `${title}${summary}\n\n`, body };
}

const join = (head: string, body: readonly Block[]) => `${`${head}${body.map((b) => b.text).join('')}`.trimEnd()}\n`;

/** The note ending a cut report. */
function cutNote(shown: number, total: number, maxChars: number, fullReport: string | undefined): string {
  const where = fullReport ? `The full report: ${fullReport}.` : 'Run `docsdk diff` with `--max-chars 0` for the full report.';
  return `\n> **Cut to fit ${maxChars} characters: ${shown} of ${total} changes listed.** ${where}\n`;
}

/** Why a report cannot be cut to the size asked for. */
export class BudgetTooSmall extends Error {}

/** The report as Markdown; with `maxChars`, cut to fit (see the module's documentation). */
export function renderMarkdown(report: DiffReport, options: MarkdownOptions = {}): string {
  const full = layout(report, options, undefined);
  const text = join(full.head, full.body);
  const max = options.maxChars;
  if (!max || size(text) <= max) return text;
  const { head, body } = layout(report, options, CUT_CELL_CHARS);
  const total = body.reduce((n, b) => n + b.rows, 0);
  // The note with every change shown is the longest it can be (a count never has more digits than the total).
  const reserve = size(cutNote(total, total, max, options.fullReport));
  let used = size(head) + reserve;
  if (used > max) throw new BudgetTooSmall(`a report needs at least ${used} characters for its title, verdict and note; --max-chars is ${max}`);
  const kept: Block[] = [];
  let shown = 0;
  for (const b of body) {
    if (used + size(b.text) > max) break;
    kept.push(b);
    used += size(b.text);
    shown += b.rows;
  }
  return `${join(head, kept)}${cutNote(shown, total, max, options.fullReport)}`;
}
