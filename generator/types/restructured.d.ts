/** Minimal types for `restructured` (it ships none): the parser's entry point and its nodes. */
declare module 'restructured' {
  /** A node of the reStructuredText syntax tree. */
  export interface RstNode {
    type: string;
    directive?: string;
    value?: string;
    children?: RstNode[];
    position?: { start: { offset: number; line: number; column: number }; end: { offset: number; line: number; column: number } };
  }
  const restructured: { parse(text: string, options?: { position?: boolean; blanklines?: boolean; indent?: boolean }): RstNode };
  export default restructured;
}
