/**
 * Reader for Baidu AI Cloud SDK pages in their Markdown source (headings, bullet notes, fenced
 * code without line numbers). Parsed with `unified` + `remark-parse`; gives the same `ReadPage`
 * as the rendered text of the same page.
 */
import { DiagnosticSink } from '../diagnostics.ts';
import { parseMarkdownBounded } from './bounded-parse.ts';
import type { ReaderContext, ReadPage } from '../ir/input.ts';
import { readBaiduBlocks } from './baidu/read-page.ts';
import { markdownBlocks } from './baidu/markdown-blocks.ts';

/** Whether text is a Baidu SDK page in Markdown: fenced code holding a Baidu `@required`/`def` or client setup. */
export function isBaiduMarkdown(text: string): boolean {
  return /^\s{0,3}(```|~~~)/m.test(text) && /(@required\(|^\s*def \w+\(self\b|\bBceClientConfiguration\b)/m.test(text);
}

/**
 * Reads a Baidu SDK page written in Markdown. remark runs under a time bound (its time grows
 * with the cube of list nesting): a page it can't parse in time is an error, not a hang.
 */
export function readBaiduMarkdown(text: string, file: string, context?: ReaderContext): ReadPage {
  const parsed = parseMarkdownBounded(text);
  if ('doc' in parsed) return readBaiduBlocks(markdownBlocks(parsed.doc), file, 'baidu-markdown', context);
  const sink = new DiagnosticSink(file);
  const why = 'timedOut' in parsed ? `the Markdown parser gave up after ${parsed.timedOut} ms: the page is too large or its lists nest too deep` : `not readable as Markdown: ${parsed.error}`;
  sink.error(1, why);
  return { file, format: 'baidu-markdown', service: { provider: 'baidu' }, operations: [], skipped: [], diagnostics: sink.items, warnings: [] };
}
