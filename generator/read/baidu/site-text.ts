/**
 * Baidu AI Cloud's documentation site as text, in the four renderings its pages come in
 * (`../shared/baidu-pages/FORMS.md` §2), brought into one model: the title, then blocks (prose
 * lines, bullet items, code, tables), each knowing its line and column in the file.
 *
 * - current: the title, an optional `Updated at:` date line, no blank lines; code is a label line
 *   (`Plain Text`, `HTML`) or a lead-in followed by lines numbered 1, 2, 3… glued to the code;
 *   tables lead with a pipe (`| a | b |`, `|---|---|`).
 * - older-compact: the title, `Last Updated:`, no blank lines, raw code; tables without a leading
 *   pipe (`a | b |`, `---|---|`).
 * - older-indented: `百度智能云` / `All Product Document`, then every line indented by the same
 *   amount (ten spaces), blocks separated by blank lines, raw code, tables flattened into
 *   space-separated cells.
 * - older-unindented: `Baidu AI Cloud` / `中国站` / `百度智能云` / the product, blocks separated by
 *   blank lines, raw code, flattened tables, a `Previous` / `Next` footer closing a whole page.
 *
 * This module says what each line is by its shape only; which prose line is a heading, and what a
 * table or a code block means, is the form readers' business (the API reference, the SDK pages).
 */

/** The renderings of the site (FORMS.md §2). */
export type SiteRendering = 'current' | 'older-compact' | 'older-indented' | 'older-unindented';

/** One line of code, with where its code starts in the file (after a line number, after the page indent). */
export interface SiteCodeLine {
  text: string;
  line: number;
  column: number;
}

/** How a table is written: pipes leading or not, or flattened into space-separated cells. */
export type TableStyle = 'pipe-leading' | 'pipe-no-leading' | 'flattened';

/** One data row of a table. */
export interface SiteTableRow {
  /** The cells as written (a flattened row is one cell: the line, split later by what its columns hold). */
  cells: string[];
  line: number;
  /** The page ends inside this row: its last cell is partial. */
  cut: boolean;
}

/** A block of a site page. */
export type SiteBlock =
  /** A line of prose: a heading, a label or a paragraph; the form reader decides which. */
  | { kind: 'text'; text: string; line: number; column: number }
  | { kind: 'item'; text: string; line: number }
  | {
      kind: 'code';
      /** The label line before numbered code (`Plain Text`, `HTML`, `JSON`), when there is one. */
      label?: string;
      /** Numbered (current rendering) or raw. */
      numbered: boolean;
      lines: SiteCodeLine[];
      line: number;
    }
  | { kind: 'table'; style: TableStyle; columns: string[]; rows: SiteTableRow[]; line: number };

/** A site page brought into blocks. */
export interface SitePage {
  rendering: SiteRendering;
  /** Line 1 of the page's own text: its title (even when it ends with a full stop). */
  title?: { text: string; line: number };
  /** The product line of the older renderings (`Virtual Private Cloud`). */
  product?: string;
  /** The date line (`Updated at:2025-10-16`, `Last Updated:2020-07-20`), when there is one. */
  date?: { text: string; line: number };
  blocks: SiteBlock[];
  /** Where the `Previous` / `Next` footer starts (older-unindented pages end with it when whole). */
  footer?: number;
  /** The text does not end with a line break: its last line may be cut. */
  endsMidLine: boolean;
  /** The last line holding text. */
  lastLine: number;
  /**
   * The page shows only the site's navigation tree (a title, the product twice, `• entries`): its
   * body is not reached.
   */
  navigationOnly?: { line: number; entries: number };
}

/** Label lines that introduce numbered code in the current rendering. */
const CODE_LABEL = /^(?:Plain Text|HTML|JSON|Java|Python|Go|PHP|Shell|Bash|XML|YAML|Text)$/;
const DATE_LINE = /^(?:Updated at|Last Updated)\s*[:：]\s*\d{4}-\d{2}-\d{2}\s*$/;
const BULLET = /^(?:[-•*]|\d+\.)\s+(.*)$/;
const PIPE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * The header rows tables of the site are seen with, as their cells. A flattened table (older
 * renderings) has no pipes: its header row is recognised as one of these, joined by spaces.
 */
export const KNOWN_TABLE_HEADERS: readonly (readonly string[])[] = [
  ['Parameter name', 'Types', 'Whether required', 'Parameter location', 'Description'],
  ['Parameter name', 'Type', 'Required or not', 'Parameter position', 'Description'],
  ['Parameter name', 'Types', 'Description'],
  ['Parameter name', 'Type', 'Description'],
  ['Access region', 'Corresponding Endpoint', 'Protocol'],
  ['Access region', 'Corresponding Endpoint'],
  ['Access region', 'Endpoint', 'Protocol'],
  ['Access region', 'Endpoint'],
  ['Public Header', 'Description'],
  ['Common header', 'Description'],
  ['Error Code', 'Error Message', 'Status Code', 'Description'],
  ['Error return code', 'Error message', 'Status code', 'Description'],
  ['Error code', 'Error description', 'HTTP status code', 'Chinese explanation'],
];

