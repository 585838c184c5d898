/**
 * View model of a usage example: an input value built from the input shape the way the docs' Request
 * Syntax shows it (`'string'`, `123`, one union member, one list element), rendered by the recursive
 * `example` partial.
 *
 * @packageDocumentation
 */
import type { Service } from '../../ir/model.ts';

/** An example value: exactly one field is set. */
export interface ExampleValue {
  /** Entries of an object (may be empty); `isObject` tells it apart from "not an object" in templates. */
  object?: { name: string; value: ExampleValue }[];
  isObject?: true;
  list?: ExampleValue;
  string?: string;
  number?: true;
  boolean?: true;
  date?: true;
  bytes?: true;
  /** Placeholder for a value too deep (recursive shapes) or of no documented shape. */
  empty?: true;
}

const MAX_DEPTH = 6;

/** An example of shape `id`; enum shapes show their first value. */
export function exampleOf(service: Service, id: string, depth = 0, stack: readonly string[] = []): ExampleValue {
  const shape = service.shapes[id];
  if (!shape || depth > MAX_DEPTH || stack.includes(id)) return { empty: true };
  const next = [...stack, id];
  switch (shape.type) {
    case 'structure':
    case 'union': {
      const entries = Object.entries(shape.members);
      const picked = shape.type === 'union' ? entries.slice(0, 1) : entries;
      return { isObject: true, object: picked.map(([name, m]) => ({ name, value: exampleOf(service, m.target, depth + 1, next) })) };
    }
    case 'list':
      return { list: exampleOf(service, shape.member, depth + 1, next) };
    case 'map':
      return { isObject: true, object: [{ name: 'key', value: exampleOf(service, shape.value, depth + 1, next) }] };
    case 'string':
      return { string: shape.enum?.[0] ?? 'string' };
    case 'integer':
    case 'float':
      return { number: true };
    case 'boolean':
      return { boolean: true };
    case 'timestamp':
      return { date: true };
    case 'blob':
    case 'stream':
      return { bytes: true };
    default:
      return { empty: true };
  }
}
