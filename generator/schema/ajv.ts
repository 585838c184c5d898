/** One configured ajv instance for the JSON Schemas docsdk validates against (IR, service settings). */
import { Ajv, type ErrorObject } from 'ajv';

/** A schema violation: the JSON pointer of the offending value and what was expected. */
export interface SchemaProblem {
  path: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: false });

function describe(e: ErrorObject): SchemaProblem {
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'additionalProperties') message = `unknown property "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'enum') message = `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return { path: e.instancePath, message };
}

/** Compiles a schema into a function returning every problem of a value (empty when valid). */
export function compileSchema<T>(schema: object): (value: unknown) => SchemaProblem[] {
  const check = ajv.compile<T>(schema);
  return (value) => (check(value) ? [] : (check.errors ?? []).map(describe));
}
