/**
 * View model of `errors.ts`: the service's base error class (extending the runtime's `ServiceError`) and
 * one class per code in the docs' Exceptions lists and documented error classes, with a literal `name`,
 * the operations that document it, its documentation and the members its error body carries.
 *
 * @packageDocumentation
 */
import type { Service, StructureShape } from '../../ir/model.ts';
import type { ServiceNames } from '../names.ts';
import type { TypeRef } from '../type-ref.ts';
import { docOf, type DocView } from './doc.ts';
import { membersOf, type MemberView } from './structure.ts';

/** Properties every error has (the runtime's `ServiceError` and `Error`): a member of the body by such a name is not declared again. */
const ERROR_PROPERTIES = new Set(['name', 'message', 'stack', 'cause', 'code', '$metadata', '$fault', 'constructor', 'toString', 'prototype', '__proto__']);

/** One error class. */
export interface ErrorView {
  /** Error code as the service sends it (the class's literal `name`). */
  code: string;
  name: string;
  /** Operations whose docs list it. */
  operations: string[];
  doc: DocView;
  /** The members of its error body the docs show (copied onto the error by the runtime). */
  members: MemberView[];
}

/** Everything `errors.ts` holds. */
export interface ErrorsView {
  baseError: string;
  baseDoc: DocView;
  serviceId: string;
  errors: ErrorView[];
  /** The declared types the error members use, sorted. */
  typeImports: string[];
}

function namedIn(ref: TypeRef, into: Set<string>): void {
  if (ref.named !== undefined) into.add(ref.named);
  for (const inner of [ref.list, ref.map, ref.eventStream]) if (inner) namedIn(inner, into);
}

/** The errors view of `service`, codes in first-appearance order over sorted operations, then the documented classes no operation lists. */
export function errorsView(service: Service, names: ServiceNames): ErrorsView {
  const documented = new Map((service.exceptions ?? []).map((e) => [e.name, e]));
  const imports = new Set<string>();
  const errors = [...names.errors].map(([code, name]) => {
    const operations = service.operations.filter((o) => o.errors.includes(code)).map((o) => o.name);
    const listed = operations.length > 0 ? `documented for ${operations.join(', ')}` : 'documented for no operation';
    const exception = documented.get(code);
    const doc = docOf(exception?.documentation ? `${exception.documentation}\n\n(Error code \`${code}\`, ${listed}.)` : undefined, `The service answered with error code \`${code}\` (${listed}).`);
    const shape = exception?.shape !== undefined ? service.shapes[exception.shape] : undefined;
    const members = shape && (shape.type === 'structure' || shape.type === 'union') ? membersOf(service, names, shape as StructureShape, true).filter((m) => !ERROR_PROPERTIES.has(m.wire)) : [];
    // What the runtime copies is what the body holds: never required on the class.
    for (const m of members) {
      m.optional = true;
      namedIn(m.type, imports);
    }
    return { code, name, operations, doc, members };
  });
  const baseDoc = docOf(
    undefined,
    `Base class of every error the ${service.id} service answers with; codes without a class of their own are thrown as this class.`,
  );
  return { baseError: names.baseError, baseDoc, serviceId: service.id, errors, typeImports: [...imports].sort() };
}
