/**
 * The TypeScript type a member has, as a small tree the `typeRef` partial renders (so no type text is
 * assembled here). Lists and maps are inlined (`T[]`, `Record<string, T>`); structures, unions and enums
 * are referred to by their declared name; other scalars map to fixed types.
 *
 * @packageDocumentation
 */
import type { Service } from '../ir/model.ts';
import { visitShape, type ShapeVisitor } from '../ir/walk.ts';
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
  /** An async sequence of the inner type's values (an event stream: a union of events). */
  eventStream?: TypeRef;
}

interface TypeRefContext {
  service: Service;
  names: ServiceNames;
  output: boolean;
  depth: number;
}

const UNKNOWN = (): TypeRef => ({ fixed: 'unknown' });

// The type of a shape without a declared name: lists and maps inline, other scalars fixed. Structures
// and unions are always named (names.ts), so they do not get here.
const TYPE_REF: ShapeVisitor<TypeRef, TypeRefContext> = {
  structure: UNKNOWN,
  union: UNKNOWN,
  list: (shape, c) => ({ list: typeRefOf(c.service, c.names, shape.member, c.output, c.depth + 1) }),
  map: (shape, c) => ({ map: typeRefOf(c.service, c.names, shape.value, c.output, c.depth + 1) }),
  string: () => ({ fixed: 'string' }),
  integer: () => ({ fixed: 'number' }),
  float: () => ({ fixed: 'number' }),
  boolean: () => ({ fixed: 'boolean' }),
  timestamp: () => ({ fixed: 'Date' }),
  blob: () => ({ fixed: 'Uint8Array' }),
  stream: () => ({ fixed: 'StreamingBody' }),
  document: () => ({ fixed: 'DocumentValue' }),
};

/**
 * The type of shape `id`. `output` opens enums. `depth` guards against a list or map that contains
 * itself without a structure in between (which has no finite inline type): it becomes `unknown`.
 */
export function typeRefOf(service: Service, names: ServiceNames, id: string, output: boolean, depth = 0): TypeRef {
  const shape = service.shapes[id];
  if (!shape || depth > 16) return UNKNOWN();
  const named = names.types.get(id);
  if (named && shape.type === 'union' && shape.eventStream) return { eventStream: { named } };
  if (named) return shape.type === 'string' && output ? { named, open: true } : { named };
  return visitShape(shape, TYPE_REF, { service, names, output, depth });
}
