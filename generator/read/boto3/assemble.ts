/**
 * Turns the parts of a boto3 page into a {@link ReadOperation}: walks the Request/Response Syntax
 * literal and the documented entries together. The entries give names, types, documentation and
 * `[REQUIRED]`; the literal gives enum values, streams, documents and where recursion was cut.
 * Where the two disagree the entries win and a warning names the place.
 */
import type { DiagnosticSink } from '../../diagnostics.ts';
import {
  LiteralSyntaxError,
  parseRequestSyntax,
  parseResponseSyntax,
  type DictEntry,
  type SyntaxValue,
} from '../syntax/python-literal.ts';
import type { MemberNode, ReadOperation, StructureNode, TypeNode } from '../../ir/input.ts';
import type { SectionGap } from '../../ir/model.ts';
import { parsePrefix } from '../syntax/literal-prefix.ts';
import { applyParameterAliases } from './aliases.ts';
import type { Boto3OperationParts, DocEntry, LocatedText } from './parts.ts';
import { seeAlsoUrl } from './see-also.ts';
import { enumOfLiteral, kindOfDocType, kindOfLiteral, type DocTypeKind } from './types.ts';

/** Walks literal and entries of one page, reporting into the page's sink. */
class OperationAssembler {
  /** Sections not shown whole: the parts' gaps, and literals found cut here. */
  readonly gaps: SectionGap[];
  /** Whether the page shows every input member's entry: else a member without one has unknown `required`. */
  private inputEntriesShown = true;
  /** Likewise for the output's entries. */
  private outputEntriesShown = true;
  /** Output paths the Response Syntax shows and the Response Structure has no entry for. */
  private readonly outputWithoutEntry: string[] = [];

  constructor(
    private readonly sink: DiagnosticSink,
    private readonly method: string,
    gaps: readonly SectionGap[] = [],
  ) {
    this.gaps = [...gaps];
  }

  private gap(section: string): boolean {
    return this.gaps.some((g) => g.section === section);
  }

  /** Line on the page of a position inside a located literal. */
  private lineOf(block: LocatedText, at: { line: number }): number {
    return block.line + at.line - 1;
  }

  parseLiteral<T>(block: LocatedText | undefined, what: string, parse: (text: string) => T): T | undefined {
    if (!block) return undefined;
    try {
      return parse(block.text);
    } catch (e) {
      if (!(e instanceof LiteralSyntaxError)) throw e;
      const column = e.at.line === 1 ? (block.column ?? 1) + e.at.column - 1 : e.at.column;
      this.sink.error(this.lineOf(block, e.at), `${what} of ${this.method}: ${e.message}`, column);
      // What the literal shows before it breaks off is still what the page says.
      const prefix = parsePrefix(block.text, e.at.line, parse);
      this.gaps.push({ section: what, state: 'cut' });
      return prefix?.value;
    }
  }

  /** The input structure: keyword arguments of the Request Syntax joined with the parameters. */
  input(parts: Boto3OperationParts): StructureNode {
    // The entries end where the page does: a page that stops before its return type may have lost some.
    const pastParameters = parts.returnType !== undefined || parts.responseSyntax !== undefined || parts.response !== undefined || parts.exceptions.length > 0;
    this.inputEntriesShown = pastParameters && !this.gap('Parameters');
    const last = parts.params[parts.params.length - 1];
    if (!pastParameters && last?.name !== undefined) this.trailingParameter = `input.${last.name}`;
    const request = this.parseLiteral(parts.requestSyntax, 'Request Syntax', parseRequestSyntax);
    if (request && request.method !== this.method) {
      this.sink.warning(parts.requestSyntax!.line, `Request Syntax calls ${request.method}, expected ${this.method}`);
    }
    return { kind: 'structure', members: this.members(request?.args ?? [], parts.params, 'input', parts.line) };
  }

  /** Input paths under the last parameter entry of a page cut inside its parameters (that entry may be cut). */
  private trailingParameter: string | undefined;

  /** Whether `path` lies in the entry a cut page may have broken off inside. */
  private inTrailingEntry(path: string): boolean {
    const t = this.trailingParameter;
    return t !== undefined && (path === t || path.startsWith(`${t}.`) || path.startsWith(`${t}[`) || path.startsWith(`${t}{`));
  }

