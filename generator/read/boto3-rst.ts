/**
 * Reader for boto3 client pages in reStructuredText: per-operation pages (the seeds' layout:
 * breadcrumb, title, one `py:method`) and whole-service files (a `py:class:: X.Client` holding
 * many `py:method`s). `restructured` finds the document's structure — sections and directives;
 * the directive bodies (field lists, literal blocks, bullet trees) are read from indentation.
 */
import { DiagnosticSink } from '../diagnostics.ts';
import { SERVICE_ID } from '../ir/naming.ts';
import { lineAt, lineOffsets } from '../text-offsets.ts';
import { buildTree, flattenBlock, limitDepth, linesToText, MAX_TREE_DEPTH, splitLines, type TextBlock, type TextLine } from './indent-tree.ts';
import type { ReadOperation, ReadPage, SkippedSection } from '../ir/input.ts';
import { assembleOperation } from './boto3/assemble.ts';
import { classKind, hideSection as hide, methodTarget, reportsSkippedMethod } from './boto3/directives.ts';
import { DocCollector, parseRstEntryHead, readEntry } from './boto3/entries.ts';
import { addHelperMethod, helperClassOf } from './boto3/helper-classes.ts';
import { readRstException } from './boto3/rst-exceptions.ts';
import { isPlaceholder, type Boto3OperationParts, type DocEntry, type LocatedText } from './boto3/parts.ts';
import { parseSeeAlso } from './boto3/see-also.ts';
import { expandRstTabs, parseBudget, parseRstDirectivesBounded, type BoundedParse, type RstDirective } from './bounded-parse.ts';
import { rstSkeleton } from './rst-skeleton.ts';

/**
 * Whether text is a boto3 RST page: it holds a Sphinx Python directive (client methods and classes,
 * and the resource pages' attributes, identifiers and actions).
 */
export function isBoto3Rst(text: string): boolean {
  return /^\s*\.\. py:(method|class|attribute|function)::/m.test(text);
}

const DIRECTIVE = /^\.\. py:(method|class|attribute|function)::\s*(.*)$/;

/** A piece of a boto3 RST page: its text, the page line it starts on, and the class it sits in. */
export interface RstChunk {
  text: string;
  firstLine: number;
  /** The `py:class` the chunk's methods belong to when the chunk starts inside one (`Odb.Client`). */
  enclosingClass?: string;
}

/**
 * How the reader finds a page's `py:` directives. By default a page whose lines alone decide where
 * its top-level directives start and end is not parsed ({@link directiveSpans}); `always` asks
 * the parser for every page (to check that the two agree).
 */
export interface RstReadOptions {
  parse?: 'when-needed' | 'always';
}

/** Reads a boto3 RST page into operations, recognised non-operation sections and diagnostics. */
export function readBoto3Rst(text: string, file: string): ReadPage {
  const page = readBoto3RstChunk({ text, firstLine: 1 }, file);
  requireDirectives(page);
  return page;
}

/** Reports a page (or all chunks of one, merged) in which no boto3 directive was found. */
export function requireDirectives(page: ReadPage): void {
  const helpers = (page.paginators?.length ?? 0) + (page.waiters?.length ?? 0) + (page.exceptions?.length ?? 0);
  if (page.operations.length === 0 && page.skipped.length === 0 && helpers === 0) {
    new DiagnosticSink(page.file, page.diagnostics).error(
      1,
      'no py:method directive of a boto3 client found: expected ".. py:method:: Service.Client.operation(**kwargs)"',
    );
  }
}

const SPLIT_AT = /^(?: {2}\.\. py:method::|\.\. py:class::)/;

/**
 * Splits a whole-service page into chunks of about `targetBytes` at directive boundaries (a
 * client method or a class), so several threads can read one large service. Reading the chunks
 * and merging them gives the page's reading.
 */
