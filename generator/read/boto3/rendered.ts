/**
 * What the two text renderings of a boto3 client page (the compact text and the bullet text,
 * both copied from the HTML site) have in common: the same headings in the same order, the same
 * header (breadcrumb, title, signature, description, "See also"), the same entry heads
 * `Name (type) –`, and the same Exceptions names. The two readers differ only in how they find
 * nesting: the compact reader from the syntax literal, the bullet reader from indentation.
 */
import { DiagnosticSink } from '../../diagnostics.ts';
import { linesToText, type TextBlock, type TextLine } from '../indent-tree.ts';
import type { ReadPage } from '../../ir/input.ts';
import type { DocumentFormat } from '../format.ts';
import { assembleOperation } from './assemble.ts';
import { DocCollector, readEntry, type EntryHead } from './entries.ts';
import { isPlaceholder, type Boto3OperationParts, type DocEntry, type LocatedText } from './parts.ts';
import { isSeeAlsoLine } from './see-also.ts';
import { LiteralSyntaxError, parseRequestSyntax, parseResponseSyntax, type RequestSyntax, type SyntaxValue } from '../syntax/python-literal.ts';

/** The headings of a rendered client page, in page order. */
export const RENDERED_SECTIONS = [
  'Request Syntax',
  'Parameters',
  'Return type',
  'Returns',
  'Response Syntax',
  'Response Structure',
  'Exceptions',
] as const;

/** One heading of a rendered page. */
export type RenderedSection = (typeof RENDERED_SECTIONS)[number];

/** A section of a rendered page: its heading's line and the lines up to the next heading. */
export interface SectionLines {
  heading: RenderedSection;
  line: number;
  lines: TextLine[];
}

/** A rendered page cut into its header (everything before the first heading) and sections. */
export interface RenderedPage {
  header: TextLine[];
  sections: SectionLines[];
  /** Last line of the page, where "page ends without …" diagnostics point. */
  lastLine: number;
}

/**
 * The heading a line is, if it is one: `Request Syntax`, `- Parameters:`, `Return type`, … with
 * an optional list dash, colon and `¶`. Only unindented lines are headings.
 */
function headingOf(line: TextLine): RenderedSection | undefined {
  if (line.indent !== 0) return undefined;
  const text = line.text.replace(/^-\s+/, '').replace(/\s*¶$/, '').replace(/:$/, '').trim();
  return (RENDERED_SECTIONS as readonly string[]).includes(text) ? (text as RenderedSection) : undefined;
}

/**
 * Cuts a rendered page into header and sections. Headings are only taken in page order (a
 * heading that comes back, or comes before one already seen, is text of the current section),
 * so a word like "Returns" inside a description or a literal can't start a section.
 */
export function splitRenderedPage(lines: readonly TextLine[]): RenderedPage {
  const page: RenderedPage = { header: [], sections: [], lastLine: lines[lines.length - 1]?.line ?? 1 };
  let rank = -1;
  let current: TextLine[] = page.header;
  for (const line of lines) {
    const heading = headingOf(line);
    const headingRank = heading ? RENDERED_SECTIONS.indexOf(heading) : -1;
    if (heading && headingRank > rank) {
      rank = headingRank;
      const section: SectionLines = { heading, line: line.line, lines: [] };
      page.sections.push(section);
      current = section.lines;
      continue;
    }
    current.push(line);
  }
  return page;
}

/** The lines of one section, or undefined when the page lacks it. */
export function sectionOf(page: RenderedPage, heading: RenderedSection): SectionLines | undefined {
  return page.sections.find((s) => s.heading === heading);
}

/** A syntax block's text with its page position, so literal errors point at the page. */
export function literalOf(lines: readonly TextLine[]): LocatedText | undefined {
  if (lines.length === 0) return undefined;
  const { text, line } = linesToText(lines);
  return { text, line };
}

