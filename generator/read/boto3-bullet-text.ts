/**
 * Reader for the bullet text rendering of a boto3 client page (seed 003): text copied from the
 * HTML site with `•` bullets indented by depth, `Parameters` / `Return type` / `Returns`
 * headings, multi-line syntax blocks and notes as a `Note` line followed by its paragraph.
 * Nesting comes from indentation, as in the RST; the rest is read as every rendered page is
 * (`boto3/rendered.ts`) and assembled as the RST reader's parts are.
 */
import type { DiagnosticSink } from '../diagnostics.ts';
import { buildTree, limitDepth, MAX_TREE_DEPTH, splitLines, type TextBlock, type TextLine } from './indent-tree.ts';
import type { ReadPage } from '../ir/input.ts';
import { isBoto3Rst } from './boto3-rst.ts';
import { undocumentedMembers } from './boto3/literal-entries.ts';
import {
  looksLikeRenderedClientPage,
  parseTextEntryHead,
  readRenderedPage,
  readTextEntries,
  sectionOf,
  type RenderedEntryReader,
  type RenderedPage,
  type RenderedSection,
} from './boto3/rendered.ts';
import type { DictEntry, SyntaxValue } from './syntax/python-literal.ts';
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
  // A loop, not Math.min(...): a page can have more entries than a call has room for arguments.
  const top = headIndents.reduce((a, b) => Math.min(a, b));
  const shifted = lines.map((l) => (l.indent <= top && !parseTextEntryHead(l.text) ? { ...l, indent: top + 2 } : l));
  const blocks: TextBlock[] = [];
  const tree = buildTree(shifted);
  // Bullets nest by indentation alone: the tree is cut at a depth the entry readers can recurse to.
  const cut = limitDepth(tree);
  if (cut) sink.error(cut.line, `${section}: nesting deeper than ${MAX_TREE_DEPTH} levels: expected a shallower page; the deeper lines are left out`);
  for (const root of tree) {
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

/** Entry trees from indentation, checked against the literal for a page cut inside them. */
const indentedEntries: RenderedEntryReader = {
  format: 'boto3-bullet-text',
  paragraphPerLine: false,
  signatureExample: 'method(**kwargs)',
  params(section, request, page, sink) {
    const params = readTextEntries(entryBlocks(section.lines, 'Parameters', sink));
    checkCoverage(request?.args, params, 'input', 'Parameters', page, sink);
    return params;
  },
  response(section, response, page, sink) {
    const [root, ...extra] = readTextEntries(entryBlocks(section.lines, 'Response Structure', sink));
    for (const e of extra) sink.error(e.line, 'Response Structure: expected one root entry "(dict) --"; this entry is outside it');
    checkCoverage(response, root?.children ?? [], 'output', 'Response Structure', page, sink);
    return root;
  },
};

/** Reads a bullet-text boto3 page into one operation (or diagnostics saying why not). */
export function readBoto3BulletText(text: string, file: string): ReadPage {
  return readRenderedPage(splitLines(text), file, indentedEntries);
}
