/**
 * A tolerant reader for the JSON examples of documentation pages. Baidu's response examples are
 * JSON in spirit only: commas go missing between members, placeholders stand bare
 * (`"expiredTime":expiredTime`), tabs sit inside strings, lists end with a trailing comma. This
 * reader accepts those, records every repair it made with its position, and reports what it
 * cannot repair (a missing value, an unterminated string, an unclosed object…) as problems
 * instead of throwing. Deciding what the values mean is the caller's job.
 */
import type { Position } from './python-literal.ts';

/** A position in the parsed text: 1-based line and column (as the Python-literal parser gives). */
export type JsonPosition = Position;

/** A value read from the example, with the position it starts at. */
export type JsonNode =
  | { kind: 'object'; entries: JsonEntry[]; at: JsonPosition }
  | { kind: 'array'; items: JsonNode[]; at: JsonPosition }
  | { kind: 'string'; value: string; at: JsonPosition }
  | { kind: 'number'; integer: boolean; value: number; at: JsonPosition }
  | { kind: 'boolean'; value: boolean; at: JsonPosition }
  | { kind: 'null'; at: JsonPosition }
  /** A bare word standing where a value should be: a placeholder whose type the example does not show. */
  | { kind: 'identifier'; name: string; at: JsonPosition };

/** One `"key": value` member of an object. */
export interface JsonEntry {
  key: string;
  value: JsonNode;
  at: JsonPosition;
}

/** What kind of fault a repair fixed. */
export type RepairKind =
  | 'missing-comma'
  | 'trailing-comma'
  | 'bare-identifier'
  | 'unquoted-key'
  | 'single-quotes'
  | 'tab'
  | 'control-character'
  | 'comment';

/** One repair: what was wrong and where. */
export interface Repair {
  kind: RepairKind;
  message: string;
  at: JsonPosition;
}

/** A fault the reader could not repair. */
export interface JsonProblem {
  message: string;
  at: JsonPosition;
}

/** The outcome: the value (absent when unrepairable), every repair made, every problem found. */
export interface TolerantJsonResult {
  value?: JsonNode;
  repairs: Repair[];
  problems: JsonProblem[];
}

/** Thrown inside the reader only; turned into a problem at the top. */
class Unrepairable extends Error {
  constructor(
    message: string,
    readonly at: JsonPosition,
  ) {
    super(message);
  }
}

/** Deeper nesting than this is reported, not followed: keeps the reader's stack bounded. */
export const MAX_JSON_DEPTH = 256;

const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$.-]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Reads `text` as JSON, repairing what a documentation example commonly gets wrong. */
export function parseTolerantJson(text: string): TolerantJsonResult {
  const reader = new Reader(text);
  try {
    reader.skipSpace();
    if (reader.atEnd()) throw new Unrepairable('expected a JSON value, found nothing', reader.position());
    const value = reader.value();
    reader.skipSpace();
    if (!reader.atEnd()) throw new Unrepairable(`unexpected ${reader.describeNext()} after the end of the JSON value`, reader.position());
    return { value, repairs: reader.repairs, problems: [] };
  } catch (e) {
    if (!(e instanceof Unrepairable)) throw e;
    return { repairs: reader.repairs, problems: [{ message: e.message, at: e.at }] };
  }
}

