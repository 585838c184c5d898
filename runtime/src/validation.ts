/**
 * The small helpers every generated validator calls. They live here, not in each generated package, so
 * that a service's validators are only its own checks and no package carries a copy of these.
 *
 * @packageDocumentation
 */
import type { ValidationProblem } from './errors.ts';

/** Problems found so far: `undefined` while there are none, so a valid value allocates nothing. */
export type Problems = ValidationProblem[] | undefined;

/** Adds a problem at `path`; returns the (possibly new) list. */
export function addProblem(p: Problems, path: string, message: string): ValidationProblem[] {
  (p ??= []).push({ path, message });
  return p;
}

/** Adds a nested value's problems, prefixed with the segment that leads to it: `Tags` + `[2].Key`, `Tags` + `Key`. */
export function nestProblems(p: Problems, segment: string, inner: readonly ValidationProblem[]): ValidationProblem[] {
  p ??= [];
  for (const q of inner) {
    const path = q.path === '' ? segment : q.path.charCodeAt(0) === 91 ? segment + q.path : segment + '.' + q.path;
    p.push({ path, message: q.message });
  }
  return p;
}

/** A member named like Object.prototype's (`constructor`, `toString`…), read as an own property only. */
export function ownValue(o: Record<string, unknown>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/** Whether `x` can be iterated with `for await` (a streaming body). */
export function isAsyncIterable(x: unknown): boolean {
  return typeof x === 'object' && x !== null && typeof (x as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/** The checker of a shape that accepts anything. */
export function noProblems(): Problems {
  return undefined;
}
