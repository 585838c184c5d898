/**
 * Which shapes a caller sends (reachable from an operation input) and which a service returns
 * (reachable from an output). Outputs are open to values this client does not know (new enum values,
 * new union members), so types and checkers of output-reachable shapes differ from input-only ones.
 *
 * @packageDocumentation
 */
import type { Service } from '../ir/model.ts';

/** Shape ids reachable from inputs and from outputs. */
export interface Reach {
  input: ReadonlySet<string>;
  output: ReadonlySet<string>;
}

/** The shape ids a shape refers to directly. */
export function childrenOf(service: Service, id: string): string[] {
  const shape = service.shapes[id];
  if (!shape) return [];
  switch (shape.type) {
    case 'structure':
    case 'union':
      return Object.values(shape.members).map((m) => m.target);
    case 'list':
      return [shape.member];
    case 'map':
      return [shape.key, shape.value];
    default:
      return [];
  }
}

function closure(service: Service, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || !service.shapes[id]) continue;
    seen.add(id);
    stack.push(...childrenOf(service, id));
  }
  return seen;
}

/** Computes {@link Reach} for a service. */
export function reachOf(service: Service): Reach {
  return {
    input: closure(service, service.operations.map((o) => o.input)),
    output: closure(service, service.operations.map((o) => o.output)),
  };
}
