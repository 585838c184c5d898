/**
 * Cutting a Baidu page rendered as text into blocks. The rendering has no markup: paragraphs are
 * lines, list items start with `•` (or `1.`), and a code block is a label line (`Plain Text`,
 * `JSON`) followed by lines whose line numbers are glued to the code (`1{`, `12    "status":…`).
 * Headings are not marked either: the page's own "Table of contents on this page" names them, so
 * that list is the authority; without one, short unpunctuated lines are taken as headings.
 */
import type { Block, CodeLine } from './blocks.ts';

const TOC_TITLE = /^\s*Table of contents on this page\s*$/;
const BULLET = /^\s*(?:•|\*|-|\d+\.)\s+(.*)$/;
const LABEL = /^[A-Za-z][A-Za-z0-9+# ]{0,19}$/;

/** Lines that look like headings but belong to an operation section's fixed layout. */
export const SECTION_LABELS = /^(parameter meaning|response value|operation succeeded:?|operation failed:?|code example.*|previous|next|all documents|menu)$/i;

/** Blocks of a rendered page; the navigation before the table of contents is skipped. */
export function textBlocks(text: string): Block[] {
  // U+2028/U+2029 end a line for JavaScript's `.` and `$` (see indent-tree.ts): spaces here, lines unchanged.
  const lines = text.split(/\r?\n/).map((l) => l.replace(/[\u2028\u2029]/g, ' '));
  const { start, titles } = tableOfContents(lines);
  const blocks: Block[] = [];
  let i = start;
  while (i < lines.length) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '') {
      i++;
      continue;
    }
    const code = numberedCode(lines, i + 1);
    if (LABEL.test(trimmed) && code.length > 0) {
      blocks.push({ kind: 'code', label: trimmed, lines: code, line: i + 1 });
      i += 1 + code.length;
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      blocks.push({ kind: 'item', text: bullet[1]!.trim(), line: i + 1 });
    } else if (titles ? titles.has(trimmed) : looksLikeHeading(trimmed, lines[i + 1])) {
      blocks.push({ kind: 'heading', text: trimmed, line: i + 1 });
    } else {
      blocks.push({ kind: 'paragraph', text: trimmed, line: i + 1 });
    }
    i++;
  }
  return blocks;
}

/**
 * The table of contents: the titles it lists and the line after it, where the page's content
 * begins. Without one, the whole text is content and headings are guessed.
 */
function tableOfContents(lines: readonly string[]): { start: number; titles?: Set<string> } {
  const at = lines.findIndex((l) => TOC_TITLE.test(l));
  if (at < 0) return { start: 0 };
  const titles = new Set<string>();
  let i = at + 1;
  for (; i < lines.length; i++) {
    const bullet = BULLET.exec(lines[i]!);
    if (!bullet) break;
    titles.add(bullet[1]!.trim());
  }
  return { start: i, titles };
}

/** Code lines starting at `from` whose glued line numbers count up from 1; empty when none. */
function numberedCode(lines: readonly string[], from: number): CodeLine[] {
  const code: CodeLine[] = [];
  for (let k = 1; from + k - 1 < lines.length; k++) {
    const line = lines[from + k - 1]!;
    const prefix = String(k);
    if (!line.startsWith(prefix)) break;
    // A line "1" followed by a digit would be line 10+ of some other block, not line 1 of this one.
    if (k === 1 && /^\d/.test(line.slice(1))) break;
    code.push({ text: line.slice(prefix.length), line: from + k, column: prefix.length + 1 });
  }
  return code;
}

/** Without a table of contents: a short line, not a sentence or a layout label, before a blank line. */
function looksLikeHeading(trimmed: string, next: string | undefined): boolean {
  if (next !== undefined && next.trim() !== '') return false;
  if (trimmed.length > 90 || SECTION_LABELS.test(trimmed)) return false;
  return /^[A-Z]/.test(trimmed) && !/[:;,]$/.test(trimmed) && !/\. \S/.test(trimmed);
}
