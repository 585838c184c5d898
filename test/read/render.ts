/**
 * A small renderer of boto3 client pages: turns the RST source into the two text styles the
 * HTML site gives when copied — the compact text (seed 001) and the bullet text (seed 003) — so
 * tests can check that all three readers give the same IR for any RST page, and the conformance
 * run can score rendered samples of the whole corpus.
 *
 * What it reproduces (studied on seeds 001/003 against the RST of seed 002 and boto3's pages):
 * - compact: breadcrumb `Client / Client / method`, headings and signature end in `¶`, every
 *   paragraph is one line, syntax blocks are folded onto one line, the Parameters and Response
 *   Structure entries are flattened to `Name (type) –` lines in document order, union notes are
 *   split and glued as the site's text has them, Exceptions are glued without separators;
 * - bullets: no breadcrumb, signature `method(**kwargs)`, paragraphs separated by blank lines,
 *   syntax blocks kept multi-line, entries as `• Name (type) --` indented two columns per level,
 *   a lone parameter unbulleted with its text unindented, notes as a `Note` line and a paragraph.
 * Inline markup becomes plain text with its spacing kept (the seeds' scrapers differ there, and
 * lost spaces cannot be normalised back); doc list items are `- item` (compact) or `• item`.
 * Pages with several `py:method` blocks render their first client method only.
 */
import { buildTree, splitLines, type TextBlock } from '../../generator/read/indent-tree.ts';
import { stripInlineRst } from '../../generator/read/doc-text.ts';
import { parseRstEntryHead } from '../../generator/read/boto3/entries.ts';

/** A piece of documentation under an entry or in the description. */
type Doc =
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'note'; title: string; text: string }
  | { kind: 'union'; wording: string; members: string[]; rest: string; unknownMemberLiteral?: string };

/** A documented parameter or response entry. */
interface Entry {
  name?: string;
  type: string;
  required: boolean;
  docs: Doc[];
  children: Entry[];
}

/** What a boto3 client page says, independent of how it is printed. */
interface PageModel {
  clientName: string;
  method: string;
  description: Doc[];
  seeAlso: boolean;
  requestSyntax?: string[];
  params: Entry[];
  returnType?: string;
  returnsNone: boolean;
  responseSyntax?: string[];
  response?: Entry;
  exceptions: string[];
}

/** Text of a block and its descendants on one line. */
function blockText(block: TextBlock): string {
  const parts = [block.head.text];
  for (const c of block.children) parts.push(blockText(c));
  return parts.join(' ');
}

/** Collapses whitespace and strips inline RST, as the HTML site shows text. */
function plain(text: string): string {
  return stripInlineRst(text).replace(/\s+/g, ' ').trim();
}

