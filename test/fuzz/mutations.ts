/**
 * Mutated pages for fuzzing the readers. A fuzz input is plain data — a seed index and a list of
 * mutations — so it can be posted to a worker, printed, and replayed exactly; {@link applyInput}
 * turns it into the page text the readers see. Inputs come from `fast-check` arbitraries
 * ({@link fuzzInputArbitrary}), so a campaign is reproducible from its seed.
 */
import fc from 'fast-check';
import { decode } from '../../generator/pipeline/read.ts';

/** Syntax blocks nested this deep must be reported, not followed (issue 8). */
export const DEEP = 10_000;

/** Deepest nesting of indented lines in the campaign (deeper costs megabytes per input). */
export const ENTRY_DEPTH = 200;

/** Size of the "50 MB page" input. */
export const HUGE_BYTES = 50 * 1024 * 1024;

/** How a deep nesting is written: in a syntax literal, a JSON example, entry bullets, Markdown. */
export type NestingStyle = 'dict' | 'list' | 'call' | 'json' | 'rst-entries' | 'text-entries' | 'blockquote' | 'md-list';

/** One change to a page. Positions are any naturals, taken modulo what they index. */
export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'deleteLines'; at: number; count: number }
  | { op: 'duplicateLines'; at: number; count: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'shiftIndent'; at: number; count: number; by: number }
  | { op: 'tabs'; at: number; count: number; width: number }
  | { op: 'crlf'; at: number; count: number }
  | { op: 'bom' }
  | { op: 'invalidUtf8'; at: number; bytes: number[] }
  | { op: 'nul'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'splice'; from: number; at: number; fromAt: number; count: number }
  | { op: 'nest'; at: number; depth: number; style: NestingStyle };

/** A fuzz input: which seed, what is done to it, and whether it is then grown to {@link HUGE_BYTES}. */
export interface FuzzInput {
  seed: number;
  mutations: Mutation[];
  huge?: boolean;
}

/** Pieces that mean something to some reader: markup, section heads, literal punctuation, odd characters. */
const HOSTILE_TEXT = [
  '{', '}', '[', ']', '(', ')', "'", '"', '`', '``', '*', '**', '|', '\\', ':', '::', '..', '...', '=', ',', '¶', '•', '–', '--',
  '\t', '\r', '\u2028', '\u2029', '\ufeff', '\ufffd', '\u0000', '\u001b', '\ud800', '𝒳',
  '[REQUIRED]', '**Request Syntax**', '**Response Syntax**', ':rtype: dict', ':returns:', '**Exceptions**',
  '.. py:method:: X.Client.op(**kwargs)', '.. py:class:: X.Client', '.. note::', '.. danger::',
  '- **Name** *(dict) --*', '- *(string) --*', 'Name (list) –', '• (dict) --', 'Request Syntax¶', 'Response Structure',
  "{'... recursive ...'}", "'A'|'B'", 'datetime(2015, 1, 1)', 'StreamingBody()', "b'bytes'|file", '{...}|[...]|123|123.4|\'string\'|True|None',
  'See also: `AWS API Documentation <https://docs.aws.amazon.com/goto/WebAPI/x-2020-01-01/Op>`_',
  ':doc:`X <../../../etc>`', '@required(a=int)', 'def f(self, a, b=None, config=None):', '```', '```python', 'Plain Text', 'JSON', '1{', '12    "a": b,',
  '- **__proto__** *(string) --*', "'__proto__': 'string',", '__proto__=\'string\',', '• constructor (string) --', ':param toString: x\u2028y',
  'Table of contents on this page', 'There are no special response parameters', 'The op function can be used to do things',
];

/** The seed page as text, as `loadIR` would decode its bytes. */
export function seedText(bytes: Buffer): string {
  return decode(bytes);
}

/** A deep nesting of `depth` levels written in `style`, indented by `indent` spaces. */
export function nesting(style: NestingStyle, depth: number, indent = 0): string {
  const pad = ' '.repeat(indent);
  switch (style) {
    case 'dict':
      return `${pad}${"{'a': ".repeat(depth)}'string'${'}'.repeat(depth)}`;
    case 'list':
      return `${pad}${'['.repeat(depth)}'string'${']'.repeat(depth)}`;
    case 'call':
      return `${pad}${'f('.repeat(depth)}1${')'.repeat(depth)}`;
    case 'json':
      return `${pad}${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}`;
    case 'rst-entries':
      return Array.from({ length: depth }, (_, i) => `${pad}${' '.repeat(i)}- **M${i}** *(dict) --*`).join('\n');
    case 'text-entries':
      return Array.from({ length: depth }, (_, i) => `${pad}${' '.repeat(i)}• M${i} (dict) --`).join('\n');
    case 'blockquote':
      return `${pad}${'> '.repeat(depth)}text`;
    case 'md-list':
      return Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n');
  }
}

