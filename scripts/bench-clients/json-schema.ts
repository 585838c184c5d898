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
import type { Service, Shape, StructureShape } from '../../generator/ir/model.ts';
import { visitShape, type ShapeVisitor } from '../../generator/ir/walk.ts';

/** A JSON Schema (draft-07) object, as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

const DRAFT = 'http://json-schema.org/draft-07/schema#';

function isComposite(shape: Shape | undefined): boolean {
  return !!shape && (shape.type === 'structure' || shape.type === 'union' || shape.type === 'list' || shape.type === 'map');
}

interface SchemaContext {
  service: Service;
  /** Composite shape ids referred to, whose definitions are still to be written. */
  pending: string[];
}

// Composite shapes live in `definitions` (so recursive shapes work), scalars inline.
function refOrInline(id: string, c: SchemaContext): JsonSchema {
  const shape = c.service.shapes[id];
  if (isComposite(shape)) {
    c.pending.push(id);
    return { $ref: `#/definitions/${encodeURIComponent(id)}` };
  }
  return shape ? visitShape(shape, SCHEMA, c) : {}; // unknown targets: any JSON value
}

function objectSchema(shape: StructureShape, c: SchemaContext): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [wire, m] of Object.entries(shape.members)) {
    const s = refOrInline(m.target, c);
    properties[wire] = m.documentation && !s.$ref ? { ...s, description: m.documentation } : s;
    if (m.required) required.push(wire);
  }
  const out: JsonSchema = { type: 'object', ...docOf(shape), properties };
  if (shape.type === 'union') out.oneOf = Object.keys(shape.members).map((wire) => ({ required: [wire] }));
  else if (required.length > 0) out.required = required;
  return out;
}

const docOf = (shape: Shape): JsonSchema => (shape.documentation ? { description: shape.documentation } : {});

// A composite shape's handler gives its definition, a scalar's its inline schema.
const SCHEMA: ShapeVisitor<JsonSchema, SchemaContext> = {
  structure: objectSchema,
  union: objectSchema,
  list: (shape, c) => ({ type: 'array', ...docOf(shape), items: refOrInline(shape.member, c) }),
  map: (shape, c) => ({ type: 'object', ...docOf(shape), additionalProperties: refOrInline(shape.value, c) }),
  string: (shape) => (shape.enum && shape.enum.length > 0 ? { type: 'string', description: `Known values: ${shape.enum.join(', ')}.` } : { type: 'string' }),
  integer: () => ({ type: 'integer' }),
  float: () => ({ type: 'number' }),
  boolean: () => ({ type: 'boolean' }),
  timestamp: () => ({ type: 'string', format: 'date-time' }),
  blob: () => ({ type: 'string', contentEncoding: 'base64' }),
  stream: () => ({ type: 'string', contentEncoding: 'base64' }),
  document: () => ({}), // any JSON value
};

/**
 * The JSON Schema of `operation`'s input in `service`: a draft-07 document whose root is the input
 * structure and whose `definitions` hold every structure, union, list and map it reaches.
 *
 * @throws Error when the service has no such operation.
 */
export function jsonSchemaOfInput(service: Service, operation: string): JsonSchema {
  const op = service.operations.find((o) => o.name === operation);
  if (!op) throw new Error(`${service.id} has no operation ${operation}`);
  const context: SchemaContext = { service, pending: [op.input] };
  const definitions: Record<string, JsonSchema> = {};
  while (context.pending.length > 0) {
    const id = context.pending.pop()!;
    const shape = service.shapes[id];
    if (Object.prototype.hasOwnProperty.call(definitions, id) || !shape || !isComposite(shape)) continue;
    definitions[id] = visitShape(shape, SCHEMA, context);
  }
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]!]));
  return {
    $schema: DRAFT,
    title: `${operation} input (${service.provider} ${service.id})`,
    $ref: `#/definitions/${encodeURIComponent(op.input)}`,
    definitions: sorted,
  };
}
