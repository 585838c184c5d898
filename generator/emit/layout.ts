/**
 * Line layout of emitted code, so files come out the way Prettier would print them without running
 * Prettier's parser and AST printer over hundreds of megabytes (docs/decisions.md, "Emitting formatted
 * code").
 *
 * Templates mark the places where a line may break, with the same vocabulary Prettier's printer uses
 * (`group`, `indent`, `line`, `softline`, `ifBreak(',')`), through helpers that write the marker
 * characters below. {@link layoutLines} turns each marked line into Prettier's document commands and
 * prints it with Prettier's own printer (`prettier/doc`, which loads in milliseconds), so the decision
 * "fits in 110 columns or breaks" is Prettier's, not a copy of it. A line whose flat form fits, the usual
 * case, is printed flat without building anything.
 *
 * The markers are Private Use Area characters (U+E000–U+E00A; U+E000–U+E00F reserved). Page text can
 * contain them, so every escaping helper (`escape.ts`) removes or escapes that whole range: only
 * templates can write them.
 *
 * @packageDocumentation
 */
import { builders, printer, type builders as DocTypes } from 'prettier/doc';

/** The width every emitted file is laid out for (Prettier's `printWidth` in `format.ts`). */
export const PRINT_WIDTH = 110;

/** The marker characters, one per layout command. */
export const MARK = {
  groupOpen: '\uE000',
  groupClose: '\uE001',
  indentOpen: '\uE002',
  indentClose: '\uE003',
  line: '\uE004',
  softline: '\uE005',
  trailingComma: '\uE006',
  leadingPipe: '\uE007',
  fluidBreak: '\uE008',
  /** `\uE009text\uE00A`: `text` only when the enclosing group breaks (Prettier's `ifBreak(text)`). */
  breakOnlyOpen: '\uE009',
  breakOnlyClose: '\uE00A',
} as const;

const ANY_MARK = /[\uE000-\uE00A]/;

/** A marked line with every group flat: lines are spaces, softlines and trailing commas nothing. */
function flat(line: string): string {
  return line.replace(/\uE009[^\uE00A]*\uE00A|[\uE000-\uE008]/g, (m) => (m === MARK.line || m === MARK.fluidBreak ? ' ' : ''));
}

/** The marked content of one line as Prettier document commands. */
function toDoc(text: string): DocTypes.Doc {
  const stack: DocTypes.Doc[][] = [[]];
  const kinds: string[] = [];
  let fluid: symbol | undefined;
  let start = 0;
  const top = () => stack[stack.length - 1]!;
  const flush = (end: number) => {
    if (end > start) top().push(text.slice(start, end));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c < '\uE000' || c > '\uE00A') continue;
    flush(i);
    start = i + 1;
    switch (c) {
      case MARK.groupOpen:
      case MARK.indentOpen:
        stack.push([]);
        kinds.push(c);
        break;
      case MARK.groupClose:
      case MARK.indentClose: {
        const kind = kinds.pop();
        const parts = stack.pop();
        if (parts === undefined || kind !== (c === MARK.groupClose ? MARK.groupOpen : MARK.indentOpen)) {
          throw new Error(`emitter bug: unbalanced layout markers in ${JSON.stringify(flat(text))}`);
        }
        top().push(c === MARK.groupClose ? builders.group(parts) : builders.indent(parts));
        break;
      }
      case MARK.line:
        top().push(builders.line);
        break;
      case MARK.softline:
        top().push(builders.softline);
        break;
      case MARK.trailingComma:
        top().push(builders.ifBreak(',', ''));
        break;
      case MARK.breakOnlyOpen: {
        const end = text.indexOf(MARK.breakOnlyClose, i);
        if (end < 0) throw new Error(`emitter bug: unclosed ifBreak text in ${JSON.stringify(flat(text))}`);
        top().push(builders.ifBreak(text.slice(i + 1, end), ''));
        i = end;
        start = end + 1;
        break;
      }
      case MARK.fluidBreak: {
        // Prettier's "fluid" assignment: break after `=` only when what follows cannot start on this
        // line; what follows is indented only if it did break. Spans to the end of the line.
        if (stack.length !== 1) throw new Error(`emitter bug: a fluid break inside a group in ${JSON.stringify(flat(text))}`);
        const id = Symbol('fluid');
        top().push(builders.group(builders.indent(builders.line), { id }));
        fluid = id;
        stack.push([]);
        kinds.push(c);
        break;
      }
      case MARK.leadingPipe:
        top().push(builders.ifBreak('| ', ''));
        break;
      default:
        throw new Error(`emitter bug: a stray layout marker U+${c.charCodeAt(0).toString(16).toUpperCase()} in ${JSON.stringify(flat(text))}`);
    }
  }
  flush(text.length);
  if (fluid !== undefined && kinds[kinds.length - 1] === MARK.fluidBreak) {
    kinds.pop();
    const parts = stack.pop()!;
    top().push(builders.indentIfBreak(parts, { groupId: fluid }));
  }
  if (stack.length !== 1) throw new Error(`emitter bug: unclosed layout markers in ${JSON.stringify(flat(text))}`);
  return stack[0]!;
}