/** Applies one mutation to a page's text. `seeds` are the other pages (for splicing). */
export function mutate(text: string, m: Mutation, seeds: readonly string[]): string {
  const lines = () => text.split('\n');
  switch (m.op) {
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'deleteLines': {
      const ls = lines();
      ls.splice(m.at % ls.length, m.count);
      return ls.join('\n');
    }
    case 'duplicateLines': {
      const ls = lines();
      const at = m.at % ls.length;
      ls.splice(at, 0, ...ls.slice(at, at + m.count));
      return ls.join('\n');
    }
    case 'swapLines': {
      const ls = lines();
      const a = m.a % ls.length;
      const b = m.b % ls.length;
      [ls[a], ls[b]] = [ls[b]!, ls[a]!];
      return ls.join('\n');
    }
    case 'shiftIndent': {
      const ls = lines();
      const at = m.at % ls.length;
      for (let i = at; i < Math.min(ls.length, at + m.count); i++) {
        ls[i] = m.by >= 0 ? ' '.repeat(m.by) + ls[i] : ls[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      }
      return ls.join('\n');
    }
    case 'tabs': {
      const ls = lines();
      const at = m.at % ls.length;
      const run = new RegExp(` {${m.width}}`, 'g');
      for (let i = at; i < Math.min(ls.length, at + m.count); i++) {
        const line = ls[i]!;
        const indent = line.length - line.trimStart().length;
        ls[i] = line.slice(0, indent).replace(run, '\t') + line.slice(indent);
      }
      return ls.join('\n');
    }
    case 'crlf': {
      const ls = lines();
      const at = m.at % ls.length;
      for (let i = at; i < Math.min(ls.length - 1, at + m.count); i++) if (!ls[i]!.endsWith('\r')) ls[i] += '\r';
      return ls.join('\n');
    }
    case 'bom':
      return seedText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    case 'invalidUtf8': {
      const bytes = Buffer.from(text, 'utf8');
      const at = m.at % (bytes.length + 1);
      return seedText(Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]));
    }
    case 'nul': {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)}\0${text.slice(at)}`;
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'splice': {
      const other = seeds[m.from % seeds.length]!.split('\n');
      const from = m.fromAt % other.length;
      const ls = lines();
      ls.splice(m.at % (ls.length + 1), 0, ...other.slice(from, from + m.count));
      return ls.join('\n');
    }
    case 'nest':
      return nestInto(text, m);
  }
}

/**
 * Puts a deep nesting where it bites: a literal nesting replaces a `'string'` value of a syntax
 * block (or a JSON value of an example), entry nestings go below an entry line; else at a line.
 */
function nestInto(text: string, m: Extract<Mutation, { op: 'nest' }>): string {
  const ls = text.split('\n');
  const want: Record<NestingStyle, RegExp> = {
    dict: /'string'/,
    list: /'string'/,
    call: /'string'/,
    json: /":\s*\S/,
    'rst-entries': /^\s*- \*\*\w+\*\* \*\(/,
    'text-entries': /\(\w+\)\s*(--|–)/,
    blockquote: /^\S/,
    'md-list': /^\s*[-*•] /,
  };
  const candidates = ls.flatMap((l, i) => (want[m.style].test(l) ? [i] : []));
  const i = candidates.length > 0 ? candidates[m.at % candidates.length]! : m.at % ls.length;
  const line = ls[i]!;
  const indent = line.length - line.trimStart().length;
  const inline = ['dict', 'list', 'call', 'json', 'blockquote'].includes(m.style);
  // Nested lines indent one column per level: the text grows with depth squared, so they stop at ENTRY_DEPTH.
  const deep = nesting(m.style, inline ? m.depth : Math.min(m.depth, ENTRY_DEPTH), inline ? 0 : indent + 2);
  if (m.style === 'json') ls[i] = line.replace(/(":\s*)\S.*$/, (_all, key: string) => `${key}${deep}`);
  else if (m.style === 'dict' || m.style === 'list' || m.style === 'call') ls[i] = line.replace("'string'", deep);
  else ls.splice(i + 1, 0, deep);
  return ls.join('\n');
}

/** Repeats a page until it reaches `bytes` (the "50 MB page": a whole-service file gone wild). */
export function grow(text: string, bytes = HUGE_BYTES): string {
  if (text.length === 0) return 'x'.repeat(bytes);
  return text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes);
}

/** The page text of a fuzz input. */
export function applyInput(input: FuzzInput, seeds: readonly string[]): string {
  let text = seeds[input.seed % seeds.length]!;
  for (const m of input.mutations) text = mutate(text, m, seeds);
  return input.huge ? grow(text) : text;
}

const pos = fc.nat();
const small = fc.integer({ min: 1, max: 40 });

/** One mutation; deep nestings mostly hundreds of levels, sometimes {@link DEEP}. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: pos }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('deleteLines' as const), at: pos, count: small }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('duplicateLines' as const), at: pos, count: small }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: pos, b: pos }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('shiftIndent' as const), at: pos, count: small, by: fc.integer({ min: -8, max: 8 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('tabs' as const), at: pos, count: fc.integer({ min: 1, max: 400 }), width: fc.constantFrom(2, 3, 4, 8) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('crlf' as const), at: pos, count: fc.integer({ min: 1, max: 2000 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('invalidUtf8' as const), at: pos, bytes: fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('nul' as const), at: pos }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('insert' as const), at: pos, text: fc.constantFrom(...HOSTILE_TEXT) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('splice' as const), from: pos, at: pos, fromAt: pos, count: small }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('nest' as const),
      at: pos,
      depth: fc.oneof(fc.integer({ min: 2, max: 400 }), fc.constant(DEEP)),
      style: fc.constantFrom<NestingStyle>('dict', 'list', 'call', 'json', 'rst-entries', 'text-entries', 'blockquote', 'md-list'),
    }),
  },
);

/**
 * Fuzz inputs over `seedCount` seeds: one to four mutations. (Which inputs are also grown to
 * 50 MB is decided by the campaign, by index: fast-check biases naturals towards 0, so a random
 * roll would make "one in N" far more frequent than that.)
 */
export function fuzzInputArbitrary(seedCount: number): fc.Arbitrary<FuzzInput> {
  return fc.record({
    seed: fc.nat({ max: seedCount - 1 }),
    mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
  });
}
