/**
 * Which shapes a caller sends (reachable from an operation input) and which a service returns
 * (reachable from an output). Outputs are open to values this client does not know (new enum values,
 * new union members), so types and checkers of output-reachable shapes differ from input-only ones.
 *
 * @packageDocumentation
 */
import type { Service } from './model.ts';
import { reachableShapes } from './walk.ts';

/** Shape ids reachable from inputs and from outputs. */
export interface Reach {
  input: ReadonlySet<string>;
  output: ReadonlySet<string>;
}

/** Computes {@link Reach} for a service. */
export function reachOf(service: Service): Reach {
  return {
    input: reachableShapes(service, service.operations.map((o) => o.input)),
    output: reachableShapes(service, service.operations.map((o) => o.output)),
  };
}
