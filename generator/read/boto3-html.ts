/**
 * Reader for boto3 client pages as HTML, the way Sphinx writes them (any theme: furo, alabaster …),
 * parsed with `rehype-parse` into a hast tree. The page's structure is Sphinx's own: a
 * `<dl class="py method">` per documented method (inside `<dl class="py class">` on whole-service
 * pages), its signature in the `<dt>` (whose `id` is the qualified name), its body in the `<dd>`:
 * description paragraphs, `<h3>` headings (botocore's translator turns the RST's bold-only
 * paragraphs into headings), a field list for Parameters / Return type / Returns, and entries as
 * nested `<ul><li>`. Each part is read from that structure into the same {@link Boto3OperationParts}
 * the RST reader finds, and assembled the same way (`boto3/assemble.ts`).
 *
 * A page cut short is an HTML document whose open elements run to its end without their end tags:
 * the section the page ends inside is `cut`, the sections after it `missing`, and what precedes the
 * cut is read as usual.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { DiagnosticSink } from '../diagnostics.ts';
import type { ReadOperation, ReadPage, SkippedSection } from '../ir/input.ts';
import type { SectionGap } from '../ir/model.ts';
import { docLink } from '../ir/links.ts';
import { SERVICE_ID } from '../ir/naming.ts';
import { assembleOperation } from './boto3/assemble.ts';
import { classKind, hideSection as hide, methodTarget, reportsSkippedMethod } from './boto3/directives.ts';
import { DocCollector, type EntryHead } from './boto3/entries.ts';
import { addHelperMethod, helperClassOf } from './boto3/helper-classes.ts';
import { isPlaceholder, type Boto3OperationParts, type DocEntry, type LocatedText } from './boto3/parts.ts';
import { parseTextEntryHead, splitSwallowedSections } from './boto3/rendered.ts';
import { foldWhitespace } from './doc-text.ts';
import type { TextBlock } from './indent-tree.ts';

/** A Sphinx Python object description: `<dl class="py method">` (older Sphinx: `<dl class="method">`). */
const PY_DL = /<dl\s+class="(?:py\s+)?(?:method|class|attribute|function)"/;

/** Whether text is a boto3 page as Sphinx HTML: an HTML document holding a Python object description. */
export function isBoto3Html(text: string): boolean {
  return /<(?:!doctype\s+html|html)[\s>]/i.test(text.slice(0, 4096)) && PY_DL.test(text);
}

/** Elements nested deeper than this are not followed: readers of the tree recurse over it. */
const MAX_DEPTH = 256;

/** Element nesting the reader follows; Sphinx pages of boto3 nest a few dozen levels (mediaconvert's ~60). */
const MAX_ELEMENT_DEPTH = 1000;

/** Elements without content, and so without an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * The offset of the tag that opens an element `max` levels deep, if any: a scan of start and end
 * tags (an upper bound of the parser's depth, as end tags a page omits are not subtracted).
 */
function tooDeepAt(text: string, max: number): number | undefined {
  const tag = /<(\/?)([A-Za-z][\w-]*)[^>]*?(\/?)>|<!--[\s\S]*?-->/g;
  let depth = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const name = m[2]?.toLowerCase();
    if (!name || VOID.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) return m.index;
  }
  return undefined;
}

/** The 1-based line of an offset. */
function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The roles of a Python object description, as its `<dl>` class names them. */
type PyRole = 'method' | 'class' | 'attribute' | 'function' | 'property' | 'exception' | 'data';

const ROLES: readonly PyRole[] = ['method', 'class', 'attribute', 'function', 'property', 'exception', 'data'];

