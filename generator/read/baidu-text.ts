/**
 * Reader for Baidu AI Cloud SDK pages as rendered from the site to text: the whole page with its
 * navigation tree, table of contents and code blocks labelled `Plain Text`/`JSON` (line numbers
 * glued to the code), and the site's renderings of SDK pages in Python, Java, Go and PHP
 * (`baidu/site-text.ts`: current, older-compact, older-indented, older-unindented), whose code has
 * no label, or no numbers, and whose headings are plain lines.
 */
import type { ReaderContext, ReadPage } from '../ir/input.ts';
import { readBaiduBlocks } from './baidu/read-page.ts';
import { isBaiduSdkSitePage, siteSdkBlocks } from './baidu/site-blocks.ts';
import { textBlocks } from './baidu/text-blocks.ts';

/** A code line of the rendered page: a line number glued to a decorator, a `def` or a Baidu client. */
const NUMBERED_PYTHON = /^\d+\s*(?:@required\(|def \w+\(self\b|.*\bBceClientConfiguration\b)/m;

/** A code block the way the whole page labels it: a `Plain Text`/`JSON` line, then numbered code. */
const LABELLED_CODE = /^(?:Plain Text|JSON)[ \t]*\r?\n1\D/m;

/** Whether text is a Baidu SDK page rendered as text (and not its Markdown source). */
export function isBaiduText(text: string): boolean {
  if (/^\s{0,3}(```|~~~)/m.test(text)) return false;
  return NUMBERED_PYTHON.test(text) || isBaiduSdkSitePage(text);
}

/**
 * Reads a rendered Baidu SDK page. The whole page (a table of contents, labelled code blocks
 * between blank lines) is cut into blocks by its own layout; the site's renderings by theirs.
 */
export function readBaiduText(text: string, file: string, context?: ReaderContext): ReadPage {
  if (isLabelledRendering(text)) return readBaiduBlocks(textBlocks(text), file, 'baidu-text', context);
  const site = siteSdkBlocks(text);
  return readBaiduBlocks(site.blocks, file, 'baidu-text', context, { cut: site.endsCut, lastLine: site.site.lastLine });
}

/** The whole page's layout: its table of contents, or labelled code blocks between blank lines. */
function isLabelledRendering(text: string): boolean {
  return /^\s*Table of contents on this page\s*$/m.test(text) || (LABELLED_CODE.test(text) && /\n[ \t]*\r?\n/.test(text));
}
