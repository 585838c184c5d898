/**
 * Reader for Baidu AI Cloud SDK pages as rendered from the site to text (navigation tree, table of
 * contents, code blocks labelled `Plain Text`/`JSON` with line numbers glued to the code).
 */
import type { ReaderContext, ReadPage } from '../ir/input.ts';
import { readBaiduBlocks } from './baidu/read-page.ts';
import { textBlocks } from './baidu/text-blocks.ts';

/** A code line of the rendered page: a line number glued to a decorator, a `def` or a Baidu client. */
const NUMBERED_PYTHON = /^\d+\s*(?:@required\(|def \w+\(self\b|.*\bBceClientConfiguration\b)/m;

/** Whether text is a Baidu SDK page rendered as text (and not its Markdown source). */
export function isBaiduText(text: string): boolean {
  return NUMBERED_PYTHON.test(text) && !/^\s{0,3}(```|~~~)/m.test(text);
}

/** Reads a rendered Baidu SDK page. */
export function readBaiduText(text: string, file: string, context?: ReaderContext): ReadPage {
  return readBaiduBlocks(textBlocks(text), file, 'baidu-text', context);
}
