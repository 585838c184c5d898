/**
 * Reading the documented entries of a boto3 page from an indentation tree: the
 * `- **Name** *(type) --* [REQUIRED] …` bullets with their documentation, notes and nested
 * entries. Used by the RST reader and the bullet-text reader (whose tree has the same form).
 */
import type { TextBlock } from '../indent-tree.ts';
import { foldTypography, foldWhitespace, joinParagraphs, stripInlineRst } from '../doc-text.ts';
import type { DocEntry } from './parts.ts';

/** `- **Name** *(type) --* rest` (RST) or `- (type) -- rest`; special types are not italic. */
const RST_ENTRY = /^-\s+(?:\*\*(?<name>[^*]+?)\*\*\s+)?(?:\*\((?<t1>[^)]*)\)\s*--\*|\((?<t2>.*?)\)\s*--)(?<rest>.*)$/;

/** The "Tagged Union structure" note: names the members between double backquotes or as a list. */
const UNION_NOTE = /Tagged Union structure/;

/** The idempotency-token sentence boto3 appends to a member's documentation. */
export const AUTOPOPULATED = 'This field is autopopulated if not provided.';

/** A parsed entry head: the name, type and what follows on the same line. */
export interface EntryHead {
  name?: string;
  type: string;
  rest: string;
}

/** Parses an RST entry head line, or returns undefined when the line is not one. */
export function parseRstEntryHead(text: string): EntryHead | undefined {
  const m = RST_ENTRY.exec(text);
  if (!m?.groups) return undefined;
  const head: EntryHead = { type: (m.groups.t1 ?? m.groups.t2 ?? '').trim(), rest: m.groups.rest ?? '' };
  if (m.groups.name !== undefined) head.name = m.groups.name.trim();
  return head;
}

