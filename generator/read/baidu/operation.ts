/**
 * Reading the operations of one section of a Baidu SDK page. A section holds, in order: notes
 * (bullets, which become documentation), the "The `x` function can be used to …" sentence, the
 * `@required`/`def` code block, a link to the OpenAPI page, and the response: a JSON example or
 * "There are no special response parameters". A section cut short, a definition cut short or an
 * example that can't be repaired is reported where it happens; what can be read still is.
 */
import type { SectionGap, Warning } from '../../ir/model.ts';
import type { DiagnosticSink } from '../../diagnostics.ts';
import { joinParagraphs } from '../doc-text.ts';
import type { ReadOperation, StructureNode } from '../../ir/input.ts';
import { parseTolerantJson, type JsonNode } from '../syntax/tolerant-json.ts';
import { readTemplate } from './api-request.ts';
import { codePosition, codeText, type Block } from './blocks.ts';
import type { BaiduFacts } from './facts.ts';
import { inputShape } from './input-shape.ts';
import { responseShape } from './response-shape.ts';
import { hasJavaDeclaration, readJavaDeclaration } from './java-declaration.ts';
import { LAYOUT_LABEL } from './site-blocks.ts';
import { FUNCTION_SENTENCE, type Section } from './sections.ts';
import { hasDefinition, readSignature } from './signature.ts';

/** What reading a section needs: the facts, and where problems and disagreements go. */
export interface SectionContext {
  facts: BaiduFacts;
  sink: DiagnosticSink;
  warnings: Warning[];
  /** The page ends the way a cut page does (mid-line, or an older page without its footer). */
  endsCut?: boolean;
}

/**
 * The parts of an operation's layout after its definition, in order. The last operation of a
 * page that ends before its last part is whole records the part it ends in as cut and the parts
 * after it as missing (`incomplete`); a whole page ends with its last operation's code example.
 */
const LAYOUT_PARTS = [
  { name: 'Parameter meaning', label: /^parameter meaning$/i },
  { name: 'Response value', label: /^response value$/i },
  { name: 'Code example', label: /^(?:code example|example code)\b/i },
] as const;

type CodeBlock = Extract<Block, { kind: 'code' }>;

const NO_RESPONSE = /there are no special response parameters/i;
const PARAMETER_MEANING = /^parameter meaning$/i;
const OPENAPI_LINK = /Refer to the OpenAPI documentation:?\s*(\S+)/i;
const DEFINED_AS_FOLLOWS = /\s*The function is defined as follows:?\s*$/i;

/**
 * The operations a section documents: one per definition, or none with an error when it is cut
 * short. `endsPage`: the section is the page's last, so its last operation is where a cut page
 * breaks off.
 */
