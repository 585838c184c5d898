/**
 * Reading the documented entries of a boto3 page from an indentation tree: the
 * `- **Name** *(type) --* [REQUIRED] …` bullets with their documentation, notes and nested
 * entries. Used by the RST reader and the bullet-text reader (whose tree has the same form).
 */
import type { TextBlock } from '../indent-tree.ts';
import { joinParagraphs, stripInlineRst } from '../doc-text.ts';
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

/**
 * Collects documentation paragraphs from blocks that are not entries: plain lines (a blank line
 * starts a new paragraph), `*`/`-` list items, and admonitions (`.. note::` → `Note: …`).
 * Tagged-union notes and literal `::` blocks are recognised and left out of the text.
 */
export class DocCollector {
  readonly paragraphs: string[] = [];
  unionMembers: string[] | undefined;
  idempotencyToken = false;

  add(block: TextBlock): void {
    const text = block.head.text;
    const admonition = /^\.\.\s+(note|warning|danger|important|tip|caution|attention|seealso)::\s*(.*)$/i.exec(text);
    if (admonition) {
      const body = [admonition[2] ?? '', ...block.children.map(blockText)].join(' ');
      if (UNION_NOTE.test(body)) {
        this.unionMembers = unionMembersOf(body);
        return;
      }
      const title = admonition[1]!.charAt(0).toUpperCase() + admonition[1]!.slice(1).toLowerCase();
      this.paragraphs.push(`${title}: ${stripInlineRst(body)}`);
      return;
    }
    if (text === '::' || /^\.\.\s+code-block::/.test(text)) return;
    const item = /^[*-]\s+(.*)$/.exec(text);
    let clean = stripInlineRst(item ? item[1]! : text);
    if (clean.includes(AUTOPOPULATED)) {
      this.idempotencyToken = true;
      clean = clean.replace(AUTOPOPULATED, '').trim();
      if (!clean) return;
    }
    const nested = block.children.map(blockText).map(stripInlineRst).join(' ');
    const full = nested ? `${clean} ${nested}` : clean;
    if (item) this.paragraphs.push(`- ${full}`);
    else if (!block.head.blankBefore && this.paragraphs.length > 0 && !this.paragraphs[this.paragraphs.length - 1]!.startsWith('- ')) {
      this.paragraphs[this.paragraphs.length - 1] += ` ${full}`;
    } else this.paragraphs.push(full);
  }

  get text(): string {
    return joinParagraphs(this.paragraphs);
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
