/**
 * View model of a usage example: an input value built from the input shape the way the docs' Request
 * Syntax shows it (`'string'`, `123`, one union member, one list element), rendered by the recursive
 * `example` partial.
 *
 * @packageDocumentation
 */
import type { Service } from '../../ir/model.ts';
import { visitShape, type ShapeVisitor } from '../../ir/walk.ts';

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

interface ExampleContext {
  service: Service;
  depth: number;
  /** Shape ids from the root down to this one, so a recursive shape stops at its first repeat. */
  stack: readonly string[];
}

const objectOf = (entries: [string, { target: string; documentedName?: string }][], c: ExampleContext): ExampleValue => ({
  isObject: true,
  object: entries.map(([key, m]) => ({ name: m.documentedName ?? key, value: exampleOf(c.service, m.target, c.depth + 1, c.stack) })),
});

const EXAMPLE: ShapeVisitor<ExampleValue, ExampleContext> = {
  structure: (shape, c) => objectOf(Object.entries(shape.members), c),
  // One member set, as a union takes.
  union: (shape, c) => objectOf(Object.entries(shape.members).slice(0, 1), c),
  list: (shape, c) => ({ list: exampleOf(c.service, shape.member, c.depth + 1, c.stack) }),
  map: (shape, c) => objectOf([['key', { target: shape.value }]], c),
  string: (shape) => ({ string: shape.enum?.[0] ?? 'string' }),
  integer: () => ({ number: true }),
  float: () => ({ number: true }),
  boolean: () => ({ boolean: true }),
  timestamp: () => ({ date: true }),
  blob: () => ({ bytes: true }),
  stream: () => ({ bytes: true }),
  document: () => ({ empty: true }),
};

/** An example of shape `id`; enum shapes show their first value. */
export function exampleOf(service: Service, id: string, depth = 0, stack: readonly string[] = []): ExampleValue {
  const shape = service.shapes[id];
  if (!shape || depth > MAX_DEPTH || stack.includes(id)) return { empty: true };
  return visitShape(shape, EXAMPLE, { service, depth, stack: [...stack, id] });
}
