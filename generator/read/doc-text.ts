/**
 * Normalising documentation text, shared by every reader so that the same docs give the same
 * string whatever the rendering: inline markup removed, whitespace inside a paragraph folded to
 * one space, paragraphs separated by one blank line, list items as `- item` lines.
 */
import { docLink } from '../ir/links.ts';

/**
 * Removes RST inline markup: ``code``, **bold**, *italic*, :role:`text`; a hyperlink `text <url>`_
 * becomes the documentation's link form (`[text](url)`, see `generator/ir/links.ts`) or its text.
 */
export function stripInlineRst(text: string): string {
  return text
    .replace(/:[a-z]+(?::[a-z]+)?:`~?([^`<]*?)\s*(?:<[^>]*>)?`/g, (_m, t: string) => t.replace(/^\.+/, ''))
    .replace(/`([^`<]+?)\s*<([^>]*)>`__?/g, (_m, t: string, url: string) => docLink(foldWhitespace(t.replace(/\\(.)/g, '$1')), url.trim()))
    .replace(/``(.+?)``/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*(\S(?:.*?\S)?)\*(?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`_{0,2}/g, '$1')
    .replace(/\\(.)/g, '$1');
}

/** Folds whitespace inside a paragraph to single spaces and trims it. */
export function foldWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Joins paragraphs (already clean text, each possibly several lines) into one documentation
 * string: each paragraph folded, empty ones dropped, separated by a blank line. List items
 * (paragraphs starting with `- `) that follow each other stay on consecutive lines.
 */
export function joinParagraphs(paragraphs: readonly string[]): string {
  let out = '';
  let previousWasItem = false;
  for (const raw of paragraphs) {
    const p = foldWhitespace(raw);
    if (!p) continue;
    const isItem = p.startsWith('- ');
    if (out) out += isItem && previousWasItem ? '\n' : '\n\n';
    out += p;
    previousWasItem = isItem;
  }
  return out;
}

/** Typographic punctuation and the ASCII a source writes it with, longest first. */
const TYPOGRAPHY: readonly [RegExp, string][] = [
  [/[\u2018\u2019]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/\u2014/g, '---'],
  [/\u2013/g, '--'],
  [/\u2026/g, '...'],
];

/**
 * Writes typographic quotes, dashes and ellipses as ASCII (`'`, `"`, `---`, `--`, `...`). Sphinx
 * renders a source's ASCII spelling typographically (its smartquotes, on by default), so a page and
 * its rendering give the same text only in this spelling, whichever of the two a source used.
 */
export function foldTypography(text: string): string {
  let out = text;
  for (const [from, to] of TYPOGRAPHY) out = out.replace(from, to);
  return out;
}
