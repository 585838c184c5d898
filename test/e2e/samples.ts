/**
 * Sample values from the IR for end-to-end tests: an input the generated validator accepts, the
 * JSON a service would send for an output, and the value the client should hand back for it.
 * Every member is filled (optional ones too), so every shape kind crosses the wire.
 */
import type { Service, Shape } from '../../generator/ir/model.ts';

/** A fixed instant, so wire text and expected `Date`s agree. */
export const SAMPLE_TIME = new Date('2024-05-06T07:08:09.000Z');

function shapeOf(service: Service, id: string): Shape {
  const s = service.shapes[id];
  if (!s) throw new Error(`no shape ${id}`);
  return s;
}

/** Builds a sample in one of three spellings: the caller's input, the wire JSON, the client's output. */
function sample(service: Service, id: string, spelling: 'input' | 'wire' | 'output', depth: number, name: string): unknown {
  const shape = shapeOf(service, id);
  // Recursive shapes: stop after a few levels with an empty value of the right kind.
  if (depth > 4) return shape.type === 'list' ? [] : shape.type === 'map' ? {} : undefined;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [member, m] of Object.entries(shape.members)) {
        const v = sample(service, m.target, spelling, depth + 1, member);
        if (v !== undefined) out[member] = v;
      }
      return out;
    }
    case 'union': {
      const [member, m] = Object.entries(shape.members)[0]!;
      return { [member]: sample(service, m.target, spelling, depth + 1, member) };
    }
    case 'list':
      return [sample(service, shape.member, spelling, depth + 1, name)];
    case 'map':
      return { key1: sample(service, shape.value, spelling, depth + 1, name) };
    case 'string':
      return shape.enum ? shape.enum[0] : `${name}-value`;
    case 'integer':
      return 7;
    case 'float':
      return 1.5;
    case 'boolean':
      return true;
    case 'timestamp':
      if (spelling !== 'wire') return SAMPLE_TIME;
      return service.wire?.timestampFormat === 'iso8601' ? SAMPLE_TIME.toISOString() : SAMPLE_TIME.getTime() / 1000;
    case 'blob':
      return spelling === 'wire' ? Buffer.from('blob').toString('base64') : new Uint8Array(Buffer.from('blob'));
    case 'document':
      return { any: ['json', 1] };
    case 'stream':
      return undefined;
  }
}

/** An input for shape `id` with every member set. */
export function sampleInput(service: Service, id: string): Record<string, unknown> {
  return sample(service, id, 'input', 0, 'input') as Record<string, unknown>;
}

/** The JSON a service sends for output shape `id`. */
export function sampleWire(service: Service, id: string): Record<string, unknown> {
  return sample(service, id, 'wire', 0, 'output') as Record<string, unknown>;
}

/** What the client returns for {@link sampleWire} (without `$metadata`). */
export function sampleOutput(service: Service, id: string): Record<string, unknown> {
  return sample(service, id, 'output', 0, 'output') as Record<string, unknown>;
}