/** A section heading of boto3's RST (`**Parameters**`) on a line of its own, as literal text. */
const SWALLOWED_HEADING = /^[ \t]*\*\*(Request Syntax|Parameters|Response Syntax|Response Structure)\*\*[ \t]*$/gm;

/** A section a syntax literal swallowed: its heading, and whether boto3's placeholder stands for it. */
export interface SwallowedSection {
  section: string;
  placeholder: boolean;
}

/**
 * Splits off the sections a syntax literal swallowed. boto3 ≥ 1.3x writes its placeholder
 * sections at a fixed indent; when that indent is deeper than the literal's, docutils reads the
 * next section (`**Parameters**`, `::`, the placeholder) as more lines of the literal, and every
 * rendering shows it inside the block. The literal ends at the first such heading line.
 */
export function splitSwallowedSections(literal: LocatedText): { literal: LocatedText; swallowed: SwallowedSection[] } {
  const headings = [...literal.text.matchAll(SWALLOWED_HEADING)];
  if (headings.length === 0) return { literal, swallowed: [] };
  const swallowed = headings.map((h, i) => {
    const body = literal.text.slice(h.index + h[0].length, headings[i + 1]?.index ?? literal.text.length);
    return { section: h[1]!, placeholder: isPlaceholder(body.replace(/^\s*::\s*$/m, '').trim()) };
  });
  return { literal: { ...literal, text: literal.text.slice(0, headings[0]!.index).trimEnd() }, swallowed };
}

/** `Name (type) –`, `• Name (type) --`, `(type) –`: an entry head of a rendered page. */
const TEXT_ENTRY = /^(?:[\u2022*-]\s+)?(?:(?<name>[^\s()\u2022]+)\s+)?\((?<type>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?:\u2013|\u2014|--)(?:\s+(?<rest>.*))?$/;

/** Parses an entry head of a rendered page, or returns undefined when the line is not one. */
export function parseTextEntryHead(text: string): EntryHead | undefined {
  const m = TEXT_ENTRY.exec(text);
  if (!m?.groups) return undefined;
  const head: EntryHead = { type: m.groups.type!.trim(), rest: m.groups.rest ?? '' };
  if (m.groups.name !== undefined) head.name = m.groups.name;
  return head;
}

/** `Client.method(**kwargs)`, `- Client.Client.method(**kwargs)¶` or `method(**kwargs)`. */
const SIGNATURE = /^(?:-\s+)?(?:(?<client>[A-Za-z0-9_]+)\.Client\.)?(?<method>[a-z_][a-z0-9_]*)\((?<args>[^)]*)\)\s*¶?$/;

/** The method signature line of a rendered page: the method and the client, when given. */
export function parseSignature(text: string): { method: string; clientName?: string } | undefined {
  const m = SIGNATURE.exec(text);
  if (!m?.groups) return undefined;
  const signature: { method: string; clientName?: string } = { method: m.groups.method! };
  if (m.groups.client !== undefined) signature.clientName = m.groups.client;
  return signature;
}

/** Whether text looks like a rendered boto3 client page: a `method(**kwargs)` line and a Request Syntax heading. */
export function looksLikeRenderedClientPage(text: string): boolean {
  return /^(?:-\s+)?(?:[A-Za-z0-9_]+\.Client\.)?[a-z_][a-z0-9_]*\(\*\*kwargs\)\s*¶?\s*$/m.test(text) || /^Request Syntax¶?\s*$/m.test(text);
}

/** What the header of a rendered page says. */
export interface RenderedHeader {
  method?: string;
  clientName?: string;
  documentation: string;
  deprecationMessage?: string;
  /** Line of the signature (where the operation is said to start). */
  line: number;
}

/**
 * Reads the header: breadcrumb `Client / Client / method`, the title, the signature, then the
 * description (with notes and the deprecation `Danger`) up to the "See also" line.
 * `paragraphPerLine` says whether every line is its own paragraph (the compact rendering).
 */
