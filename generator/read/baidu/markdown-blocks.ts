/**
 * Cutting a Baidu page written in Markdown (the docs' source: headings, bullet lists, fenced code)
 * into blocks. `unified` + `remark-parse` do the parsing, on bounded-parse.ts's thread (so they are
 * not loaded here: ~30 ms of every start); this only walks the syntax tree and keeps what the Baidu
 * reader needs, each block with its line in the file.
 */
import type { Nodes, Root } from 'mdast';
import type { Block } from './blocks.ts';

/** Blocks of a Markdown page's syntax tree, in document order. */
export function markdownBlocks(page: Root): Block[] {
  const blocks: Block[] = [];
  // Blockquotes nest without bound (`> > > …`): walked with a stack of pending nodes, not recursion.
  const pending: Nodes[] = [...page.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'blockquote') for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
    else collect(node, blocks);
  }
  return blocks;
}

function collect(node: Nodes, into: Block[]): void {
  const line = node.position?.start.line ?? 1;
  switch (node.type) {
    case 'heading':
      into.push({ kind: 'heading', text: inlineText(node), line });
      return;
    case 'paragraph':
      into.push({ kind: 'paragraph', text: inlineText(node), line });
      return;
    case 'list':
      for (const item of node.children) {
        into.push({ kind: 'item', text: item.children.map(inlineText).filter(Boolean).join(' '), line: item.position?.start.line ?? line });
      }
      return;
    case 'code': {
      // A fence occupies the block's first line (and its last, when closed), so the code starts on
      // the next one; indented code has no fence and starts on its first line. Either way it ends
      // where the block does (a fence left open at the end of the page).
      const column = node.position?.start.column ?? 1;
      const end = node.position?.end.line ?? line;
      const values = node.value === '' ? [] : node.value.split('\n');
      const first = end - line + 1 > values.length ? line + 1 : line;
      const lines = values.map((text, i) => ({ text, line: Math.min(first + i, end), column }));
      into.push({ kind: 'code', ...(node.lang ? { label: node.lang } : {}), lines, line });
      return;
    }
    default:
      return;
  }
}

/** The plain text of inline content: text and inline code kept, markup dropped, breaks as spaces. */
function inlineText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('').replace(/\s+/g, ' ').trim();
  return '';
}
