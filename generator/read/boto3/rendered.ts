/**
 * Reading a boto3 page as text rendered from its HTML — copied from a browser, or dumped by a text
 * browser or converter (w3m, lynx, html2text, pandoc) — whatever the theme and the tool. Every such
 * text has the same structure, however it prints it: a signature `Client.method(**kwargs)`, a
 * description, the headings in page order (Request Syntax, Parameters, Return type, Returns,
 * Response Syntax, Response Structure, Exceptions), entries `Name (type) –` and exception names.
 * What differs is read by rules about that structure, never by the tool:
 *
 * - decorations: a permalink (`¶`, `#`) ending a heading or the signature, list glyphs (`•`, `■`,
 *   `o`, `-` …), headings in capitals, with a colon, in `**** … ****`, or with their content on the
 *   same line; the signature split over lines or glued to the description;
 * - theme chrome (navigation before the page, footer and contents after it) lies outside the
 *   breadcrumb-to-last-section span and is not read;
 * - nesting: entries indented by depth are nested by indentation; entries printed at one indent
 *   (nesting flattened) are nested along the syntax literal (`literal-entries.ts`);
 * - paragraphs: a page with blank lines separates paragraphs by them (the lines between are one
 *   paragraph, wrapped); a page without any prints one paragraph a line;
 * - glue: an entry head run onto the previous line after a sentence's end is split off it.
 *
 * The parts found are assembled as every boto3 rendering's are (`assemble.ts`).
 */