export function readRenderedHeader(lines: readonly TextLine[], paragraphPerLine: boolean, sink: DiagnosticSink): RenderedHeader {
  const header: RenderedHeader = { documentation: '', line: lines[0]?.line ?? 1 };
  const description = new DocCollector({ deprecation: true });
  let signatureSeen = false;
  for (const line of lines) {
    const text = line.text;
    if (!signatureSeen) {
      const breadcrumb = /^([A-Za-z0-9_]+) \/ Client \/ ([a-z0-9_]+)$/.exec(text);
      if (breadcrumb) {
        header.clientName = breadcrumb[1]!;
        continue;
      }
      const signature = parseSignature(text);
      if (signature) {
        signatureSeen = true;
        header.method = signature.method;
        if (signature.clientName) header.clientName = signature.clientName;
        header.line = line.line;
        continue;
      }
      if (/^[a-z_][a-z0-9_]*\s*¶?$/.test(text)) continue; // the title: the method's name
      sink.error(line.line, `expected the method signature "Client.method(**kwargs)" before this text`);
      continue;
    }
    if (isSeeAlsoLine(text)) continue;
    description.add(asBlock(line, paragraphPerLine));
  }
  header.documentation = description.text;
  if (description.deprecationMessage) header.deprecationMessage = description.deprecationMessage;
  return header;
}

/** A line as a block without children; a paragraph of its own when the rendering says so. */
export function asBlock(line: TextLine, paragraphPerLine: boolean): TextBlock {
  return { head: paragraphPerLine ? { ...line, blankBefore: true } : line, children: [] };
}

/**
 * Exception names from the Exceptions section: `Client.Client.exceptions.Name` entries, one per
 * bullet or glued together without separators (the compact rendering). Splitting on the whole
 * `Client.Client.exceptions.` prefix keeps names that start with the client's name intact.
 */
export function readExceptionNames(lines: readonly TextLine[], sink: DiagnosticSink): string[] {
  const text = lines.map((l) => l.text.replace(/^[\u2022*-]\s+/, '')).join('');
  const prefix = /([A-Za-z0-9_]+)\.Client\.exceptions\./.exec(text);
  if (!prefix) {
    if (lines.length > 0) sink.error(lines[0]!.line, 'Exceptions: expected "Client.Client.exceptions.Name" entries');
    return [];
  }
  const names: string[] = [];
  for (const piece of text.slice(prefix.index).split(prefix[0])) {
    const name = piece.trim();
    if (!name) continue;
    if (/^[A-Za-z0-9_]+$/.test(name)) names.push(name);
    else sink.error(lines[0]!.line, `Exceptions: "${name.slice(0, 60)}" is not an exception name`);
  }
  return names;
}

/**
 * Reports the sections a client page must have but this one lacks — a page cut short gives what
 * it could read plus an error naming what is missing, never a silently smaller model.
 */
export function reportMissingSections(parts: Boto3OperationParts, page: RenderedPage, sink: DiagnosticSink): void {
  const has = (h: RenderedSection) => sectionOf(page, h) !== undefined;
  const missing: string[] = [];
  if (!has('Request Syntax')) missing.push('Request Syntax');
  const returnsNothing = parts.returnType === 'None';
  if (!has('Return type') && !returnsNothing) missing.push('Return type');
  if (!has('Returns')) missing.push('Returns');
  if (parts.returnType === 'dict') {
    if (!has('Response Syntax')) missing.push('Response Syntax');
    if (!has('Response Structure')) missing.push('Response Structure');
  }
  if (missing.length > 0) {
    sink.error(page.lastLine, `${parts.method}: page ends without its ${missing.join(', ')} section${missing.length > 1 ? 's' : ''}`);
  }
}

/**
 * The text of the Return type and Returns sections: `dict`, or `None` for an operation without
 * output (then the Returns section holds `None` and there may be no Return type).
 */
