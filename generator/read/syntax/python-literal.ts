/**
 * Parser for the Python-like literals of boto3's Request and Response Syntax blocks:
 * `response = client.op(Key='string', …)` calls and `{ 'Key': value, … }` dicts, where a value is
 * `'string'`, `'A'|'B'` (an enum), `123`, `123.0`, `True|False`, `datetime(2015, 1, 1)`, `b'bytes'`,
 * `StreamingBody()`, `{...}|[...]|…` (a document), `{'... recursive ...'}`, `...`, a dict or a list.
 * It yields a small syntax tree with positions; deciding what the tree means is the reader's job.
 */

/** A position inside the parsed text: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** A value of the literal language. */
export type SyntaxValue =
  | { kind: 'dict'; entries: DictEntry[]; at: Position }
  | { kind: 'list'; items: SyntaxValue[]; at: Position }
  | { kind: 'alternatives'; options: SyntaxValue[]; at: Position }
  | { kind: 'string'; value: string; at: Position }
  | { kind: 'bytes'; at: Position }
  | { kind: 'integer'; at: Position }
  | { kind: 'float'; at: Position }
  | { kind: 'boolean'; value: boolean; at: Position }
  | { kind: 'none'; at: Position }
  | { kind: 'ellipsis'; at: Position }
  | { kind: 'recursive'; at: Position }
  | { kind: 'call'; name: string; args: SyntaxValue[]; at: Position }
  | { kind: 'name'; name: string; at: Position };

/** One `key: value` (dict) or `Key=value` (call keyword) entry. */
export interface DictEntry {
  key: string;
  value: SyntaxValue;
  at: Position;
}

/** A Request Syntax block: the method called and its keyword arguments. */
export interface RequestSyntax {
  method: string;
  args: DictEntry[];
  at: Position;
}

/** A syntax error, located in the parsed text. */
export class LiteralSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: Position,
  ) {
    super(message);
    this.name = 'LiteralSyntaxError';
  }
}

/** Deeper nesting than this is reported, not followed: keeps the parser's stack bounded. */
export const MAX_LITERAL_DEPTH = 256;

type TokenKind = 'punct' | 'string' | 'bytes' | 'number' | 'name' | 'ellipsis' | 'end';

interface Token {
  kind: TokenKind;
  text: string;
  at: Position;
}