  /** Whether the entries of the tree at `path` are all on the page. */
  private entriesShown(path: string): boolean {
    return path.startsWith('input') ? this.inputEntriesShown : this.outputEntriesShown;
  }

  /** The output structure, or undefined when the page documents none. */
  output(parts: Boto3OperationParts): StructureNode | undefined {
    this.outputEntriesShown = parts.response !== undefined && !this.gap('Response Structure');
    const literal = this.parseLiteral(parts.responseSyntax, 'Response Syntax', parseResponseSyntax);
    if (!literal && !parts.response) return undefined;
    const root = this.type(literal, parts.response, 'output', parts.response?.line ?? parts.line);
    const cut = this.outputWithoutEntry;
    if (cut.length > 0 && parts.structureEndsPage) {
      // boto3 documents every member it shows in the syntax: the page broke off inside the structure.
      this.gaps.push({ section: 'Response Structure', state: 'cut' });
      const more = cut.length > 1 ? ` and ${cut.length - 1} more` : '';
      this.sink.error(parts.response!.line, `Response Structure of ${this.method} ends without an entry for ${cut[0]}${more} (a page cut short?)`);
    }
    if (root.kind === 'structure' || root.kind === 'union') return root;
    this.sink.warning(parts.response?.line ?? parts.line, `response of ${this.method} is a ${root.kind}, expected a dict`);
    return undefined;
  }

  /** Members of a structure, in the literal's order, then entries the literal lacks. */
  private members(literal: readonly DictEntry[], entries: readonly DocEntry[], path: string, line: number): MemberNode[] {
    const byName = new Map<string, DocEntry>();
    for (const e of entries) if (e.name !== undefined) byName.set(e.name, e);
    const members: MemberNode[] = [];
    const seen = new Set<string>();
    for (const entry of literal) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      const doc = byName.get(entry.key);
      if (!doc && path.startsWith('output') && this.outputEntriesShown) this.outputWithoutEntry.push(`${path}.${entry.key}`);
      members.push(this.member(entry.key, entry.value, doc, `${path}.${entry.key}`, doc?.line ?? line));
    }
    for (const doc of entries) {
      if (doc.name === undefined || seen.has(doc.name)) continue;
      seen.add(doc.name);
      // A literal that breaks off lacks what follows the break: that is the cut, said once, not a disagreement.
      if (literal.length > 0 && !this.gap(path.startsWith('input') ? 'Request Syntax' : 'Response Syntax')) {
        this.sink.warning(doc.line, `${path}.${doc.name} is documented but missing from the syntax block`);
      }
      members.push(this.member(doc.name, undefined, doc, `${path}.${doc.name}`, doc.line));
    }
    return members;
  }

  private member(name: string, literal: SyntaxValue | undefined, doc: DocEntry | undefined, path: string, line: number): MemberNode {
    const type = this.type(literal, doc, path, line);
    // A [REQUIRED] mark is a fact; its absence is one only where the entry is whole (not the last of a cut list).
    const shown = this.entriesShown(path) || (doc !== undefined && !this.inTrailingEntry(path));
    const member: MemberNode = { name, type, required: doc?.required ? true : shown ? false : undefined, line };
    if (type.kind === 'recursive') type.memberName = name;
    if (doc?.documentation) member.documentation = doc.documentation;
    if (doc?.idempotencyToken) member.idempotencyToken = true;
    return member;
  }

  /** The type at one place of the tree, from its literal and its entry. */
  type(literal: SyntaxValue | undefined, doc: DocEntry | undefined, path: string, line: number): TypeNode {
    const fromDoc = doc ? kindOfDocType(doc.type) : undefined;
    const fromLiteral = literal ? kindOfLiteral(literal) : undefined;
    if (doc && fromDoc === undefined) this.sink.warning(doc.line, `${path}: unknown type "${doc.type}"`);
    let kind: DocTypeKind | undefined = fromDoc ?? fromLiteral;
    if (fromDoc && fromLiteral && !compatible(fromDoc, fromLiteral)) {
      this.sink.warning(doc!.line, `${path}: documented as ${doc!.type} but the syntax block shows a ${fromLiteral}`);
    }
    // The docs cut a recursive dict, list or map short: `{'... recursive ...'}` and an entry without children.
    const container = fromDoc === 'dict' || fromDoc === 'list' || fromDoc === undefined;
    if (fromLiteral === 'recursive' && container && !(doc && doc.children.length > 0)) {
      kind = 'recursive';
    }
    if (kind === undefined) {
      this.sink.warning(line, `${path}: no type given; read as a document`);
      kind = 'document';
    }
    switch (kind) {
      case 'recursive':
        // The entry still says whether the repeated type is a list or a dict: keep that to find it.
        return fromDoc === 'list' ? { kind: 'recursive', shows: 'list' } : { kind: 'recursive' };
      case 'dict':
        return this.dict(literal, doc, path, line);
      case 'eventStream': {
        // `EventStream({...})`: the events, one top-level key each, documented as the entry's children.
        const events = literal?.kind === 'call' ? literal.args[0] : undefined;
        const node = this.dict(events, doc, path, line);
        return node.kind === 'structure' || node.kind === 'union' ? { ...node, kind: 'union', eventStream: true } : node;
      }
      case 'list': {
        const item = literal?.kind === 'list' ? literal.items[0] : undefined;
        const itemDoc = doc?.children.find((c) => c.name === undefined);
        const node: TypeNode = { kind: 'list', member: this.type(item, itemDoc, `${path}[]`, itemDoc?.line ?? line) };
        return node;
      }
      case 'string': {
        const values = enumOfLiteral(literal);
        return values ? { kind: 'string', enum: values } : { kind: 'string' };
      }
      default:
        return { kind };
    }
  }

  /** A `dict`: a map when its entries are unnamed (key, value), else a structure or a union. */
  private dict(literal: SyntaxValue | undefined, doc: DocEntry | undefined, path: string, line: number): TypeNode {
    const entries = literal?.kind === 'dict' ? literal.entries : [];
    const children = doc?.children ?? [];
    const isMap =
      children.length > 0 ? children[0]!.name === undefined : entries.length === 1 && entries[0]!.key === 'string';
    if (isMap) {
      const keyDoc = children[0];
      // boto3 indents the value's entry under the key's entry; renderings may flatten it to a sibling.
      const valueDoc = children[1] ?? keyDoc?.children.find((c) => c.name === undefined);
      const keyLiteral = entries[0] ? ({ kind: 'string', value: entries[0].key, at: entries[0].at } as const) : undefined;
      return {
        kind: 'map',
        key: this.type(keyLiteral, keyDoc, `${path}{key}`, keyDoc?.line ?? line),
        value: this.type(entries[0]?.value, valueDoc, `${path}{}`, valueDoc?.line ?? line),
      };
    }
    const node: StructureNode = {
      kind: doc?.unionMembers ? 'union' : 'structure',
      members: this.members(entries, children, path, line),
    };
    // A named entry's text documents the member; only unnamed entries (list items, map values) document the shape.
    if (doc?.documentation && doc.name === undefined) node.documentation = doc.documentation;
    return node;
  }
}

