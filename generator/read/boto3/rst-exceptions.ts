/**
 * boto3's client exception classes in reStructuredText (botocore's "Client Exceptions" section of a
 * whole-service file, or one page per exception): `.. py:class:: X.Client.exceptions.Name`, its
 * description, an `**Example**`, and `.. py:attribute:: response` whose `**Syntax**` literal and
 * `**Structure**` entries show the error response, as an operation's Response Syntax and Structure do.
 */
import type { DiagnosticSink } from '../../diagnostics.ts';
import type { ReadException } from '../../ir/input.ts';
import { flattenBlock, linesToText, type TextBlock } from '../indent-tree.ts';
import { DocCollector, parseRstEntryHead, readEntry } from './entries.ts';
import { readException } from './helper-classes.ts';
import type { Boto3OperationParts, LocatedText } from './parts.ts';

/** The `::` literal following the block at `index`, and the index of its marker. */
function literalAfter(blocks: readonly TextBlock[], index: number): { text: LocatedText; index: number } | undefined {
  // `**Syntax** ::` carries its marker on the heading's line; `**Syntax**` then `::` on the next.
  const own = blocks[index]!;
  const marker = own.head.text.endsWith('::') ? own : blocks[index + 1];
  if (!marker || !marker.head.text.endsWith('::')) return undefined;
  const lines = marker.children.flatMap((c) => flattenBlock(c));
  if (lines.length === 0) return undefined;
  const { text, line } = linesToText(lines);
  return { text: { text, line }, index: marker === own ? index : index + 1 };
}

/** Reads one exception class block (`.. py:class:: X.Client.exceptions.Name`). */
export function readRstException(block: TextBlock, name: string, sink: DiagnosticSink): ReadException {
  const parts: Boto3OperationParts = { method: name, documentation: '', params: [], exceptions: [], line: block.head.line, returnType: 'dict' };
  const description = new DocCollector();
  let described = false;
  for (const b of block.children) {
    const text = b.head.text;
    if (/^\*\*Example\*\*/.test(text)) described = true;
    if (/^\.\. py:attribute:: response\b/.test(text)) {
      described = true;
      readResponse(b, parts, sink);
      continue;
    }
    if (!described) description.add(b);
  }
  parts.documentation = description.text;
  return readException(name, parts, sink);
}

/** The `response` attribute: its Syntax literal and Structure entries. */
function readResponse(attribute: TextBlock, parts: Boto3OperationParts, sink: DiagnosticSink): void {
  const body = attribute.children;
  for (let i = 0; i < body.length; i++) {
    const text = body[i]!.head.text;
    if (/^\*\*Syntax\*\*/.test(text)) {
      const literal = literalAfter(body, i);
      if (literal) {
        parts.responseSyntax = literal.text;
        i = literal.index;
      } else sink.warning(body[i]!.head.line, `Syntax of exception ${parts.method}: expected a "::" literal block after the heading`);
      continue;
    }
    if (/^\*\*Structure\*\*/.test(text)) {
      const root = body[i + 1];
      const head = root ? parseRstEntryHead(root.head.text) : undefined;
      if (root && head) {
        parts.response = readEntry(root, head, parseRstEntryHead);
        i++;
      }
    }
  }
}
