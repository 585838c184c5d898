/**
 * The output shape of an operation from its response example. Without facts, the shape is
 * inferred from the values (string, integer, float, boolean, list, nested structure; `null` or a
 * bare placeholder makes a member optional, its type then taken from the facts). When the facts
 * name the response model (`PeerConn`), the facts win: the model is the output, and every place
 * where the example disagrees with it — a member spelt differently (`bandwithInMbp` against
 * `bandwidthInMbps`), a member the model lacks, a value of another type — becomes a warning that
 * names both sources.
 */
import type { SourceRef, Warning } from '../../ir/model.ts';
import type { DiagnosticSink } from '../../diagnostics.ts';
import type { MemberNode, StructureNode, TypeNode } from '../../ir/input.ts';
import type { JsonNode, JsonPosition } from '../syntax/tolerant-json.ts';
import type { BaiduFacts } from './facts.ts';

/** What inference needs besides the example: the facts, and where to put what it notices. */
export interface ResponseContext {
  method: string;
  facts: BaiduFacts;
  sink: DiagnosticSink;
  warnings: Warning[];
  /** Maps a position inside the example to the file. */
  position(at: JsonPosition): { line: number; column: number };
}

/** The output structure for a response example; `outputId` is the facts' model of the body, if any. */
export function responseShape(example: JsonNode, outputId: string | undefined, ctx: ResponseContext): StructureNode {
  const model = outputId === undefined ? undefined : ctx.facts.typeOf(outputId);
  if (model && model.kind === 'structure') {
    compare(example, model, [outputId!], ctx);
    return model;
  }
  if (example.kind !== 'object') {
    const p = ctx.position(example.at);
    ctx.sink.error(p.line, `the response example of ${ctx.method} is not a JSON object`, p.column);
    return { kind: 'structure', members: [] };
  }
  return infer(example, ctx) as StructureNode;
}

/** A type inferred from a value; members the facts know get the facts' type. */
function infer(value: JsonNode, ctx: ResponseContext): TypeNode {
  switch (value.kind) {
    case 'object': {
      const members: MemberNode[] = value.entries.map((entry) => {
        const known = ctx.facts.memberType(entry.key);
        const placeholder = entry.value.kind === 'null' || entry.value.kind === 'identifier';
        let type: TypeNode;
        if (known) {
          compare(entry.value, known.type, [entry.key], ctx);
          type = known.type;
        } else if (placeholder) {
          const p = ctx.position(entry.value.at);
          ctx.sink.warning(p.line, `${ctx.method}: the response example gives no value for "${entry.key}" and the facts don't type it; string assumed`, p.column);
          type = { kind: 'string' };
        } else type = infer(entry.value, ctx);
        return { name: entry.key, type, required: !placeholder, line: ctx.position(entry.at).line };
      });
      return { kind: 'structure', members };
    }
    case 'array': {
      const first = value.items.find((i) => i.kind !== 'null');
      if (!first) {
        const p = ctx.position(value.at);
        ctx.sink.warning(p.line, `${ctx.method}: the response example shows an empty list; its items are typed as documents`, p.column);
        return { kind: 'list', member: { kind: 'document' } };
      }
      return { kind: 'list', member: infer(first, ctx) };
    }
    case 'string':
      return { kind: 'string' };
    case 'number':
      return { kind: value.integer ? 'integer' : 'float' };
    case 'boolean':
      return { kind: 'boolean' };
    default:
      return { kind: 'string' };
  }
}