/** Members a union note names: ``A``, ``B`` in RST; `A,B` or `A, B` in rendered text. */
export function unionMembersOf(note: string): string[] {
  const afterSet = /(?:will|can) be set:\s*(.*?)(?:\.\s|\.$|$)/s.exec(note)?.[1] ?? '';
  const quoted = [...afterSet.matchAll(/``([^`]+)``/g)].map((m) => m[1]!);
  if (quoted.length > 0) return quoted;
  return afterSet
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[\w.-]+$/.test(s));
}

/** Text of a block and its descendants as one paragraph (for wrapped lines and notes). */
function blockText(block: TextBlock): string {
  const parts = [block.head.text];
  for (const c of block.children) parts.push(blockText(c));
  return parts.join(' ');
}

/** An admonition title alone on its line: how rendered pages show `.. note::` and its kin. */
const RENDERED_ADMONITION = /^(Note|Warning|Danger|Important|Tip|Caution|Attention|See also)$/;

/** The literal that closes boto3's union note (`'SDK_UNKNOWN_MEMBER': {'name': 'UnknownMemberName'}`). */
const UNKNOWN_MEMBER_LITERAL = /'SDK_UNKNOWN_MEMBER':\s*\{/;

/**
 * Whether a rendered union note has been read to its end: it names its members, and when it
 * speaks of unknown members (output unions), it ends with the `SDK_UNKNOWN_MEMBER` literal.
 * Renderings break the note over lines (compact) or set the literal apart (bullets).
 */
function unionNoteComplete(text: string): boolean {
  if (unionMembersOf(text).length === 0) return false;
  return !/unknown member/.test(text) || UNKNOWN_MEMBER_LITERAL.test(text);
}

/** Options of a {@link DocCollector}. */
export interface DocCollectorOptions {
  /**
   * Take a `Danger` admonition that says "deprecated" as the operation's deprecation message
   * instead of a paragraph (descriptions of client methods only).
   */
  deprecation?: boolean;
  /**
   * How inline markup is removed from a paragraph: RST's by default; HTML text is plain already
   * (its `*` and `\\` are characters, not markup).
   */
  inline?: (text: string) => string;
}

/**
 * Collects documentation paragraphs from blocks that are not entries: plain lines (a blank line
 * starts a new paragraph), `*`/`-`/`•` list items, and admonitions — RST `.. note::` directives,
 * or, in rendered pages, a title line (`Note`) followed by its paragraph — as `Note: …`.
 * Tagged-union notes (with the `SDK_UNKNOWN_MEMBER` literal that ends them) and literal `::`
 * blocks are recognised and left out of the text.
 */
export class DocCollector {
  readonly paragraphs: string[] = [];
  unionMembers: string[] | undefined;
  idempotencyToken = false;
  deprecationMessage: string | undefined;
  /** Title of a rendered admonition whose body is the next block. */
  private pendingAdmonition: string | undefined;
  /** Text of a rendered union note still being read (it ends with the unknown-member literal). */
  private openUnionNote: string | undefined;

  private readonly inline: (text: string) => string;

  constructor(private readonly options: DocCollectorOptions = {}) {
    this.inline = options.inline ?? stripInlineRst;
  }

  add(block: TextBlock): void {
    const text = block.head.text;
    if (this.openUnionNote !== undefined) {
      this.openUnionNote += ` ${blockText(block)}`;
      this.unionMembers = unionMembersOf(this.openUnionNote);
      if (unionNoteComplete(this.openUnionNote)) this.openUnionNote = undefined;
      return;
    }
    if (this.pendingAdmonition !== undefined) {
      const title = this.pendingAdmonition;
      this.pendingAdmonition = undefined;
      this.admonition(title, blockText(block), true);
      return;
    }
    if (RENDERED_ADMONITION.test(text) && block.children.length === 0) {
      this.pendingAdmonition = text;
      return;
    }
    const admonition = /^\.\.\s+(note|warning|danger|important|tip|caution|attention|seealso)::\s*(.*)$/i.exec(text);
    if (admonition) {
      this.admonition(admonition[1]!, [admonition[2] ?? '', ...block.children.map(blockText)].join(' '), false);
      return;
    }
    if (text === '::' || /^\.\.\s+code-block::/.test(text)) return;
    const item = /^[*\-\u2022]\s+(.*)$/.exec(text);
    let clean = this.inline(item ? item[1]! : text);
    if (clean.includes(AUTOPOPULATED)) {
      this.idempotencyToken = true;
      clean = clean.replace(AUTOPOPULATED, '').trim();
      if (!clean) return;
    }
    const nested = block.children.map(blockText).map(this.inline).join(' ');
    const full = nested ? `${clean} ${nested}` : clean;
    if (item) this.paragraphs.push(`- ${full}`);
    else if (!block.head.blankBefore && this.paragraphs.length > 0 && !this.paragraphs[this.paragraphs.length - 1]!.startsWith('- ')) {
      this.paragraphs[this.paragraphs.length - 1] += ` ${full}`;
    } else this.paragraphs.push(full);
  }

  /**
   * One admonition's body: a union note sets {@link unionMembers}; a deprecation `Danger` (when
   * asked for) sets {@link deprecationMessage}; anything else becomes a `Title: body` paragraph.
   * A rendered union note may continue over the next lines until its unknown-member literal.
   */
  private admonition(rawTitle: string, body: string, rendered: boolean): void {
    const title = rawTitle === 'See also' || /^seealso$/i.test(rawTitle) ? 'Seealso' : rawTitle.charAt(0).toUpperCase() + rawTitle.slice(1).toLowerCase();
    if (UNION_NOTE.test(body)) {
      this.unionMembers = unionMembersOf(body);
      if (rendered && !unionNoteComplete(body)) this.openUnionNote = body;
      return;
    }
    const clean = this.inline(body);
    if (this.options.deprecation && title === 'Danger' && /deprecated/i.test(clean)) {
      this.deprecationMessage = foldTypography(foldWhitespace(clean));
      return;
    }
    this.paragraphs.push(`${title}: ${clean}`);
  }

  get text(): string {
    return foldTypography(joinParagraphs(this.paragraphs));
  }
}

/**
 * Reads one entry block: its head, then its children — nested entries, documentation, the union
 * note, `[REQUIRED]`. `parseHead` recognises entry heads for the rendering at hand.
 */
export function readEntry(block: TextBlock, head: EntryHead, parseHead: (text: string) => EntryHead | undefined): DocEntry {
  const docs = new DocCollector();
  let required = /\[REQUIRED\]/.test(head.rest);
  const restText = head.rest.replace(/\*\*\[REQUIRED\]\*\*|\[REQUIRED\]/, '').trim();
  const children: DocEntry[] = [];
  if (restText) docs.add({ head: { ...block.head, text: restText, blankBefore: true }, children: [] });
  for (const child of block.children) {
    const childHead = parseHead(child.head.text);
    if (childHead) {
      children.push(readEntry(child, childHead, parseHead));
      continue;
    }
    if (/^(\*\*)?\[REQUIRED\](\*\*)?$/.test(child.head.text)) {
      required = true;
      continue;
    }
    docs.add(child);
  }
  const entry: DocEntry = { type: head.type, required, documentation: docs.text, children, line: block.head.line };
  if (head.name !== undefined) entry.name = head.name;
  if (docs.unionMembers) entry.unionMembers = docs.unionMembers;
  if (docs.idempotencyToken) entry.idempotencyToken = true;
  return entry;
}
