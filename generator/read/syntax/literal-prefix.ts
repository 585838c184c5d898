/**
 * What a syntax literal shows before it breaks off. A page cut short (scraped, copied, paginated)
 * ends inside its Request or Response Syntax; rather than throw the literal away, the reader keeps
 * the longest run of whole lines before the break that, with its open brackets closed, parses.
 *
 * @packageDocumentation
 */

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** What a scan of a syntax literal's brackets and strings found ({@link scanBrackets}). */
export interface BracketScan {
  /** The closers of the brackets left open, outermost first. */
  open: string[];
  /** The quote of a string the text ends inside. */
  quote?: string;
  /** A closing bracket that does not match the open one (or none is open). */
  unmatched: boolean;
  /** Where the bracket that closes the first one is (its index), if the text closes it. */
  firstClosed?: number;
  /** A string runs over a line break (no line of a Python literal does) before the first bracket closes. */
  stringOverLine: boolean;
}

/** Scans `text` as Python literal source: its brackets outside strings, and the strings. */
export function scanBrackets(text: string): BracketScan {
  const scan: BracketScan = { open: [], unmatched: false, stringOverLine: false };
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      else if (c === '\n' && scan.firstClosed === undefined) scan.stringOverLine = true;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c in CLOSER) scan.open.push(CLOSER[c]!);
    else if (c === ')' || c === ']' || c === '}') {
      if (scan.open.pop() !== c) scan.unmatched = true;
      else if (scan.open.length === 0) scan.firstClosed ??= i;
    }
  }
  if (quote) scan.quote = quote;
  return scan;
}

/**
 * `text` with the brackets it leaves open closed, innermost first, and a trailing comma dropped;
 * undefined when it ends inside a string or closes a bracket it never opened.
 */
export function closeOpenBrackets(text: string): string | undefined {
  const scan = scanBrackets(text);
  if (scan.unmatched || scan.quote) return undefined;
  return text.replace(/[\s,]+$/, '') + scan.open.reverse().join('');
}

/** How many lines before the break are tried: bounded, so a broken 1,500-line literal costs little. */
const MAX_LINES_BACK = 40;

/**
 * The value the whole lines of `text` up to line `breakLine` (1-based, the line the parser broke
 * on: kept when the break is its end, as on a cut page) give, closed by {@link closeOpenBrackets}:
 * the longest prefix that `parse` accepts, with the number of lines it kept; undefined when none
 * does. The containers it closes may have had more members: the caller records the literal as cut.
 */
export function parsePrefix<T>(text: string, breakLine: number, parse: (text: string) => T): { value: T; lines: number } | undefined {
  const lines = text.split('\n');
  for (let keep = Math.min(breakLine, lines.length); keep >= 1 && keep >= breakLine - MAX_LINES_BACK; keep--) {
    const closed = closeOpenBrackets(lines.slice(0, keep).join('\n'));
    if (closed === undefined) continue;
    try {
      return { value: parse(closed), lines: keep };
    } catch {
      // this prefix ends mid-entry: try one line fewer
    }
  }
  return undefined;
}