/** A union note's parts: wording (`will`/`can`), members, the text after the member list. */
function unionDoc(body: string): Doc {
  const m = /^(.*?(?:will|can) be set:)\s*(.*?)\.(?:\s+(.*))?$/s.exec(body.replace(/\s+/g, ' ').trim());
  const head = m?.[1] ?? body;
  const members = [...(m?.[2] ?? '').matchAll(/``([^`]+)``/g)].map((x) => x[1]!);
  let rest = (m?.[3] ?? '').trim();
  let unknownMemberLiteral: string | undefined;
  const literal = /::\s*('SDK_UNKNOWN_MEMBER'.*)$/.exec(rest);
  if (literal) {
    unknownMemberLiteral = literal[1]!.trim();
    rest = rest.slice(0, literal.index) + ':';
  }
  const doc: Doc = { kind: 'union', wording: head.replace(/\s+/g, ' '), members, rest };
  if (unknownMemberLiteral) doc.unknownMemberLiteral = unknownMemberLiteral;
  return doc;
}

/** Reads documentation blocks (paragraphs, list items, admonitions). */
function docsOf(blocks: readonly TextBlock[]): Doc[] {
  const docs: Doc[] = [];
  for (const block of blocks) {
    const text = block.head.text;
    const admonition = /^\.\.\s+(note|warning|danger|important|tip|caution|attention|seealso)::\s*(.*)$/i.exec(text);
    if (admonition) {
      const body = [admonition[2] ?? '', ...block.children.map(blockText)].join(' ');
      if (/Tagged Union structure/.test(body)) docs.push(unionDoc(body));
      else {
        const title = /^seealso$/i.test(admonition[1]!) ? 'See also' : admonition[1]!.charAt(0).toUpperCase() + admonition[1]!.slice(1).toLowerCase();
        docs.push({ kind: 'note', title, text: plain(body) });
      }
      continue;
    }
    if (text === '::' || /^\.\.\s+code-block::/.test(text)) continue;
    const item = /^[*-]\s+(.*)$/.exec(text);
    const full = plain([item ? item[1]! : text, ...block.children.map(blockText)].join(' '));
    if (!full) continue;
    if (item) docs.push({ kind: 'item', text: full });
    else if (!block.head.blankBefore && docs.length > 0 && docs[docs.length - 1]!.kind === 'paragraph') {
      (docs[docs.length - 1] as { text: string }).text += ` ${full}`;
    } else docs.push({ kind: 'paragraph', text: full });
  }
  return docs;
}

/** Reads an RST entry block (`- **Name** *(type) --*`) with its documentation and nested entries. */
function entryOf(block: TextBlock, name: string | undefined, type: string, rest: string): Entry {
  const required = /\[REQUIRED\]/.test(rest);
  const restText = rest.replace(/\*\*\[REQUIRED\]\*\*|\[REQUIRED\]/, '').trim();
  const docBlocks: TextBlock[] = restText ? [{ head: { ...block.head, text: restText, blankBefore: true }, children: [] }] : [];
  const children: Entry[] = [];
  for (const child of block.children) {
    const head = parseRstEntryHead(child.head.text);
    if (head) children.push(entryOf(child, head.name, head.type, head.rest));
    else docBlocks.push(child);
  }
  const entry: Entry = { type: plain(type), required, docs: docsOf(docBlocks), children };
  if (name !== undefined) entry.name = name;
  return entry;
}

/** The lines of the `::` literal block after a heading, dedented. */
function literalLines(marker: TextBlock | undefined): string[] | undefined {
  if (!marker || marker.head.text !== '::') return undefined;
  const lines: { indent: number; text: string }[] = [];
  const pending = [...marker.children].reverse();
  while (pending.length > 0) {
    const b = pending.pop()!;
    lines.push({ indent: b.head.indent, text: b.head.text });
    for (let i = b.children.length - 1; i >= 0; i--) pending.push(b.children[i]!);
  }
  const base = Math.min(...lines.map((l) => l.indent));
  return lines.map((l) => ' '.repeat(l.indent - base) + l.text);
}

/** Reads the first client `py:method` of an RST page into a {@link PageModel}. */
function modelOf(rst: string): PageModel {
  const lines = splitLines(rst);
  const start = lines.findIndex((l) => /^\.\. py:method:: [\w.]*Client\.\w+\(/.test(l.text));
  if (start < 0) throw new Error('render: no ".. py:method:: X.Client.method(...)" in the page');
  const [method] = buildTree(lines.slice(start));
  const signature = /Client\.(\w+)\(/.exec(method!.head.text)!;
  const clientName = /py:method:: (\w+)\./.exec(method!.head.text)![1]!;
  const model: PageModel = { clientName, method: signature[1]!, description: [], seeAlso: false, params: [], returnsNone: false, exceptions: [] };
  const descriptionBlocks: TextBlock[] = [];
  const types = new Map<string, string>();
  let inSections = false;
  const body = method!.children;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    const text = b.head.text;
    if (text === '**Request Syntax**') {
      inSections = true;
      model.requestSyntax = literalLines(body[++i]);
      continue;
    }
    const type = /^:type\s+([^:]+):\s*(.*)$/.exec(text);
    if (type) {
      types.set(type[1]!.trim(), type[2]!.trim());
      continue;
    }
    const param = /^:param\s+([^:]+):\s*(.*)$/.exec(text);
    if (param) {
      const name = param[1]!.trim();
      model.params.push(entryOf(b, name, types.get(name) ?? '', param[2]!));
      continue;
    }
    const rtype = /^:rtype:\s*(.*)$/.exec(text);
    if (rtype) {
      model.returnType = rtype[1]!.trim();
      continue;
    }
    const returns = /^:returns:\s*(.*)$/.exec(text);
    if (returns) {
      if (returns[1]!.trim() === 'None') model.returnsNone = true;
      const inner = b.children;
      for (let j = 0; j < inner.length; j++) {
        if (inner[j]!.head.text === '**Response Syntax**') model.responseSyntax = literalLines(inner[++j]);
        else if (inner[j]!.head.text === '**Response Structure**') {
          const root = inner[++j];
          const head = root && parseRstEntryHead(root.head.text);
          if (root && head) model.response = entryOf(root, head.name, head.type, head.rest);
        }
      }
      continue;
    }
    if (text === '**Exceptions**') {
      for (; i + 1 < body.length && /^\*\s+/.test(body[i + 1]!.head.text); i++) {
        const name = /exceptions\.(\w+)/.exec(body[i + 1]!.head.text)?.[1];
        if (name) model.exceptions.push(name);
      }
      continue;
    }
    if (inSections) continue;
    if (/^See also:/.test(text)) {
      model.seeAlso = true;
      continue;
    }
    descriptionBlocks.push(b);
  }
  model.description = docsOf(descriptionBlocks);
  return model;
}

/** Appends lines to a rendering. */
class Printer {
  readonly lines: string[] = [];
  line(text: string, indent = 0): void {
    this.lines.push(text === '' ? '' : ' '.repeat(indent) + text);
  }
  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }
  get text(): string {
    return `${this.lines.join('\n').replace(/\n+$/, '')}\n`;
  }
}

/** The fully-qualified exception names, as both renderings print them. */
function exceptionNames(model: PageModel): string[] {
  return model.exceptions.map((e) => `${model.clientName}.Client.exceptions.${e}`);
}

/** Compact: documentation, one line per paragraph. */
function compactDocs(out: Printer, docs: readonly Doc[]): void {
  for (const d of docs) {
    if (d.kind === 'paragraph') out.line(d.text);
    else if (d.kind === 'item') out.line(`- ${d.text}`);
    else if (d.kind === 'note') {
      out.line(d.title);
      out.line(d.text);
    } else {
      // As the site's text gives it: the member list on the next line, inline code glued.
      out.line('Note');
      out.line(plain(d.wording));
      const rest = d.rest.replace(/\s*``([^`]+)``\s*/g, '$1');
      out.line(`${d.members.join(',')}.${rest ? ` ${plain(rest)}` : ''}${d.unknownMemberLiteral ?? ''}`);
    }
  }
}

