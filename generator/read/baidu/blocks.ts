/**
 * The common form both Baidu readers bring a page into: a flat sequence of blocks (headings,
 * paragraphs, list items, code blocks), each knowing its line in the file. The rendered text and
 * the Markdown source differ only in how they are cut into blocks; everything after — finding
 * operation sections, reading signatures and examples — works on blocks and so gives the same
 * result for both forms.
 */

/** One line of a code block, with where its code starts in the file. */
export interface CodeLine {
  /** The code, without the line number the rendered page glues in front. */
  text: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file where `text` starts. */
  column: number;
}

/** A block of a Baidu page. */
export type Block =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'item'; text: string; line: number }
  | {
      kind: 'code';
      /** The label or fence language (`Plain Text`, `JSON`, `python`…), when there is one. */
      label?: string;
      lines: CodeLine[];
      line: number;
    };

/** A code block's text, its lines joined by newlines. */
export function codeText(block: Extract<Block, { kind: 'code' }>): string {
  return block.lines.map((l) => l.text).join('\n');
}

/** Maps a 1-based line and column inside a code block's text to the file. */
export function codePosition(block: Extract<Block, { kind: 'code' }>, line: number, column: number): { line: number; column: number } {
  const at = block.lines[line - 1] ?? block.lines[block.lines.length - 1];
  if (!at) return { line: block.line, column: 1 };
  return { line: at.line, column: at.column + column - 1 };
}
