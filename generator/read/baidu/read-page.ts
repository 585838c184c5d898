/**
 * From a Baidu page's blocks to a `ReadPage` — the part both Baidu readers (rendered text and
 * Markdown source) share, so that both forms of one page give the same operations.
 */
import { DiagnosticSink } from '../../diagnostics.ts';
import type { Warning } from '../../ir/model.ts';
import type { ReaderContext, ReadPage } from '../../ir/input.ts';
import type { DocumentFormat } from '../format.ts';
import { codeText, type Block } from './blocks.ts';
import { BaiduFacts } from './facts.ts';
import { readSectionOperations } from './operation.ts';
import { isOperationSection, sectionsOf } from './sections.ts';

/** How a page builds its client: `peerconn_client.PeerConnClient(config)`. */
const CLIENT_CONSTRUCTOR = /\b([A-Z][A-Za-z0-9]*Client)\s*\(\s*config\b/;

/** Reads the operations of a Baidu page already cut into blocks. */
export function readBaiduBlocks(blocks: readonly Block[], file: string, format: DocumentFormat, context?: ReaderContext): ReadPage {
  const sink = new DiagnosticSink(file);
  const warnings: Warning[] = [];
  const page: ReadPage = { file, format, service: { provider: 'baidu' }, operations: [], skipped: [], diagnostics: sink.items, warnings };
  const facts = new BaiduFacts(context);
  let hadOperationSection = false;
  for (const section of sectionsOf(blocks)) {
    if (!isOperationSection(section)) {
      if (section.title) page.skipped.push({ kind: 'other', name: section.title, source: { file, line: section.line } });
      const client = section.blocks.map((b) => (b.kind === 'code' ? CLIENT_CONSTRUCTOR.exec(codeText(b)) : null)).find(Boolean);
      if (client && !page.service.clientName) page.service.clientName = client[1]!;
      continue;
    }
    hadOperationSection = true;
    for (const op of readSectionOperations(section, { facts, sink, warnings })) page.operations.push(op);
  }
  if (!hadOperationSection) {
    sink.error(1, 'no operation found on this Baidu page: expected a section with "The <name> function can be used to …" and its "def <name>(self, …)"');
  }
  return page;
}