export function splitBoto3Rst(text: string, targetBytes = 1 << 20): RstChunk[] {
  const chunks: RstChunk[] = [];
  let start = 0;
  let startLine = 1;
  let startClass: string | undefined;
  let currentClass: string | undefined;
  let line = 1;
  for (let at = 0; at < text.length; line++) {
    const end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end + 1;
    const head = text.slice(at, at + 18);
    if (SPLIT_AT.test(head)) {
      if (at - start >= targetBytes) {
        chunks.push({ text: text.slice(start, at), firstLine: startLine, ...(startClass ? { enclosingClass: startClass } : {}) });
        start = at;
        startLine = line;
        startClass = currentClass;
      }
      if (head.startsWith('.. py:class::')) currentClass = text.slice(at + 13, end < 0 ? text.length : end).trim();
    }
    at = next;
  }
  chunks.push({ text: text.slice(start), firstLine: startLine, ...(startClass ? { enclosingClass: startClass } : {}) });
  return chunks;
}

/** Reads one chunk of a boto3 RST page; line numbers are the page's. */
export function readBoto3RstChunk(chunk: RstChunk, file: string, options: RstReadOptions = {}): ReadPage {
  const { text } = chunk;
  const lineBase = chunk.firstLine - 1;
  const sink = new DiagnosticSink(file);
  const page: ReadPage = { file, format: 'boto3-rst', service: { provider: 'aws' }, operations: [], skipped: [], diagnostics: sink.items };
  const breadcrumb = /^:doc:`([^<`]*?)\s*<([^>]*)>`/m.exec(text);
  if (breadcrumb) {
    page.service.clientName = breadcrumb[1]!.trim();
    const target = breadcrumb[2]!.split('/').filter((s) => s && s !== '..');
    const id = target[target.length - 1];
    // The id names output folders: a page must not be able to steer them (`<../../etc>`, `<x/Foo Bar>`).
    if (id !== undefined && SERVICE_ID.test(id)) page.service.id = id;
    else if (id !== undefined || breadcrumb[2]!.trim() !== '') {
      const line = lineBase + text.slice(0, breadcrumb.index).split('\n').length;
      sink.error(line, `breadcrumb link <${breadcrumb[2]!.slice(0, 80)}> does not end in a service id: expected lowercase letters, digits and "-" (${SERVICE_ID.source})`);
    }
  }
  // The parser sees tabs expanded (same lines, other offsets): its offsets are mapped to lines of that text.
  const expanded = expandRstTabs(text);
  const reader = new DirectiveReader(sink, page);
  const lines = { text, starts: lineOffsets(text), base: lineBase };
  const spans = options.parse === 'always' ? undefined : directiveSpans(expanded);
  if (spans) {
    // Per-method, paginator, waiter, resource and index pages: no parse (see directiveSpans).
    let enclosing = chunk.enclosingClass;
    for (const span of spans) {
      readBlocksOf(reader, lines, span.first, span.last, enclosing);
      if (span.directive === 'py:class') enclosing = span.argument || enclosing;
    }
    return page;
  }
  const structure = parseStructure(expanded);
  const parsed = structure.parsed;
  if ('error' in parsed) {
    sink.error(chunk.firstLine, `not readable as reStructuredText: ${parsed.error}`);
    return page;
  }
  const covered: [number, number][] = [];
  if ('timedOut' in parsed) {
    // Every directive is then found by indentation, as recoverDirectives does for those the parser misses.
    sink.warning(chunk.firstLine, `the reStructuredText parser gave up after ${parsed.timedOut} ms; py: directives read by indentation`);
    recoverDirectives(reader, lines, covered, sink, chunk.enclosingClass, false);
    return page;
  }
  const parsedStarts = structure.text === text ? lines.starts : lineOffsets(structure.text);
  // A method the parser finds outside its class (after a line that broke the class) still belongs to it.
  let lastClass = chunk.enclosingClass;
  for (const node of parsed.doc) {
    const { start, end } = node;
    const startLine = structure.pageLine(start.line, 'first');
    const endLine = structure.pageLine(lineAt(parsedStarts, Math.max(start.offset, end.offset - 1)), 'last');
    covered.push([startLine, endLine]);
    readBlocksOf(reader, lines, startLine, endLine, lastClass);
    if (node.directive === 'py:class') lastClass = String(node.argument ?? '').trim() || lastClass;
  }
  recoverDirectives(reader, lines, covered, sink, chunk.enclosingClass);
  return page;
}

/** A directive at column 0 as it starts a line, as restructured recognises one (`.. py:name::`, then a space or the line's end). */
const COLUMN_0_DIRECTIVE = /^\.\. (py:[a-z]+)::(?: |$)(.*)$/;

/** Any `py:` directive line, at any indentation (as the skeleton finds them). */
const ANY_DIRECTIVE = /^ *\.\. py:[a-z]+::/;

/** A top-level `py:` directive found by {@link directiveSpans}: its name, argument and page lines. */
export interface DirectiveSpan {
  directive: string;
  argument: string;
  first: number;
  last: number;
}

/**
 * The top-level `py:` directives of a page when its lines alone decide where they start and end,
 * else undefined (then the parser finds them). reStructuredText ends a directive's body at the first
 * line indented no deeper than the directive: a directive at column 0 runs from its line to the last
 * non-blank line before the next line at column 0. That is all the reader asks the parser, so when
 * every `py:` directive of a page stands at column 0 after a blank line (and not after a `::`, which
 * would make it a quoted literal), every line it ends at follows a blank line, and every indented
 * `py:` directive lies inside one of them, the parser would find exactly these: boto3 1.43's pages —
 * per method, paginator, waiter, resource, and the index pages — are such (checked over every page
 * of the 1.43 corpus, scripts/bench/history.md), and parsing was most of the time of reading them.
 * (Expanded text: no tab; a carriage return, which the parser may take as a line break, is left to it.)
 */
export function directiveSpans(text: string): DirectiveSpan[] | undefined {
  if (text.includes('\r')) return undefined;
  const spans: DirectiveSpan[] = [];
  let open: DirectiveSpan | undefined;
  let line = 0;
  let previousBlank = true;
  let literalBefore = false;
  for (let at = 0; at <= text.length; line++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const c = text.charCodeAt(at);
    let n = at;
    while (n < end && text.charCodeAt(n) === 32) n++;
    const d = text.charCodeAt(n);
    // Blank as the skeleton takes it: empty or white space only (other white space than spaces is rare: trim decides).
    const blank = n === end || ((d < 33 || d > 126) && text.slice(n, end).trim() === '');
    if (blank) {
      previousBlank = true;
      at = end + 1;
      continue;
    }
    const content = c === 46 || c === 32 ? text.slice(at, end) : '';
    if (c === 32) {
      if (!open && ANY_DIRECTIVE.test(content)) return undefined; // a py: directive inside something else
      if (open) open.last = line + 1;
    } else {
      // A line at column 0 ends the open directive; right after its body (no blank line), the parser may read it otherwise.
      if (open && !previousBlank) return undefined;
      open = undefined;
      if (c === 46 && ANY_DIRECTIVE.test(content)) {
        const m = COLUMN_0_DIRECTIVE.exec(content);
        if (!m || !previousBlank || literalBefore) return undefined;
        open = { directive: m[1]!, argument: m[2]!.trim(), first: line + 1, last: line + 1 };
        spans.push(open);
      }
    }
    literalBefore = text.endsWith('::', end) && end - at >= 2;
    previousBlank = false;
    at = end + 1;
  }
  return spans.length > 0 ? spans : undefined;
}

/** What the parser was given and made of it, and how its lines map to the page's. */
interface ParsedStructure {
  parsed: BoundedParse<RstDirective[]>;
  text: string;
  pageLine(line: number, end: 'first' | 'last'): number;
}

/**
 * Parses the structure of a chunk (tabs expanded) from its skeleton ({@link rstSkeleton}): the
 * parser only has to find the directives. When the skeleton does not parse, the whole text is
 * parsed, so an unreadable chunk is reported exactly as before.
 */
function parseStructure(expanded: string): ParsedStructure {
  const skeleton = rstSkeleton(expanded);
  if (skeleton) {
    const parsed = parseRstDirectivesBounded(skeleton.text, parseBudget(expanded.length));
    if (!('error' in parsed)) {
      return { parsed, text: skeleton.text, pageLine: (line, end) => (end === 'first' ? skeleton.first : skeleton.last)[line - 1]! };
    }
  }
  return { parsed: parseRstDirectivesBounded(expanded), text: expanded, pageLine: (line) => line };
}

/** A chunk's text with the offsets of its lines and the page line before its first. */
interface ChunkLines {
  text: string;
  starts: number[];
  base: number;
}

/** Reads the directive blocks found in lines `first`..`last` of a chunk. */
function readBlocksOf(reader: DirectiveReader, lines: ChunkLines, first: number, last: number, enclosingClass: string | undefined): void {
  const from = lines.starts[first - 1] ?? lines.text.length;
  const to = lines.starts[last] ?? lines.text.length;
  const blocks = buildTree(joinEntryContinuations(joinShallowContinuations(splitLines(lines.text.slice(from, to), first + lines.base))));
  // Entries nest by indentation alone (no literal bounds them): their tree is cut at a depth readers can recurse to.
  const cut = limitDepth(blocks);
  if (cut) reader.tooDeep(cut.line);
  for (const block of blocks) reader.read(block, enclosingClass);
}

/** Lines that stand at a method body's own indentation: its sections, fields and See-also line. */
const BODY_LINE = /^(?:\*\*Request Syntax\*\*|:type |:param |:rtype:|:returns:|See also:)/;

/**
 * Newer botocore keeps raw line breaks of the model's HTML inside descriptions, so a line of a
 * paragraph can start shallower than the directive's body (`\n Data Type.` at one space, under a
 * body at two): read by indentation it would end the method there and take the rest of it along.
 * Inside a method, a line indented deeper than the directive but shallower than the body's own
 * fields and sections continues the line before it: it takes that line's indentation.
 */
function joinShallowContinuations(lines: TextLine[]): TextLine[] {
  const head = lines[0];
  // Only a method's own body (a class holds methods, whose directives must keep their indentation).
  if (!head || !head.text.startsWith('.. py:method::')) return lines;
  // The body's indentation is that of its own fields and sections (a description may start deeper).
  const body = lines.find((l) => l.indent > head.indent && BODY_LINE.test(l.text));
  if (!body) return lines;
  let previous = head;
  return lines.map((l) => {
    const shallow = l.indent > head.indent && l.indent < body.indent && previous !== head && !l.blankBefore;
    const out = shallow ? { ...l, indent: previous.indent } : l;
    previous = out;
    return out;
  });
}

/** An entry head as boto3 writes one (`- **Name** *(type) --*`, `- *(type) --*`): its first characters. */
const ENTRY_START = /^- (?:\*\*|\*\()/;

/**
 * botocore writes a model description's own line breaks as they are, with the model's indentation
 * (apigatewayv2's `{name}\n          , where \n            {location}`), not the page's: such a line
 * can stand left of the entry it belongs to — always so under a paginator's or waiter's method, a
 * class two columns deeper than a client method — and read by indentation it ended the entry, the
 * entries after it becoming its text. The documenter starts every entry, field and section after a
 * blank line; so a line with no blank line before it (and not the line ending a literal block)
 * that is shallower than the text of the entry it sits in continues the line before it: it takes
 * that line's indentation.
 */
function joinEntryContinuations(lines: TextLine[]): TextLine[] {
  /** The blocks open at the line before: each line's indentation, whether it is an entry, the column of its first child. */
  const open: { indent: number; entry: boolean; body?: number }[] = [];
  let literal = -1; // the column of the line a `::` literal block hangs from; -1 outside one
  let previous: TextLine | undefined;
  let out: TextLine[] | undefined; // a copy, made at the first line moved
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    const afterLiteral = literal >= 0;
    if (literal >= 0) {
      if (l.indent > literal) {
        previous = l;
        continue;
      }
      literal = -1;
    }
    if (previous && !l.blankBefore && !afterLiteral && l.indent < previous.indent) {
      let entry: { indent: number; body?: number } | undefined;
      for (let j = open.length - 1; j >= 0 && !entry; j--) if (open[j]!.entry) entry = open[j];
      if (entry?.body !== undefined && l.indent < entry.body) {
        l = { ...l, indent: previous.indent };
        (out ??= lines.slice())[i] = l;
      }
    }
    while (open.length > 0 && open[open.length - 1]!.indent >= l.indent) open.pop();
    const parent = open[open.length - 1];
    if (parent && parent.body === undefined) parent.body = l.indent;
    open.push({ indent: l.indent, entry: ENTRY_START.test(l.text) });
    // A literal's lines keep their columns; a directive's `::` (`.. note::`) opens no literal.
    if (l.text.endsWith('::') && !l.text.startsWith('.. ')) literal = l.indent;
    previous = l;
  }
  return out ?? lines;
}

/**
 * Finds `py:` directives the RST parser did not report. A line at column 0 inside a directive (boto3
 * pastes some examples unindented) ends the directive for a reStructuredText parser, and the methods
 * after it fall outside any directive. They are still the page's content: read them by indentation,
 * within their enclosing client class, and say so in a warning.
 */
function recoverDirectives(
  reader: DirectiveReader,
  lines: ChunkLines,
  covered: readonly [number, number][],
  sink: DiagnosticSink,
  initialClass: string | undefined,
  /** Whether to warn that directives were recovered (not when the parser gave up: that is already said). */
  warn = true,
): void {
  const { text, starts } = lines;
  const isCovered = (line: number) => covered.some(([a, b]) => line >= a && line <= b);
  const directive = /^( *)\.\. py:(method|class|attribute|function)::\s*(.*)$/;
  let enclosingClass = initialClass;
  let recovered = 0;
  for (let line = 1; line <= starts.length; line++) {
    const raw = text.slice(starts[line - 1]!, (starts[line] ?? text.length + 1) - 1);
    const m = directive.exec(raw);
    if (!m) continue;
    if (m[2] === 'class' && m[1] === '') enclosingClass = m[3]!.trim();
    if (isCovered(line)) continue;
    const indent = m[1]!.length;
    let last = line;
    for (let next = line + 1; next <= starts.length; next++) {
      const body = text.slice(starts[next - 1]!, (starts[next] ?? text.length + 1) - 1);
      if (body.trim() === '') continue;
      if (body.length - body.trimStart().length <= indent) break;
      last = next;
    }
    readBlocksOf(reader, lines, line, last, indent > 0 ? enclosingClass : undefined);
    recovered++;
    line = last;
  }
  if (recovered > 0 && warn) {
    sink.warning(lines.base + 1, `${recovered} py: directive${recovered > 1 ? 's' : ''} lay outside the directive structure (a line at column 0 inside a directive ends it); read by indentation`);
  }
}

/** Reads `py:class` and `py:method` blocks of one directive's indentation tree. */
class DirectiveReader {
  constructor(
    private readonly sink: DiagnosticSink,
    private readonly page: ReadPage,
  ) {}

  read(block: TextBlock, enclosingClass: string | undefined): void {
    const m = DIRECTIVE.exec(block.head.text);
    if (!m) return;
    const [, role, signature] = m as unknown as [string, string, string];
    const target = signature.replace(/\(.*$/, '').trim();
    if (role === 'class') {
      // Exception classes are read whole here; paginators and waiters by their paginate()/wait() method.
      const helper = helperClassOf(target);
      if (helper?.kind === 'exception') {
        (this.page.exceptions ??= []).push(readRstException(block, helper.name, this.sink));
        return;
      }
      const kind = classKind(target);
      if (kind !== 'client' && !helper) this.skip(kind, target, block.head.line);
      const before = this.page.operations.length + this.page.skipped.length;
      for (const child of block.children) this.read(child, target);
      // A client class with no method on the page: a service's index page (its methods are pages of their own).
      if (kind === 'client' && this.page.operations.length + this.page.skipped.length === before) this.skip('index', target, block.head.line);
      return;
    }
    if (role === 'method' && !/\(.*\)\s*$/.test(signature)) {
      // boto3 writes every method as `name(**kwargs)` or `name()`: this one broke off (a cut page).
      this.sink.error(block.head.line, `py:method directive without its signature "${signature.slice(0, 80)}": expected Service.Client.method(**kwargs) (a page cut short?)`);
      return;
    }
    if (role !== 'method') {
      this.skip('resource', target, block.head.line);
      return;
    }
    const { qualified, method, clientName, kind } = methodTarget(target, enclosingClass);
    const helper = helperClassOf(qualified);
    if (helper && helper.kind !== 'exception') {
      this.readHelperMethod(block, helper.kind, helper.name);
      return;
    }
    if (kind !== 'client') {
      if (reportsSkippedMethod(enclosingClass)) this.skip(kind, qualified, block.head.line);
      return;
    }
    hoistSections(block);
    // Client helpers (can_paginate, get_waiter, upload_file …) have no Request Syntax: not operations.
    // boto3 documents every API operation as `name(**kwargs)`, helpers with their own arguments; an
    // operation whose page ends before both its Request Syntax and its return type is a cut page.
    if (!block.children.some((c) => c.head.text === '**Request Syntax**')) {
      const cut = /\(\*\*kwargs\)\s*$/.test(signature) && !block.children.some((c) => /^:(rtype|returns?):/.test(c.head.text));
      if (!cut) this.skip('other', qualified, block.head.line);
      else this.cutBeforeSyntax(block, method, clientName);
      return;
    }
    const parts = readMethodBody(block, method, this.sink);
    parts.clientName = clientName;
    this.page.service.clientName ??= clientName;
    if (parts.seeAlso) {
      // Not the service id: the link names the model's uid (`finspace-2020-07-13` on finspace-data's
      // pages, `pinpoint-sms-voice` on sms-voice's), so the id comes from the breadcrumb or the folder.
      this.page.service.apiVersion ??= parts.seeAlso.apiVersion;
    }
    const operation: ReadOperation = assembleOperation(parts, this.sink);
    this.page.operations.push(operation);
  }

  /**
   * A client method whose page ends before its Request Syntax and return type: an operation, of
   * which the page shows the name and the description only. Its input and output are unknown.
   */
  private cutBeforeSyntax(block: TextBlock, method: string, clientName: string): void {
    const parts = readMethodBody(block, method, this.sink);
    this.page.service.clientName ??= clientName;
    if (parts.seeAlso) this.page.service.apiVersion ??= parts.seeAlso.apiVersion;
    this.page.operations.push(assembleOperation(parts, this.sink));
  }

  /** A Paginator's paginate() or a Waiter's wait(): read as a client method, then as what it documents. */
  private readHelperMethod(block: TextBlock, kind: 'paginator' | 'waiter', name: string): void {
    hoistSections(block);
    // boto3 1.43 writes a paginator's placeholder response sections at the body's indent, after `:returns:`: they are its.
    const returns = block.children.findIndex((c) => /^:returns:/.test(c.head.text));
    if (returns >= 0) block.children[returns]!.children.push(...block.children.splice(returns + 1));
    const method = kind === 'paginator' ? 'paginate' : 'wait';
    const parts = readMethodBody(block, method, this.sink);
    // The description (before the Request Syntax) names the operation and, for a waiter, its delay and attempts.
    const until = block.children.findIndex((c) => c.head.text === '**Request Syntax**');
    const description = until < 0 ? block.children : block.children.slice(0, until);
    const raw = description.map((c) => flattenBlock(c).map((l) => l.text).join(' ')).join(' ');
    addHelperMethod(this.page, kind, name, raw, parts, this.sink);
  }

  /** Reports lines left out because they nest deeper than {@link MAX_TREE_DEPTH} levels. */
  tooDeep(line: number): void {
    this.sink.error(line, `nesting deeper than ${MAX_TREE_DEPTH} levels: expected a shallower page; the deeper lines are left out`);
  }

  private skip(kind: SkippedSection['kind'], name: string, line: number): void {
    this.page.skipped.push({ kind, name, source: { file: this.sink.file, line } });
  }
}

/** The headings of a client method's own sections: they belong to the method's body, however indented. */
const BODY_SECTIONS = new Set(['**Request Syntax**', '**Parameters**', '**Exceptions**']);

/**
 * Moves section headings nested under another block of a method body (boto3 ≥ 1.3x writes its
 * placeholders at a fixed indent, deeper than the body) up to the body, with the blocks after them.
 */
function hoistSections(method: TextBlock): void {
  const body = method.children;
  for (let i = 0; i < body.length; i++) {
    const children = body[i]!.children;
    const at = children.findIndex((c) => BODY_SECTIONS.has(c.head.text));
    if (at < 0) continue;
    body.splice(i + 1, 0, ...children.splice(at));
  }
}

/** Reads the body of one client `py:method` into the parts of an operation. */
function readMethodBody(block: TextBlock, method: string, sink: DiagnosticSink): Boto3OperationParts {
  const parts: Boto3OperationParts = { method, documentation: '', params: [], exceptions: [], line: block.head.line };
  const description = new DocCollector({ deprecation: true });
  const seen = new Set<string>();
  const body = block.children;
  const paramTypes = new Map<string, string>();
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    const text = b.head.text;
    if (text === '**Request Syntax**') {
      seen.add('Request Syntax');
      const literal = literalAfter(body, i);
      if (literal && isPlaceholder(literal.text.text)) hide(parts, 'Request Syntax');
      else if (literal) parts.requestSyntax = literal.text;
      else sink.error(b.head.line, `Request Syntax of ${method}: expected a "::" literal block after the heading`);
      if (literal) i = literal.index;
      continue;
    }
    if (text === '**Parameters**') {
      // RST pages list parameters as :param: fields; the heading stands only over a placeholder.
      const literal = literalAfter(body, i);
      if (literal && isPlaceholder(literal.text.text)) {
        seen.add('Parameters');
        hide(parts, 'Parameters');
        i = literal.index;
      }
      continue;
    }
    const type = /^:type\s+([^:]+):\s*(.*)$/.exec(text);
    if (type) {
      paramTypes.set(type[1]!.trim(), type[2]!.trim());
      continue;
    }
    const param = /^:param\s+([^:]+):\s*(.*)$/.exec(text);
    if (param) {
      seen.add('Parameters');
      const name = param[1]!.trim();
      const written = paramTypes.get(name);
      if (written === undefined) sink.warning(b.head.line, `parameter ${name} has no ":type ${name}:" line`);
      parts.params.push(readEntry(b, { name, type: written ?? '', rest: param[2]! }, parseRstEntryHead));
      continue;
    }
    const rtype = /^:rtype:\s*(.*)$/.exec(text);
    if (rtype) {
      // An operation returns a dict (or None); another word on the page's last line is one the page
      // broke off inside (`:rtype: d`), and an empty `:rtype:` one it broke off after: then it is missing.
      const value = rtype[1]!.trim();
      const cut = value === '' || (!/^(dict|None)$/.test(value) && i === body.length - 1 && b.children.length === 0);
      if (!cut) {
        seen.add('Return type');
        parts.returnType = rtype[1]!.trim();
      }
      continue;
    }
    const returns = /^:returns:\s*(.*)$/.exec(text);
    if (returns) {
      seen.add('Returns');
      // `:returns: None` without an `:rtype:`: an operation without output, whose page is whole past its parameters.
      if (parts.returnType === undefined && returns[1]!.trim() === 'None') parts.returnType = 'None';
      readReturns(b, parts, sink);
      continue;
    }
    if (text === '**Exceptions**') {
      seen.add('Exceptions');
      for (let j = i + 1; j < body.length && /^\*\s+/.test(body[j]!.head.text); j++, i++) {
        const name = /exceptions\.([A-Za-z0-9_]+)/.exec(body[j]!.head.text)?.[1];
        if (name) parts.exceptions.push(name);
      }
      continue;
    }
    if (seen.size > 0) continue; // text after the first section belongs to no description
    const seeAlso = parseSeeAlso(text);
    if (seeAlso) {
      parts.seeAlso = seeAlso;
      continue;
    }
    description.add(b);
  }
  parts.documentation = description.text;
  if (description.deprecationMessage) parts.deprecationMessage = description.deprecationMessage;
  parts.structureEndsPage = !seen.has('Exceptions');
  checkSections(parts, seen, block, sink);
  return parts;
}

/**
 * Reports the sections a client method page must have but this one lacks (e.g. a cut page), and
 * records them as missing. A section boto3 hid behind its placeholder is not missing: it is hidden.
 */
function checkSections(parts: Boto3OperationParts, seen: Set<string>, block: TextBlock, sink: DiagnosticSink): void {
  const last = flattenBlock(block).reduce((max, l) => Math.max(max, l.line), block.head.line);
  const hidden = (section: string) => parts.gaps?.some((g) => g.section === section) ?? false;
  const missing: string[] = [];
  if (!seen.has('Request Syntax')) missing.push('Request Syntax');
  if (!seen.has('Return type') && !seen.has('Returns')) missing.push(':rtype:');
  if (parts.returnType === 'dict' && !parts.response && !hidden('Response Structure')) missing.push('Response Structure');
  if (parts.returnType === 'dict' && !parts.responseSyntax && !hidden('Response Syntax')) missing.push('Response Syntax');
  if (missing.length > 0) {
    for (const section of missing) (parts.gaps ??= []).push({ section: section === ':rtype:' ? 'Return type' : section, state: 'missing' });
    sink.error(last, `${parts.method}: page ends without its ${missing.join(', ')} section${missing.length > 1 ? 's' : ''}`);
  }
}

/** The `::` literal block following the heading at `index`: its text and the index of its last block. */
function literalAfter(blocks: readonly TextBlock[], index: number): { text: LocatedText; index: number } | undefined {
  const marker = blocks[index + 1];
  if (!marker || marker.head.text !== '::') return undefined;
  const lines = marker.children.flatMap((c) => flattenBlock(c));
  if (lines.length === 0) return undefined;
  const { text, line } = linesToText(lines);
  return { text: { text, line }, index: index + 1 };
}

/** The last line of botocore's placeholder (LARGE_SECTION_MESSAGE): the operation's AWS API Documentation link, else the default one. */
const PLACEHOLDER_LINK = /^(?:`AWS API Documentation <[^>]*>`_|https:\/\/docs\.aws\.amazon\.com\/index\.html)$/;

/**
 * botocore writes a section's "too large to render" placeholder at a fixed 4 columns whatever the
 * section's indentation, and what follows at the section's own: under a paginator's `:returns:`
 * (6 columns) the Response Structure after a placeholder Response Syntax stands deeper than the
 * placeholder's link line and was read as its text. The link is one line; what is indented below
 * it follows it.
 */
function releasePlaceholderLink(blocks: TextBlock[], index: number): void {
  const link = blocks[index];
  if (link && link.children.length > 0 && PLACEHOLDER_LINK.test(link.head.text)) blocks.splice(index + 1, 0, ...link.children.splice(0));
}

/** Reads the `:returns:` field: Response Syntax literal and the Response Structure entry tree. */
function readReturns(block: TextBlock, parts: Boto3OperationParts, sink: DiagnosticSink): void {
  const body = block.children;
  for (let i = 0; i < body.length; i++) {
    const text = body[i]!.head.text;
    if (text === '**Response Syntax**') {
      const literal = literalAfter(body, i);
      if (literal && isPlaceholder(literal.text.text)) {
        hide(parts, 'Response Syntax');
        releasePlaceholderLink(body, literal.index + 1);
      } else if (literal) parts.responseSyntax = literal.text;
      else sink.error(body[i]!.head.line, `Response Syntax of ${parts.method}: expected a "::" literal block after the heading`);
      if (literal) i = literal.index;
      continue;
    }
    if (text === '**Response Structure**') {
      const placeholder = literalAfter(body, i);
      if (placeholder && isPlaceholder(placeholder.text.text)) {
        hide(parts, 'Response Structure');
        i = placeholder.index;
        continue;
      }
      const rootBlock = body[i + 1];
      const head = rootBlock ? parseRstEntryHead(rootBlock.head.text) : undefined;
      if (rootBlock && head) {
        parts.response = readEntry(rootBlock, head, parseRstEntryHead);
        i++;
      }
      continue;
    }
  }
}

export type { DocEntry };
