/**
 * Reading the operations of one section of a Baidu SDK page. A section holds, in order: notes
 * (bullets, which become documentation), the "The `x` function can be used to …" sentence, the
 * `@required`/`def` code block, a link to the OpenAPI page, and the response: a JSON example or
 * "There are no special response parameters". A section cut short, a definition cut short or an
 * example that can't be repaired is reported where it happens; what can be read still is.
 */
import type { Warning } from '../../ir/model.ts';
import type { DiagnosticSink } from '../../diagnostics.ts';
import { joinParagraphs } from '../doc-text.ts';
import type { ReadOperation, StructureNode } from '../../ir/input.ts';
import { parseTolerantJson } from '../syntax/tolerant-json.ts';
import { codePosition, codeText, type Block } from './blocks.ts';
import type { BaiduFacts } from './facts.ts';
import { inputShape } from './input-shape.ts';
import { responseShape } from './response-shape.ts';
import { FUNCTION_SENTENCE, type Section } from './sections.ts';
import { hasDefinition, readSignature } from './signature.ts';

/** What reading a section needs: the facts, and where problems and disagreements go. */
export interface SectionContext {
  facts: BaiduFacts;
  sink: DiagnosticSink;
  warnings: Warning[];
}

type CodeBlock = Extract<Block, { kind: 'code' }>;

const NO_RESPONSE = /there are no special response parameters/i;
const OPENAPI_LINK = /Refer to the OpenAPI documentation:?\s*(\S+)/i;
const DEFINED_AS_FOLLOWS = /\s*The function is defined as follows:?\s*$/i;

/** The operations a section documents: one per definition, or none with an error when it is cut short. */
export function readSectionOperations(section: Section, ctx: SectionContext): ReadOperation[] {
  const defs = section.blocks.flatMap((b, i) => (b.kind === 'code' && hasDefinition(b) ? [i] : []));
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
    const op = readOperation(section, section.blocks.slice(from, at), section.blocks[at] as CodeBlock, section.blocks.slice(at + 1, until), ctx);
    if (op) operations.push(op.operation);
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
): { operation: ReadOperation; consumed: number } | undefined {
  const { signature, problems } = readSignature(def);
  for (const p of problems) ctx.sink.error(p.line, `section "${section.title}": ${p.message}`, p.column);
  if (!signature) return undefined;
  const method = signature.method;

  const paragraphs: string[] = [];
  for (const block of before) {
    if (block.kind === 'paragraph') {
      const named = FUNCTION_SENTENCE.exec(block.text)?.[1];
      if (named !== undefined && named !== method) {
        ctx.sink.warning(block.line, `section "${section.title}" announces ${named} but defines ${method}`);
      }
      paragraphs.push(block.text.replace(DEFINED_AS_FOLLOWS, ''));
    } else if (block.kind === 'item') paragraphs.push(`- ${block.text}`);
  }

  let output: StructureNode | undefined;
  let consumed = after.length;
  let responseFound = false;
  for (let i = 0; i < after.length; i++) {
    const block = after[i]!;
    const link = block.kind === 'paragraph' ? OPENAPI_LINK.exec(block.text) : null;
    if (link) paragraphs.push(`OpenAPI documentation: ${link[1]}`);
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
    const lastLine = last.kind === 'code' ? (last.lines[last.lines.length - 1]?.line ?? last.line) : last.line;
    ctx.sink.error(lastLine, `section "${section.title}" is cut short: expected the response of ${method} (a JSON example or "There are no special response parameters")`);
    const facts = ctx.facts.output(method);
    const model = facts === undefined ? undefined : ctx.facts.typeOf(facts);
    if (model?.kind === 'structure') output = model;
  }

  const operation: ReadOperation = {
    method,
    documentation: joinParagraphs(paragraphs),
    deprecated: false,
    input: inputShape(signature, ctx.facts, ctx.sink, ctx.warnings),
    errors: [],
    source: { file: ctx.sink.file, line: section.title ? section.line : signature.line },
  };
  if (output) operation.output = output;
  return { operation, consumed };
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
  if (parsed.repairs.length > 0) {
    const first = position(parsed.repairs[0]!.at);
    const kinds = [...new Set(parsed.repairs.map((r) => r.kind))].join(', ');
    ctx.sink.warning(
      first.line,
      `the response example of ${method} is not valid JSON; repaired ${parsed.repairs.length} place(s) (${kinds}), first: ${parsed.repairs[0]!.message}`,
      first.column,
    );
  }
  const outputId = ctx.facts.output(method);
  if (!parsed.value) {
    for (const problem of parsed.problems) {
      const p = position(problem.at);
      ctx.sink.error(p.line, `the response example of ${method} can't be repaired: ${problem.message}`, p.column);
    }
    const model = outputId === undefined ? undefined : ctx.facts.typeOf(outputId);
    return model?.kind === 'structure' ? model : undefined;
  }
  return responseShape(parsed.value, outputId, { method, facts: ctx.facts, sink: ctx.sink, warnings: ctx.warnings, position });
}
