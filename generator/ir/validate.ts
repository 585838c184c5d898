/**
 * Checks an IR: against its JSON Schema (ir.schema.json), and for what a schema can't say —
 * every shape id an operation or member refers to exists.
 */
import { createRequire } from 'node:module';
import { REPO_URL } from '../repo.ts';
import { compileSchema, type SchemaProblem } from '../schema/ajv.ts';
import type { IR } from './model.ts';
import { childrenOf } from './walk.ts';

/** The IR's JSON Schema, as published in docs/ir.md. */
export const irSchema = createRequire(REPO_URL)('./generator/ir/ir.schema.json') as object;
const checkSchema = compileSchema<IR>(irSchema);

/** Every problem of a value claimed to be an IR; empty when it is a valid, closed IR. */
export function validateIR(value: unknown): SchemaProblem[] {
  const problems = checkSchema(value);
  if (problems.length > 0) return problems;
  const ir = value as IR;
  ir.services.forEach((service, s) => {
    const has = (id: string) => Object.prototype.hasOwnProperty.call(service.shapes, id);
    service.operations.forEach((op, o) => {
      for (const field of ['input', 'output'] as const) {
        if (!has(op[field])) problems.push({ path: `/services/${s}/operations/${o}/${field}`, message: `refers to missing shape "${op[field]}"` });
      }
    });
    for (const [id, shape] of Object.entries(service.shapes)) {
      for (const { target, path } of childrenOf(shape)) {
        if (!has(target)) problems.push({ path: `/services/${s}/shapes/${id}/${path.join('/')}`, message: `refers to missing shape "${target}"` });
      }
    }
  });
  return problems;
}
