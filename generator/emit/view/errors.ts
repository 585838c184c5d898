/**
 * View model of `errors.ts`: the service's base error class (extending the runtime's `ServiceError`) and
 * one class per code in the docs' Exceptions lists, with the operations that document it.
 *
 * @packageDocumentation
 */
import type { Service } from '../../ir/model.ts';
import type { ServiceNames } from '../names.ts';
import { docOf, type DocView } from './doc.ts';

/** One error class. */
export interface ErrorView {
  /** Error code as the service sends it. */
  code: string;
  name: string;
  /** Operations whose docs list it. */
  operations: string[];
  doc: DocView;
}

/** Everything `errors.ts` holds. */
export interface ErrorsView {
  baseError: string;
  baseDoc: DocView;
  serviceId: string;
  errors: ErrorView[];
}

/** The errors view of `service`, codes in first-appearance order over sorted operations. */
export function errorsView(service: Service, names: ServiceNames): ErrorsView {
  const errors = [...names.errors].map(([code, name]) => {
    const operations = service.operations.filter((o) => o.errors.includes(code)).map((o) => o.name);
    const doc = docOf(undefined, `The service answered with error code \`${code}\` (documented for ${operations.join(', ')}).`);
    return { code, name, operations, doc };
  });
  const baseDoc = docOf(
    undefined,
    `Base class of every error the ${service.id} service answers with; codes without a class of their own are thrown as this class.`,
  );
  return { baseError: names.baseError, baseDoc, serviceId: service.id, errors };
}