/** Compact: one entry and, flattened after it, its nested entries. */
function compactEntries(out: Printer, entries: readonly Entry[]): void {
  const pending = [...entries].reverse();
  while (pending.length > 0) {
    const e = pending.pop()!;
    out.line(`${e.name !== undefined ? `${e.name} ` : ''}(${e.type}) \u2013`);
    if (e.required) out.line('[REQUIRED]');
    compactDocs(out, e.docs);
    for (let i = e.children.length - 1; i >= 0; i--) pending.push(e.children[i]!);
  }
}

/** One-line syntax, as the compact rendering folds it. */
function foldSyntax(lines: readonly string[]): string {
  return lines.map((l) => l.trim()).join(' ');
}

/** Renders a boto3 RST client page as the compact text of the HTML site (seed 001's style). */
export function renderCompact(rst: string): string {
  const m = modelOf(rst);
  const out = new Printer();
  out.line(`${m.clientName} / Client / ${m.method}`);
  out.line(`${m.method}\u00b6`);
  out.line(`- ${m.clientName}.Client.${m.method}(**kwargs)\u00b6`);
  compactDocs(out, m.description);
  if (m.seeAlso) out.line('See also: AWS API Documentation');
  if (m.requestSyntax) {
    out.line('Request Syntax');
    out.line(foldSyntax(m.requestSyntax));
  }
  if (m.params.length > 0) {
    out.line('- Parameters:');
    compactEntries(out, m.params);
  }
  if (m.returnType) {
    out.line('- Return type:');
    out.line(m.returnType);
  }
  out.line('- Returns:');
  if (m.returnsNone) out.line('None');
  if (m.responseSyntax) {
    out.line('Response Syntax');
    out.line(foldSyntax(m.responseSyntax));
  }
  if (m.response) {
    out.line('Response Structure');
    compactEntries(out, [m.response]);
  }
  if (m.exceptions.length > 0) {
    out.line('Exceptions');
    out.line(exceptionNames(m).join(''));
  }
  return out.text;
}