/** Whether text opens like a page of the site in one of its renderings (FORMS.md §1), rather than another kind of document. */
export function siteRenderingOf(text: string): SiteRendering {
  const head = text.replace(/^\uFEFF/, '').split(/\r?\n/, 4).map((l) => l.trim());
  if (head[0] === '百度智能云' && head[2] === 'All Product Document') return 'older-indented';
  if (head[0] === 'Baidu AI Cloud' && head[1] === '中国站') return 'older-unindented';
  if (head[1] !== undefined && /^Last Updated\s*[:：]/.test(head[1])) return 'older-compact';
  return 'current';
}

/** Reads a page of the site into blocks. Never throws; what it can't place is prose. */
export function readSitePage(text: string): SitePage {
  const source = text.replace(/^\uFEFF/, '');
  // U+2028/U+2029 end a line for JavaScript's `.` and `$`: spaces here, lines unchanged.
  const lines = source.split(/\r?\n/).map((l) => l.replace(/[\u2028\u2029]/g, ' '));
  const rendering = siteRenderingOf(source);
  const endsMidLine = source.length > 0 && !/\n$/.test(source);
  let lastLine = lines.length;
  while (lastLine > 0 && lines[lastLine - 1]!.trim() === '') lastLine--;
  const page: SitePage = { rendering, blocks: [], endsMidLine, lastLine: Math.max(lastLine, 1) };

  // The preamble of the older renderings: fixed lines, then the product, then the title.
  let start = 0;
  if (rendering === 'older-indented') start = nextText(lines, nextText(lines, 0) + 1) + 1;
  if (rendering === 'older-unindented') start = nextText(lines, 2) + 1;
  if (rendering === 'older-indented' || rendering === 'older-unindented') {
    const product = nextText(lines, start);
    if (product < lines.length) {
      page.product = lines[product]!.trim();
      start = product + 1;
    }
  }
  const titleAt = nextText(lines, start);
  if (titleAt < lines.length) {
    page.title = { text: lines[titleAt]!.trim(), line: titleAt + 1 };
    start = titleAt + 1;
  }
  const navigation = navigationTree(lines, start);
  if (navigation) {
    page.navigationOnly = navigation;
    return page;
  }
  const dateAt = nextText(lines, start);
  if (dateAt < lines.length && DATE_LINE.test(lines[dateAt]!.trim())) {
    page.date = { text: lines[dateAt]!.trim(), line: dateAt + 1 };
    start = dateAt + 1;
  }

  let end = lines.length;
  if (rendering === 'older-unindented') {
    const footer = footerStart(lines, lastLine);
    if (footer !== undefined) {
      page.footer = footer + 1;
      end = footer;
    }
  }
  const indent = rendering === 'older-indented' ? pageIndent(lines, start, end) : 0;
  page.blocks = blocksOf(lines, start, end, indent, rendering, endsMidLine ? lastLine : -1);
  return page;
}

/** Index of the first line from `from` that holds text (lines.length when none). */
function nextText(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return i;
}

/**
 * A body made only of the site's navigation tree: the product's short name twice on one line
 * (`VPC VPC`), then nothing but `• entries` to the end. Then the page's body was never reached.
 */
function navigationTree(lines: readonly string[], from: number): { line: number; entries: number } | undefined {
  const at = nextText(lines, from);
  const names = lines[at]?.trim().split(/\s+/) ?? [];
  if (names.length !== 2 || names[0] !== names[1]) return undefined;
  let entries = 0;
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    if (!/^\s+•\s/.test(l)) return undefined;
    entries++;
  }
  return entries > 0 ? { line: at + 1, entries } : undefined;
}

/** The `Previous` / title / `Next` / title footer ending a whole older-unindented page. */
function footerStart(lines: readonly string[], lastLine: number): number | undefined {
  for (let i = lastLine - 1; i >= Math.max(0, lastLine - 5); i--) {
    if (lines[i]!.trim() === 'Previous' && lines.slice(i + 1, lastLine).some((l) => l.trim() === 'Next')) return i;
  }
  if (lines[lastLine - 1]?.trim() === 'Next' || lines[lastLine - 2]?.trim() === 'Next') {
    const at = lines.slice(0, lastLine).lastIndexOf('Previous');
    if (at >= lastLine - 4 && at >= 0) return at;
  }
  return undefined;
}

