/**
 * View model of an operation: one thin client method that hands the operation's schema, the input and
 * the generated validators to the runtime (data-driven: no per-operation serialisation code).
 *
 * @packageDocumentation
 */
import type { Operation } from '../../ir/model.ts';
import type { ServiceNames } from '../names.ts';
import type { DocView } from './doc.ts';

/** One client method. */
export interface OperationView {
  /** Wire name (key into the generated `operations` table). */
  wire: string;
  method: string;
  doc: DocView;
  inputType: string;
  outputType: string;
  validateInput: string;
  validateOutput: string;
  /** True when every input member is optional: the input argument may be omitted. */
  inputOptional: boolean;
  /** The docs' link to the operation in the API reference, when they give one. */
  apiReference?: string;
}

/** The view of `op`. */
export function operationView(op: Operation, names: ServiceNames, inputOptional: boolean): OperationView {
  const v = names.validators.get(op.name)!;
  const doc: DocView = {
    text: op.documentation,
    throws: op.errors.map((e) => names.errors.get(e)!),
    fallback: `Calls the ${op.name} operation.`,
  };
  if (op.deprecated) doc.deprecated = op.deprecationMessage ?? '';
  if (op.apiReference) doc.see = { url: op.apiReference, text: `${op.name} in the API reference` };
  return {
    wire: op.name,
    method: names.methods.get(op.name)!,
    doc,
    inputType: names.types.get(op.input) ?? 'never',
    outputType: names.types.get(op.output) ?? 'never',
    validateInput: v.input,
    validateOutput: v.output,
    inputOptional,
    ...(op.apiReference ? { apiReference: op.apiReference } : {}),
  };
}