/** Splits literal text into tokens; quoted strings keep their unescaped content. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const pos = (offset: number): Position => ({ line, column: offset - lineStart + 1 });
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0') {
      i++;
      continue;
    }
    const at = pos(i);
    if (c === '.' && text.startsWith('...', i)) {
      tokens.push({ kind: 'ellipsis', text: '...', at });
      i += 3;
      continue;
    }
    if ('{}[](),:=|'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, at });
      i++;
      continue;
    }
    const isBytes = (c === 'b' || c === 'B') && (text[i + 1] === "'" || text[i + 1] === '"');
    if (c === "'" || c === '"' || isBytes) {
      const quoteAt = isBytes ? i + 1 : i;
      const quote = text[quoteAt]!;
      let j = quoteAt + 1;
      let value = '';
      while (j < text.length && text[j] !== quote) {
        if (text[j] === '\n') throw new LiteralSyntaxError('unterminated string: expected a closing quote before the end of the line', at);
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
        j++;
      }
      if (j >= text.length) throw new LiteralSyntaxError('unterminated string: expected a closing quote', at);
      tokens.push({ kind: isBytes ? 'bytes' : 'string', text: value, at });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 40));
    if (num) {
      tokens.push({ kind: 'number', text: num[0], at });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i, i + 200));
    if (name) {
      tokens.push({ kind: 'name', text: name[0], at });
      i += name[0].length;
      continue;
    }
    throw new LiteralSyntaxError(`unexpected character ${JSON.stringify(c)}: expected a Python literal`, at);
  }
  tokens.push({ kind: 'end', text: '', at: pos(i) });
  return tokens;
}

/** Recursive-descent parser over the tokens of one block. */
class LiteralParser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return t;
  }

  private isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === text;
  }

  private expectPunct(text: string, what: string): Token {
    const t = this.next();
    if (t.kind !== 'punct' || t.text !== text) {
      throw new LiteralSyntaxError(`expected ${JSON.stringify(text)} ${what}, found ${describe(t)}`, t.at);
    }
    return t;
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'end') throw new LiteralSyntaxError(`expected the end of the block, found ${describe(t)}`, t.at);
  }

  /** `response = client.method(args)` or `client.method(args)`; the result name is optional. */
  parseRequest(): RequestSyntax {
    const first = this.peek();
    if (first.kind === 'name' && this.isPunct('=', 1)) {
      this.next();
      this.next();
    }
    const callee = this.next();
    if (callee.kind !== 'name') {
      throw new LiteralSyntaxError(`expected a call such as client.method(…), found ${describe(callee)}`, callee.at);
    }
    const method = callee.text.slice(callee.text.lastIndexOf('.') + 1);
    this.expectPunct('(', `after ${callee.text}`);
    const args: DictEntry[] = [];
    while (!this.isPunct(')')) {
      const key = this.next();
      if (key.kind !== 'name') throw new LiteralSyntaxError(`expected a keyword argument name, found ${describe(key)}`, key.at);
      this.expectPunct('=', `after argument ${key.text}`);
      args.push({ key: key.text, value: this.parseValue(), at: key.at });
      if (!this.isPunct(',')) break;
      this.next();
    }
    this.expectPunct(')', 'to close the call');
    return { method, args, at: callee.at };
  }

  /** Whether the next token separates alternatives: `|`, or `or` (boto3's customised parameters). */
  private isAlternative(): boolean {
    const t = this.peek();
    return (t.kind === 'punct' && t.text === '|') || (t.kind === 'name' && t.text === 'or');
  }

  /** A value, possibly `|`- or `or`-separated alternatives. */
  parseValue(): SyntaxValue {
    const first = this.parseAtom();
    if (!this.isAlternative()) return first;
    const options = [first];
    while (this.isAlternative()) {
      this.next();
      options.push(this.parseAtom());
    }
    return { kind: 'alternatives', options, at: first.at };
  }

  private enter(at: Position): void {
    if (++this.depth > MAX_LITERAL_DEPTH) {
      throw new LiteralSyntaxError(`nesting deeper than ${MAX_LITERAL_DEPTH} levels: expected a shallower literal`, at);
    }
  }

  private parseAtom(): SyntaxValue {
    const t = this.next();
    switch (t.kind) {
      case 'string':
        return { kind: 'string', value: t.text, at: t.at };
      case 'bytes':
        return { kind: 'bytes', at: t.at };
      case 'number':
        return /[.eE]/.test(t.text) ? { kind: 'float', at: t.at } : { kind: 'integer', at: t.at };
      case 'ellipsis':
        return { kind: 'ellipsis', at: t.at };
      case 'name':
        return this.parseName(t);
      case 'punct':
        if (t.text === '{') return this.parseDict(t);
        if (t.text === '[') return this.parseList(t);
        break;
      case 'end':
        break;
    }
    throw new LiteralSyntaxError(`expected a value, found ${describe(t)}`, t.at);
  }

  private parseName(t: Token): SyntaxValue {
    if (t.text === 'True' || t.text === 'False') return { kind: 'boolean', value: t.text === 'True', at: t.at };
    if (t.text === 'None') return { kind: 'none', at: t.at };
    if (!this.isPunct('(')) return { kind: 'name', name: t.text, at: t.at };
    this.enter(t.at);
    this.next();
    const args: SyntaxValue[] = [];
    while (!this.isPunct(')')) {
      args.push(this.parseValue());
      if (!this.isPunct(',')) break;
      this.next();
    }
    this.expectPunct(')', `to close ${t.text}(`);
    this.depth--;
    return { kind: 'call', name: t.text, args, at: t.at };
  }

  private parseDict(open: Token): SyntaxValue {
    this.enter(open.at);
    const entries: DictEntry[] = [];
    // `{...}` (a document's "any object") and `{'... recursive ...'}` are placeholders, not dicts.
    if (this.peek().kind === 'ellipsis' && this.isPunct('}', 1)) {
      this.next();
      this.next();
      this.depth--;
      return { kind: 'dict', entries, at: open.at };
    }
    if (this.peek().kind === 'string' && /^\.\.\.\s*recursive\s*\.\.\.$/.test(this.peek().text.trim()) && this.isPunct('}', 1)) {
      this.next();
      this.next();
      this.depth--;
      return { kind: 'recursive', at: open.at };
    }
    while (!this.isPunct('}')) {
      const key = this.next();
      if (key.kind !== 'string') throw new LiteralSyntaxError(`expected a quoted key or "}", found ${describe(key)}`, key.at);
      this.expectPunct(':', `after key '${key.text}'`);
      entries.push({ key: key.text, value: this.parseValue(), at: key.at });
      if (!this.isPunct(',')) break;
      this.next();
    }
    this.expectPunct('}', 'to close the dict');
    this.depth--;
    return { kind: 'dict', entries, at: open.at };
  }

  private parseList(open: Token): SyntaxValue {
    this.enter(open.at);
    const items: SyntaxValue[] = [];
    if (this.peek().kind === 'ellipsis' && this.isPunct(']', 1)) {
      this.next();
    } else {
      while (!this.isPunct(']')) {
        items.push(this.parseValue());
        if (!this.isPunct(',')) break;
        this.next();
      }
    }
    this.expectPunct(']', 'to close the list');
    this.depth--;
    return { kind: 'list', items, at: open.at };
  }
}

function describe(t: Token): string {
  if (t.kind === 'end') return 'the end of the block';
  if (t.kind === 'string') return `'${t.text.slice(0, 40)}'`;
  return JSON.stringify(t.text.slice(0, 40));
}

/** Parses a Request Syntax block (`response = client.op(…)`). Throws {@link LiteralSyntaxError}. */
export function parseRequestSyntax(text: string): RequestSyntax {
  const parser = new LiteralParser(tokenize(text));
  const request = parser.parseRequest();
  parser.expectEnd();
  return request;
}

/** Parses a Response Syntax block (one value, usually a dict). Throws {@link LiteralSyntaxError}. */
export function parseResponseSyntax(text: string): SyntaxValue {
  const parser = new LiteralParser(tokenize(text));
  const value = parser.parseValue();
  parser.expectEnd();
  return value;
}
