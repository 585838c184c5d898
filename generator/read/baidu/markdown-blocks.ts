/**
 * Cutting a Baidu page written in Markdown (the docs' source: headings, bullet lists, fenced code)
 * into blocks. `unified` + `remark-parse` do the parsing; this only walks the syntax tree and
 * keeps what the Baidu reader needs, each block with its line in the file.
 */
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Block } from './blocks.ts';

/** Parses Markdown into the syntax tree remark gives (never throws on any input text). */
export function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).parse(text);
}

/** Blocks of a Markdown page (its text, or the syntax tree already parsed), in document order. */
export function markdownBlocks(page: string | Root): Block[] {
  const blocks: Block[] = [];
  for (const node of (typeof page === 'string' ? parseMarkdown(page) : page).children) collect(node, blocks);
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
      // The fence occupies `line`; the code starts on the next line, at the fence's indentation.
      const column = node.position?.start.column ?? 1;
      const lines = node.value === '' ? [] : node.value.split('\n').map((text, i) => ({ text, line: line + 1 + i, column }));
      into.push({ kind: 'code', ...(node.lang ? { label: node.lang } : {}), lines, line });
      return;
    }
    case 'blockquote':
      for (const child of node.children) collect(child, into);
      return;
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