/** The indent every body line of an older-indented page shares (the least of them). */
function pageIndent(lines: readonly string[], from: number, to: number): number {
  let least = Number.MAX_SAFE_INTEGER;
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    least = Math.min(least, l.length - l.trimStart().length);
  }
  return least === Number.MAX_SAFE_INTEGER ? 0 : least;
}

/** What a non-blank line is, by its shape alone. */
type LineShape =
  | { kind: 'blank' }
  | { kind: 'pipe-row'; leading: boolean }
  | { kind: 'separator' }
  | { kind: 'bullet'; text: string }
  | { kind: 'text' };

function shapeOf(text: string): LineShape {
  const t = text.trim();
  if (t === '') return { kind: 'blank' };
  if (PIPE_SEPARATOR.test(t) && t.includes('-') && t.includes('|')) return { kind: 'separator' };
  if (t.startsWith('|')) return { kind: 'pipe-row', leading: true };
  if (/\S\s\|(?:\s|$)/.test(t) && t.endsWith('|')) return { kind: 'pipe-row', leading: false };
  const bullet = BULLET.exec(t);
  // `1.Glued` is prose (older-unindented numbered paragraphs); `1. item` is an item.
  if (bullet) return { kind: 'bullet', text: bullet[1]!.trim() };
  return { kind: 'text' };
}