/** Checks an example value against the facts' type, recording every disagreement; the facts win. */
function compare(value: JsonNode, type: TypeNode, path: readonly string[], ctx: ResponseContext): void {
  if (value.kind === 'null' || value.kind === 'identifier' || type.kind === 'recursive' || type.kind === 'document') return;
  if (type.kind === 'structure' || type.kind === 'union') {
    if (value.kind !== 'object') return disagree(value, path, `a ${value.kind}`, `a structure${type.shapeName ? ` (${type.shapeName})` : ''}`, ctx);
    const shown = new Set(value.entries.map((e) => e.key));
    const unmatched = type.members.filter((m) => !shown.has(m.name));
    for (const entry of value.entries) {
      // A name the facts record as the docs' own spelling of a member is that member, without a warning.
      const alias = type.shapeName ? ctx.facts.memberDocumentedAs(type.shapeName, entry.key) : undefined;
      const member = type.members.find((m) => m.name === entry.key) ?? (alias === undefined || shown.has(alias) ? undefined : type.members.find((m) => m.name === alias));
      if (member) {
        compare(entry.value, member.type, [...path, entry.key], ctx);
        continue;
      }
      const near = unmatched.find((m) => similar(m.name, entry.key));
      const model = type.shapeName ?? path.join('.');
      const page = pageSource(entry.at, ctx);
      if (near) {
        const message = `${ctx.method}: the response example names "${entry.key}" where the facts (${model}) name "${near.name}"; the facts' name is used`;
        record(message, page, factsMember(type, near.name, ctx), ctx);
      } else {
        const message = `${ctx.method}: the response example shows "${entry.key}", which the facts (${model}) do not have; it is left out`;
        record(message, page, factsMember(type, undefined, ctx), ctx);
      }
    }
    return;
  }
  if (type.kind === 'list') {
    if (value.kind !== 'array') return disagree(value, path, `a ${value.kind}`, 'a list', ctx);
    for (const item of value.items) compare(item, type.member, path, ctx);
    return;
  }
  if (type.kind === 'map') {
    if (value.kind !== 'object') return disagree(value, path, `a ${value.kind}`, 'a map', ctx);
    for (const entry of value.entries) compare(entry.value, type.value, path, ctx);
    return;
  }
  const shown = value.kind === 'number' ? (value.integer ? 'integer' : 'float') : value.kind;
  const fits =
    shown === type.kind ||
    (shown === 'integer' && (type.kind === 'float' || type.kind === 'timestamp')) ||
    (shown === 'string' && (type.kind === 'timestamp' || type.kind === 'blob'));
  if (!fits) return disagree(value, path, `a ${shown}`, `a ${type.kind}`, ctx);
  if (value.kind === 'string' && type.enum && !type.enum.includes(value.value)) {
    disagree(value, path, `"${value.value}"`, `one of ${type.enum.join(', ')}`, ctx);
  }
}

/** Records a value whose type disagrees with the facts. */
function disagree(value: JsonNode, path: readonly string[], shown: string, expected: string, ctx: ResponseContext): void {
  const message = `${ctx.method}: the response example gives ${shown} for "${path.join('.')}" where the facts expect ${expected}; the facts' type is used`;
  record(message, pageSource(value.at, ctx), ctx.facts.source(['shapes', ...path.slice(0, 1)]), ctx);
}

/** Keeps a disagreement in the IR and reports it as a warning at the page's position. */
function record(message: string, page: SourceRef & { column: number }, facts: SourceRef, ctx: ResponseContext): void {
  ctx.warnings.push({ message, sources: [{ file: page.file, line: page.line }, facts] });
  ctx.sink.warning(page.line, `${message} (facts: ${facts.file}:${facts.line})`, page.column);
}

function pageSource(at: JsonPosition, ctx: ResponseContext): SourceRef & { column: number } {
  const p = ctx.position(at);
  return { file: ctx.sink.file, line: p.line, column: p.column };
}

/** Where the facts define a member of a named structure (or the structure itself). */
function factsMember(type: Extract<TypeNode, { kind: 'structure' | 'union' }>, member: string | undefined, ctx: ResponseContext): SourceRef {
  if (!type.shapeName) return ctx.facts.source([]);
  return ctx.facts.source(member === undefined ? ['shapes', type.shapeName] : ['shapes', type.shapeName, 'members', member]);
}

/** Whether two names are probably one name misspelt: equal ignoring case, or a few edits apart. */
export function similar(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const limit = Math.max(2, Math.floor(Math.min(x.length, y.length) / 5));
  if (Math.abs(x.length - y.length) > limit) return false;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length]! <= limit;
}
