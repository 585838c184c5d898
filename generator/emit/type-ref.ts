/**
 * The TypeScript type a member has, as a small tree the `typeRef` partial renders (so no type text is
 * assembled here). Lists and maps are inlined (`T[]`, `Record<string, T>`); structures, unions and enums
 * are referred to by their declared name; other scalars map to fixed types.
 *
 * @packageDocumentation
 */
import type { Service } from '../ir/model.ts';
import type { ServiceNames } from './names.ts';

/** A type reference: exactly one field is set. */
export interface TypeRef {
  /** A declared type of the package (structure, union, enum). */
  named?: string;
  /** An enum left open to unknown values (`Status | (string & {})`), for output shapes. */
  open?: boolean;
  /** A fixed type: `string`, `number`, `boolean`, `Date`, `Uint8Array`, `StreamingBody`, `DocumentValue`, `unknown`. */
  fixed?: string;
  /** A list of the inner type. */
  list?: TypeRef;
  /** A string-keyed map of the inner type. */
  map?: TypeRef;
}

const FIXED: Record<string, string> = {
  string: 'string',
  integer: 'number',
  float: 'number',
  boolean: 'boolean',
  timestamp: 'Date',
  blob: 'Uint8Array',
  stream: 'StreamingBody',
  document: 'DocumentValue',
};

/**
 * The type of shape `id`. `output` opens enums. `depth` guards against a list or map that contains
 * itself without a structure in between (which has no finite inline type): it becomes `unknown`.
 */
export function typeRefOf(service: Service, names: ServiceNames, id: string, output: boolean, depth = 0): TypeRef {
  const shape = service.shapes[id];
  if (!shape || depth > 16) return { fixed: 'unknown' };
  const named = names.types.get(id);
  if (named) return shape.type === 'string' && output ? { named, open: true } : { named };
  if (shape.type === 'list') return { list: typeRefOf(service, names, shape.member, output, depth + 1) };
  if (shape.type === 'map') return { map: typeRefOf(service, names, shape.value, output, depth + 1) };
  return { fixed: FIXED[shape.type] ?? 'unknown' };
}