import { DiagnosticSink } from '../../diagnostics.ts';
import { buildTree, limitDepth, linesToText, MAX_TREE_DEPTH, type TextBlock, type TextLine } from '../indent-tree.ts';
import type { ReadPage, SkippedSection } from '../../ir/input.ts';
import type { SectionGap } from '../../ir/model.ts';
import type { DocumentFormat } from '../format.ts';
import { assembleOperation } from './assemble.ts';
import { DocCollector, readEntry, type EntryHead } from './entries.ts';
import { addHelperMethod, helperClassOf } from './helper-classes.ts';
import { nestParameterEntries, nestResponseEntries, splitFlatEntries, undocumentedMembers } from './literal-entries.ts';
import { kindOfDocType } from './types.ts';
import { isPlaceholder, type Boto3OperationParts, type DocEntry, type LocatedText } from './parts.ts';
import { scanBrackets } from '../syntax/literal-prefix.ts';
import { LiteralSyntaxError, parseRequestSyntax, parseResponseSyntax, type DictEntry, type SyntaxValue } from '../syntax/python-literal.ts';

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
 * A list glyph opening a line: the bullets text browsers and converters print for `<li>` (`•`,
 * `■`, `★`, `◎`, `●`, `△`, `□` …; lynx's `o`, `+`, `#`, `@`, `=`; `*`, `-`), then a space.
 */
const GLYPH = /^(?:[\u2022\u2023\u2043\u2219\u25a0-\u25ff\u2605\u2606\u2666\u2756*+=#@o-])\s+(?=\S)/;

/** A line's text without its list glyph. */
export function unbullet(text: string): string {
  return text.replace(GLYPH, '');
}

/** A permalink ending a heading, title or signature: `¶` (Sphinx's), `#` (furo's and newer themes'). */
const PERMALINK = /\s*[\u00b6#]$/;

/** The link boto3 writes after a placeholder ("AWS API Documentation"), as text. */
function isDocumentationLink(text: string): boolean {
  return /^(?:See also:\s*)?`?AWS[ _]API[ _]Documentation\b/.test(unbullet(text).trim());
}

/** The "See also: AWS API Documentation" line, with or without its link target. */
function isSeeAlsoText(text: string): boolean {
  return /^See also:\s*`?AWS[ _]API[ _]Documentation/.test(text);
}

/** A heading line: its section, and the text that follows it on the same line (`Return type: dict`). */
function headingOf(line: TextLine): { heading: RenderedSection; rest?: string } | undefined {
  const text = unbullet(
    line.text
      .replace(/^\*{2,}\s+(.*?)\s+\*{2,}$/, '$1') // html2text prints <h3> as `**** Heading ****`
      .trim(),
  ).replace(PERMALINK, '');
  const m = /^(request syntax|parameters|return type|returns|response syntax|response structure|exceptions)(?:\s*:\s*(.*))?$/i.exec(text);
  if (!m) return undefined;
  const heading = RENDERED_SECTIONS.find((s) => s.toLowerCase() === m[1]!.toLowerCase())!;
  const rest = m[2]?.trim();
  if (!rest) return { heading };
  // A heading with its content on the line: only content a heading can have (an entry, a heading, a word).
  if (parseTextEntryHead(rest) || headingOf({ ...line, text: rest }) || /^[A-Za-z]+$/.test(rest)) return { heading, rest };
  return undefined;
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
  const pending = [...lines].reverse();
  while (pending.length > 0) {
    const line = pending.pop()!;
    const found = headingOf(line);
    const headingRank = found ? RENDERED_SECTIONS.indexOf(found.heading) : -1;
    if (found && headingRank > rank) {
      rank = headingRank;
      const section: SectionLines = { heading: found.heading, line: line.line, lines: [] };
      page.sections.push(section);
      current = section.lines;
      if (found.rest) pending.push({ ...line, text: found.rest, indent: line.indent + 2, blankBefore: false });
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

/**
 * `Name (type) –`, `(type) –`, with `--`, `—` or ` - ` as the separator. Member names are
 * identifiers (every boto3 member name is), so text glued before a name is not taken for it.
 */
const TEXT_ENTRY = /^(?:(?<name>[A-Za-z0-9_]+)\s+)?\((?<type>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?:\u2013|\u2014|--|-(?=\s|$))(?:\s+(?<rest>.*))?$/;

/** Parses an entry head of a rendered page (after its list glyph), or returns undefined when the line is not one. */
export function parseTextEntryHead(text: string): EntryHead | undefined {
  const m = TEXT_ENTRY.exec(unbullet(text.trim()));
  // The type is one of boto3's: a parenthesis of prose that wraps onto a line's start is not a head.
  if (!m?.groups || kindOfDocType(m.groups.type!) === undefined) return undefined;
  const head: EntryHead = { type: m.groups.type!.trim(), rest: m.groups.rest ?? '' };
  if (m.groups.name !== undefined) head.name = m.groups.name;
  return head;
}

/**
 * An entry head run onto the text before it (a copy that joined two blocks): the text ends a
 * sentence (`.`, or a union note's key list) and the head follows, `….Name (type) –`.
 */
const GLUED_HEAD = /^(?<text>.*[.:;!?)\]'"])\s*(?<head>[A-Za-z0-9_]+\s+\((?:[^()]|\([^()]*\))*\)\s*(?:\u2013|\u2014|--)(?:\s.*)?)$/;

/** Splits a line whose end is a glued entry head into the text and the head. */
function splitGluedHead(line: TextLine): TextLine[] {
  if (parseTextEntryHead(line.text)) return [line];
  const m = GLUED_HEAD.exec(line.text);
  if (!m?.groups || !parseTextEntryHead(m.groups.head!)) return [line];
  return [
    { ...line, text: m.groups.text!.trimEnd() },
    { ...line, text: m.groups.head!, blankBefore: true },
  ];
}

/** An entry head without its separator (`Name (type)`, `(type)`): a separator must follow. */
const HEAD_WITHOUT_SEPARATOR = /^(?:[A-Za-z0-9_]+\s+)?\([^()]*(?:\([^()]*\)[^()]*)*\)$/;

/**
 * Joins entry heads a wrapping rendering broke before the separator (`Name (type)` / `– text`) or
 * before the type (`Name` / `(type) – text`), or both (`Name` / `(type)` / `– text`: pandoc deep in
 * a narrow column): the next lines complete the head.
 */
function joinWrappedHeads(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    const text = unbullet(line.text);
    if (next && !next.blankBefore && !parseTextEntryHead(line.text)) {
      let joined = line.text;
      let j = i;
      for (let n = lines[j + 1]; n && !n.blankBefore && !parseTextEntryHead(joined); n = lines[j + 1]) {
        const head = unbullet(joined);
        const completes = (/^[A-Za-z0-9_]+$/.test(head) && /^\(/.test(n.text)) || (HEAD_WITHOUT_SEPARATOR.test(head) && /^(?:\u2013|\u2014|--)(?:\s|$)/.test(n.text));
        if (!completes) break;
        joined = `${joined} ${n.text}`;
        j++;
      }
      if (j > i && parseTextEntryHead(joined)) {
        out.push({ ...line, text: joined });
        i = j;
        continue;
      }
      // A name longer than the line, hard-wrapped inside (lynx): `…Associatio` / `ns (list) –`, the
      // rest under the name's text, deeper than its glyph (a list item's word ending an entry's
      // text, followed by the next entry at the item's column, is not a broken name: the compact copy).
      const glued = `${line.text}${next.text}`;
      if (/^[A-Za-z0-9_]+$/.test(text) && text !== line.text && next.indent > line.indent && /^[A-Za-z0-9_]+ \(/.test(next.text) && parseTextEntryHead(glued)) {
        out.push({ ...line, text: glued });
        i++;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

/** `[REQUIRED]` opening an entry's first paragraph (`<p><strong>[REQUIRED]</strong> text`) is the entry's mark, apart from the text. */
function splitRequired(line: TextLine): TextLine[] {
  const m = /^\[REQUIRED\]\s+(\S.*)$/.exec(line.text);
  if (!m) return [line];
  return [
    { ...line, text: '[REQUIRED]' },
    { ...line, text: m[1]!, blankBefore: true },
  ];
}

/** A line of a rendered page, with the list glyph it was printed with, if any. */
type RenderedLine = TextLine & { glyph?: string };

/** A line with its list glyph written `- `, the one form the documentation readers know; the glyph is kept. */
function withDash(line: TextLine): RenderedLine {
  const glyph = GLYPH.exec(line.text);
  if (!glyph) return line;
  return { ...line, text: `- ${line.text.slice(glyph[0].length)}`, glyph: glyph[0].trim() };
}

/**
 * Indents that say each entry's depth. A rendering may stop indenting past some depth (w3m does at
 * column 34), marking deeper levels by glyph alone. At one indent, an entry with the glyph of the
 * entry before it is its sibling; with another glyph, right after a dict or list entry, it is that
 * entry's first member or item (boto3 documents them right after it), and after any other entry the
 * sibling of the nearest entry above with its glyph (the glyph names the level), else of the entry
 * before it. A map's key entry (an unnamed first entry of a dict) holds its value as a dict entry
 * holds its members: boto3 nests the value under the key, and a rendering's glyphs repeat (lynx
 * cycles through seven), so the value's glyph may also name a level far above. An entry's text sits
 * just under it, keeping its own relative indentation.
 */
function depthIndents(lines: readonly RenderedLine[]): TextLine[] {
  const stack: { indent: number; glyph: string; virtual: number }[] = [];
  let head: { indent: number; virtual: number; container: boolean; dict: boolean; glyph: string } | undefined;
  let textBase: number | undefined;
  return lines.map((l) => {
    const parsed = parseTextEntryHead(l.text);
    if (parsed) {
      const glyph = l.glyph ?? '';
      let container = /^(dict|list|map|structure)$|EventStream/.test(parsed.type);
      let virtual: number;
      if (head && (l.indent > head.indent || (l.indent === head.indent && head.container && glyph !== head.glyph))) {
        // A child of the entry before it; an unnamed first child of a dict is a map's key.
        virtual = head.virtual + 4;
        if (head.dict && parsed.name === undefined) container = true;
      } else {
        while (stack.length > 0 && stack[stack.length - 1]!.indent > l.indent) stack.pop();
        let level = -1;
        for (let i = stack.length - 1; i >= 0 && stack[i]!.indent === l.indent && level < 0; i--) if (stack[i]!.glyph === glyph) level = i;
        if (level < 0 && stack.length > 0 && stack[stack.length - 1]!.indent === l.indent) level = stack.length - 1;
        if (level >= 0) {
          virtual = stack[level]!.virtual;
          stack.length = level;
        } else virtual = stack.length > 0 ? stack[stack.length - 1]!.virtual + 4 : l.indent;
      }
      stack.push({ indent: l.indent, glyph, virtual });
      head = { indent: l.indent, virtual, container, dict: parsed.type === 'dict', glyph };
      textBase = undefined;
      return { ...l, indent: virtual };
    }
    if (!head) return l;
    if (l.indent > head.indent) textBase ??= l.indent;
    return { ...l, indent: head.virtual + 2 + Math.max(0, l.indent - (textBase ?? l.indent)) };
  });
}

/** A method signature found on the page. */
interface Signature {
  method: string;
  /** `DirectConnect.Client` in `DirectConnect.Client.describe_connections(**kwargs)`. */
  qualifier?: string;
  args: string;
  /** Index of the signature's first and last lines. */
  first: number;
  last: number;
  /** Text glued after the signature (`(**kwargs)¶Gets…`): the description's start. */
  rest?: string;
}

const SIGNATURE_START = /^(?:(?<qualifier>(?:[A-Za-z0-9_]+\.)+))?(?<method>[a-z_][a-z0-9_]*)\((?<args>[^()]*)(?<close>\))?/;

/**
 * The method signature: `[Service.Client.]method(**kwargs)`, perhaps with a permalink, perhaps
 * glued to the description, perhaps split over up to four lines (`method(`, `**kwargs`, `)`).
 */
function findSignature(lines: readonly TextLine[]): Signature | undefined {
  for (let i = 0; i < lines.length; i++) {
    let text = unbullet(lines[i]!.text);
    const first = i;
    // A signature a wrapping rendering broke inside or after its name (`Svc.Client.long_na` / `me(**kwargs)`).
    const next = lines[i + 1];
    if (/^(?:[A-Za-z0-9_]+\.)+[A-Za-z0-9_]+$/.test(text) && next && !next.blankBefore && /^[A-Za-z0-9_]*\(/.test(next.text)) {
      text += next.text;
      i++;
    }
    const m = SIGNATURE_START.exec(text);
    if (!m?.groups) {
      i = first;
      continue;
    }
    let args = m.groups.args!;
    let last = i;
    let after: string;
    if (m.groups.close) after = text.slice(m[0].length);
    else {
      if (m[0].length !== text.length) {
        i = first;
        continue;
      }
      // Split: the arguments and the closing parenthesis on the lines that follow.
      let j = i + 1;
      for (; j < lines.length && j <= i + 4 && !lines[j]!.text.includes(')'); j++) args += lines[j]!.text;
      const close = lines[j]?.text.indexOf(')') ?? -1;
      if (j > i + 4 || close < 0) {
        i = first;
        continue;
      }
      args += lines[j]!.text.slice(0, close);
      after = lines[j]!.text.slice(close + 1);
      last = j;
    }
    // A call in prose (`describe_stream() every 10 seconds`) is not a signature: only a permalink or
    // a description glued on after a permalink may follow it.
    const glued = /^\s*[\u00b6#]\s*(?<rest>\S.*)$/.exec(after);
    if ((after.replace(PERMALINK, '').trim() !== '' && !glued) || !/^\s*(\*\*kwargs|[A-Za-z_][\w=.'", *]*)?\s*$/.test(args)) {
      i = first;
      continue;
    }
    const signature: Signature = { method: m.groups.method!, args: args.trim(), first, last };
    if (m.groups.qualifier) signature.qualifier = m.groups.qualifier.slice(0, -1);
    if (glued?.groups?.rest) signature.rest = glued.groups.rest;
    return signature;
  }
  return undefined;
}

/** Whether text looks like a rendered boto3 page: a signature, a Request Syntax heading, or a boto3 class or resource line. */
export function looksLikeRenderedClientPage(text: string): boolean {
  return (
    /^[ \t]*(?:\S[ \t]+)?(?:[A-Za-z0-9_]+\.)*[a-z_][a-z0-9_]*\((?:\*\*kwargs\)|$)/m.test(text) ||
    /^[ \t]*(?:\S[ \t]+)?[A-Za-z0-9_]+\.Client\.[a-z_][a-z0-9_]*\([^()]*\)[ \t]*[\u00b6#]?/m.test(text) ||
    isResourcePage(text) ||
    /^[ \t]*(?:\*+[ \t]+)?Request Syntax[ \t]*(?:\*+)?[ \t]*[\u00b6#]?[ \t]*$/im.test(text) ||
    // html2text drops the space after `class` (an <em> with trailing space): `classX.Client`.
    /^[ \t]*class ?[A-Za-z0-9_]+\.(?:Client|Paginator\.[A-Za-z0-9_]+|Waiter\.[A-Za-z0-9_]+)[ \t]*[\u00b6#]?[ \t]*$/m.test(text)
  );
}

/**
 * A resource page (an attribute, identifier, reference, collection or action of a boto3 resource):
 * its breadcrumb `Resource / Kind / name` and, below it, the qualified name `Service.Resource.name`.
 */
function isResourcePage(text: string): boolean {
  const crumb = /^[ \t]*[A-Za-z0-9_]+ \/ [A-Za-z-]+ \/ ([A-Za-z0-9_]+)[ \t]*$/m.exec(text);
  if (!crumb) return false;
  const qualified = new RegExp(`^[ \\t]*(?:\\S[ \\t]+)?(?:class )?(?:[A-Za-z0-9_]+\\.)+${crumb[1]}\\b`, 'm');
  return qualified.test(text.slice(crumb.index));
}

/** What the lines before the signature say: the breadcrumb and a `class X.Paginator.Y` line. */
interface PageContext {
  clientName?: string;
  /** The page's kind, from its breadcrumb (`DirectConnect / Paginator / …`) or class line. */
  kind?: 'client' | SkippedSection['kind'];
  /** The class a bare signature belongs to (`DirectConnect.Paginator.DescribeDirectConnectGateways`). */
  className?: string;
}

/** Kinds of page a breadcrumb's middle segment names. */
function kindOfSegment(segment: string): PageContext['kind'] {
  if (segment === 'Client') return 'client';
  if (segment === 'Paginator') return 'paginator';
  if (segment === 'Waiter') return 'waiter';
  return 'resource';
}

/** Reads the breadcrumb and class line among the lines before the signature (or of a page without one). */
function readContext(lines: readonly TextLine[]): PageContext {
  const context: PageContext = {};
  for (let i = 0; i < lines.length; i++) {
    let text = unbullet(lines[i]!.text).replace(PERMALINK, '').trim();
    // A breadcrumb or class line a wrapping rendering broke after a `/` or a `.`.
    const next = lines[i + 1];
    if (next && !next.blankBefore && /(?:\/|[A-Za-z0-9_]\.)$/.test(text)) {
      const joined = `${text}${text.endsWith('/') ? ' ' : ''}${unbullet(next.text).replace(PERMALINK, '').trim()}`;
      if (/^[A-Za-z0-9_]+ \/ [A-Za-z-]+ \/ [A-Za-z0-9_]+$|^class [A-Za-z0-9_.]+$/.test(joined)) {
        text = joined;
        i++;
      }
    }
    const crumb = /^([A-Za-z0-9_]+) \/ ([A-Za-z-]+)(?: \/ ([A-Za-z0-9_]+))?$/.exec(text);
    if (crumb) {
      context.kind = kindOfSegment(crumb[2]!);
      if (crumb[2] === 'Client') context.clientName = crumb[1]!;
      continue;
    }
    const cls = /^class ?([A-Za-z0-9_]+)\.(Client|Paginator|Waiter)((?:\.[A-Za-z0-9_]+)?)$/.exec(text);
    if (cls) {
      context.className = `${cls[1]}.${cls[2]}${cls[3]}`;
      context.kind = kindOfSegment(cls[2]!);
      if (cls[2] === 'Client') context.clientName ??= cls[1]!;
    }
  }
  return context;
}

/**
 * Joins the lines of one paragraph that a wrapping rendering broke (same indent, no blank line
 * between), so a paragraph reads as one line whatever the width. Entry heads, headings, list
 * items, admonition titles and `[REQUIRED]` start lines of their own.
 */
function joinWrapped(lines: readonly TextLine[], form: PageForm): TextLine[] {
  const out: TextLine[] = [];
  const width = form.width;
  // A wrapping rendering fills each line greedily: a line that left room for the next line's first
  // word ended its paragraph there (lynx sets no blank line between paragraphs).
  let lastEnd = 0;
  const endsParagraph = (line: TextLine) => form.fill === true && width !== undefined && lastEnd + 1 + (line.text.split(/\s/, 1)[0]!.length) < width - 1;
  // A word longer than a line is broken at the width (lynx): the line holds that one word, to the width.
  let lastWord = false;
  const hardBroken = () => width !== undefined && lastWord && lastEnd >= width - 1 && lastEnd <= width;
  const standsAlone = (l: TextLine) =>
    parseTextEntryHead(l.text) !== undefined || GLYPH.test(l.text) || RENDERED_ADMONITION.test(l.text) || /^\[REQUIRED\]$/.test(l.text) || headingOf(l) !== undefined;
  const isItem = (l: TextLine) => /^- /.test(l.text) && parseTextEntryHead(l.text) === undefined;
  const join = (previous: TextLine, line: TextLine, brokenAtWidth: boolean): TextLine => ({
    ...previous,
    text: `${previous.text}${brokenAtWidth || brokenWord(previous.text, line.text) ? '' : ' '}${line.text}`,
  });
  for (const line of lines) {
    const previous = out[out.length - 1];
    const ended = endsParagraph(line);
    const brokenAtWidth = hardBroken();
    lastEnd = line.indent + line.text.length;
    lastWord = !/\s/.test(line.text.replace(/^- /, ''));
    if (!previous || line.blankBefore || standsAlone(line)) {
      out.push(line);
      continue;
    }
    if (ended) {
      out.push({ ...line, blankBefore: true });
      continue;
    }
    // A list item's or an entry head's wrapped text continues it at whatever indent (w3m stops
    // indenting past some depth, lynx aligns the lines under the text).
    const head = parseTextEntryHead(previous.text);
    if ((isItem(previous) || (head !== undefined && head.rest !== '')) && line.indent >= previous.indent - 2) {
      out[out.length - 1] = join(previous, line, brokenAtWidth);
      continue;
    }
    if (line.indent === previous.indent && head === undefined && !RENDERED_ADMONITION.test(previous.text) && !/^\[REQUIRED\]$/.test(previous.text)) {
      out[out.length - 1] = join(previous, line, brokenAtWidth);
      continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * Joins the lines of a syntax literal a rendering hard-wrapped at its width (lynx breaks `<pre>`
 * lines there and goes on at column 0): inside a literal only its first and last lines (`{`, `}`,
 * `response = client.x(`, `)`) start at the block's column, so another line there, after a line
 * that filled the block's width or that ends inside a quoted string (no line of a Python literal
 * does: html2text wraps short of its width, at `::`), continues that line inside a word.
 */
function unwrapLiteral(lines: readonly TextLine[]): TextLine[] {
  // The block's column is its first line's: the page's chrome after it (where a rendering dropped
  // the sections that follow) may sit shallower.
  const base = lines[0]?.indent ?? 0;
  const width = lines.reduce((max, l) => Math.max(max, l.indent + l.text.length), 0);
  const out: TextLine[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    const full = previous !== undefined && ((previous.indent + previous.text.length >= width - 1 && width >= 60) || endsInString(previous.text));
    if (previous && full && line.indent === base && !line.blankBefore && lines.length > 2 && !/^(?:[{}()[\]]|\*\*[A-Z]|::$|# |[A-Za-z_][\w.]* = )/.test(line.text)) {
      out[out.length - 1] = { ...previous, text: `${previous.text}${line.text}` };
      continue;
    }
    out.push(line);
  }
  return out;
}

/** Whether a line of a syntax literal ends inside a quoted string (its quotes do not pair up). */
function endsInString(text: string): boolean {
  return scanBrackets(text).quote !== undefined;
}

/**
 * A syntax literal up to the bracket that closes its first one: boto3's literal is one Python
 * expression (`response = client.x(` … `)`, `{` … `}`), so lines after it are not the literal — the
 * page's chrome, where a rendering dropped the sections that follow (html2text drops a field list
 * holding a block in a paragraph, and Sphinx's footer comes next). A literal whose brackets never
 * close (cut), or with a string broken over lines, is kept whole, for the parser to say where it breaks.
 */
function throughClose(literal: LocatedText): LocatedText {
  const scan = scanBrackets(literal.text);
  if (scan.stringOverLine || scan.firstClosed === undefined) return literal;
  const end = scan.firstClosed + 1;
  return /\S/.test(literal.text.slice(end)) ? { ...literal, text: literal.text.slice(0, end) } : literal;
}

/**
 * Whether a wrapping rendering broke a word (a URL, a path, `key=value`, an anchor) between these
 * lines rather than between words: w3m breaks after `/`, `#`, `=` or a URL's scheme and before a
 * `/`. Prose puts a space on neither side of such a break.
 */
function brokenWord(previous: string, next: string): boolean {
  return /(?:\S[/#=]|https?:)$/.test(previous) || (/^\/\S/.test(next) && /\w$/.test(previous));
}

/** An admonition title alone on its line, as rendered pages show `.. note::` and its kin. */
const RENDERED_ADMONITION = /^(Note|Warning|Danger|Important|Tip|Caution|Attention|See also)$/;

/** How one page prints its paragraphs and entries: found from the page, the same for all its sections. */
interface PageForm {
  /** No blank line on the page: every line is its own paragraph (the compact copy). */
  paragraphPerLine: boolean;
  /**
   * The column a rendering wraps its text at (all but its 2% longest text lines end by it), when it wraps: most lines of
   * many-line paragraphs end near it. Undefined for a page whose lines are whole paragraphs.
   */
  width?: number;
  /** Paragraphs follow each other without a blank line: only the fill of the lines tells them apart. */
  fill?: boolean;
}

/**
 * Whether most entry heads (without text on their line, and not filled to the width: their text did
 * not just wrap onto the next line) are followed by a blank line.
 */
function blankAfterHeads(lines: readonly TextLine[], width: number | undefined): boolean {
  let heads = 0;
  let blank = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const head = parseTextEntryHead(line.text);
    if (!head || head.rest !== '' || parseTextEntryHead(lines[i + 1]!.text)) continue;
    if (width !== undefined && line.indent + line.text.length + 1 + lines[i + 1]!.text.split(/\s/, 1)[0]!.length > width) continue;
    heads++;
    if (lines[i + 1]!.blankBefore) blank++;
  }
  return heads === 0 || blank * 2 >= heads;
}

/** The wrap width of a page's text, if it wraps (see {@link PageForm.width}). */
function wrapWidth(lines: readonly TextLine[]): number | undefined {
  const ends = lines.filter((l) => !/^\s*['"{}\[\]()]/.test(l.text) && !/[,{[(]$/.test(l.text)).map((l) => l.indent + l.text.length);
  if (ends.length < 20) return undefined;
  // Not the longest line: a word longer than the width overflows it (lynx breaks those further on).
  const sorted = [...ends].sort((a, b) => b - a);
  const width = sorted[Math.floor(sorted.length / 50)]!;
  if (width > 120) return undefined;
  // Wrapped text: a good share of its lines end within a few columns of the width.
  const near = ends.filter((e) => e >= width - 8).length;
  return near >= ends.length / 5 ? width : undefined;
}

/** Options of one page reading: the format it is reported as, and how the text ends. */
export interface RenderedEntryReader {
  format: DocumentFormat;
  /**
   * The text ends inside a line (no line break after its last line): a copy may simply lack the
   * final break, so this alone says nothing, but a page that ends inside entries was cut there.
   */
  endsMidLine?: boolean;
}

/** What the readers of one page share: the sink, the form, the gaps found. */
class RenderedReader {
  readonly gaps: SectionGap[] = [];

  constructor(
    readonly sink: DiagnosticSink,
    readonly form: PageForm,
  ) {}

  /** A line as a block without children; a paragraph of its own when the page prints one a line. */
  block(line: TextLine): TextBlock {
    return { head: this.form.paragraphPerLine ? { ...line, blankBefore: true } : line, children: [] };
  }

  /** Lines of text (not literal): wrapped heads joined, glued heads split, glyphs as `- `, wrapped paragraphs joined. */
  textLines(lines: readonly TextLine[]): TextLine[] {
    const split = joinWrappedHeads(lines).flatMap(splitGluedHead).flatMap(splitRequired).map(withDash);
    return this.form.paragraphPerLine ? split : joinWrapped(split, this.form);
  }

  /** The description: blocks by indentation, so wrapped list items keep their continuation lines. */
  description(lines: readonly TextLine[]): { documentation: string; deprecationMessage?: string } {
    const description = new DocCollector({ deprecation: true });
    const text = this.textLines(lines.filter((l) => !isSeeAlsoText(l.text)));
    // An admonition title shallower than the text (lynx prints it at column 0) sits at the text's indent.
    const base = text.filter((l) => !RENDERED_ADMONITION.test(l.text)).reduce((min, l) => Math.min(min, l.indent), Number.MAX_SAFE_INTEGER);
    const root: TextBlock = { head: { text: '', indent: -1, line: 0, blankBefore: true }, children: buildTree(text.map((l) => ({ ...l, indent: Math.max(0, l.indent - base) }))) };
    // Text nests by indentation alone: the tree is cut at a depth the documentation readers recurse to.
    const cut = limitDepth(root.children);
    if (cut) this.sink.error(cut.line, `description: nesting deeper than ${MAX_TREE_DEPTH} levels: expected a shallower page; the deeper lines are left out`);
    liftListItems(root);
    for (const b of root.children) {
      description.add(this.form.paragraphPerLine ? { ...b, head: { ...b.head, blankBefore: true } } : b);
    }
    const out: { documentation: string; deprecationMessage?: string } = { documentation: description.text };
    if (description.deprecationMessage) out.deprecationMessage = description.deprecationMessage;
    return out;
  }

  /** A syntax literal section: its literal, or the placeholder it shows (hidden), and what it swallowed. */
  literal(section: SectionLines | undefined, parts: Boto3OperationParts): LocatedText | undefined {
    if (!section) return undefined;
    const lines = unwrapLiteral(section.lines.filter((l) => !isDocumentationLink(l.text)));
    const found = literalOf(lines);
    if (!found) return undefined;
    const { literal: whole, swallowed } = splitSwallowedSections(found);
    for (const s of swallowed) if (s.placeholder) hide(parts, s.section);
    const literal = throughClose(whole);
    if (isPlaceholder(literal.text.trim())) {
      hide(parts, section.heading);
      return undefined;
    }
    return literal;
  }

  /** Whether an entries section shows boto3's placeholder instead of entries (then it is hidden). */
  placeholder(section: SectionLines, parts: Boto3OperationParts): boolean {
    const text = section.lines.filter((l) => l.text !== '::' && !isDocumentationLink(l.text)).map((l) => l.text.trim());
    if (!text[0] || !isPlaceholder(text[0])) return false;
    hide(parts, section.heading);
    return true;
  }

  /**
   * The entries of a Parameters or Response Structure section: nested by indentation when the
   * page indents them by depth, else along the syntax literal. `last` says the page ends here.
   */
  entries(section: SectionLines, literal: SyntaxValue | readonly DictEntry[] | undefined, path: 'input' | 'output', last: boolean): DocEntry[] {
    const lines = this.textLines(section.lines);
    const heads = lines.filter((l) => parseTextEntryHead(l.text));
    if (heads.length === 0) {
      if (lines.length > 0) this.sink.error(lines[0]!.line, `${section.heading}: unrecognised text "${lines[0]!.text.slice(0, 60)}": expected an entry "Name (type) --"`);
      return [];
    }
    // boto3 writes entries in a pre-order walk of the shapes the literal shows: along a readable
    // literal, entries are placed whatever the rendering did to their indentation (flattened it,
    // or stopped indenting past some depth, as w3m does). Without one, indentation must tell.
    const flat = heads.every((h) => h.indent === heads[0]!.indent);
    if (flat && !literal && heads.length > 1) return this.unplaceable(lines, section, heads);
    // Indentation deeper than readers recurse to is cut (and said) whatever else bounds the entries.
    const tooDeep = !flat && deeperThan(lines, MAX_TREE_DEPTH);
    // A page cut inside indented entries is said where it ends; inside flattened ones, at the last entry.
    const endLine = flat ? undefined : section.lines[section.lines.length - 1]?.line;
    const entries = literal && !tooDeep ? this.flatEntries(withoutChrome(lines), section.heading, literal, endLine) : readTextEntries(this.entryBlocks(lines, section.heading));
    const named = restoreNames(literal, path === 'input' ? entries : (entries[0]?.children ?? []));
    const shown = path === 'input' ? named : entries[0] ? [{ ...entries[0], children: named }] : [];
    if (literal) {
      const missing = undocumentedMembers(literal, path === 'input' ? shown : (shown[0]?.children ?? []), path);
      if (missing.length > 0 && last) this.gaps.push({ section: section.heading, state: 'cut' });

    }
    return shown;
  }

  /**
   * Flattened entries without a literal to place them along (boto3 hid it behind its placeholder):
   * what follows the first dict or list entry may be nested in it or not, and the page does not
   * say. The entries up to that one are read (it without members); the rest is left out, said.
   */
  private unplaceable(lines: readonly TextLine[], section: SectionLines, heads: readonly TextLine[]): DocEntry[] {
    const container = heads.findIndex((h) => /^(dict|list|map|structure)$|EventStream/.test(parseTextEntryHead(h.text)!.type));
    if (container < 0 || container === heads.length - 1) return readTextEntries(this.entryBlocks(lines, section.heading));
    const next = lines.indexOf(heads[container + 1]!);
    const kept = lines.slice(0, next);
    this.gaps.push({ section: section.heading, state: 'cut' });
    const name = parseTextEntryHead(heads[container]!.text)!.name ?? 'the first entry';
    this.sink.error(heads[container + 1]!.line, `${section.heading}: the entries are flattened and the syntax block is not shown, so where those after ${name} belong is not shown: they are left out`);
    return readTextEntries(this.entryBlocks(kept, section.heading)).map((e, i, all) => (i === all.length - 1 ? { ...e, children: [] } : e));
  }

  /** Flattened entries placed along the literal. */
  private flatEntries(lines: readonly TextLine[], heading: RenderedSection, literal: SyntaxValue | readonly DictEntry[], endLine: number | undefined): DocEntry[] {
    const flat = splitFlatEntries(lines, parseTextEntryHead, heading, this.sink);
    const blocks = Array.isArray(literal)
      ? nestParameterEntries(literal as readonly DictEntry[], flat, this.sink, this.form.paragraphPerLine, endLine)
      : nestResponseEntries(literal as SyntaxValue, flat, this.sink, this.form.paragraphPerLine, endLine);
    for (const b of blocks) liftListItems(b);
    return readTextEntries(blocks);
  }

  /**
   * The entry trees of a section nested by indentation (and glyph, {@link depthIndents}). Text that
   * sits as shallow as the entries or shallower (Sphinx's lone parameter has no bullet; lynx prints
   * a note's title at column 0) is the text of the entry above it. The page's chrome after the last
   * entry is left out ({@link withoutChrome}).
   */
  private entryBlocks(lines: readonly TextLine[], heading: RenderedSection): TextBlock[] {
    const isHead = (l: TextLine) => parseTextEntryHead(l.text) !== undefined;
    const tree = buildTree(depthIndents(withoutChrome(lines)));
    // Bullets nest by indentation alone: the tree is cut at a depth the entry readers can recurse to.
    const cut = limitDepth(tree);
    for (const root of tree) {
      liftEntries(root, isHead);
      liftListItems(root);
    }
    if (cut) this.sink.error(cut.line, `${heading}: nesting deeper than ${MAX_TREE_DEPTH} levels: expected a shallower page; the deeper lines are left out`);
    const blocks: TextBlock[] = [];
    for (const root of tree) {
      if (isHead(root.head)) blocks.push(this.form.paragraphPerLine ? paragraphPerLine(root) : root);
      else this.sink.error(root.head.line, `${heading}: unrecognised text "${root.head.text.slice(0, 60)}": expected an entry "Name (type) --"`);
    }
    return blocks;
  }
}

/** Whether entry heads nest deeper than `max` levels by indentation alone (a stack of open indents). */
function deeperThan(lines: readonly TextLine[], max: number): boolean {
  const open: number[] = [];
  for (const l of lines) {
    if (!parseTextEntryHead(l.text)) continue;
    while (open.length > 0 && open[open.length - 1]! >= l.indent) open.pop();
    open.push(l.indent);
    if (open.length > max) return true;
  }
  return false;
}

/** The indent of a section's shallowest entry head. A loop, not Math.min(...): a page can have more entries than a call has arguments. */
function topIndent(lines: readonly TextLine[]): number {
  return lines.filter((l) => parseTextEntryHead(l.text)).reduce((a, l) => Math.min(a, l.indent), Number.MAX_SAFE_INTEGER);
}

/**
 * A section's lines without the page chrome after its last entry: after the last entry head, a
 * line shallower than every entry that nothing deeper follows (a footer) ends the section.
 */
function withoutChrome(lines: readonly TextLine[]): TextLine[] {
  const top = topIndent(lines);
  let lastHead = -1;
  lines.forEach((l, i) => {
    if (parseTextEntryHead(l.text)) lastHead = i;
  });
  for (let i = lastHead + 1; i < lines.length; i++) {
    if (lines[i]!.indent < top && !((lines[i + 1]?.indent ?? -1) > top)) return lines.slice(0, i);
  }
  return [...lines];
}

/**
 * Entries nest in entries, never in a paragraph: a rendering that indents nested entries deeper
 * than their parent's text (w3m) puts them under its last paragraph, from which they move up to
 * the entry, after that paragraph. Iterative over the tree (its depth is bounded by limitDepth).
 */
function liftEntries(root: TextBlock, isHead: (l: TextLine) => boolean): void {
  const pending: TextBlock[] = [root];
  while (pending.length > 0) {
    const block = pending.pop()!;
    for (let i = 0; i < block.children.length; i++) {
      const child = block.children[i]!;
      if (isHead(child.head)) continue;
      const at = child.children.findIndex((c) => isHead(c.head));
      if (at >= 0) block.children.splice(i + 1, 0, ...child.children.splice(at));
    }
    for (const child of block.children) pending.push(child);
  }
}

/**
 * A list is not part of the paragraph above it: a rendering that indents list items deeper than
 * the text (w3m, lynx) puts them under the paragraph, from which they move up beside it. Items
 * under an item stay: they are a nested list.
 */
function liftListItems(root: TextBlock): void {
  const isItem = (b: TextBlock) => /^- /.test(b.head.text) && !parseTextEntryHead(b.head.text);
  const pending: TextBlock[] = [root];
  while (pending.length > 0) {
    const block = pending.pop()!;
    for (let i = 0; i < block.children.length; i++) {
      const child = block.children[i]!;
      if (isItem(child) || parseTextEntryHead(child.head.text)) continue;
      const at = child.children.findIndex(isItem);
      if (at >= 0) block.children.splice(i + 1, 0, ...child.children.splice(at).map((c) => ({ ...c, head: { ...c.head, blankBefore: true } })));
    }
    // A nested list's items read `* item` inside their item, as the RST's and the HTML's do.
    if (isItem(block)) for (const c of block.children) if (isItem(c)) c.head = { ...c.head, text: `* ${c.head.text.slice(2)}` };
    for (const child of block.children) pending.push(child);
  }
}

/** A block whose every line is a paragraph of its own (a page without blank lines). */
function paragraphPerLine(block: TextBlock): TextBlock {
  return { head: { ...block.head, blankBefore: true }, children: block.children.map(paragraphPerLine) };
}

/**
 * Entries whose names the page lost (a theme or copy that drops the bold name, `(string) – …`)
 * stand at their place in the literal: a structure's unnamed entries take its keys in order.
 */
function restoreNames(literal: SyntaxValue | readonly DictEntry[] | undefined, entries: readonly DocEntry[]): DocEntry[] {
  if (!literal) return [...entries];
  if (!Array.isArray(literal) && (literal as SyntaxValue).kind === 'call') {
    const call = literal as SyntaxValue & { kind: 'call' };
    return call.name === 'EventStream' && call.args[0] ? restoreNames(call.args[0], entries) : [...entries];
  }
  const keys: readonly DictEntry[] | undefined = Array.isArray(literal)
    ? (literal as readonly DictEntry[])
    : (literal as SyntaxValue).kind === 'dict' && !isMapEntries((literal as SyntaxValue & { kind: 'dict' }).entries)
      ? (literal as SyntaxValue & { kind: 'dict' }).entries
      : undefined;
  if (keys && entries.length > 0 && entries.every((e) => e.name === undefined) && entries.length <= keys.length) {
    return entries.map((e, i) => ({ ...e, name: keys[i]!.key, children: restoreNames(keys[i]!.value, e.children) }));
  }
  const byName = new Map((keys ?? []).map((k) => [k.key, k.value]));
  return entries.map((e) => {
    const value = e.name !== undefined ? byName.get(e.name) : undefined;
    if (value) return { ...e, children: restoreNames(value, e.children) };
    const single = !Array.isArray(literal) ? (literal as SyntaxValue) : undefined;
    if (e.name === undefined && single?.kind === 'list' && single.items[0]) return { ...e, children: restoreNames(single.items[0], e.children) };
    return e;
  });
}

/** A map literal shows its key type as the one key: `{'string': value}`. */
function isMapEntries(entries: readonly DictEntry[]): boolean {
  return entries.length === 1 && entries[0]!.key === 'string';
}

/** Records that `section` stands behind boto3's placeholder. */
function hide(parts: Boto3OperationParts, section: string): void {
  if (!parts.gaps?.some((g) => g.section === section)) (parts.gaps ??= []).push({ section, state: 'hidden' });
}

/**
 * Exception names from the Exceptions section: `Client.Client.exceptions.Name` entries, one a line
 * (any glyph) or glued together without separators (the compact copy). Splitting on the whole
 * `Client.Client.exceptions.` prefix keeps names that start with the client's name intact. The
 * list ends at the first line that holds none: what follows is the page's chrome.
 */
export function readExceptionNames(lines: readonly TextLine[], sink: DiagnosticSink, endsMidLine = false): string[] {
  const kept: TextLine[] = [];
  for (const l of lines) {
    const text = unbullet(l.text).trim();
    const previous = kept[kept.length - 1];
    // A name a rendering hard-wrapped at its width goes on under its text: names have no spaces.
    if (previous && !l.blankBefore && !GLYPH.test(l.text) && /^[A-Za-z0-9_]+$/.test(text) && l.indent > previous.indent) {
      kept[kept.length - 1] = { ...previous, text: `${previous.text}${text}` };
      continue;
    }
    if (/[A-Za-z0-9_]+\.Client\.exceptions\./.test(text)) kept.push({ ...l, text });
    else if (kept.length > 0) break;
    else if (!isDocumentationLink(text)) kept.push({ ...l, text });
  }
  const text = kept.map((l) => l.text).join('');
  const prefix = /([A-Za-z0-9_]+)\.Client\.exceptions\./.exec(text);
  if (!prefix) {
    if (kept.length > 0) sink.error(kept[0]!.line, 'Exceptions: expected "Client.Client.exceptions.Name" entries');
    return [];
  }
  const names: string[] = [];
  let list = text.slice(prefix.index);
  // A text that ends inside the next name's prefix (glued names cut short) does not end the name before.
  if (endsMidLine) {
    for (let n = prefix[0].length - 1; n > 0; n--) {
      if (list.endsWith(prefix[0].slice(0, n)) && list.length > prefix[0].length + n) {
        list = list.slice(0, -n);
        break;
      }
    }
  }
  for (const piece of list.split(prefix[0])) {
    const name = piece.trim();
    if (!name) continue;
    if (/^[A-Za-z0-9_]+$/.test(name)) names.push(name);
    else sink.error(kept[0]!.line, `Exceptions: "${name.slice(0, 60)}" is not an exception name`);
  }
  return names;
}

/**
 * Reports the sections a client page must have but this one lacks — a page cut short gives what
 * it could read plus an error naming what is missing, never a silently smaller model — and records
 * them as missing, and the section the page ends in as cut.
 */
export function reportMissingSections(parts: Boto3OperationParts, page: RenderedPage, sink: DiagnosticSink, showsArguments = false): void {
  const has = (h: RenderedSection) => sectionOf(page, h) !== undefined;
  const hidden = (h: string) => parts.gaps?.some((g) => g.section === h) ?? false;
  const missing: string[] = [];
  if (!has('Request Syntax')) missing.push('Request Syntax');
  // A Request Syntax with arguments has their entries under Parameters: a page that goes on past
  // where they would be left them out (html2text drops the field list); one that ends before says so.
  const laterThanParameters = page.sections.some((s) => RENDERED_SECTIONS.indexOf(s.heading) > RENDERED_SECTIONS.indexOf('Parameters'));
  const noParameters = showsArguments && !has('Parameters') && !hidden('Parameters');
  if (noParameters && laterThanParameters) missing.push('Parameters');
  const returnsNothing = parts.returnType === 'None';
  if (!has('Return type') && !returnsNothing) missing.push('Return type');
  if (!has('Returns')) missing.push('Returns');
  if (parts.returnType === 'dict') {
    if (!has('Response Syntax') && !hidden('Response Syntax')) missing.push('Response Syntax');
    if (!has('Response Structure') && !hidden('Response Structure')) missing.push('Response Structure');
  }
  if (noParameters && !laterThanParameters) (parts.gaps ??= []).push({ section: 'Parameters', state: 'missing' });
  if (missing.length === 0) return;
  const gaps = (parts.gaps ??= []);
  // A section missing after the page's last one: the page ends inside that one (a literal that
  // breaks off there is recorded by the assembly). Sections missing before it were left out.
  const last = page.sections[page.sections.length - 1]?.heading;
  const rank = (section: string) => (RENDERED_SECTIONS as readonly string[]).indexOf(section);
  const endsEarly = last !== undefined && missing.some((m) => rank(m) > rank(last));
  if (last && endsEarly && !/Syntax$/.test(last) && !gaps.some((g) => g.section === last)) gaps.push({ section: last, state: 'cut' });
  for (const section of missing) if (!gaps.some((g) => g.section === section)) gaps.push({ section, state: 'missing' });
  sink.error(page.lastLine, `${parts.method}: page ends without its ${missing.join(', ')} section${missing.length > 1 ? 's' : ''}`);
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

/** What a page's signature and context make it: a client method, or a section to skip. */
function kindOf(signature: Signature, context: PageContext): 'client' | SkippedSection['kind'] {
  const q = signature.qualifier;
  if (q !== undefined) {
    if (/(^|\.)Client$/.test(q)) return 'client';
    if (/\.Paginator\./.test(`${q}.`)) return 'paginator';
    if (/\.Waiter\./.test(`${q}.`)) return 'waiter';
    return 'resource';
  }
  if (context.className && !/\.Client$/.test(context.className)) return kindOfSegment(context.className.split('.')[1]!)!;
  return context.kind ?? 'client';
}

/**
 * Reads a rendered client page (its lines) into one operation: context, signature, description,
 * syntax blocks, entries, return type and Exceptions, checked for missing sections and assembled
 * like every other boto3 rendering. A paginator's paginate() or a waiter's wait() is read the same
 * way, then as what it documents (helper-classes.ts); pages of resources and a service's index are
 * recognised and skipped.
 */
export function readRenderedPage(all: readonly TextLine[], file: string, reader: RenderedEntryReader): ReadPage {
  const sink = new DiagnosticSink(file);
  const page: ReadPage = { file, format: reader.format, service: { provider: 'aws' }, operations: [], skipped: [], diagnostics: sink.items };
  const signature = findSignature(all);
  if (!signature) {
    const context = readContext(all);
    if (context.className && /\.Client$/.test(context.className)) {
      page.skipped.push({ kind: 'index', name: context.className, source: { file, line: all[0]?.line ?? 1 } });
      return page;
    }
    if (context.kind && context.kind !== 'client') {
      page.skipped.push({ kind: context.kind, name: context.className ?? '', source: { file, line: all[0]?.line ?? 1 } });
      return page;
    }
    sink.error(all[0]?.line ?? 1, 'no method signature found: expected "Client.method(**kwargs)" (with or without the client, a permalink ¶ or #)');
    return page;
  }
  const context = readContext(all.slice(0, signature.first));
  const line = all[signature.first]!.line;
  const kind = kindOf(signature, context);
  const qualified = `${signature.qualifier ?? context.className ?? ''}.${signature.method}`.replace(/^\./, '');
  const helper = kind === 'paginator' || kind === 'waiter' ? helperClassOf(qualified) : undefined;
  if (kind !== 'client' && !helper) {
    page.skipped.push({ kind, name: context.className ?? qualified, source: { file, line } });
    return page;
  }
  const clientName = signature.qualifier?.replace(/\.Client$/, '') || context.clientName;
  if (clientName) page.service.clientName = clientName;
  const body: TextLine[] = [];
  if (signature.rest) body.push({ ...all[signature.last]!, text: signature.rest, blankBefore: true });
  for (const l of all.slice(signature.last + 1)) body.push(l);
  const rendered = splitRenderedPage(body);
  rendered.lastLine = body[body.length - 1]?.line ?? line;
  // One page documents one operation: a second Request Syntax (pages joined, or a page repeated)
  // starts another page's text, which is reported and not read as this one's.
  const lastOfPage = rendered.sections[rendered.sections.length - 1];
  const again = lastOfPage?.lines.findIndex((l) => headingOf(l)?.heading === 'Request Syntax') ?? -1;
  if (lastOfPage && again >= 0) {
    sink.error(lastOfPage.lines[again]!.line, `a second Request Syntax after the page's ${lastOfPage.heading}: one page documents one operation; the text from here is not read`);
    lastOfPage.lines.length = again;
  }
  const hasRequestSyntax = sectionOf(rendered, 'Request Syntax') !== undefined;
  // Helpers (can_paginate, get_waiter …) take their own arguments and have no Request Syntax; an
  // operation (**kwargs) without one is a page cut before it.
  if (!hasRequestSyntax && signature.args !== '**kwargs') {
    page.skipped.push({ kind: 'other', name: qualified, source: { file, line } });
    return page;
  }
  const form: PageForm = { paragraphPerLine: !body.some((l) => l.blankBefore) };
  // Only a page that sets no blank line between paragraphs needs the fill to tell them apart: its
  // entries' text follows their heads directly (elsewhere a blank line comes between).
  // The width of its text, not of its literals (lynx hard-wraps those at the page's full width).
  const textOnly = [...rendered.header, ...rendered.sections.filter((x) => !/Syntax$/.test(x.heading)).flatMap((x) => x.lines)];
  const width = wrapWidth(textOnly);
  if (width !== undefined) form.width = width;
  if (width !== undefined && !form.paragraphPerLine && !blankAfterHeads(body, width)) form.fill = true;
  const text = new RenderedReader(sink, form);
  const header = text.description(rendered.header);
  const parts: Boto3OperationParts = { method: signature.method, documentation: header.documentation, params: [], exceptions: [], line };
  if (clientName) parts.clientName = clientName;
  if (header.deprecationMessage) parts.deprecationMessage = header.deprecationMessage;

  const lastSection = rendered.sections[rendered.sections.length - 1]?.heading;
  const requestSyntax = text.literal(sectionOf(rendered, 'Request Syntax'), parts);
  if (requestSyntax) parts.requestSyntax = requestSyntax;
  const params = sectionOf(rendered, 'Parameters');
  const request = requestSyntax && parseQuietly(() => parseRequestSyntax(requestSyntax.text));
  if (params && !text.placeholder(params, parts) && params.lines.length > 0) {
    parts.params = text.entries(params, request?.args, 'input', lastSection === 'Parameters');
  }
  const returnType = readReturnType(rendered);
  if (returnType) parts.returnType = returnType;
  const responseSyntax = text.literal(sectionOf(rendered, 'Response Syntax'), parts);
  if (responseSyntax) parts.responseSyntax = responseSyntax;
  const structure = sectionOf(rendered, 'Response Structure');
  if (structure && !text.placeholder(structure, parts) && structure.lines.length > 0) {
    const response = responseSyntax && parseQuietly(() => parseResponseSyntax(responseSyntax.text));
    const [root, ...extra] = text.entries(structure, response, 'output', lastSection === 'Response Structure');
    for (const e of extra) sink.error(e.line, 'Response Structure: expected one root entry "(dict) --"; this entry is outside it');
    if (root) parts.response = root;
  }
  parts.exceptions = readExceptionNames(sectionOf(rendered, 'Exceptions')?.lines ?? [], sink, reader.endsMidLine);
  for (const gap of text.gaps) if (!parts.gaps?.some((g) => g.section === gap.section)) (parts.gaps ??= []).push(gap);
  // Ending inside a line of the Parameters or the Response Structure, the page broke off in that
  // entry's text. (Inside the Exceptions list nothing tells a cut name from a whole one.)
  if (reader.endsMidLine && (lastSection === 'Parameters' || lastSection === 'Response Structure') && !parts.gaps?.some((g) => g.section === lastSection)) {
    (parts.gaps ??= []).push({ section: lastSection, state: 'cut' });
  }
  reportMissingSections(parts, rendered, sink, (request?.args.length ?? 0) > 0);
  if (helper?.kind === 'paginator' || helper?.kind === 'waiter') {
    // The description (before the Request Syntax) names the operation and, for a waiter, its delay
    // and attempts. Sphinx writes the operation as `X.Client.method()`: a name without its `()` at
    // a line's end was broken there (lynx breaks a word longer than the line) and goes on below.
    const raw = rendered.header
      .map((l) => l.text)
      .reduce((text, l) => (/\.Client\.[a-z0-9_]+$/.test(text) && /^[a-z0-9_]*\(/.test(l) ? `${text}${l}` : `${text} ${l}`), '');
    addHelperMethod(page, helper.kind, helper.name, raw, parts, sink);
    return page;
  }
  page.operations.push(assembleOperation(parts, sink));
  return page;
}