/** Cuts lines [from, to) into blocks. `cutLine` is the 1-based last line when the page ends inside it, else -1. */
function blocksOf(lines: readonly string[], from: number, to: number, indent: number, rendering: SiteRendering, cutLine: number): SiteBlock[] {
  const blocks: SiteBlock[] = [];
  const body = (i: number) => lines[i]!.slice(Math.min(indent, leadingSpaces(lines[i]!)));
  const column = (i: number) => Math.min(indent, leadingSpaces(lines[i]!)) + 1;
  const blankSeparated = rendering === 'older-indented' || rendering === 'older-unindented';
  let i = from;
  while (i < to) {
    const raw = lines[i]!;
    const shape = shapeOf(raw);
    if (shape.kind === 'blank') {
      i++;
      continue;
    }
    // Numbered code: after a label line, or straight after a lead-in (SDK pages).
    if (rendering === 'current' && shape.kind === 'text') {
      const labelled = CODE_LABEL.test(raw.trim()) ? numberedRun(lines, i + 1, to) : [];
      if (labelled.length > 0) {
        blocks.push({ kind: 'code', label: raw.trim(), numbered: true, lines: labelled, line: i + 1 });
        i += 1 + labelled.length;
        continue;
      }
      const bare = numberedRun(lines, i, to);
      if (bare.length >= 2 || (bare.length === 1 && looksLikeCode(bare[0]!.text))) {
        blocks.push({ kind: 'code', numbered: true, lines: bare, line: i + 1 });
        i += bare.length;
        continue;
      }
    }
    if (shape.kind === 'pipe-row' || shape.kind === 'separator') {
      const table = pipeTable(lines, i, to, cutLine);
      if (table) {
        blocks.push(table.block);
        i = table.next;
        continue;
      }
    }
    const header = flattenedHeader(raw.trim());
    if (header && rendering !== 'current' && rendering !== 'older-compact') {
      const rows: SiteTableRow[] = [];
      let k = i + 1;
      for (; k < to && shapeOf(lines[k]!).kind === 'text'; k++) rows.push({ cells: [body(k).trim()], line: k + 1, cut: k + 1 === cutLine });
      blocks.push({ kind: 'table', style: 'flattened', columns: [...header], rows, line: i + 1 });
      i = k;
      continue;
    }
    if (shape.kind === 'bullet') {
      blocks.push({ kind: 'item', text: shape.text, line: i + 1 });
      i++;
      continue;
    }
    if (blankSeparated) {
      // A block of several lines, or one line that reads as code, is raw code; consecutive code
      // blocks (code keeps its empty lines) are one block.
      let k = i;
      while (k < to && shapeOf(lines[k]!).kind !== 'blank') k++;
      const span = Array.from({ length: k - i }, (_, n) => i + n);
      if (span.length > 1 || looksLikeCode(body(i))) {
        const code: SiteCodeLine[] = span.map((n) => ({ text: body(n).replace(/\s+$/, ''), line: n + 1, column: column(n) }));
        const previous = blocks[blocks.length - 1];
        if (previous?.kind === 'code' && !previous.numbered && previous.lines.length > 0 && isCodeContinuation(lines, previous.lines[previous.lines.length - 1]!.line, i)) {
          for (let n = previous.lines[previous.lines.length - 1]!.line; n < i; n++) previous.lines.push({ text: '', line: n + 1, column: 1 });
          previous.lines.push(...code);
        } else blocks.push({ kind: 'code', numbered: false, lines: code, line: i + 1 });
        i = k;
        continue;
      }
    }
    blocks.push({ kind: 'text', text: body(i).trim(), line: i + 1, column: column(i) + leadingSpaces(body(i)) });
    i++;
  }
  return blocks;
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/** Whether two raw code blocks separated only by blank lines are one block with empty lines in it. */
function isCodeContinuation(lines: readonly string[], lastLine: number, next: number): boolean {
  for (let n = lastLine; n < next; n++) if (lines[n]!.trim() !== '') return false;
  return true;
}

/**
 * Lines from `from` whose line numbers count up from 1, glued to the code (the current
 * rendering). A bare number is an empty line; one space after the number says the line was
 * indented (its depth is lost). Numbers are matched by the counter, not as "leading digits", so
 * code starting with a digit keeps it.
 */
export function numberedRun(lines: readonly string[], from: number, to: number): SiteCodeLine[] {
  const out: SiteCodeLine[] = [];
  for (let k = 1; from + k - 1 < to; k++) {
    const line = lines[from + k - 1]!;
    const prefix = String(k);
    if (!line.startsWith(prefix)) break;
    // "1" followed by a digit would be line 10+ of some other block, not line 1 of this one.
    if (k === 1 && /^\d/.test(line.slice(1))) break;
    out.push({ text: line.slice(prefix.length), line: from + k, column: prefix.length + 1 });
  }
  return out;
}

/** Whether a line reads as code rather than prose: code punctuation, an import, a comment, a request line. */
export function looksLikeCode(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^(?:import|from|package|func|def|class|public|private|static|return|require|use)\b/.test(t)) return true;
  if (/^(?:#|\/\/|\/\*|\$|<\?php|[{}[\]()]|"[^"]*"\s*:)/.test(t)) return true;
  if (/^(?:GET|PUT|POST|DELETE|HEAD|PATCH)\s+\//.test(t) || /^HTTP\/\d/.test(t)) return true;
  if (/^[\w.]+\s*(?::?=|\+=)\s*\S/.test(t) || /\)\s*[;{]?$/.test(t) && /\w\(/.test(t) && !/\s\w+\s\w+\s\w+/.test(t)) return true;
  return /[;{]\s*$/.test(t);
}

/** A pipe table starting at `from`: its header, separator and rows (a row the page ends in is cut). */
function pipeTable(lines: readonly string[], from: number, to: number, cutLine: number): { block: SiteBlock; next: number } | undefined {
  const header = lines[from]!.trim();
  if (shapeOf(header).kind !== 'pipe-row' || from + 1 >= to || shapeOf(lines[from + 1]!).kind !== 'separator') return undefined;
  const leading = header.startsWith('|');
  const columns = splitPipeRow(header, leading).cells;
  const rows: SiteTableRow[] = [];
  let i = from + 2;
  for (; i < to; i++) {
    const raw = lines[i]!.trim();
    const cut = i + 1 === cutLine;
    // A row the page ends in may lack its closing pipe (and, cut early enough, the pipe between cells).
    const isRow = leading ? raw.startsWith('|') : (shapeOf(raw).kind === 'pipe-row' || (cut && raw.includes(' | ')));
    if (!isRow) break;
    const split = splitPipeRow(raw, leading);
    rows.push({ cells: split.cells, line: i + 1, cut: cut && !split.closed });
  }
  return { block: { kind: 'table', style: leading ? 'pipe-leading' : 'pipe-no-leading', columns, rows, line: from + 1 }, next: i };
}

/**
 * The cells of a pipe row. Pipes inside a markdown link's target (`[Name](path with | pipe)`) or
 * inside `List<…>` would split a cell wrongly, so only pipes at the top level separate cells.
 */
function splitPipeRow(row: string, leading: boolean): { cells: string[]; closed: boolean } {
  let text = row.trim();
  if (leading && text.startsWith('|')) text = text.slice(1);
  const closed = text.endsWith('|');
  if (closed) text = text.slice(0, -1);
  const cells: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(' || c === '[' || c === '<') depth++;
    else if ((c === ')' || c === ']' || c === '>') && depth > 0) depth--;
    if (c === '|' && depth === 0) {
      cells.push(current.trim());
      current = '';
    } else current += c;
  }
  cells.push(current.trim());
  return { cells, closed };
}

/** The known header a flattened header row spells out, if any. */
function flattenedHeader(text: string): readonly string[] | undefined {
  const folded = text.replace(/\s+/g, ' ').toLowerCase();
  return KNOWN_TABLE_HEADERS.find((h) => h.join(' ').toLowerCase() === folded);
}
