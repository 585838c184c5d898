/**
 * What the settings schema cannot check: that every shape id a `service.json` mentions (member
 * targets, list members, map keys and values, operation outputs, parameter targets) is a scalar
 * name or a shape the same file defines.
 */
import { childrenOf } from '../ir/walk.ts';
import type { ServiceSettings } from './model.ts';

/** The scalar names a setting may refer to without defining them, and the IR kind each stands for. */
export const SCALAR_TARGETS = {
  String: 'string',
  Integer: 'integer',
  Long: 'integer',
  Float: 'float',
  Double: 'float',
  Boolean: 'boolean',
  Timestamp: 'timestamp',
  Blob: 'blob',
  Stream: 'stream',
  Document: 'document',
} as const;

/** One reference to a shape nobody defines, with the keys leading to it. */
export interface UnknownReference {
  keys: string[];
  message: string;
}

/** Every reference in `settings` to a shape that is neither a scalar name nor defined in `shapes`. */
export function unknownShapeReferences(settings: ServiceSettings): UnknownReference[] {
  const shapes = settings.shapes ?? {};
  const out: UnknownReference[] = [];
  const check = (id: string | undefined, keys: string[]) => {
    if (id === undefined || Object.prototype.hasOwnProperty.call(SCALAR_TARGETS, id) || Object.prototype.hasOwnProperty.call(shapes, id)) return;
    out.push({ keys, message: `/${keys.join('/')}: refers to shape "${id}", which is neither a scalar (${Object.keys(SCALAR_TARGETS).join(', ')}) nor defined under "shapes"` });
  };
  for (const [name, p] of Object.entries(settings.parameters ?? {})) check(p.target, ['parameters', name, 'target']);
  for (const [method, op] of Object.entries(settings.operations ?? {})) {
    check(op.output, ['operations', method, 'output']);
    for (const [name, p] of Object.entries(op.parameters ?? {})) check(p.target, ['operations', method, 'parameters', name, 'target']);
  }
  for (const [id, shape] of Object.entries(shapes)) {
    for (const child of childrenOf(shape)) check(child.target, ['shapes', id, ...child.path]);
  }
  return out;
}
