/**
 * The function declaration Baidu's Java SDK pages show for each operation, its body elided:
 *
 *     public CreateNatResponse createNat(CreateNatRequest request) {
 *         ......
 *     }
 *
 * The method, its request and response classes. The request's members are not on the page (its
 * "Parameter meaning" points to the API reference), so they are not read here.
 */
import type { Block } from './blocks.ts';

type CodeBlock = Extract<Block, { kind: 'code' }>;

/** A Java SDK method as its page declares it. */
export interface JavaDeclaration {
  method: string;
  returnType: string;
  parameters: { type: string; name: string }[];
  line: number;
  column: number;
}

const DECLARATION = /^\s*public\s+(?:static\s+)?([\w.]+(?:<[^()]*>)?(?:\[\])?)\s+(\w+)\s*\(([^)]*)\)/;

/** Whether a code block holds a Java method declaration (`public Type name(…)`). */
export function hasJavaDeclaration(block: CodeBlock): boolean {
  return block.lines.some((l) => DECLARATION.test(l.text));
}

/** The declaration in a code block, or undefined when it has none whole (cut before its `)`). */
export function readJavaDeclaration(block: CodeBlock): JavaDeclaration | undefined {
  for (const l of block.lines) {
    const m = DECLARATION.exec(l.text);
    if (!m) continue;
    const parameters = m[3]!
      .split(',')
      .map((p) => p.trim().split(/\s+/))
      .filter((p) => p.length >= 2)
      .map((p) => ({ type: p.slice(0, -1).join(' '), name: p[p.length - 1]! }));
    return { method: m[2]!, returnType: m[1]!, parameters, line: l.line, column: l.column + l.text.search(/\S/) };
  }
  return undefined;
}
