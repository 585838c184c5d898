/**
 * Where a setting is in its `service.json`: line and column of a key, or of a value, by the keys
 * leading to it. The tree comes from `jsonc-parser` (offsets per node), so a key is found where it is
 * in the object it belongs to — not at the first text that looks like it.
 *
 * @packageDocumentation
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { lineAt, lineOffsets } from '../text-offsets.ts';

/** A 1-based position in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Positions in one settings text. */
export interface SettingsPositions {
  /** The key of the property at `keys` (its opening quote); the nearest enclosing one found when it is not there. */
  key(keys: readonly string[]): TextPosition;
  /** The value at `keys` (its first character); the nearest enclosing one found when it is not there. */
  value(keys: readonly string[]): TextPosition;
  /** The position of `offset` characters into the text. */
  at(offset: number): TextPosition;
  /** The text offset where the string value at `keys` starts (after its opening quote), when it is a string. */
  stringStart(keys: readonly string[]): number | undefined;
}

/** Positions in `text` (a JSON document; positions of a text that is not JSON are all 1:1). */
export function settingsPositions(text: string): SettingsPositions {
  const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  const lineStarts = lineOffsets(text);
  const at = (offset: number): TextPosition => {
    const line = lineAt(lineStarts, offset);
    return { line, column: offset - lineStarts[line - 1]! + 1 };
  };
  /** The deepest node along `keys` and how many keys it took. */
  const deepest = (keys: readonly string[]): { node: Node | undefined; depth: number } => {
    if (!root) return { node: undefined, depth: 0 };
    for (let depth = keys.length; depth > 0; depth--) {
      const node = findNodeAtLocation(root, keys.slice(0, depth).map((k) => (/^\d+$/.test(k) && isArrayAt(keys.slice(0, depth - 1)) ? Number(k) : k)));
      if (node) return { node, depth };
    }
    return { node: root, depth: 0 };
  };
  const isArrayAt = (keys: readonly string[]) => {
    if (!root) return false;
    const node = keys.length === 0 ? root : findNodeAtLocation(root, [...keys]);
    return node?.type === 'array';
  };
  return {
    at,
    value: (keys) => {
      const { node } = deepest(keys);
      return node ? at(node.offset) : { line: 1, column: 1 };
    },
    key: (keys) => {
      const { node } = deepest(keys);
      if (!node) return { line: 1, column: 1 };
      // A property's value node has the property as parent; its first child is the key.
      const property = node.parent?.type === 'property' ? node.parent : undefined;
      return at(property?.children?.[0]?.offset ?? node.offset);
    },
    stringStart: (keys) => {
      if (!root) return undefined;
      const node = findNodeAtLocation(root, [...keys]);
      return node?.type === 'string' ? node.offset + 1 : undefined;
    },
  };
}
