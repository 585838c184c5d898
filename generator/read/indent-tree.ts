/**
 * Indentation trees: the structure of reStructuredText bodies and of indented text renderings.
 * Each non-blank line becomes a node whose children are the lines indented deeper below it.
 */

/** One non-blank line: its text without indentation, its column and its place on the page. */
export interface TextLine {
  text: string;
  /** Indentation in columns (tabs expanded to 8). */
  indent: number;
  /** 1-based line number on the page. */
  line: number;
  /** Whether a blank line came right before it: the end of a paragraph. */
  blankBefore: boolean;
}

/** A line and the lines indented below it. */
export interface TextBlock {
  head: TextLine;
  children: TextBlock[];
}

/** Expands tabs to the next multiple of 8, as reStructuredText does. */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  for (const c of text) {
    if (c === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += c;
  }
  return out;
}

/** Splits text into non-blank lines, numbering from `firstLine`. */
export function splitLines(text: string, firstLine = 1): TextLine[] {
  const lines: TextLine[] = [];
  let blank = false;
  const raw = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < raw.length; i++) {
    // U+2028/U+2029 end a line for JavaScript's `.` and `$`: left in, they made a `:param` line
    // unreadable (and silently lost). Editors number lines without them, so they become spaces.
    const expanded = expandTabs(raw[i]!.replace(/[\u2028\u2029]/g, ' '));
    const body = expanded.trimStart();
    if (body.trim() === '') {
      blank = true;
      continue;
    }
    lines.push({ text: body.trimEnd(), indent: expanded.length - body.length, line: firstLine + i, blankBefore: blank });
    blank = false;
  }
  return lines;
}

/** Builds the forest of blocks from lines; a line's children are the deeper lines that follow it. */
export function buildTree(lines: readonly TextLine[]): TextBlock[] {
  const roots: TextBlock[] = [];
  const stack: TextBlock[] = [];
  for (const head of lines) {
    const block: TextBlock = { head, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.head.indent >= head.indent) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.children : roots).push(block);
    stack.push(block);
  }
  return roots;
}

/** Deeper indentation trees than this are cut (and reported by the reader): consumers recurse over them. */
export const MAX_TREE_DEPTH = 256;

/**
 * Cuts every block nested deeper than `max` levels below `roots` (roots are level 1) off the
 * tree, so recursive readers of it (entries, their documentation) have a bounded stack. Returns
 * the first line cut, for the reader to report; undefined when nothing was. Iterative.
 */
export function limitDepth(roots: readonly TextBlock[], max = MAX_TREE_DEPTH): TextLine | undefined {
  let first: TextLine | undefined;
  const pending: [TextBlock, number][] = roots.map((b) => [b, 1]);
  while (pending.length > 0) {
    const [block, depth] = pending.pop()!;
    if (depth >= max) {
      const cut = block.children[0]?.head;
      if (cut && (!first || cut.line < first.line)) first = cut;
      block.children = [];
      continue;
    }
    for (const c of block.children) pending.push([c, depth + 1]);
  }
  return first;
}

/** Every line of a block and its descendants, in page order. */
export function flattenBlock(block: TextBlock, into: TextLine[] = []): TextLine[] {
  // Iterative: literal blocks can be deep, and recursion depth must not depend on input.
  const pending: TextBlock[] = [block];
  while (pending.length > 0) {
    const b = pending.pop()!;
    into.push(b.head);
    for (let i = b.children.length - 1; i >= 0; i--) pending.push(b.children[i]!);
  }
  return into;
}

/**
 * Rebuilds the text of some lines with their original line breaks and columns, so positions
 * found in it are positions on the page (line offset by the first line's number).
 */
export function linesToText(lines: readonly TextLine[]): { text: string; line: number } {
  if (lines.length === 0) return { text: '', line: 0 };
  const first = lines[0]!.line;
  let text = '';
  let current = first;
  for (const l of lines) {
    while (current < l.line) {
      text += '\n';
      current++;
    }
    text += ' '.repeat(l.indent) + l.text;
  }
  return { text, line: first };
}