/** Bullets: documentation at `indent`, paragraphs separated by blank lines. */
function bulletDocs(out: Printer, docs: readonly Doc[], indent: number): void {
  for (const d of docs) {
    if (d.kind === 'item') {
      out.line(`\u2022 ${d.text}`, indent);
      continue;
    }
    out.blank();
    if (d.kind === 'paragraph') out.line(d.text, indent);
    else if (d.kind === 'note') {
      out.line(d.title, indent);
      out.blank();
      out.line(d.text, indent);
    } else {
      out.line('Note', indent);
      out.blank();
      out.line(`${plain(d.wording)} ${d.members.join(', ')}.${d.rest ? ` ${plain(d.rest)}` : ''}`, indent);
      if (d.unknownMemberLiteral) {
        out.blank();
        out.line(d.unknownMemberLiteral, indent + 2);
      }
    }
    out.blank();
  }
}

/** Bullets: an entry `• Name (type) --` at `indent`, its text and nested entries two columns in. */
function bulletEntry(out: Printer, e: Entry, indent: number, bullet: boolean): void {
  out.line(`${bullet ? '\u2022 ' : ''}${e.name !== undefined ? `${e.name} ` : ''}(${e.type}) --`, indent);
  // A lone parameter (no bullet) keeps its text unindented, as Sphinx renders a one-item field.
  const inner = bullet ? indent + 2 : indent;
  if (e.required) {
    out.blank();
    out.line('[REQUIRED]', inner);
    out.blank();
  }
  bulletDocs(out, e.docs, inner);
  for (const c of e.children) bulletEntry(out, c, bullet ? inner : inner + 2, true);
}

/** Renders a boto3 RST client page as the bullet text of the HTML site (seed 003's style). */
export function renderBullets(rst: string): string {
  const m = modelOf(rst);
  const out = new Printer();
  out.line(m.method);
  out.blank();
  out.line(`${m.method}(**kwargs)`);
  out.blank();
  bulletDocs(out, m.description, 0);
  if (m.seeAlso) {
    out.line('See also: AWS API Documentation');
    out.blank();
  }
  if (m.requestSyntax) {
    out.line('Request Syntax');
    out.blank();
    for (const l of m.requestSyntax) out.line(l);
  }
  if (m.params.length > 0) {
    out.line('Parameters');
    if (m.params.length === 1) bulletEntry(out, m.params[0]!, 0, false);
    else for (const p of m.params) bulletEntry(out, p, 2, true);
    out.blank();
  }
  if (m.returnType) {
    out.line('Return type');
    out.line(m.returnType);
  }
  out.line('Returns');
  if (m.returnsNone) out.line('None');
  if (m.responseSyntax) {
    out.line('Response Syntax');
    for (const l of m.responseSyntax) out.line(l);
    out.blank();
  }
  if (m.response) {
    out.line('Response Structure');
    out.blank();
    bulletEntry(out, m.response, 2, true);
    out.blank();
  }
  if (m.exceptions.length > 0) {
    out.line('Exceptions');
    out.blank();
    for (const e of exceptionNames(m)) out.line(`\u2022 ${e}`, 2);
  }
  return out.text;
}