/**
 * Whether the first line of code in `text` (comments skipped), once laid out, starts with a line that
 * fits in `width` columns: how Prettier chooses between layouts that differ over several lines.
 */
export function firstCodeLineFits(text: string, width: number = PRINT_WIDTH): boolean {
  let inComment = false;
  for (const line of text.split('\n', 200)) {
    const t = line.trimStart();
    if (inComment) {
      if (t.includes('*/')) inComment = false;
      continue;
    }
    if (t.startsWith('/**') && !t.includes('*/')) {
      inComment = true;
      continue;
    }
    if (t.startsWith('/**') || t.startsWith('//')) continue;
    const first = layoutLine(line, width).split('\n', 1)[0]!;
    return displayWidth(first) <= width;
  }
  return true;
}

/**
 * A Markdown table (`| a | b |` rows, the second the `| --- |` delimiter row) with every column padded
 * to its widest cell, as Prettier prints tables. Cells are split at ` | `: callers write cells that
 * cannot contain it (identifiers, escaped names).
 */
export function alignMarkdownTable(text: string): string {
  const lines = text.split('\n').filter((l) => l !== '');
  const rows = lines.map((l) => l.slice(2, -2).split(' | '));
  const widths: number[] = [];
  rows.forEach((row, r) => {
    if (r === 1) return;
    row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 3, displayWidth(cell))));
  });
  const out = rows.map((row, r) =>
    r === 1
      ? `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`
      : `| ${row.map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell))).join(' | ')} |`,
  );
  return `${out.join('\n')}\n`;
}

// East Asian wide and fullwidth characters take two columns (Prettier's getStringWidth).
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/** The columns `text` takes in a monospace editor. */
function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/** Prints one marked line (leading spaces are its indentation) as Prettier would. */
export function layoutLine(line: string, width: number = PRINT_WIDTH): string {
  const flatLine = flat(line);
  // ASCII only: the width is the length. Otherwise let the printer measure (wide characters count 2).
  if (flatLine.length <= width && !/[^\x00-\x7F]/.test(flatLine)) return flatLine;
  const indent = /^ */.exec(line)![0].length;
  const doc = [line.slice(0, indent), builders.align(indent, toDoc(line.slice(indent)))];
  return printer.printDocToString(doc, { printWidth: width, tabWidth: 2, useTabs: false } as never).formatted;
}

/**
 * Lays out every marked line of `text` (see {@link layoutLine}) and indents TSDoc comments written by
 * the `tsdoc` helper, as Prettier does: the helper writes the comment's continuation lines and the line
 * after it at column 0 because it cannot know where its template put it, so they take the indentation
 * of the line that opened the comment. Other lines are kept as they are.
 */
export function layoutLines(text: string, width: number = PRINT_WIDTH): string {
  const lines = text.split('\n');
  // The opening line's indentation while inside a helper-written comment, and for the line after it.
  let indent = '';
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (indent) {
      line = indent + line;
      if (inComment) {
        if (line.endsWith(' */')) inComment = false;
      } else {
        indent = '';
      }
    } else if (line.endsWith('/**') && line.startsWith(' ') && /^ \*(?: |\/|$)/.test(lines[i + 1] ?? '')) {
      indent = /^ */.exec(line)![0];
      inComment = true;
    }
    lines[i] = ANY_MARK.test(line) ? layoutLine(line, width) : line;
  }
  return lines.join('\n');
}
