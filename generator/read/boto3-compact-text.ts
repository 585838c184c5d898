/**
 * Reader for the compact text rendering of a boto3 client page (seed 001): text copied from the
 * HTML site where headings end in `¶`, each paragraph is one line, the Request and Response Syntax
 * are folded onto one line each, and the Parameters and Response Structure lists are flattened to
 * `Name (type) –` lines with no indentation. Nesting is recovered by walking the syntax literal in
 * document order (see `boto3/literal-entries.ts`); the rest is read as every rendered page is
 * (`boto3/rendered.ts`) and assembled as the RST reader's parts are.
 */
import { splitLines } from './indent-tree.ts';
import type { ReadPage } from '../ir/input.ts';
import { isBoto3Rst } from './boto3-rst.ts';
import { nestParameterEntries, nestResponseEntries, splitFlatEntries } from './boto3/literal-entries.ts';
import { looksLikeRenderedClientPage, parseTextEntryHead, readRenderedPage, readTextEntries, type RenderedEntryReader } from './boto3/rendered.ts';

/** Whether text is a compact rendering: a rendered client page whose headings end in `¶`. */
export function isBoto3CompactText(text: string): boolean {
  return /¶[ \t]*$/m.test(text) && looksLikeRenderedClientPage(text) && !isBoto3Rst(text);
}

/** Flattened entries, nested along the syntax literal; without a readable literal they can't be placed. */
const flattenedEntries: RenderedEntryReader = {
  format: 'boto3-compact-text',
  paragraphPerLine: true,
  signatureExample: 'Client.Client.method(**kwargs)¶',
  params(section, request, _page, sink) {
    if (section.lines.length === 0) return [];
    const flat = splitFlatEntries(section.lines, parseTextEntryHead, 'Parameters', sink);
    if (request) return readTextEntries(nestParameterEntries(request.args, flat, sink, true));
    sink.error(section.lines[0]!.line, 'Parameters: the entries cannot be nested without a readable Request Syntax');
    return [];
  },
  response(section, response, _page, sink) {
    if (section.lines.length === 0) return undefined;
    const flat = splitFlatEntries(section.lines, parseTextEntryHead, 'Response Structure', sink);
    if (response) return readTextEntries(nestResponseEntries(response, flat, sink, true))[0];
    sink.error(section.lines[0]!.line, 'Response Structure: the entries cannot be nested without a readable Response Syntax');
    return undefined;
  },
};

/** Reads a compact-text boto3 page into one operation (or diagnostics saying why not). */
export function readBoto3CompactText(text: string, file: string): ReadPage {
  // The `¶` is the HTML heading's permalink; it says nothing about the content.
  const lines = splitLines(text).map((l) => ({ ...l, text: l.text.replace(/\s*¶$/, '') }));
  return readRenderedPage(lines, file, flattenedEntries);
}
