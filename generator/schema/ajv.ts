/** One configured ajv instance for the JSON Schemas docsdk validates against (IR, service settings). */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** A schema violation: the JSON pointer of the offending value and what was expected. */
export interface SchemaProblem {
  path: string;
  message: string;
  /** For a key the schema does not allow: that key, and the keys the object may have (for a suggestion). */
  unknownKey?: { key: string; known: string[] };
  /** For a missing required property: its name (the problem is at the object that lacks it). */
  missingKey?: string;
}

// verbose: errors carry their schema, so an unknown key's problem can list the keys that are allowed.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });

function describe(e: ErrorObject): SchemaProblem {
  let message = e.message ?? 'is invalid';
  const problem: SchemaProblem = { path: e.instancePath, message };
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    const properties = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
    problem.unknownKey = { key, known: Object.keys(properties).filter((k) => k !== '$schema') };
    message = `unknown property "${key}"`;
  }
  if (e.keyword === 'required') problem.missingKey = String(e.params.missingProperty);
  if (e.keyword === 'enum') message = `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  problem.message = message;
  return problem;
}

/**
 * A function returning every problem of a value (empty when valid). The schema is compiled on first
 * use, not at import: a `docsdk generate` served from the cache validates nothing and starts faster.
 */
export function compileSchema<T>(schema: object): (value: unknown) => SchemaProblem[] {
  let check: ValidateFunction<T> | undefined;
  return (value) => {
    check ??= ajv.compile<T>(schema);
    // An `if` error only says that its `then` failed, which is reported with its own path: not twice.
    return check(value) ? [] : (check.errors ?? []).filter((e) => e.keyword !== 'if').map(describe);
  };
}