export function readReturnType(page: RenderedPage): string | undefined {
  const written = sectionOf(page, 'Return type')?.lines[0]?.text.trim();
  if (written) return written;
  const returns = sectionOf(page, 'Returns')?.lines[0]?.text.trim();
  return returns === 'None' ? 'None' : undefined;
}

/** Reads entry blocks (heads `Name (type) –`, nested as the page or the literal says) into entries. */
export function readTextEntries(blocks: readonly TextBlock[]): DocEntry[] {
  return blocks.map((b) => readEntry(b, parseTextEntryHead(b.head.text)!, parseTextEntryHead));
}

/**
 * Parses a syntax literal where a reader needs its tree before the assembly does (to nest or
 * check entries); undefined on a syntax error, which the assembly reports once.
 */
export function parseQuietly<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (e) {
    if (e instanceof LiteralSyntaxError) return undefined;
    throw e;
  }
}

/** How one rendering finds its entry trees; everything else of a rendered page is read alike. */
export interface RenderedEntryReader {
  format: DocumentFormat;
  /** Whether every line is its own paragraph (compact) or blank lines separate paragraphs (bullets). */
  paragraphPerLine: boolean;
  /** The signature as this rendering writes it, for the "no signature" error. */
  signatureExample: string;
  /** The parameter entries of the Parameters section; `request` is the parsed Request Syntax. */
  params(section: SectionLines, request: RequestSyntax | undefined, page: RenderedPage, sink: DiagnosticSink): DocEntry[];
  /** The root entry `(dict) –` of the Response Structure; `response` is the parsed Response Syntax. */
  response(section: SectionLines, response: SyntaxValue | undefined, page: RenderedPage, sink: DiagnosticSink): DocEntry | undefined;
}

/**
 * Reads a rendered client page (its lines, `¶` already removed) into one operation: header,
 * syntax blocks, entries (found by `entries`), return type and Exceptions, checked for missing
 * sections and assembled like every other boto3 rendering.
 */
export function readRenderedPage(lines: readonly TextLine[], file: string, entries: RenderedEntryReader): ReadPage {
  const sink = new DiagnosticSink(file);
  const page: ReadPage = { file, format: entries.format, service: { provider: 'aws' }, operations: [], skipped: [], diagnostics: sink.items };
  const rendered = splitRenderedPage(lines);
  const header = readRenderedHeader(rendered.header, entries.paragraphPerLine, sink);
  if (!header.method) {
    sink.error(rendered.header[0]?.line ?? 1, `no method signature found: expected "${entries.signatureExample}"`);
    return page;
  }
  if (header.clientName) page.service.clientName = header.clientName;
  const parts: Boto3OperationParts = { method: header.method, documentation: header.documentation, params: [], exceptions: [], line: header.line };
  if (header.clientName) parts.clientName = header.clientName;
  if (header.deprecationMessage) parts.deprecationMessage = header.deprecationMessage;

  const requestSyntax = literalOf(sectionOf(rendered, 'Request Syntax')?.lines ?? []);
  if (requestSyntax) parts.requestSyntax = requestSyntax;
  const params = sectionOf(rendered, 'Parameters');
  if (params) parts.params = entries.params(params, requestSyntax && parseQuietly(() => parseRequestSyntax(requestSyntax.text)), rendered, sink);

  const returnType = readReturnType(rendered);
  if (returnType) parts.returnType = returnType;
  const responseSyntax = literalOf(sectionOf(rendered, 'Response Syntax')?.lines ?? []);
  if (responseSyntax) parts.responseSyntax = responseSyntax;
  const structure = sectionOf(rendered, 'Response Structure');
  if (structure) {
    const root = entries.response(structure, responseSyntax && parseQuietly(() => parseResponseSyntax(responseSyntax.text)), rendered, sink);
    if (root) parts.response = root;
  }
  parts.exceptions = readExceptionNames(sectionOf(rendered, 'Exceptions')?.lines ?? [], sink);
  reportMissingSections(parts, rendered, sink);
  page.operations.push(assembleOperation(parts, sink));
  return page;
}
