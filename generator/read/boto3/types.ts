/**
 * What a boto3 type name means: the `(type)` of a bullet or `:type:` field, and the form of a
 * value in a Request/Response Syntax literal, each mapped to a kind of {@link TypeNode}.
 */
import type { SyntaxValue } from '../syntax/python-literal.ts';
import type { ScalarNode } from '../../ir/input.ts';

/** A type kind as the docs can show it; `dict` is a structure, union or map until its entry says which. */
export type DocTypeKind = ScalarNode['kind'] | 'dict' | 'list' | 'recursive' | 'eventStream';

/** Maps a documented type (`string`, `datetime`, `:class:\`.StreamingBody\`` …) to a kind; undefined if unknown. */
export function kindOfDocType(written: string): DocTypeKind | undefined {
  const t = written.replace(/[*\\]/g, '').trim();
  if (/EventStream/.test(t)) return 'eventStream';
  if (/StreamingBody|seekable file-like object/.test(t)) return 'stream';
  if (/document|JSON serializable/.test(t)) return 'document';
  switch (t) {
    case 'string':
    case 'character':
    case 'str':
      return 'string';
    case 'integer':
    case 'long':
    case 'int':
      return 'integer';
    case 'float':
    case 'double':
      return 'float';
    case 'boolean':
    case 'bool':
      return 'boolean';
    case 'datetime':
    case 'timestamp':
      return 'timestamp';
    case 'bytes':
    case 'blob':
      return 'blob';
    case 'dict':
    case 'map':
    case 'structure':
      return 'dict';
    case 'list':
      return 'list';
    default:
      return undefined;
  }
}

/** True when every option is a `{...}`/`[...]`/scalar placeholder: boto3's spelling of a document. */
function isDocumentLiteral(options: readonly SyntaxValue[]): boolean {
  return options.some((o) => o.kind === 'dict' && o.entries.length === 0) && options.some((o) => o.kind === 'list');
}

/** The kind a syntax literal shows, or undefined when it shows none. */
export function kindOfLiteral(value: SyntaxValue): DocTypeKind | undefined {
  switch (value.kind) {
    // botocore's docs write each value as py_default(type) (botocore/docs/utils.py), whose table has
    // every model type but `float` (`double` is 123.0): a float is the `...` it falls back to.
    case 'ellipsis':
      return 'float';
    case 'string':
      return 'string';
    case 'bytes':
      return 'blob';
    case 'integer':
      return 'integer';
    case 'float':
      return 'float';
    case 'boolean':
      return 'boolean';
    case 'dict':
      return 'dict';
    case 'list':
      return 'list';
    case 'recursive':
      return 'recursive';
    case 'call':
      if (value.name === 'datetime') return 'timestamp';
      if (value.name === 'EventStream') return 'eventStream';
      if (value.name === 'StreamingBody') return 'stream';
      return undefined;
    case 'alternatives': {
      const kinds = new Set(value.options.map((o) => o.kind));
      if (isDocumentLiteral(value.options)) return 'document';
      if (kinds.has('bytes')) return 'stream'; // b'bytes'|file: a streaming input
      if (kinds.size === 1 && kinds.has('string')) return 'string';
      if (kinds.size === 1 && kinds.has('boolean')) return 'boolean';
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Enum values a literal shows: `'A'|'B'` → [A, B]; `'string'` (a plain string) → undefined. */
export function enumOfLiteral(value: SyntaxValue | undefined): string[] | undefined {
  if (!value) return undefined;
  if (value.kind === 'string') return value.value === 'string' ? undefined : [value.value];
  if (value.kind === 'alternatives' && value.options.every((o) => o.kind === 'string')) {
    const values = value.options.map((o) => (o.kind === 'string' ? o.value : ''));
    return values.length === 1 && values[0] === 'string' ? undefined : values;
  }
  return undefined;
}
