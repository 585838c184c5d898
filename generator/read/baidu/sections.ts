/**
 * Cutting a Baidu page's blocks into sections at its headings, and telling operation sections
 * (a "The `x` function can be used to …" sentence and a Python definition) from the others
 * (creating the client, endpoints, access keys), which produce no operations.
 */
import type { Block } from './blocks.ts';
import { hasJavaDeclaration } from './java-declaration.ts';
import { hasDefinition } from './signature.ts';

/** A heading and the blocks up to the next heading. */
export interface Section {
  title: string;
  line: number;
  blocks: Block[];
}

/** The sentence announcing an operation: "The create_peerconn function can be used to …". */
export const FUNCTION_SENTENCE = /\bThe\s+`?([a-z_][a-z0-9_]*)`?\s+(?:function\s+|method\s+)?can be used\b/;

/** Sections in page order; blocks before the first heading form an untitled section. */
export function sectionsOf(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      current = { title: block.text, line: block.line, blocks: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { title: '', line: block.line, blocks: [] };
      sections.push(current);
    }
    current.blocks.push(block);
  }
  return sections;
}

/** The label the site's SDK pages put before an operation's definition (no "The x function can be used" sentence there). */
export const DECLARATION_LABEL = /^function declaration$/i;

/**
 * Whether a section documents an operation: it shows a definition (Python `def`, Java `public …`)
 * or announces one (the function sentence, the `Function declaration` label).
 */
export function isOperationSection(section: Section): boolean {
  return section.blocks.some(
    (b) =>
      (b.kind === 'code' && (hasDefinition(b) || hasJavaDeclaration(b))) ||
      (b.kind === 'paragraph' && (FUNCTION_SENTENCE.test(b.text) || DECLARATION_LABEL.test(b.text.trim()))),
  );
}
