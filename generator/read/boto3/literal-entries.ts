/**
 * Matching documented entries with the Request/Response Syntax literal, for renderings that lost
 * (compact text) or may have cut short (a scraped page) the entry tree.
 *
 * The compact rendering lists every entry flat, in document order: `Name (type) –` lines with
 * their text, no indentation. boto3 writes entries in a pre-order walk of the same shapes the
 * literal shows, so walking the literal in document order tells where each entry belongs:
 * a structure's members in order, a list's item as one unnamed entry, a map's key and value as two
 * unnamed entries. An entry that does not fit the literal is reported, never placed by guess.
 */
import type { DiagnosticSink } from '../../diagnostics.ts';
import { buildTree, limitDepth, MAX_TREE_DEPTH, type TextBlock, type TextLine } from '../indent-tree.ts';
import type { DictEntry, SyntaxValue } from '../syntax/python-literal.ts';
import type { EntryHead } from './entries.ts';
import type { DocEntry } from './parts.ts';

/** One entry of a flattened list: its head line and the lines of text under it. */
export interface FlatEntry {
  head: EntryHead;
  line: TextLine;
  docs: TextLine[];
}

/**
 * Cuts a section's lines into flat entries: each entry head starts one, other lines are its text.
 * Text before the first head is reported as unrecognised.
 */
export function splitFlatEntries(
  lines: readonly TextLine[],
  parseHead: (text: string) => EntryHead | undefined,
  section: string,
  sink: DiagnosticSink,
): FlatEntry[] {
  const entries: FlatEntry[] = [];
  for (const line of lines) {
    const head = parseHead(line.text);
    if (head) entries.push({ head, line, docs: [] });
    else if (entries.length > 0) entries[entries.length - 1]!.docs.push(line);
    else sink.error(line.line, `${section}: unrecognised text "${line.text.slice(0, 60)}": expected an entry "Name (type) –"`);
  }
  return entries;
}

/** A map literal shows its key type as the one key: `{'string': value}`. */
function isMapLiteral(value: SyntaxValue & { kind: 'dict' }): boolean {
  return value.entries.length === 1 && value.entries[0]!.key === 'string';
}

/** Walks a literal and the flat entries together, building the entry tree as indented blocks. */
class FlatEntryNester {
  private cursor = 0;

  constructor(
    private readonly entries: readonly FlatEntry[],
    private readonly section: string,
    private readonly sink: DiagnosticSink,
    private readonly paragraphPerLine: boolean,
    /** Where "ends without an entry" points: the section's last line, else its last entry's head. */
    private readonly endLine?: number,
  ) {}

  /** The entry tree of a structure's members (the parameters). */
  members(keys: readonly DictEntry[], path: string): TextBlock[] {
    const blocks = this.structure(keys, path, []);
    this.reportLeftovers();
    return blocks;
  }

  /** The entry tree of an unnamed root entry (the response's `(dict) –`). */
  root(value: SyntaxValue, path: string): TextBlock[] {
    const root = this.unnamed(value, path, []);
    this.reportLeftovers();
    return root ? [root] : [];
  }

  private peek(): FlatEntry | undefined {
    return this.entries[this.cursor];
  }

  private block(entry: FlatEntry, name?: string): TextBlock {
    // The entry's text keeps its own indentation (a list item's wrapped lines nest under it); a
    // line shallower than its text (lynx prints a note's title and its literal at column 0) sits
    // at the text's, which is that of its first line below the head.
    const base = (entry.docs.find((l) => l.indent > entry.line.indent) ?? entry.docs[0])?.indent ?? 0;
    const children = buildTree(entry.docs.map((line) => ({ ...line, indent: Math.max(0, line.indent - base), blankBefore: this.paragraphPerLine || line.blankBefore })));
    // The text nests by indentation alone: cut at a depth the documentation readers recurse to.
    const cut = limitDepth(children, MAX_TREE_DEPTH - 1);
    if (cut) this.sink.error(cut.line, `${this.section}: nesting deeper than ${MAX_TREE_DEPTH} levels: expected a shallower page; the deeper lines are left out`);
    // An entry the page shows without its name takes the name of the member it stands for.
    const head = name === undefined ? entry.line : { ...entry.line, text: `${name} (${entry.head.type}) \u2013${entry.head.rest ? ` ${entry.head.rest}` : ''}` };
    return { head, children };
  }