/** A cursor over the text that knows line and column. */
class Reader {
  readonly repairs: Repair[] = [];
  private i = 0;
  /** Objects and lists open around the cursor. */
  private depth = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.i >= this.text.length;
  }

  position(at = this.i): JsonPosition {
    // Only called for the cursor or a position just behind it on the same line.
    return { line: this.line, column: at - this.lineStart + 1 };
  }

  private repair(kind: RepairKind, message: string, at: JsonPosition): void {
    this.repairs.push({ kind, message, at });
  }

  describeNext(): string {
    const c = this.text[this.i];
    return c === undefined ? 'end of text' : `"${c}"`;
  }

  private advance(n = 1): void {
    for (let k = 0; k < n; k++) {
      if (this.text[this.i] === '\n') {
        this.line++;
        this.lineStart = this.i + 1;
      }
      this.i++;
    }
  }

  /** Skips whitespace and comments; tabs and comments are recorded as repairs. */
  skipSpace(): void {
    for (;;) {
      const c = this.text[this.i];
      if (c === '\t') {
        // Tabs are legal JSON whitespace, but on these pages they betray a hand-edited example
        // whose columns are off; record them so a reader of the repairs sees why.
        this.repair('tab', 'tab used as whitespace', this.position());
        this.advance();
      } else if (c === ' ' || c === '\n' || c === '\r' || c === '\u00a0') this.advance();
      else if ((c === '/' && this.text[this.i + 1] === '/') || c === '#') {
        // `//` and, in the Python SDKs' printed responses, `#` start a comment to the end of the line.
        this.repair('comment', 'line comment removed', this.position());
        while (!this.atEnd() && this.text[this.i] !== '\n') this.advance();
      } else return;
    }
  }

  value(): JsonNode {
    const at = this.position();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"' || c === "'") return { kind: 'string', value: this.string(), at };
    NUMBER.lastIndex = this.i;
    const num = NUMBER.exec(this.text);
    if (num) {
      this.advance(num[0].length);
      return { kind: 'number', integer: num[1] === undefined && num[2] === undefined, value: Number(num[0]), at };
    }
    IDENTIFIER.lastIndex = this.i;
    const word = IDENTIFIER.exec(this.text);
    if (word) {
      this.advance(word[0].length);
      if (word[0] === 'true' || word[0] === 'false') return { kind: 'boolean', value: word[0] === 'true', at };
      if (word[0] === 'null') return { kind: 'null', at };
      this.repair('bare-identifier', `bare identifier ${word[0]} read as a placeholder value`, at);
      return { kind: 'identifier', name: word[0], at };
    }
    throw new Unrepairable(`expected a JSON value, found ${this.describeNext()}`, at);
  }

  /** Reads a string in double quotes (or single quotes, repaired); raw tabs and newlines inside are repaired. */
  private string(): string {
    const quote = this.text[this.i]!;
    const start = this.position();
    if (quote === "'") this.repair('single-quotes', 'single-quoted string', start);
    this.advance();
    let out = '';
    for (;;) {
      if (this.atEnd() || this.text[this.i] === '\n') throw new Unrepairable('unterminated string', start);
      const c = this.text[this.i]!;
      if (c === quote) {
        this.advance();
        return out;
      }
      if (c === '\\') {
        const next = this.text[this.i + 1];
        const simple: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (next !== undefined && simple[next] !== undefined) {
          out += simple[next];
          this.advance(2);
          continue;
        }
        const hex = /^u([0-9a-fA-F]{4})/.exec(this.text.slice(this.i + 1, this.i + 6));
        if (hex) {
          out += String.fromCharCode(parseInt(hex[1]!, 16));
          this.advance(6);
          continue;
        }
        // An unknown escape (e.g. `\.` on the site): keep the character, as a browser would show it.
        this.repair('control-character', `unknown escape \\${next ?? ''} kept as text`, this.position());
        out += next ?? '';
        this.advance(2);
        continue;
      }
      if (c < ' ') {
        this.repair(c === '\t' ? 'tab' : 'control-character', c === '\t' ? 'raw tab inside a string' : 'raw control character inside a string', this.position());
      }
      out += c;
      this.advance();
    }
  }

  /** Reads `{ … }`: keys quoted or bare, commas possibly missing or trailing. */
  private object(): JsonNode {
    const at = this.position();
    const entries = this.elements('}', 'object not closed: expected "}"', at, () => {
      const keyAt = this.position();
      const key = this.memberName();
      this.skipSpace();
      if (this.text[this.i] !== ':') throw new Unrepairable(`expected ":" after member name "${key}", found ${this.describeNext()}`, this.position());
      this.advance();
      this.skipSpace();
      if (this.text[this.i] === ',' || this.text[this.i] === '}') throw new Unrepairable(`member "${key}" has no value`, this.position());
      return { entry: { key, value: this.value(), at: keyAt }, where: `after member "${key}"` };
    });
    return { kind: 'object', entries, at };
  }

  /** A member name: quoted, or (repaired) bare. */
  private memberName(): string {
    const c = this.text[this.i];
    if (c === '"' || c === "'") return this.string();
    const keyAt = this.position();
    IDENTIFIER.lastIndex = this.i;
    const word = IDENTIFIER.exec(this.text);
    if (!word) throw new Unrepairable(`expected a member name or "}", found ${this.describeNext()}`, keyAt);
    this.repair('unquoted-key', `member name ${word[0]} without quotes`, keyAt);
    this.advance(word[0].length);
    return word[0];
  }

  /** Reads `[ … ]`, commas possibly missing or trailing. */
  private array(): JsonNode {
    const at = this.position();
    let count = 0;
    const items = this.elements(']', 'list not closed: expected "]"', at, () => ({ entry: this.value(), where: `after list item ${++count}` }));
    return { kind: 'array', items, at };
  }

  /** The elements of an object or list, from its opening bracket to `close`, each read by `one`. */
  private elements<T>(close: '}' | ']', unclosed: string, at: JsonPosition, one: () => { entry: T; where: string }): T[] {
    // Reading is recursive descent: the depth must be bounded by us, not by the stack.
    if (++this.depth > MAX_JSON_DEPTH) throw new Unrepairable(`nesting deeper than ${MAX_JSON_DEPTH} levels: expected a shallower example`, at);
    this.advance();
    const out: T[] = [];
    this.skipSpace();
    while (this.text[this.i] !== close) {
      if (this.atEnd()) throw new Unrepairable(unclosed, at);
      const { entry, where } = one();
      out.push(entry);
      this.separator(close, where);
    }
    this.advance();
    this.depth--;
    return out;
  }

  /** After a member or item: a comma, the closing bracket, or (repaired) a missing comma. */
  private separator(close: '}' | ']', where: string): void {
    const before = this.position();
    this.skipSpace();
    const c = this.text[this.i];
    if (c === ',') {
      const commaAt = this.position();
      this.advance();
      this.skipSpace();
      if (this.text[this.i] === close) this.repair('trailing-comma', `trailing comma ${where}`, commaAt);
      return;
    }
    if (c === close || this.atEnd()) return;
    if (c === '"' || c === "'" || c === '{' || c === '[' || /[A-Za-z0-9_$-]/.test(c ?? '')) {
      this.repair('missing-comma', `missing comma ${where}`, before);
      return;
    }
    throw new Unrepairable(`expected "," or "${close}" ${where}, found ${this.describeNext()}`, this.position());
  }
}