function classes(el: Element): string[] {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

function hasClass(el: Element, name: string): boolean {
  return classes(el).includes(name);
}

function isElement(node: RootContent | ElementContent | Root | undefined, tag?: string): node is Element {
  return node?.type === 'element' && (tag === undefined || node.tagName === tag);
}

/** Element children of a node. */
function elementsOf(node: Element | Root): Element[] {
  return (node.children as (RootContent | ElementContent)[]).filter((c): c is Element => c.type === 'element');
}

/** The text of a node, as its source has it (whitespace kept): what a `<pre>` shows. */
function rawText(node: Element | Root | ElementContent): string {
  let out = '';
  const pending: (Element | Root | ElementContent)[] = [node];
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element' || n.type === 'root') {
      for (let i = n.children.length - 1; i >= 0; i--) pending.push(n.children[i] as ElementContent);
    }
  }
  return out;
}

/** The text of a node as one paragraph: whitespace folded. */
function textOf(node: Element | ElementContent): string {
  return foldWhitespace(rawText(node));
}

/**
 * The text of a node as documentation: {@link rawText}, but an external link (`<a class="reference
 * external" href>`, an RST hyperlink) in the documentation's link form (`[text](url)`, or its text
 * when either is unsafe: `generator/ir/links.ts`), as the RST reader reads the source's link.
 */
function docRawText(node: Element | ElementContent, depth = 0): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'a' && hasClass(node, 'external') && typeof node.properties?.href === 'string') {
    return docLink(foldWhitespace(rawText(node)), node.properties.href);
  }
  if (depth >= MAX_DEPTH) return rawText(node);
  let out = '';
  for (const c of node.children) out += docRawText(c, depth + 1);
  return out;
}

/** {@link docRawText} as one paragraph: whitespace folded. */
function docTextOf(node: Element | ElementContent): string {
  return foldWhitespace(docRawText(node));
}

/**
 * The text of a block and what it nests as one paragraph, nested list items marked `* ` and
 * literal blocks left out: how the RST reader folds a list item's or a note's nested lines.
 */
function flowText(el: Element, depth = 0): string {
  const parts: string[] = [];
  let inline = '';
  for (const c of el.children) {
    if (c.type === 'element' && (c.tagName === 'pre' || classes(c).some((k) => k.startsWith('highlight')))) continue;
    if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol') && depth < MAX_DEPTH) {
      parts.push(inline);
      inline = '';
      for (const li of elementsOf(c)) if (li.tagName === 'li') parts.push(`* ${flowText(li, depth + 1)}`);
      continue;
    }
    if (c.type === 'element' && /^(p|div|blockquote|dl|dt|dd)$/.test(c.tagName) && depth < MAX_DEPTH) {
      parts.push(inline, flowText(c, depth + 1));
      inline = '';
      continue;
    }
    inline += docRawText(c);
  }
  parts.push(inline);
  return foldWhitespace(parts.map(foldWhitespace).filter((p) => p).join(' '));
}

/** Line of a node on the page. */
function lineOf(node: Element | ElementContent | undefined, fallback = 1): number {
  return node?.position?.start.line ?? fallback;
}

/** A section of a method body, named as the page heads it. */
type Section = 'Request Syntax' | 'Parameters' | 'Return type' | 'Returns' | 'Response Syntax' | 'Response Structure' | 'Exceptions';

const HEADINGS: ReadonlySet<string> = new Set<Section>(['Request Syntax', 'Parameters', 'Return type', 'Returns', 'Response Syntax', 'Response Structure', 'Exceptions']);

/** One piece of a method body in page order: a section heading, or a block of content. */
type BodyItem = { heading: Section; at: Element } | { block: Element };

/** Reads one HTML page: its tree, where it breaks off, and what it says. */
class HtmlPage {
  readonly page: ReadPage;
  readonly sink: DiagnosticSink;

  constructor(
    private text: string,
    file: string,
  ) {
    this.sink = new DiagnosticSink(file);
    this.page = { file, format: 'boto3-html', service: { provider: 'aws' }, operations: [], skipped: [], diagnostics: this.sink.items };
  }