  /** Reports literal members without an entry: the page ended (cut short) or skipped them. */
  private noEntry(paths: readonly string[]): void {
    if (paths.length === 0) return;
    const next = this.peek();
    if (next) {
      for (const p of paths) this.sink.warning(next.line.line, `${this.section}: ${p} is in the syntax block but has no entry`);
      return;
    }
    const last = this.endLine ?? this.entries[this.entries.length - 1]?.line.line ?? 1;
    const more = paths.length > 1 ? ` and ${paths.length - 1} more` : '';
    this.sink.error(last, `${this.section} ends without an entry for ${paths[0]}${more} (a page cut short?)`);
  }

  /** Members of one structure, in the literal's order; stops at an entry of an enclosing structure. */
  private structure(keys: readonly DictEntry[], path: string, outer: readonly ReadonlySet<string>[]): TextBlock[] {
    const blocks: TextBlock[] = [];
    let k = 0;
    while (k < keys.length) {
      const key = keys[k]!;
      const entry = this.peek();
      if (!entry) {
        this.noEntry(keys.slice(k).map((e) => `${path}.${e.key}`));
        break;
      }
      const name = entry.head.name;
      // An unnamed entry where a member is due is that member, its name lost by the page.
      if (name === key.key || name === undefined) {
        this.cursor++;
        const block = this.block(entry, name === undefined ? key.key : undefined);
        const inner = [...outer, new Set(keys.slice(k + 1).map((e) => e.key))];
        for (const child of this.children(key.value, `${path}.${key.key}`, inner)) block.children.push(child);
        blocks.push(block);
        k++;
        continue;
      }
      const later = name === undefined ? -1 : keys.findIndex((e, i) => i > k && e.key === name);
      if (later >= 0) {
        this.noEntry(keys.slice(k, later).map((e) => `${path}.${e.key}`));
        k = later;
        continue;
      }
      if (name !== undefined && outer.some((s) => s.has(name))) {
        this.noEntry(keys.slice(k).map((e) => `${path}.${e.key}`));
        break;
      }
      // A member the syntax block leaves out (boto3 documents some it omits, e.g. S3's
      // SSECustomerKeyMD5) stands before the member due: it is this structure's, without literal.
      if (this.entries[this.cursor + 1]?.head.name === key.key) {
        this.cursor++;
        blocks.push(this.block(entry));
        continue;
      }
      this.sink.error(entry.line.line, `${this.section}: entry "${entry.line.text}" does not match the syntax block: expected ${path}.${key.key}`);
      this.cursor++;
    }
    // Members the syntax block leaves out may also follow its last one: at the top, where no
    // enclosing structure could claim them, named entries left are the structure's own.
    for (let next = this.peek(); outer.length === 0 && next?.head.name !== undefined && k >= keys.length && !keys.some((e) => e.key === next!.head.name); next = this.peek()) {
      this.cursor++;
      blocks.push(this.block(next));
    }
    return blocks;
  }

  /** The entries nested under an entry whose literal is `value`. */
  private children(value: SyntaxValue, path: string, outer: readonly ReadonlySet<string>[]): TextBlock[] {
    // An event stream's events are the entries of the dict it is called with: `EventStream({...})`.
    if (value.kind === 'call' && value.name === 'EventStream' && value.args[0]) return this.children(value.args[0], path, outer);
    if (value.kind === 'list') {
      const item = value.items[0];
      if (!item) return [];
      const block = this.unnamed(item, `${path}[]`, outer);
      return block ? [block] : [];
    }
    if (value.kind !== 'dict' || value.entries.length === 0) return [];
    if (!isMapLiteral(value)) return this.structure(value.entries, path, outer);
    const mapEntry = value.entries[0]!;
    const keyBlock = this.unnamed({ kind: 'string', value: mapEntry.key, at: mapEntry.at }, `${path}{key}`, outer);
    if (!keyBlock) return [];
    // boto3 nests the value's entry under the key's entry.
    const valueBlock = this.unnamed(mapEntry.value, `${path}{}`, outer);
    if (valueBlock) keyBlock.children.push(valueBlock);
    return [keyBlock];
  }

