/**
 * Normalising documentation text, shared by every reader so that the same docs give the same
 * string whatever the rendering: inline markup removed, whitespace inside a paragraph folded to
 * one space, paragraphs separated by one blank line, list items as `- item` lines.
 */

/** Removes RST inline markup: ``code``, **bold**, *italic*, `text <url>`_, :role:`text`. */
export function stripInlineRst(text: string): string {
  return text
    .replace(/:[a-z]+(?::[a-z]+)?:`~?([^`<]*?)\s*(?:<[^>]*>)?`/g, (_m, t: string) => t.replace(/^\.+/, ''))
    .replace(/`([^`<]+?)\s*<[^>]*>`__?/g, '$1')
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
