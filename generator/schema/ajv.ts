/** One configured ajv instance for the JSON Schemas docsdk validates against (IR, service settings). */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

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

/**
 * A function returning every problem of a value (empty when valid). The schema is compiled on first
 * use, not at import: a `docsdk generate` served from the cache validates nothing and starts faster.
 */
export function compileSchema<T>(schema: object): (value: unknown) => SchemaProblem[] {
  let check: ValidateFunction<T> | undefined;
  return (value) => {
    check ??= ajv.compile<T>(schema);
    return check(value) ? [] : (check.errors ?? []).map(describe);
  };
}
