/**
 * JSON Schemas (draft-07) of operation inputs, from the IR: the same rules the generated validators
 * enforce, for users who validate inputs elsewhere (a config file, a form, another language), and the
 * reference the client benchmark compiles with ajv to compare the generated validators against.
 *
 * What the schema says, per shape (mirroring `templates/src/validators.ts.hbs`):
 * - structures: `type: object`, `properties`, `required`; unknown members are allowed;
 * - unions: exactly one known member set (`oneOf` of single `required` lists);
 * - lists `items`; maps `additionalProperties` (keys are not checked);
 * - strings, integers, numbers, booleans by JSON type; enum values are listed in the description only
 *   (services add values, and the validators accept unknown ones);
 * - timestamps as ISO-8601 `date-time` strings, blobs and streams as base64 strings, documents as any
 *   JSON value: the JSON spelling of what the validators check as `Date`, `Uint8Array`, any value.
 * One difference: the validators treat an optional member set to `null` as absent; the schema, which
 * describes JSON a service accepts, rejects `null`.
 *
 * @packageDocumentation
 */
import type { Service, Shape } from '../../generator/ir/model.ts';

/** A JSON Schema (draft-07) object, as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

const DRAFT = 'http://json-schema.org/draft-07/schema#';

function isComposite(shape: Shape | undefined): boolean {
  return !!shape && (shape.type === 'structure' || shape.type === 'union' || shape.type === 'list' || shape.type === 'map');
}

// Composite shapes live in `definitions` (so recursive shapes work), scalars inline.
function refOrInline(service: Service, id: string, pending: string[]): JsonSchema {
  const shape = service.shapes[id];
  if (isComposite(shape)) {
    pending.push(id);
    return { $ref: `#/definitions/${encodeURIComponent(id)}` };
  }
  return scalarSchema(shape);
}

function scalarSchema(shape: Shape | undefined): JsonSchema {
  switch (shape?.type) {
    case 'string': {
      const values = shape.enum;
      return values && values.length > 0 ? { type: 'string', description: `Known values: ${values.join(', ')}.` } : { type: 'string' };
    }
    case 'integer':
      return { type: 'integer' };
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'blob':
    case 'stream':
      return { type: 'string', contentEncoding: 'base64' };
    default:
      return {}; // documents (and unknown targets): any JSON value
  }
}

function compositeSchema(service: Service, id: string, pending: string[]): JsonSchema {
  const shape = service.shapes[id]!;
  const doc = shape.documentation ? { description: shape.documentation } : {};
  switch (shape.type) {
    case 'structure':
    case 'union': {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [wire, m] of Object.entries(shape.members)) {
        const s = refOrInline(service, m.target, pending);
        properties[wire] = m.documentation && !s.$ref ? { ...s, description: m.documentation } : s;
        if (m.required) required.push(wire);
      }
      const out: JsonSchema = { type: 'object', ...doc, properties };
      if (shape.type === 'union') out.oneOf = Object.keys(shape.members).map((wire) => ({ required: [wire] }));
      else if (required.length > 0) out.required = required;
      return out;
    }
    case 'list':
      return { type: 'array', ...doc, items: refOrInline(service, shape.member, pending) };
    case 'map':
      return { type: 'object', ...doc, additionalProperties: refOrInline(service, shape.value, pending) };
    default:
      return scalarSchema(shape);
  }
}

/**
 * The JSON Schema of `operation`'s input in `service`: a draft-07 document whose root is the input
 * structure and whose `definitions` hold every structure, union, list and map it reaches.
 *
 * @throws Error when the service has no such operation.
 */
export function jsonSchemaOfInput(service: Service, operation: string): JsonSchema {
  const op = service.operations.find((o) => o.name === operation);
  if (!op) throw new Error(`${service.id} has no operation ${operation}`);
  const pending: string[] = [op.input];
  const definitions: Record<string, JsonSchema> = {};
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (Object.prototype.hasOwnProperty.call(definitions, id) || !isComposite(service.shapes[id])) continue;
    definitions[id] = compositeSchema(service, id, pending);
  }
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]!]));
  return {
    $schema: DRAFT,
    title: `${operation} input (${service.provider} ${service.id})`,
    $ref: `#/definitions/${encodeURIComponent(op.input)}`,
    definitions: sorted,
  };
}
