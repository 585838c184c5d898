/**
 * unknownShapeReferences (generator/settings/shape-references.ts): every kind of reference a
 * `service.json` holds is checked, and reported by the keys leading to it.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceSettings } from '../../generator/settings/model.ts';
import { unknownShapeReferences } from '../../generator/settings/shape-references.ts';

describe('unknownShapeReferences', () => {
  it('accepts scalar names and defined shapes', () => {
    const settings: ServiceSettings = {
      parameters: { tag: { target: 'Tag' }, name: { target: 'String' } },
      operations: { get_tag: { output: 'Tag', parameters: { n: { target: 'Long' } } } },
      shapes: {
        Tag: { type: 'structure', members: { key: { target: 'String' }, more: { target: 'TagList' } } },
        TagList: { type: 'list', member: 'Tag' },
        TagMap: { type: 'map', key: 'String', value: 'Tag' },
        Pick: { type: 'union', members: { a: { target: 'Document' } } },
      },
    };
    expect(unknownShapeReferences(settings)).toEqual([]);
  });

  it.each<[string, ServiceSettings, string[]]>([
    ['a service-wide parameter', { parameters: { p: { target: 'Gone' } } }, ['parameters', 'p', 'target']],
    ['an operation output', { operations: { get_x: { output: 'Gone' } } }, ['operations', 'get_x', 'output']],
    ['an operation parameter', { operations: { get_x: { parameters: { p: { target: 'Gone' } } } } }, ['operations', 'get_x', 'parameters', 'p', 'target']],
    ['a structure member', { shapes: { S: { type: 'structure', members: { m: { target: 'Gone' } } } } }, ['shapes', 'S', 'members', 'm', 'target']],
    ['a union member', { shapes: { U: { type: 'union', members: { m: { target: 'Gone' } } } } }, ['shapes', 'U', 'members', 'm', 'target']],
    ['a list member', { shapes: { L: { type: 'list', member: 'Gone' } } }, ['shapes', 'L', 'member']],
    ['a map key', { shapes: { M: { type: 'map', key: 'Gone', value: 'String' } } }, ['shapes', 'M', 'key']],
    ['a map value', { shapes: { M: { type: 'map', key: 'String', value: 'Gone' } } }, ['shapes', 'M', 'value']],
  ])('reports %s', (_, settings, keys) => {
    expect(unknownShapeReferences(settings)).toEqual([
      {
        keys,
        message: `/${keys.join('/')}: refers to shape "Gone", which is neither a scalar (String, Integer, Long, Float, Double, Boolean, Timestamp, Blob, Stream, Document) nor defined under "shapes"`,
      },
    ]);
  });

  it('reports every broken reference, parameters, then operations, then shapes in order', () => {
    const settings: ServiceSettings = {
      shapes: { M: { type: 'map', key: 'K', value: 'V' }, L: { type: 'list', member: 'E' } },
      operations: { op: { output: 'O' } },
      parameters: { p: { target: 'P' } },
    };
    expect(unknownShapeReferences(settings).map((r) => r.keys.join('/'))).toEqual(['parameters/p/target', 'operations/op/output', 'shapes/M/key', 'shapes/M/value', 'shapes/L/member']);
  });
});
