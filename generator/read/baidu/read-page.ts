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

/**
 * How a page of the site ends, for the SDK pages read from its renderings (`site-blocks.ts`):
 * whether it ends the way a cut page does, and its last line.
 */
export interface PageEnding {
  cut: boolean;
  lastLine: number;
}

/** Reads the operations of a Baidu page already cut into blocks. */
export function readBaiduBlocks(blocks: readonly Block[], file: string, format: DocumentFormat, context?: ReaderContext, ending?: PageEnding): ReadPage {
  const sink = new DiagnosticSink(file);
  const warnings: Warning[] = [];
  const page: ReadPage = { file, format, service: { provider: 'baidu' }, operations: [], skipped: [], diagnostics: sink.items, warnings };
  const facts = new BaiduFacts(context);
  let hadOperationSection = false;
  const sections = sectionsOf(blocks);
  sections.forEach((section, i) => {
    if (!isOperationSection(section)) {
      if (section.title) page.skipped.push({ kind: 'other', name: section.title, source: { file, line: section.line } });
      const client = section.blocks.map((b) => (b.kind === 'code' ? clientOf(codeText(b)) : undefined)).find(Boolean);
      if (client && !page.service.clientName) page.service.clientName = client;
      return;
    }
    hadOperationSection = true;
    const ctx = { facts, sink, warnings, ...(ending ? { endsCut: ending.cut } : {}) };
    for (const op of readSectionOperations(section, ctx, i === sections.length - 1)) page.operations.push(op);
  });
  const last = sections[sections.length - 1];
  if (hadOperationSection && ending?.cut && last && !isOperationSection(last)) {
    // Cut after its last operation, inside a section that may have held the next one.
    sink.warning(ending.lastLine, `the page ends mid-line in section "${last.title}" (a page cut short?): what it held is not read`);
  }
  if (!hadOperationSection && ending) {
    // An SDK page of the site with its setup only: cut before its first operation, or a setup page.
    const where = last?.title ? `; its last section is "${last.title}"` : '';
    if (ending.cut) sink.error(ending.lastLine, `the page ends before any operation (a page cut short?)${where}`);
    else sink.warning(ending.lastLine, `no operation on this SDK page: no section declares a function (a Python "def", a Java "public …")${where}`);
  } else if (!hadOperationSection) {
    sink.error(1, 'no operation found on this Baidu page: expected a section with "The <name> function can be used to …" and its "def <name>(self, …)"');
  }
  return page;
}

/**
 * The client a setup code block builds: Python `peerconn_client.PeerConnClient(config)`, Java
 * `new NatClient(config)`, PHP `new AclClient($AclConfigs)`. (Go builds `vpc.NewClient(AK, SK,
 * ENDPOINT)`, which names no client class.)
 */
function clientOf(code: string): string | undefined {
  const python = CLIENT_CONSTRUCTOR.exec(code);
  if (python) return python[1]!;
  const other = /\bnew\s+([A-Z][A-Za-z0-9]*Client)\s*\(/.exec(code);
  return other ? other[1]! : undefined;
}