  /** An unnamed entry (list item, map key or value, response root) and what it nests. */
  private unnamed(value: SyntaxValue, path: string, outer: readonly ReadonlySet<string>[]): TextBlock | undefined {
    const entry = this.peek();
    if (!entry) {
      this.noEntry([path]);
      return undefined;
    }
    if (entry.head.name !== undefined) {
      this.sink.error(entry.line.line, `${this.section}: entry "${entry.line.text}" does not match the syntax block: expected an unnamed "(type) –" entry for ${path}`);
      return undefined;
    }
    this.cursor++;
    const block = this.block(entry);
    // Not push(...): a literal may have more members than a call has room for arguments.
    for (const child of this.children(value, path, outer)) block.children.push(child);
    return block;
  }

  private reportLeftovers(): void {
    for (; this.cursor < this.entries.length; this.cursor++) {
      const entry = this.entries[this.cursor]!;
      this.sink.error(entry.line.line, `${this.section}: entry "${entry.line.text}" does not match the syntax block: nothing is left to document`);
    }
  }
}

/** Nests flat parameter entries along the Request Syntax's keyword arguments. */
export function nestParameterEntries(args: readonly DictEntry[], entries: readonly FlatEntry[], sink: DiagnosticSink, paragraphPerLine: boolean, endLine?: number): TextBlock[] {
  return new FlatEntryNester(entries, 'Parameters', sink, paragraphPerLine, endLine).members(args, 'input');
}

/** Nests flat Response Structure entries along the Response Syntax (root entry first). */
export function nestResponseEntries(value: SyntaxValue, entries: readonly FlatEntry[], sink: DiagnosticSink, paragraphPerLine: boolean, endLine?: number): TextBlock[] {
  return new FlatEntryNester(entries, 'Response Structure', sink, paragraphPerLine, endLine).root(value, 'output');
}

/**
 * Paths of literal members that no documented entry describes, walking the literal and an entry
 * tree together (the bullet rendering's check that a page was not cut inside a section).
 */
export function undocumentedMembers(value: SyntaxValue | readonly DictEntry[], entries: readonly DocEntry[], path: string, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    const byName = new Map(entries.filter((e) => e.name !== undefined).map((e) => [e.name!, e]));
    for (const key of value as readonly DictEntry[]) {
      const entry = byName.get(key.key);
      if (!entry) into.push(`${path}.${key.key}`);
      else undocumentedMembers(key.value, entry.children, `${path}.${key.key}`, into);
    }
    return into;
  }
  const literal = value as SyntaxValue;
  if (literal.kind === 'call' && literal.name === 'EventStream' && literal.args[0]) return undocumentedMembers(literal.args[0], entries, path, into);
  if (literal.kind === 'list' && literal.items[0]) {
    const item = entries.find((e) => e.name === undefined);
    if (!item) into.push(`${path}[]`);
    else undocumentedMembers(literal.items[0], item.children, `${path}[]`, into);
  } else if (literal.kind === 'dict' && literal.entries.length > 0) {
    if (!isMapLiteral(literal)) return undocumentedMembers(literal.entries, entries, path, into);
    const keyEntry = entries.find((e) => e.name === undefined);
    // The value's entry sits under the key's entry (RST, bullets) or follows it (flattened).
    const valueEntry = entries.filter((e) => e.name === undefined)[1] ?? keyEntry?.children.find((e) => e.name === undefined);
    if (!valueEntry) into.push(`${path}{}`);
    else undocumentedMembers(literal.entries[0]!.value, valueEntry.children, `${path}{}`, into);
  }
  return into;
}
