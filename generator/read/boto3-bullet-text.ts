/**
 * Reader for the bullet text rendering of a boto3 client page (seed 003): text copied from the
 * HTML site with `•` bullets indented by depth, `Parameters` / `Return type` / `Returns`
 * headings, multi-line syntax blocks and notes as a `Note` line followed by its paragraph.
 * Nesting comes from indentation, as in the RST; the parts go through the same assembly.
 */
import { DiagnosticSink } from '../diagnostics.ts';
import { buildTree, splitLines, type TextBlock, type TextLine } from './indent-tree.ts';
import type { ReadPage } from './page.ts';
import { isBoto3Rst } from './boto3-rst.ts';
import { assembleOperation } from './boto3/assemble.ts';
import { undocumentedMembers } from './boto3/literal-entries.ts';
import type { Boto3OperationParts } from './boto3/parts.ts';
import {
  literalOf,
  looksLikeRenderedClientPage,
  parseQuietly,
  parseTextEntryHead,
  readExceptionNames,
  readRenderedHeader,
  readReturnType,
  readTextEntries,
  reportMissingSections,
  sectionOf,
  splitRenderedPage,
  type RenderedPage,
  type RenderedSection,
} from './boto3/rendered.ts';
import { parseRequestSyntax, parseResponseSyntax, type DictEntry, type SyntaxValue } from './syntax/python-literal.ts';
import type { DocEntry } from './boto3/parts.ts';

/** Whether text is a bullet rendering: a rendered client page without the compact rendering's `¶`. */
export function isBoto3BulletText(text: string): boolean {
  return !/¶[ \t]*$/m.test(text) && looksLikeRenderedClientPage(text) && !isBoto3Rst(text);
}

/**
 * The entry trees of a Parameters or Response Structure section. Sphinx renders a lone parameter
 * without a bullet and its text unindented; that text is moved under its entry so the tree is the
 * same as for bulleted entries.
 */
function entryBlocks(lines: readonly TextLine[], section: RenderedSection, sink: DiagnosticSink): TextBlock[] {
  const headIndents = lines.filter((l) => parseTextEntryHead(l.text)).map((l) => l.indent);
  if (headIndents.length === 0) {
    if (lines.length > 0) sink.error(lines[0]!.line, `${section}: unrecognised text "${lines[0]!.text.slice(0, 60)}": expected an entry "Name (type) --"`);
    return [];
  }
  const top = Math.min(...headIndents);
  const shifted = lines.map((l) => (l.indent <= top && !parseTextEntryHead(l.text) ? { ...l, indent: top + 2 } : l));
  const blocks: TextBlock[] = [];
  for (const root of buildTree(shifted)) {
    if (parseTextEntryHead(root.head.text)) blocks.push(root);
    else sink.error(root.head.line, `${section}: unrecognised text "${root.head.text.slice(0, 60)}": expected an entry "Name (type) --"`);
  }
  return blocks;
}

/**
 * Reports literal members without an entry. On the page's last section that means the page was
 * cut inside it (an error naming the section); elsewhere the page skipped them (a warning).
 */
function checkCoverage(
  literal: SyntaxValue | readonly DictEntry[] | undefined,
  entries: readonly DocEntry[],
  path: string,
  section: RenderedSection,
  rendered: RenderedPage,
  sink: DiagnosticSink,
): void {
  if (!literal) return;
  const missing = undocumentedMembers(literal, entries, path);
  if (missing.length === 0) return;
  const isLast = rendered.sections[rendered.sections.length - 1]?.heading === section;
  const more = missing.length > 1 ? ` and ${missing.length - 1} more` : '';
  if (isLast) sink.error(rendered.lastLine, `${section} ends without an entry for ${missing[0]}${more} (a page cut short?)`);
  else sink.warning(sectionOf(rendered, section)!.line, `${section}: ${missing[0]}${more} in the syntax block but without an entry`);
}

/** Reads a bullet-text boto3 page into one operation (or diagnostics saying why not). */
export function readBoto3BulletText(text: string, file: string): ReadPage {
  const sink = new DiagnosticSink(file);
  const page: ReadPage = { file, format: 'boto3-bullet-text', service: { provider: 'aws' }, operations: [], skipped: [], diagnostics: sink.items };
  const rendered = splitRenderedPage(splitLines(text));
  const header = readRenderedHeader(rendered.header, false, sink);
  if (!header.method) {
    sink.error(rendered.header[0]?.line ?? 1, 'no method signature found: expected "method(**kwargs)"');
    return page;
  }
  if (header.clientName) page.service.clientName = header.clientName;
  const parts: Boto3OperationParts = { method: header.method, documentation: header.documentation, params: [], exceptions: [], line: header.line };
  if (header.clientName) parts.clientName = header.clientName;
  if (header.deprecationMessage) parts.deprecationMessage = header.deprecationMessage;

  const requestSyntax = literalOf(sectionOf(rendered, 'Request Syntax')?.lines ?? []);
  if (requestSyntax) parts.requestSyntax = requestSyntax;
  parts.params = readTextEntries(entryBlocks(sectionOf(rendered, 'Parameters')?.lines ?? [], 'Parameters', sink));
  const request = requestSyntax && parseQuietly(() => parseRequestSyntax(requestSyntax.text));
  checkCoverage(request?.args, parts.params, 'input', 'Parameters', rendered, sink);

  const returnType = readReturnType(rendered);
  if (returnType) parts.returnType = returnType;
  const responseSyntax = literalOf(sectionOf(rendered, 'Response Syntax')?.lines ?? []);
  if (responseSyntax) parts.responseSyntax = responseSyntax;
  const structure = sectionOf(rendered, 'Response Structure');
  if (structure) {
    const [root, ...extra] = readTextEntries(entryBlocks(structure.lines, 'Response Structure', sink));
    if (root) parts.response = root;
    for (const e of extra) sink.error(e.line, 'Response Structure: expected one root entry "(dict) --"; this entry is outside it');
    const response = responseSyntax && parseQuietly(() => parseResponseSyntax(responseSyntax.text));
    checkCoverage(response, root?.children ?? [], 'output', 'Response Structure', rendered, sink);
  }
  parts.exceptions = readExceptionNames(sectionOf(rendered, 'Exceptions')?.lines ?? [], sink);
  reportMissingSections(parts, rendered, sink);
  page.operations.push(assembleOperation(parts, sink));
  return page;
}
