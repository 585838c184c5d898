/**
 * Reader for the compact text rendering of a boto3 client page (seed 001): text copied from the
 * HTML site where headings end in `¶`, each paragraph is one line, the Request and Response Syntax
 * are folded onto one line each, and the Parameters and Response Structure lists are flattened to
 * `Name (type) –` lines with no indentation. Nesting is recovered by walking the syntax literal in
 * document order (see `boto3/literal-entries.ts`); the parts then go through the same assembly as
 * the RST reader's.
 */
import { DiagnosticSink } from '../diagnostics.ts';
import { splitLines } from './indent-tree.ts';
import type { ReadPage } from './page.ts';
import { isBoto3Rst } from './boto3-rst.ts';
import { assembleOperation } from './boto3/assemble.ts';
import { nestParameterEntries, nestResponseEntries, splitFlatEntries } from './boto3/literal-entries.ts';
import type { Boto3OperationParts } from './boto3/parts.ts';
import {
  literalOf,
  looksLikeRenderedClientPage,
  parseQuietly,
  parseTextEntryHead,
  readExceptionNames,
  readTextEntries,
  readRenderedHeader,
  readReturnType,
  reportMissingSections,
  sectionOf,
  splitRenderedPage,
} from './boto3/rendered.ts';
import { parseRequestSyntax, parseResponseSyntax } from './syntax/python-literal.ts';

/** Whether text is a compact rendering: a rendered client page whose headings end in `¶`. */
export function isBoto3CompactText(text: string): boolean {
  return /¶[ \t]*$/m.test(text) && looksLikeRenderedClientPage(text) && !isBoto3Rst(text);
}

/** Reads a compact-text boto3 page into one operation (or diagnostics saying why not). */
export function readBoto3CompactText(text: string, file: string): ReadPage {
  const sink = new DiagnosticSink(file);
  const page: ReadPage = { file, format: 'boto3-compact-text', service: { provider: 'aws' }, operations: [], skipped: [], diagnostics: sink.items };
  // The `¶` is the HTML heading's permalink; it says nothing about the content.
  const lines = splitLines(text).map((l) => ({ ...l, text: l.text.replace(/\s*¶$/, '') }));
  const rendered = splitRenderedPage(lines);
  const header = readRenderedHeader(rendered.header, true, sink);
  if (!header.method) {
    sink.error(rendered.header[0]?.line ?? 1, 'no method signature found: expected "Client.Client.method(**kwargs)¶"');
    return page;
  }
  if (header.clientName) page.service.clientName = header.clientName;
  const parts: Boto3OperationParts = { method: header.method, documentation: header.documentation, params: [], exceptions: [], line: header.line };
  if (header.clientName) parts.clientName = header.clientName;
  if (header.deprecationMessage) parts.deprecationMessage = header.deprecationMessage;

  const requestLines = sectionOf(rendered, 'Request Syntax')?.lines ?? [];
  const requestSyntax = literalOf(requestLines);
  if (requestSyntax) parts.requestSyntax = requestSyntax;
  const paramLines = sectionOf(rendered, 'Parameters')?.lines ?? [];
  if (paramLines.length > 0) {
    const flat = splitFlatEntries(paramLines, parseTextEntryHead, 'Parameters', sink);
    const request = requestSyntax && parseQuietly(() => parseRequestSyntax(requestSyntax.text));
    if (request) parts.params = readTextEntries(nestParameterEntries(request.args, flat, sink, true));
    else sink.error(paramLines[0]!.line, 'Parameters: the entries cannot be nested without a readable Request Syntax');
  }

  const returnType = readReturnType(rendered);
  if (returnType) parts.returnType = returnType;
  const responseSyntax = literalOf(sectionOf(rendered, 'Response Syntax')?.lines ?? []);
  if (responseSyntax) parts.responseSyntax = responseSyntax;
  const structureLines = sectionOf(rendered, 'Response Structure')?.lines ?? [];
  if (structureLines.length > 0) {
    const flat = splitFlatEntries(structureLines, parseTextEntryHead, 'Response Structure', sink);
    const response = responseSyntax && parseQuietly(() => parseResponseSyntax(responseSyntax.text));
    const [root] = response ? readTextEntries(nestResponseEntries(response, flat, sink, true)) : [];
    if (root) parts.response = root;
    else if (!response) sink.error(structureLines[0]!.line, 'Response Structure: the entries cannot be nested without a readable Response Syntax');
  }
  parts.exceptions = readExceptionNames(sectionOf(rendered, 'Exceptions')?.lines ?? [], sink);
  reportMissingSections(parts, rendered, sink);
  page.operations.push(assembleOperation(parts, sink));
  return page;
}