/** Whether a documented kind and a literal kind can describe the same type. */
function compatible(doc: DocTypeKind, literal: DocTypeKind): boolean {
  if (doc === literal) return true;
  if (literal === 'recursive') return doc === 'dict' || doc === 'list';
  if (doc === 'stream' && literal === 'blob') return true;
  if (doc === 'document') return true;
  return false;
}

/** Builds the operation a boto3 page describes from its parts; problems go to `sink`. */
export function assembleOperation(parts: Boto3OperationParts, sink: DiagnosticSink): ReadOperation {
  const assembler = new OperationAssembler(sink, parts.method, parts.gaps);
  const input = assembler.input(parts);
  applyParameterAliases(parts.clientName, parts.method, input);
  const output = assembler.output(parts);
  const operation: ReadOperation = {
    method: parts.method,
    documentation: parts.documentation,
    deprecated: parts.deprecationMessage !== undefined,
    input,
    errors: [...new Set(parts.exceptions)],
    source: { file: sink.file, line: parts.line },
  };
  if (output) operation.output = output;
  if (assembler.gaps.length > 0) operation.incomplete = assembler.gaps;
  if (parts.seeAlso) {
    operation.name = parts.seeAlso.operation;
    operation.apiReference = seeAlsoUrl(parts.seeAlso);
  }
  if (parts.deprecationMessage) operation.deprecationMessage = parts.deprecationMessage;
  return operation;
}
