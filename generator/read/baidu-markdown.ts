/**
 * Reader for Baidu AI Cloud SDK pages in their Markdown source (headings, bullet notes, fenced
 * code without line numbers). Parsed with `unified` + `remark-parse`; gives the same `ReadPage`
 * as the rendered text of the same page.
 */
import type { ReaderContext, ReadPage } from './page.ts';
import { readBaiduBlocks } from './baidu/read-page.ts';
import { markdownBlocks } from './baidu/markdown-blocks.ts';

/** Whether text is a Baidu SDK page in Markdown: fenced code holding a Baidu `@required`/`def` or client setup. */
export function isBaiduMarkdown(text: string): boolean {
  return /^\s{0,3}(```|~~~)/m.test(text) && /(@required\(|^\s*def \w+\(self\b|\bBceClientConfiguration\b)/m.test(text);
}

/** Reads a Baidu SDK page written in Markdown. */
export function readBaiduMarkdown(text: string, file: string, context?: ReaderContext): ReadPage {
  return readBaiduBlocks(markdownBlocks(text), file, 'baidu-markdown', context);
}