  /**
   * Whether the page ends inside `el`: the element reaches the end of the input without its end
   * tag (the parser closed it there). Elements whose end tag HTML lets a page omit (`</li>`,
   * `</p>`) end where the next one starts, so only a page broken off makes this true.
   */
  endsInside(el: Element): boolean {
    const end = el.position?.end.offset;
    if (end === undefined || end < this.contentEnd) return false;
    return !new RegExp(`</${el.tagName}\\s*>\\s*$`, 'i').test(this.text.slice(0, end));
  }

  /** Where the parsed content ends: a tag the input breaks off inside is not content. */
  private contentEnd = 0;

  read(): ReadPage {
    // The HTML-to-hast step recurses once per element level: a page nested past what any Sphinx
    // page nests is read up to that point, and the rest reported.
    const deep = tooDeepAt(this.text, MAX_ELEMENT_DEPTH);
    if (deep !== undefined) {
      this.sink.error(lineAtOffset(this.text, deep), `elements nested deeper than ${MAX_ELEMENT_DEPTH} levels: expected a shallower page; the rest of the page is left out`);
      this.text = this.text.slice(0, deep);
    }
    const tree = unified().use(rehypeParse).parse(this.text);
    this.contentEnd = contentEndOf(tree);
    this.readBreadcrumb(tree);
    const descriptions = this.descriptions(tree);
    for (const dl of descriptions) this.readDescription(dl, undefined);
    if (descriptions.length === 0) {
      this.sink.error(1, 'no Python object description (<dl class="py method">) of a boto3 client found: expected the HTML of a boto3 client page');
    }
    return this.page;
  }

  /** The outermost object descriptions, in page order (those nested in another are read through it). */
  private descriptions(root: Root): Element[] {
    const found: Element[] = [];
    const pending: [Element | Root, number][] = [[root, 0]];
    while (pending.length > 0) {
      const [node, depth] = pending.pop()!;
      if (node.type === 'element' && roleOf(node)) {
        found.push(node);
        continue;
      }
      if (depth >= MAX_DEPTH) continue;
      const children = elementsOf(node);
      for (let i = children.length - 1; i >= 0; i--) pending.push([children[i]!, depth + 1]);
    }
    return found;
  }

