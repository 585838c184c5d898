/** Test helpers for reaching into an IR: a service, an operation, a shape, a member — or a clear failure. */
import type { IR, Member, Operation, Service, Shape } from '../../generator/ir/model.ts';

/** The service with `id`; throws when absent so a test fails with a readable message. */
export function serviceOf(ir: IR, id: string): Service {
  const s = ir.services.find((x) => x.id === id);
  if (!s) throw new Error(`no service ${id} in IR (has ${ir.services.map((x) => x.id).join(', ')})`);
  return s;
}

/** The operation named `name` (PascalCase). */
export function operationOf(service: Service, name: string): Operation {
  const op = service.operations.find((o) => o.name === name);
  if (!op) throw new Error(`no operation ${name} in ${service.id}`);
  return op;
}

/** The shape with `id`. */
export function shapeOf(service: Service, id: string): Shape {
  const shape = service.shapes[id];
  if (!shape) throw new Error(`no shape ${id} in ${service.id}`);
  return shape;
}

/** The member `name` of structure/union `shapeId`. */
export function memberOf(service: Service, shapeId: string, name: string): Member {
  const shape = shapeOf(service, shapeId);
  if (shape.type !== 'structure' && shape.type !== 'union') throw new Error(`${shapeId} is a ${shape.type}, not a structure`);
  const m = shape.members[name];
  if (!m) throw new Error(`no member ${name} in ${shapeId} (has ${Object.keys(shape.members).join(', ')})`);
  return m;
}

/** The shape a member of `shapeId` targets. */
export function targetOf(service: Service, shapeId: string, name: string): Shape {
  return shapeOf(service, memberOf(service, shapeId, name).target);
}
