/**
 * Reading the Python definition Baidu's SDK pages show for each function:
 *
 *     @required(bandwidth_in_mbps=int, local_vpc_id=(bytes, str))
 *     def create_peerconn(self, bandwidth_in_mbps, local_vpc_id, description=None, config=None):
 *
 * The `@required` decorator names required arguments and, when it gives one, their Python type;
 * the `def` line gives every argument and its default. Meaning (which argument is a model member,
 * its wire name) is decided later, with the facts.
 */
import type { ScalarNode } from '../../ir/input.ts';
import { lineAt, lineOffsets } from '../../text-offsets.ts';
import { codePosition, type Block } from './blocks.ts';

/** One argument of the `def`. */
export interface PythonParameter {
  name: string;
  /** The default as written (`None`, `False`, `1`), when there is one. */
  default?: string;
  line: number;
}

/** One argument the `@required` decorator names. */
export interface RequiredArgument {
  /** The type the decorator gives, as an IR scalar kind; undefined when it gives none or an unknown one. */
  type?: ScalarNode['kind'];
  /** The Python type as written (`int`, `(bytes, str)`), when given. */
  pythonType?: string;
  line: number;
}

/** A function definition read from a code block. */
export interface PythonSignature {
  method: string;
  parameters: PythonParameter[];
  required: Map<string, RequiredArgument>;
  line: number;
}

/** A problem found while reading a definition, located in the file. */
export interface SignatureProblem {
  message: string;
  line: number;
  column: number;
}

type CodeBlock = Extract<Block, { kind: 'code' }>;

/** Whether a code block holds a function definition (`def name(`). */
export function hasDefinition(block: CodeBlock): boolean {
  return block.lines.some((l) => /^\s*def\s+\w+\s*\(/.test(l.text));
}

/** Reads the `@required(...)` decorator and `def` of a code block; problems for what is cut short (no signature when the `def` is). */
export function readSignature(block: CodeBlock): { signature?: PythonSignature; problems: SignatureProblem[] } {
  const text = block.lines.map((l) => l.text).join('\n');
  // Line starts once, then a binary search per position: slicing the text before each argument
  // made a definition with 100,000 arguments take minutes.
  const starts = lineOffsets(text);
  const at = (offset: number) => {
    const line = lineAt(starts, offset);
    return codePosition(block, line, offset - starts[line - 1]! + 1);
  };
  const problems: SignatureProblem[] = [];
  const required = new Map<string, RequiredArgument>();

  const decorator = /@required\s*\(/.exec(text);
  if (decorator) {
    const open = decorator.index + decorator[0].length;
    const close = closingParen(text, open);
    if (close < 0) {
      const p = at(decorator.index);
      problems.push({ ...p, message: 'the @required(...) decorator is cut short: expected ")"' });
    } else {
      for (const arg of splitArguments(text, open, close)) {
        const eq = arg.text.indexOf('=');
        const name = (eq < 0 ? arg.text : arg.text.slice(0, eq)).trim();
        if (!/^\w+$/.test(name)) continue;
        const pythonType = eq < 0 ? undefined : arg.text.slice(eq + 1).trim();
        const entry: RequiredArgument = { line: at(arg.offset + arg.text.search(/\S/)).line };
        if (pythonType) {
          entry.pythonType = pythonType;
          const type = scalarOfPythonType(pythonType);
          if (type) entry.type = type;
        }
        required.set(name, entry);
      }
    }
  }

  const def = /\bdef\s+(\w+)\s*\(/.exec(text);
  if (!def) {
    const p = at(text.length);
    problems.push({ ...p, message: 'expected a function definition "def name(self, ...)"' });
    return { problems };
  }
  const open = def.index + def[0].length;
  const close = closingParen(text, open);
  if (close < 0) {
    // Without all its arguments the input can't be known: no signature rather than a wrong one.
    const p = at(def.index);
    problems.push({ ...p, message: `the definition of ${def[1]} is cut short: expected ")" closing its arguments` });
    return { problems };
  }
  const signature: PythonSignature = { method: def[1]!, parameters: [], required, line: at(def.index).line };
  for (const arg of splitArguments(text, open, close)) {
    const eq = arg.text.indexOf('=');
    const name = (eq < 0 ? arg.text : arg.text.slice(0, eq)).trim();
    if (!/^\w+$/.test(name)) continue; // `*args`, `**kwargs`, annotations we don't read
    const param: PythonParameter = { name, line: at(arg.offset + arg.text.search(/\S/)).line };
    if (eq >= 0) param.default = arg.text.slice(eq + 1).trim();
    signature.parameters.push(param);
  }
  return { signature, problems };
}

/** The IR scalar a Python type names: `int` → integer, `(bytes, str)` → string, `(bool,)` → boolean. */
export function scalarOfPythonType(pythonType: string): ScalarNode['kind'] | undefined {
  const names = pythonType.replace(/[()]/g, ' ').split(/[\s,]+/).filter(Boolean);
  if (names.some((n) => n === 'str' || n === 'bytes' || n === 'unicode')) return 'string';
  if (names.includes('bool')) return 'boolean';
  if (names.includes('int')) return 'integer';
  if (names.includes('float')) return 'float';
  return undefined;
}

/** Offset of the `)` matching an already-opened `(` whose content starts at `from`; -1 when cut short. */
function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? i : -1;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    }
  }
  return -1;
}

/** The comma-separated arguments between `from` and `to`, split at the top level only. */
function splitArguments(text: string, from: number, to: number): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i <= to; i++) {
    const c = text[i];
    if (i === to || (c === ',' && depth === 0)) {
      const piece = text.slice(start, i);
      if (piece.trim()) out.push({ text: piece, offset: start });
      start = i + 1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return out;
}