export function readSectionOperations(section: Section, ctx: SectionContext, endsPage = false): ReadOperation[] {
  const defs = section.blocks.flatMap((b, i) => (b.kind === 'code' && (hasDefinition(b) || hasJavaDeclaration(b)) ? [i] : []));
  if (defs.length === 0) {
    const sentence = section.blocks.find((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph' && FUNCTION_SENTENCE.test(b.text));
    const name = sentence ? FUNCTION_SENTENCE.exec(sentence.text)![1] : undefined;
    ctx.sink.error(
      sentence?.line ?? section.line,
      `section "${section.title}" is cut short: expected the definition of ${name ?? 'its function'} ("def ${name ?? 'name'}(self, …)") in a code block`,
    );
    return [];
  }
  const operations: ReadOperation[] = [];
  let from = 0;
  defs.forEach((at, k) => {
    const until = defs[k + 1] ?? section.blocks.length;
    const after = section.blocks.slice(at + 1, until);
    const op = readOperation(section, section.blocks.slice(from, at), section.blocks[at] as CodeBlock, after, ctx);
    if (op) {
      if (endsPage && k === defs.length - 1) {
        const trailing = layoutGaps(after, op.responseFound, ctx.endsCut ?? false);
        const gaps = [...(op.operation.incomplete ?? []), ...trailing];
        if (gaps.length > 0) op.operation.incomplete = gaps;
        if (trailing.length > 0) {
          const last = section.blocks[section.blocks.length - 1];
          const line = last?.kind === 'code' ? (last.lines[last.lines.length - 1]?.line ?? last.line) : (last?.line ?? section.line);
          const where = trailing.map((g) => `${g.section} (${g.state})`).join(', ');
          ctx.sink.warning(line, `${op.operation.method}: the page ends before the operation is whole (a page cut short?): ${where}`);
        }
      }
      operations.push(op.operation);
    }
    from = at + 1 + (op?.consumed ?? 0);
  });
  return operations;
}

/** One operation from the blocks before its definition, the definition, and the blocks after it. */
function readOperation(
  section: Section,
  before: readonly Block[],
  def: CodeBlock,
  after: readonly Block[],
  ctx: SectionContext,
): { operation: ReadOperation; consumed: number; responseFound: boolean } | undefined {
  const java = hasJavaDeclaration(def) && !hasDefinition(def) ? readJavaDeclaration(def) : undefined;
  if (java) return readJavaOperation(section, before, java, after, ctx);
  const { signature, problems } = readSignature(def);
  for (const p of problems) ctx.sink.error(p.line, `section "${section.title}": ${p.message}`, p.column);
  if (!signature) return undefined;
  const method = signature.method;

  const paragraphs = documentationBefore(section, before, method, ctx);
  const response = readResponse(method, def, after, paragraphs, section, ctx);

  const operation: ReadOperation = {
    method,
    documentation: joinParagraphs(paragraphs),
    deprecated: false,
    input: inputShape(signature, ctx.facts, ctx.sink, ctx.warnings),
    errors: [],
    source: { file: ctx.sink.file, line: section.title ? section.line : signature.line },
  };
  if (section.title) operation.title = section.title;
  if (response.output) operation.output = response.output;
  return { operation, consumed: response.consumed, responseFound: response.found };
}

/**
 * A Java SDK operation: the method its declaration names; its request's members are not on the
 * page (its "Parameter meaning" points to the API reference), so the input is recorded as hidden
 * rather than claimed empty; the output is the response example's.
 */
function readJavaOperation(
  section: Section,
  before: readonly Block[],
  java: NonNullable<ReturnType<typeof readJavaDeclaration>>,
  after: readonly Block[],
  ctx: SectionContext,
): { operation: ReadOperation; consumed: number; responseFound: boolean } {
  const paragraphs = documentationBefore(section, before, java.method, ctx);
  const response = readResponse(java.method, undefined, after, paragraphs, section, ctx);
  const request = java.parameters.map((p) => `${p.type} ${p.name}`).join(', ');
  const operation: ReadOperation = {
    method: java.method,
    documentation: joinParagraphs(paragraphs),
    deprecated: false,
    input: { kind: 'structure', members: [] },
    errors: [],
    incomplete: [{ section: 'Parameter meaning', state: 'hidden' }],
    source: { file: ctx.sink.file, line: section.title ? section.line : java.line },
  };
  if (section.title) operation.title = section.title;
  if (request) operation.documentation = joinParagraphs([operation.documentation, `Java: ${java.returnType} ${java.method}(${request})`]);
  if (response.output) operation.output = response.output;
  return { operation, consumed: response.consumed, responseFound: response.found };
}

/** The documentation before a definition: notes and sentences, the layout's labels left out. */
function documentationBefore(section: Section, before: readonly Block[], method: string, ctx: SectionContext): string[] {
  const paragraphs: string[] = [];
  for (const block of before) {
    if ((block.kind === 'paragraph' || block.kind === 'item') && LAYOUT_LABEL.test(block.text.trim())) continue;
    if (block.kind === 'paragraph') {
      const named = FUNCTION_SENTENCE.exec(block.text)?.[1];
      if (named !== undefined && named !== method) {
        ctx.sink.warning(block.line, `section "${section.title}" announces ${named} but defines ${method}`);
      }
      paragraphs.push(block.text.replace(DEFINED_AS_FOLLOWS, ''));
    } else if (block.kind === 'item') paragraphs.push(`- ${block.text}`);
  }
  return paragraphs;
}

/**
 * The response after a definition: the first JSON example or "There are no special response
 * parameters"; the OpenAPI link on the way joins the documentation. A section that ends first is
 * an error, the output then the facts' model (if any).
 */
function readResponse(
  method: string,
  def: CodeBlock | undefined,
  after: readonly Block[],
  paragraphs: string[],
  section: Section,
  ctx: SectionContext,
): { output?: StructureNode; consumed: number; found: boolean } {
  let output: StructureNode | undefined;
  let consumed = after.length;
  let responseFound = false;
  for (let i = 0; i < after.length; i++) {
    const block = after[i]!;
    const link = block.kind === 'paragraph' ? OPENAPI_LINK.exec(block.text) : null;
    if (link) paragraphs.push(`OpenAPI documentation: ${link[1]}`);
    // A pointer to the API reference in other words (Java: "…, refer to Request Parameters for Creating NAT").
    else if (block.kind === 'paragraph' && i > 0 && PARAMETER_MEANING.test(labelText(after[i - 1]) ?? '')) paragraphs.push(block.text);
    if (block.kind === 'paragraph' && NO_RESPONSE.test(block.text)) {
      output = { kind: 'structure', members: [] };
    } else if (block.kind === 'code' && isJsonExample(block)) {
      output = readExample(method, block, ctx);
    } else continue;
    responseFound = true;
    consumed = i + 1;
    break;
  }
  if (!responseFound) {
    const last = after[after.length - 1] ?? def;
    const lastLine = !last ? section.line : last.kind === 'code' ? (last.lines[last.lines.length - 1]?.line ?? last.line) : last.line;
    ctx.sink.error(lastLine, `section "${section.title}" is cut short: expected the response of ${method} (a JSON example or "There are no special response parameters")`);
    const facts = ctx.facts.output(method);
    const model = facts === undefined ? undefined : ctx.facts.typeOf(facts);
    if (model?.kind === 'structure') output = model;
  }
  return { ...(output ? { output } : {}), consumed, found: responseFound };
}

/** The text of a layout label block (a paragraph, or Java's bullet `- Operation succeeded`). */
function labelText(block: Block | undefined): string | undefined {
  return block && (block.kind === 'paragraph' || block.kind === 'item') ? block.text.trim() : undefined;
}

/** The parts of the last operation's layout a page that ends in it does not show whole. */
function layoutGaps(after: readonly Block[], responseFound: boolean, endsCut: boolean): SectionGap[] {
  const at = LAYOUT_PARTS.map((p) => after.findIndex((b) => p.label.test(labelText(b) ?? '')));
  let furthest = -1;
  at.forEach((index, part) => {
    if (index >= 0) furthest = part;
  });
  if (furthest === LAYOUT_PARTS.length - 1) {
    const label = after[at[furthest]!]!;
    const shown = (labelText(label) ?? '').replace(LAYOUT_PARTS[furthest]!.label, '').trim() !== '' || after.slice(at[furthest]! + 1).some((b) => b.kind === 'paragraph');
    if (shown && !endsCut) return [];
  }
  const gaps: SectionGap[] = [];
  // Without the response, the part the page ends in is the response whatever labels it shows.
  if (furthest >= 0) gaps.push({ section: sectionName(after, at, furthest), state: 'cut' });
  else if (!responseFound) gaps.push({ section: LAYOUT_PARTS[1].name, state: 'cut' });
  for (let part = furthest + 1; part < LAYOUT_PARTS.length; part++) gaps.push({ section: LAYOUT_PARTS[part]!.name, state: 'missing' });
  return gaps;
}

/** A part's name as the page's label writes it (`Response Value`, `Example code`). */
function sectionName(after: readonly Block[], at: readonly number[], part: number): string {
  const text = labelText(after[at[part]!]) ?? '';
  const m = LAYOUT_PARTS[part]!.label.exec(text);
  return m ? m[0].replace(/:$/, '') : LAYOUT_PARTS[part]!.name;
}

/** Whether a code block is a JSON example: labelled so, or starting like JSON. */
function isJsonExample(block: CodeBlock): boolean {
  if (hasDefinition(block)) return false;
  if (block.label && /^json$/i.test(block.label)) return true;
  return /^\s*[{[]/.test(codeText(block));
}

/** Parses a response example; unrepairable ones fall back to the facts' model (or no output). */
function readExample(method: string, block: CodeBlock, ctx: SectionContext): StructureNode | undefined {
  const parsed = parseTolerantJson(codeText(block));
  const position = (at: { line: number; column: number }) => codePosition(block, at.line, at.column);
  // Repairs of kinds the facts accept for this example (a page known to need them) are not reported.
  const accepted = new Set(ctx.facts.acceptedRepairs(method));
  if (parsed.repairs.some((r) => !accepted.has(r.kind))) {
    const first = position(parsed.repairs[0]!.at);
    const kinds = [...new Set(parsed.repairs.map((r) => r.kind))].join(', ');
    ctx.sink.warning(
      first.line,
      `the response example of ${method} is not valid JSON; repaired ${parsed.repairs.length} place(s) (${kinds}), first: ${parsed.repairs[0]!.message}`,
      first.column,
    );
  }
  const outputId = ctx.facts.output(method);
  const shape = (value: JsonNode) => responseShape(withoutSdkMetadata(value), outputId, { method, facts: ctx.facts, sink: ctx.sink, warnings: ctx.warnings, position });
  if (!parsed.value) {
    for (const problem of parsed.problems) {
      const p = position(problem.at);
      ctx.sink.error(p.line, `the response example of ${method} can't be repaired: ${problem.message}`, p.column);
    }
    const model = outputId === undefined ? undefined : ctx.facts.typeOf(outputId);
    if (model?.kind === 'structure') return model;
    // Without a model, what the example shows before it breaks off (a cut page) is the output so far.
    const prefix = readTemplate(codeText(block));
    return prefix.value?.kind === 'object' ? shape(prefix.value) : undefined;
  }
  return shape(parsed.value);
}

/**
 * The SDKs print their response object, whose `metadata` member holds the HTTP response's headers
 * (the SDKs' response metadata: request id, content length, date…), not a member of the body: it
 * is left out of the output.
 */
function withoutSdkMetadata(value: JsonNode): JsonNode {
  if (value.kind !== 'object') return value;
  const entries = value.entries.filter((e) => !(e.key === 'metadata' && (e.value.kind === 'object' || e.value.kind === 'identifier' || e.value.kind === 'null')));
  return entries.length === value.entries.length ? value : { ...value, entries };
}
