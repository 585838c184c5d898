/**
 * Reader for Baidu AI Cloud's API-reference pages as text from the site, in any of its four
 * renderings (`baidu/site-text.ts`): an operation's page ("Request structure", the request- and
 * response-parameter tables, examples) gives one operation with its HTTP binding; the reference's
 * general pages (common headers and errors, the general description) give none; a page that is
 * only the site's navigation tree is reported as cut before its body.
 */
import type { ReadPage } from '../ir/input.ts';
import { isBaiduApiReference, readApiReferencePage } from './baidu/api-page.ts';

/** Whether text is a page of Baidu's API reference as the site renders it. */
export function isBaiduApiText(text: string): boolean {
  return isBaiduApiReference(text);
}

/** Reads a Baidu API-reference page. */
export function readBaiduApiText(text: string, file: string): ReadPage {
  return readApiReferencePage(text, file, 'baidu-api-text');
}