  /**
   * The breadcrumb `Service / Client / method`: the first paragraph that opens with a link to a
   * document. Its text names the client; its target's last segment is the service id.
   */
  private readBreadcrumb(root: Root): void {
    const pending: (Element | Root)[] = [root];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (isElement(node as Element, 'p')) {
        const p = node as Element;
        const first = p.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
        if (isElement(first, 'a') && elementsOf(first).some((e) => hasClass(e, 'doc')) && /^\S+ \/ /.test(textOf(p))) {
          this.page.service.clientName = textOf(first);
          const href = String(first.properties?.href ?? '').replace(/[#?].*$/, '').replace(/\.html?$/, '');
          const target = href.split('/').filter((s) => s && s !== '..');
          const id = target[target.length - 1];
          if (id !== undefined && SERVICE_ID.test(id)) this.page.service.id = id;
          else if (id !== undefined) {
            this.sink.error(lineOf(p), `breadcrumb link <${href.slice(0, 80)}> does not end in a service id: expected lowercase letters, digits and "-" (${SERVICE_ID.source})`);
          }
          return;
        }
        continue;
      }
      const children = elementsOf(node);
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
    }
  }

  /** Reads one object description as the RST reader reads its directive (see boto3-rst.ts). */
  private readDescription(dl: Element, enclosingClass: string | undefined): void {
    const role = roleOf(dl)!;
    const dt = elementsOf(dl).find((e) => e.tagName === 'dt');
    const dd = elementsOf(dl).find((e) => e.tagName === 'dd');
    const line = lineOf(dt ?? dl);
    if (!dt || (this.endsInside(dt) && !dd)) {
      this.sink.error(line, `<dl class="py ${role}"> without its whole signature: the page ends inside it (a page cut short?)`);
      return;
    }
    const target = targetOf(dt);
    if (role === 'class') {
      const kind = classKind(target);
      // Paginators and waiters are read by their paginate()/wait() method, as the RST reader reads them.
      const helper = helperClassOf(target);
      if (kind !== 'client' && !(helper && helper.kind !== 'exception')) this.skip(kind, target, line);
      const before = this.page.operations.length + this.page.skipped.length;
      for (const child of dd ? memberDescriptions(dd) : []) this.readDescription(child, target);
      if (kind === 'client' && this.page.operations.length + this.page.skipped.length === before) this.skip('index', target, line);
      return;
    }
    if (role !== 'method') {
      this.skip('resource', target, line);
      return;
    }
    const { qualified, method, clientName, kind } = methodTarget(target, enclosingClass);
    const helper = helperClassOf(qualified);
    if (helper && helper.kind !== 'exception') {
      this.readHelperMethod(dl, dd, helper.kind, helper.name, line);
      return;
    }
    if (kind !== 'client') {
      if (reportsSkippedMethod(enclosingClass)) this.skip(kind, qualified, line);
      return;
    }
    const body = dd ? bodyItems(dd) : [];
    // The page ends inside the method: what it shows is read, and what it never reached is missing.
    const cut = this.endsInside(dl);
    // Client helpers (can_paginate, get_waiter …) have no Request Syntax: not operations. An
    // operation's page may end before it, but only a signature `(**kwargs)` is an operation's.
    if (!body.some((i) => 'heading' in i && i.heading === 'Request Syntax') && !(cut && /\(\*\*kwargs\)/.test(textOf(dt)))) {
      this.skip('other', qualified, line);
      return;
    }
    const parts = this.readMethodBody(body, method, line, cut);
    parts.clientName = clientName;
    this.page.service.clientName ??= clientName;
    if (parts.seeAlso) this.page.service.apiVersion ??= parts.seeAlso.apiVersion;
    const operation: ReadOperation = assembleOperation(parts, this.sink);
    this.page.operations.push(operation);
  }

  /**
   * A Paginator's paginate() or a Waiter's wait(): its body read as a client method's, then as what
   * it documents (boto3/helper-classes.ts); its description (before the Request Syntax) names the
   * operation and, for a waiter, the delay and attempts.
   */
  private readHelperMethod(dl: Element, dd: Element | undefined, kind: 'paginator' | 'waiter', name: string, line: number): void {
    const body = dd ? bodyItems(dd) : [];
    const parts = this.readMethodBody(body, kind === 'paginator' ? 'paginate' : 'wait', line, this.endsInside(dl));
    const until = body.findIndex((i) => 'heading' in i);
    const raw = (until < 0 ? body : body.slice(0, until)).map((i) => ('block' in i ? textOf(i.block) : '')).join(' ');
    addHelperMethod(this.page, kind, name, raw, parts, this.sink);
  }

  private skip(kind: SkippedSection['kind'], name: string, line: number): void {
    this.page.skipped.push({ kind, name, source: { file: this.sink.file, line } });
  }

  /** Reads the body of one client method into the parts of an operation. */
  private readMethodBody(body: readonly BodyItem[], method: string, line: number, cut: boolean): Boto3OperationParts {
    const parts: Boto3OperationParts = { method, documentation: '', params: [], exceptions: [], line };
    const description = new DocCollector({ deprecation: true, inline: plainText });
    const seen = new Set<Section>();
    let section: Section | undefined;
    let last: Section | undefined;
    let lastLine = line;
    const paramBlocks: Element[] = [];
    for (const item of body) {
      if ('heading' in item) {
        section = item.heading;
        last = section;
        lastLine = lineOf(item.at, lastLine);
        if (section !== 'Parameters' && section !== 'Response Structure') seen.add(section);
        continue;
      }
      const block = item.block;
      lastLine = lineOf(block, lastLine);
      switch (section) {
        case undefined: {
          const seeAlso = seeAlsoOf(block);
          if (seeAlso) parts.seeAlso = seeAlso;
          else if (!/^See also:/.test(textOf(block))) for (const b of docBlocks(block)) description.add(b);
          break;
        }
        case 'Request Syntax':
        case 'Response Syntax': {
          const found = literalOf(block);
          if (!found || (section === 'Request Syntax' ? parts.requestSyntax : parts.responseSyntax)) break;
          const { literal, swallowed } = splitSwallowedSections(found);
          if (isPlaceholder(literal.text)) hide(parts, section);
          else if (section === 'Request Syntax') parts.requestSyntax = literal;
          else parts.responseSyntax = literal;
          for (const s of swallowed) {
            if (!s.placeholder) continue;
            hide(parts, s.section);
            if (s.section === 'Parameters' || s.section === 'Response Structure') seen.add(s.section);
          }
          break;
        }
        case 'Parameters': {
          const literal = literalOf(block);
          if (literal && isPlaceholder(literal.text)) {
            seen.add('Parameters');
            hide(parts, 'Parameters');
          } else if (!literal && !parts.gaps?.some((g) => g.section === 'Parameters')) {
            // After a placeholder only its "AWS API Documentation" link follows.
            paramBlocks.push(block);
          }
          break;
        }
        case 'Return type':
          if (parts.returnType === undefined && textOf(block)) parts.returnType = textOf(block);
          break;
        case 'Returns':
          // An operation without output: its Returns field says `None` (and it may have no Return type).
          if (parts.returnType === undefined && textOf(block) === 'None') parts.returnType = 'None';
          break;
        case 'Response Structure': {
          const literal = literalOf(block);
          if (literal && isPlaceholder(literal.text)) {
            seen.add('Response Structure');
            hide(parts, 'Response Structure');
          } else if (!parts.response && block.tagName === 'ul') {
            const items = elementsOf(block).filter((e) => e.tagName === 'li');
            const [root, ...extra] = items;
            const head = root ? entryHeadOf(elementsOf(root)) : undefined;
            if (root && head) {
              parts.response = this.readEntry(elementsOf(root), head);
              seen.add('Response Structure');
            }
            for (const e of extra) this.sink.error(lineOf(e), 'Response Structure: expected one root entry "(dict) --"; this entry is outside it');
          }
          break;
        }
        case 'Exceptions':
          for (const li of block.tagName === 'ul' ? elementsOf(block).filter((e) => e.tagName === 'li') : []) {
            const name = /exceptions\.([A-Za-z0-9_]+)$/.exec(textOf(li))?.[1];
            // The last name of a page that ends inside it may be cut: it is not claimed.
            if (name && !(cut && this.endsInside(li))) parts.exceptions.push(name);
          }
          break;
      }
    }
    if (paramBlocks.length > 0) {
      parts.params = this.readParameters(paramBlocks);
      seen.add('Parameters');
    }
    parts.documentation = description.text;
    if (description.deprecationMessage) parts.deprecationMessage = description.deprecationMessage;
    this.checkSections(parts, seen, cut ? last : undefined, lastLine);
    return parts;
  }

  /**
   * The Parameters field: a list with one entry per parameter, or — Sphinx's rendering of a lone
   * parameter — the entry's own blocks, its head first.
   */
  private readParameters(blocks: readonly Element[]): DocEntry[] {
    const [first] = blocks;
    if (blocks.length === 1 && first!.tagName === 'ul') {
      const items = elementsOf(first!).filter((e) => e.tagName === 'li');
      if (items.every((li) => entryHeadOf(elementsOf(li)))) {
        return items.map((li) => this.readEntry(elementsOf(li), entryHeadOf(elementsOf(li))!));
      }
    }
    const head = entryHeadOf(blocks);
    if (!head) {
      this.sink.error(lineOf(first), `Parameters: unrecognised text "${textOf(first!).slice(0, 60)}": expected an entry "Name (type) --"`);
      return [];
    }
    return [this.readEntry(blocks, head)];
  }

  /**
   * Reads one entry from its blocks (the `<li>`'s children): the head paragraph, then nested entry
   * lists, `[REQUIRED]`, documentation and notes.
   */
  private readEntry(blocks: readonly Element[], head: EntryHead, depth = 0): DocEntry {
    const docs = new DocCollector({ inline: plainText });
    let required = /\[REQUIRED\]/.test(head.rest);
    const restText = head.rest.replace(/\[REQUIRED\]/, '').trim();
    const line = lineOf(blocks[0]);
    if (restText) docs.add(paragraph(restText, line));
    const children: DocEntry[] = [];
    let first = !restText;
    for (const block of blocks.slice(1)) {
      // `[REQUIRED]` opens the entry's text: the head's rest, or Sphinx's paragraph after the head.
      const opensRequired = first && block.tagName === 'p' && /^\[REQUIRED\]\s/.test(textOf(block));
      first = false;
      if (opensRequired) {
        required = true;
        docs.add(paragraph(docTextOf(block).replace(/^\[REQUIRED\]\s*/, ''), lineOf(block)));
        continue;
      }
      if ((block.tagName === 'ul' || block.tagName === 'ol') && depth < MAX_DEPTH) {
        const items = elementsOf(block).filter((e) => e.tagName === 'li');
        const heads = items.map((li) => entryHeadOf(elementsOf(li)));
        if (items.length > 0 && heads.every((h) => h !== undefined)) {
          items.forEach((li, i) => children.push(this.readEntry(elementsOf(li), heads[i]!, depth + 1)));
          continue;
        }
      }
      if (textOf(block) === '[REQUIRED]') {
        required = true;
        continue;
      }
      for (const b of docBlocks(block)) docs.add(b);
    }
    const entry: DocEntry = { type: head.type, required, documentation: docs.text, children, line };
    if (head.name !== undefined) entry.name = head.name;
    if (docs.unionMembers) entry.unionMembers = docs.unionMembers;
    if (docs.idempotencyToken) entry.idempotencyToken = true;
    return entry;
  }

  /**
   * Reports and records the sections a client method must have but this page lacks; on a page cut
   * short, the section it ends inside is `cut` and every section it never reached `missing`.
   */
  private checkSections(parts: Boto3OperationParts, seen: Set<Section>, cutIn: Section | undefined, lastLine: number): void {
    const gaps = (parts.gaps ??= []);
    const has = (section: string) => gaps.some((g) => g.section === section);
    const add = (gap: SectionGap) => {
      if (!has(gap.section)) gaps.push(gap);
    };
    if (cutIn) add({ section: cutIn, state: 'cut' });
    const missing: string[] = [];
    if (!seen.has('Request Syntax')) missing.push('Request Syntax');
    if (!seen.has('Return type') && !seen.has('Returns')) missing.push('Return type');
    if (parts.returnType === 'dict' && !parts.response && !has('Response Structure')) missing.push('Response Structure');
    if (parts.returnType === 'dict' && !parts.responseSyntax && !has('Response Syntax')) missing.push('Response Syntax');
    for (const section of missing) add({ section, state: 'missing' });
    if (cutIn !== undefined && !seen.has('Exceptions')) add({ section: 'Exceptions', state: 'missing' });
    if (missing.length > 0) {
      this.sink.error(lastLine, `${parts.method}: page ends without its ${missing.join(', ')} section${missing.length > 1 ? 's' : ''}`);
    } else if (cutIn !== undefined) {
      this.sink.error(lastLine, `${parts.method}: page ends inside its ${cutIn} section (a page cut short?)`);
    }
    if (gaps.length === 0) delete parts.gaps;
  }
}

/**
 * The largest end offset of any node below the root (the root spans the whole input, a tag it
 * breaks off inside too). Iterative: trees can be deep.
 */
function contentEndOf(root: Root): number {
  let end = 0;
  const pending: (RootContent | ElementContent)[] = [...root.children];
  while (pending.length > 0) {
    const node = pending.pop()!;
    end = Math.max(end, node.position?.end.offset ?? 0);
    if ('children' in node) for (const c of node.children) pending.push(c);
  }
  return end;
}

/** The role of an object description `<dl>`, if it is one. */
function roleOf(el: Element): PyRole | undefined {
  if (el.tagName !== 'dl') return undefined;
  const c = classes(el);
  if (c.includes('field-list') || c.includes('simple')) return undefined;
  return ROLES.find((r) => c.includes(r));
}

/** The qualified name a signature `<dt>` documents: its `id`, else its text up to the arguments. */
function targetOf(dt: Element): string {
  const id = dt.properties?.id;
  if (typeof id === 'string' && id) return id;
  return textOf(dt)
    .replace(/^(class|exception|property|method)\s+/, '')
    .replace(/\(.*$/, '')
    .replace(/[#¶]$/, '')
    .trim();
}

/** The heading an element is, if it is a method-body section heading (`<h3>`, or a field-list `<dt>`). */
function headingOf(el: Element): Section | undefined {
  if (!/^(h[1-6]|dt|p)$/.test(el.tagName) || hasClass(el, 'admonition-title')) return undefined;
  if (el.tagName === 'p' && !(el.children.length === 1 && isElement(el.children[0], 'strong'))) return undefined;
  const text = textOf(el).replace(/:$/, '').trim();
  return HEADINGS.has(text) ? (text as Section) : undefined;
}

/**
 * A method body in page order: field lists are opened (each `<dt>` a heading, its `<dd>`'s
 * children blocks), so that headings the HTML parser moved out of a paragraph and headings inside
 * the Returns field come in the order the page shows them.
 */
function bodyItems(dd: Element): BodyItem[] {
  const items: BodyItem[] = [];
  const visit = (children: readonly Element[], depth: number) => {
    for (const el of children) {
      if (el.tagName === 'dl' && hasClass(el, 'field-list') && depth < 4) {
        for (const part of elementsOf(el)) {
          if (part.tagName === 'dt') {
            const heading = headingOf(part);
            if (heading) items.push({ heading, at: part });
          } else if (part.tagName === 'dd') visit(elementsOf(part), depth + 1);
        }
        continue;
      }
      // boto3 writes its placeholders at a fixed indent, deeper than the body: a block quote the
      // sections then fall into is opened, as the RST reader hoists those sections.
      if (isPlainContainer(el) && depth < 4 && holdsHeading(el)) {
        visit(elementsOf(el), depth + 1);
        continue;
      }
      const heading = headingOf(el);
      if (heading) items.push({ heading, at: el });
      else if (!(el.tagName === 'p' && textOf(el) === '')) items.push({ block: el });
    }
  };
  visit(elementsOf(dd), 0);
  return items;
}

/**
 * The object descriptions a class's `<dd>` holds: its children, and those inside a plain container.
 * A line docutils takes as ending the class's body (a U+2028 in a description: Python's line break)
 * leaves what follows it in a block quote (ECR's LifecyclePolicyPreviewComplete waiter: its wait()).
 */
function memberDescriptions(dd: Element, depth = 0): Element[] {
  return elementsOf(dd).flatMap((c) => (roleOf(c) ? [c] : isPlainContainer(c) && depth < 4 ? memberDescriptions(c, depth + 1) : []));
}

/** A block quote, or a `<div>` without a class: a container with no meaning of its own. */
function isPlainContainer(el: Element): boolean {
  return el.tagName === 'blockquote' || (el.tagName === 'div' && classes(el).length === 0);
}

/** Whether a plain container holds a section heading among its children (through plain containers). */
function holdsHeading(el: Element, depth = 0): boolean {
  return elementsOf(el).some((c) => headingOf(c) !== undefined || (isPlainContainer(c) && depth < 4 && holdsHeading(c, depth + 1)));
}

/** The head of an entry: its first block, a paragraph `Name (type) – text`. */
function entryHeadOf(blocks: readonly Element[]): EntryHead | undefined {
  const first = blocks[0];
  if (!first || first.tagName !== 'p') return undefined;
  return parseTextEntryHead(docTextOf(first));
}

/** The "See also: AWS API Documentation" paragraph's link target, as the RST's link gives it. */
function seeAlsoOf(block: Element): Boto3OperationParts['seeAlso'] {
  if (block.tagName !== 'p' || !/^See also:/.test(textOf(block))) return undefined;
  const link = elementsOf(block).find((e) => e.tagName === 'a');
  const href = String(link?.properties?.href ?? '');
  const m = /goto\/WebAPI\/(?<service>[a-z0-9][a-z0-9-]*?)-(?<version>\d{4}-\d{2}-\d{2})\/(?<operation>[A-Za-z0-9_]+)$/.exec(href);
  if (!m?.groups) return undefined;
  return { serviceId: m.groups.service!, apiVersion: m.groups.version!, operation: m.groups.operation! };
}

/** A literal block (`<pre>`, or the `<div class="highlight">` around one): its text and line. */
function literalOf(block: Element): LocatedText | undefined {
  let pre: Element | undefined = block;
  for (let depth = 0; pre && pre.tagName !== 'pre' && depth < 4; depth++) pre = elementsOf(pre)[0];
  if (!pre || pre.tagName !== 'pre') return undefined;
  const text = rawText(pre).replace(/\n$/, '');
  const firstText = pre.children.find((c) => c.type === 'text' || (c.type === 'element' && rawText(c) !== ''));
  // Pygments starts the block with an empty <span>: the literal's first line is the first text's.
  return { text, line: lineOf(firstText, lineOf(pre)) };
}

/** HTML text is plain already: no inline markup to remove. */
function plainText(text: string): string {
  return text;
}

/** A paragraph block for a {@link DocCollector}. */
function paragraph(text: string, line: number): TextBlock {
  return { head: { text, indent: 0, line, blankBefore: true }, children: [] };
}

const ADMONITIONS = ['note', 'warning', 'danger', 'important', 'tip', 'caution', 'attention', 'seealso'];

/**
 * Documentation blocks of an element for a {@link DocCollector}, in the forms it reads: a
 * paragraph per `<p>`, `- item` per list item, `.. note:: body` per admonition; literal blocks
 * (code examples) are left out, as the RST reader leaves out `::` blocks.
 */
function docBlocks(el: Element, depth = 0): TextBlock[] {
  const line = lineOf(el);
  if (el.tagName === 'pre' || hasClass(el, 'highlight') || classes(el).some((c) => c.startsWith('highlight-'))) return [];
  if (el.tagName === 'ul' || el.tagName === 'ol') {
    return elementsOf(el)
      .filter((e) => e.tagName === 'li')
      .map((li) => paragraph(`- ${flowText(li)}`, lineOf(li)))
      .filter((b) => b.head.text !== '- ');
  }
  if (hasClass(el, 'admonition')) {
    const kind = ADMONITIONS.find((k) => hasClass(el, k)) ?? 'note';
    const body = flowText({ ...el, children: el.children.filter((e) => !(e.type === 'element' && hasClass(e, 'admonition-title'))) });
    return [paragraph(`.. ${kind}:: ${body}`, line)];
  }
  // A definition's term runs on from the paragraph before it, as the RST reader reads a term line
  // that no blank line separates from the text above.
  if (el.tagName === 'dt') return docTextOf(el) ? [{ head: { text: docTextOf(el), indent: 0, line, blankBefore: false }, children: [] }] : [];
  if (/^(div|blockquote|section|dl|dd)$/.test(el.tagName) && depth < MAX_DEPTH) return elementsOf(el).flatMap((c) => docBlocks(c, depth + 1));
  const text = docTextOf(el);
  return text ? [paragraph(text, line)] : [];
}

/** Reads a boto3 page written as Sphinx HTML into operations, recognised non-operation sections and diagnostics. */
export function readBoto3Html(text: string, file: string): ReadPage {
  return new HtmlPage(text, file).read();
}
