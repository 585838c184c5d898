/**
 * Walking the IR's shapes, written once: the shape ids a shape refers to ({@link childrenOf}), one
 * handler per shape kind ({@link visitShape}), and the shapes reachable from some roots
 * ({@link reachableShapes}). A kind added to `model.ts` is a compile error in `childrenOf` and in every
 * {@link ShapeVisitor}, instead of a shape silently skipped by a hand-written switch.
 *
 * @packageDocumentation
 */
import type { ScalarShape, Service, Shape, ShapeType } from './model.ts';

/** Every shape kind, as the {@link Shape} union spells them. */
export type ShapeKind = Shape['type'];

/** The scalar kinds: shapes that refer to no other shape. */
export type ScalarKind = ScalarShape['type'];

// `ShapeType` (the documented list) and the `Shape` union must name the same kinds.
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies SameKinds<ShapeKind, ShapeType>;

/** The shape of kind `K`, e.g. `ShapeOfKind<'union'>` is a `StructureShape` whose type is `union`. */
export type ShapeOfKind<K extends ShapeKind> = Shape & { type: K };

/**
 * The references a shape holds, and nothing else: what the IR's {@link Shape} and the shapes of a
 * `service.json` (`ShapeSettings`) have in common, so one {@link childrenOf} serves both.
 */
export type ShapeLinks =
  | { type: 'structure' | 'union'; members: Record<string, { target: string }> }
  | { type: 'list'; member: string }
  | { type: 'map'; key: string; value: string }
  | { type: ScalarKind };

/** How a shape holds a child: a structure or union member, a list's member, a map's key or value. */
export type ChildRole = 'member' | 'list-member' | 'map-key' | 'map-value';

/** One shape id a shape refers to. */
export interface ShapeChild {
  role: ChildRole;
  /** The member's wire name (role `member` only). */
  name?: string;
  /** The shape id referred to. */
  target: string;
  /**
   * Keys from the shape object to the id: `['members', name, 'target']`, `['member']`, `['key']` or
   * `['value']` — the reference's place in the IR JSON and in a `service.json` alike.
   */
  path: readonly string[];
}

/**
 * The shape ids `shape` refers to, in document order: members, a list's member, a map's key then
 * value. Scalars have none. Repeated targets are kept (two members may share a shape).
 */
export function childrenOf(shape: ShapeLinks): ShapeChild[] {
  switch (shape.type) {
    case 'structure':
    case 'union':
      return Object.entries(shape.members).map(([name, m]) => ({ role: 'member', name, target: m.target, path: ['members', name, 'target'] }));
    case 'list':
      return [{ role: 'list-member', target: shape.member, path: ['member'] }];
    case 'map':
      return [
        { role: 'map-key', target: shape.key, path: ['key'] },
        { role: 'map-value', target: shape.value, path: ['value'] },
      ];
    case 'string':
    case 'integer':
    case 'float':
    case 'boolean':
    case 'timestamp':
    case 'blob':
    case 'stream':
    case 'document':
      return [];
    default:
      return unknownKind(shape);
  }
}

/**
 * One handler per shape kind, each given the shape narrowed to its kind and a context. No handler may
 * be left out, so adding a kind to `model.ts` fails to compile until every visitor handles it.
 */
export type ShapeVisitor<R, C = undefined> = {
  readonly [K in ShapeKind]: (shape: ShapeOfKind<K>, context: C) => R;
};

/** Calls the handler of `shape`'s kind with the shape and `context`, and returns what it returns. */
export function visitShape<R, C>(shape: Shape, visitor: ShapeVisitor<R, C>, context: C): R {
  // A shape read from JSON no schema checked may carry a kind no handler exists for (or `toString`).
  if (!Object.hasOwn(visitor, shape.type)) return unknownKind(shape as never);
  return (visitor[shape.type] as (shape: Shape, context: C) => R)(shape, context);
}

/**
 * The ids of the shapes of `service` reachable from `roots` (roots included), each once, in
 * depth-first preorder with children in {@link childrenOf} order. Ids `service` has no shape for are
 * left out. Iterative: recursive shapes and very deep nesting cost no call stack.
 */
export function reachableShapes(service: Service, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  // Pushed in reverse so they pop in order.
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    const shape = service.shapes[id];
    if (seen.has(id) || !shape) continue;
    seen.add(id);
    const children = childrenOf(shape);
    for (let i = children.length - 1; i >= 0; i--) {
      const target = children[i]!.target;
      if (!seen.has(target)) stack.push(target);
    }
  }
  return seen;
}

function unknownKind(shape: never): never {
  throw new Error(`unknown shape kind ${JSON.stringify((shape as { type?: unknown }).type)}`);
}
