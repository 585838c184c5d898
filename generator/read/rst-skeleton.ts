/**
 * The skeleton of a boto3 RST page for `restructured`: the reader asks the parser only where the
 * `py:` directives are and where they end, and reads their bodies itself by indentation. Parsing the
 * bodies (request syntax, nested response trees: most of a page) was most of the reading time and
 * its result was thrown away. So every run of lines indented deeper than the deepest directive line
 * is handed to the parser as one placeholder line at the run's smallest indentation: the parser sees
 * the same blocks at the levels that decide where directives start and end, and a map brings its line
 * numbers back to the page's. The full corpus reads the same with and without it (docs/decisions.md).
 */

/** The text handed to the parser and, per skeleton line (index 0 = line 1), the page lines it stands for. */
export interface RstSkeleton {
  text: string;
  /** First page line of each skeleton line (1-based). */
  first: number[];
  /** Last page line of each skeleton line (1-based). */
  last: number[];
}

const DIRECTIVE_LINE = /^( *)\.\. py:[a-z]+::/;

/** The skeleton of `text`, or undefined when there is nothing to leave out (no directive, no deeper line). */
export function rstSkeleton(text: string): RstSkeleton | undefined {
  const lines = text.split('\n');
  const indents = new Int32Array(lines.length);
  let deepest = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let n = 0;
    while (n < line.length && line.charCodeAt(n) === 32) n++;
    // A blank line (-1) belongs to whatever surrounds it; a tab makes the column uncertain: keep such lines as they are.
    indents[i] = n === line.length || line.trim() === '' ? -1 : line.charCodeAt(n) === 9 ? 0 : n;
    const m = n <= 64 ? DIRECTIVE_LINE.exec(line) : null;
    if (m && m[1]!.length > deepest) deepest = m[1]!.length;
  }
  if (deepest < 0) return undefined;
  const out: string[] = [];
  const first: number[] = [];
  const last: number[] = [];
  let left = false;
  // What precedes the first directive (a per-method page's breadcrumb and over/underlined title:
  // ~90% of the parser's time on such a page) bounds no directive: blank, when a blank line or the
  // page's start separates it from a directive at column 0, so it cannot run into the directive.
  const start = blankBeforeFirstDirective(lines, indents);
  for (let i = 0; i < start; i++) {
    out.push('');
    first.push(i + 1);
    last.push(i + 1);
    if (indents[i] !== -1) left = true;
  }
  for (let i = start; i < lines.length; i++) {
    if (indents[i]! <= deepest) {
      out.push(lines[i]!);
      first.push(i + 1);
      last.push(i + 1);
      continue;
    }
    // A run: deeper lines and the blank lines between them, ending at its last deeper line.
    let end = i;
    let min = indents[i]!;
    for (let j = i + 1; j < lines.length && (indents[j]! > deepest || indents[j] === -1); j++) {
      if (indents[j] === -1) continue;
      end = j;
      if (indents[j]! < min) min = indents[j]!;
    }
    if (end > i) left = true;
    out.push(`${' '.repeat(min)}x`);
    first.push(i + 1);
    last.push(end + 1);
    i = end;
  }
  return left ? { text: out.join('\n'), first, last } : undefined;
}

/**
 * How many lines from the page's start the skeleton may blank: those before the first `py:`
 * directive, when it stands at column 0 after a blank line (else 0: it might continue what precedes).
 */
function blankBeforeFirstDirective(lines: readonly string[], indents: Int32Array): number {
  for (let i = 0; i < lines.length; i++) {
    if (indents[i] === -1 || !DIRECTIVE_LINE.test(lines[i]!)) continue;
    return indents[i] === 0 && (i === 0 || indents[i - 1] === -1) ? i : 0;
  }
  return 0;
}
