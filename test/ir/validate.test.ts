/**
 * validateIR's closure check (generator/ir/validate.ts): what the schema can't say — every shape id an
 * operation, member, list or map refers to exists — reported at the JSON path of the reference.
 */
import { describe, expect, it } from 'vitest';
import { IR_VERSION, type IR, type Shape } from '../../generator/ir/model.ts';
import { validateIR } from '../../generator/ir/validate.ts';

function irWith(shapes: Record<string, Shape>, input = 'In', output = 'Out'): IR {
  return {
    irVersion: IR_VERSION,
    services: [
      {
        id: 'svc',
        provider: 'aws',
        clientName: 'Svc',
        operations: [{ name: 'Op', method: 'op', documentation: '', input, output, errors: [], deprecated: false, sources: [{ file: 'svc.rst', line: 1 }] }],
        shapes,
      },
    ],
  };
}

const closed: Record<string, Shape> = {
  In: { type: 'structure', members: { tags: { target: 'TagList' }, attrs: { target: 'AttrMap' }, pick: { target: 'Pick' } } },
  Out: { type: 'structure', members: {} },
  TagList: { type: 'list', member: 'String' },
  AttrMap: { type: 'map', key: 'String', value: 'String' },
  Pick: { type: 'union', members: { a: { target: 'String' } } },
  String: { type: 'string' },
};

describe('validateIR: references', () => {
  it('finds nothing wrong in a closed IR', () => expect(validateIR(irWith(closed))).toEqual([]));

  it.each<[string, Record<string, Shape>, string, string]>([
    ['structure member', { ...closed, Out: { type: 'structure', members: { x: { target: 'Gone' } } } }, '/services/0/shapes/Out/members/x/target', 'Gone'],
    ['union member', { ...closed, Pick: { type: 'union', members: { a: { target: 'Gone' } } } }, '/services/0/shapes/Pick/members/a/target', 'Gone'],
    ['list member', { ...closed, TagList: { type: 'list', member: 'Gone' } }, '/services/0/shapes/TagList/member', 'Gone'],
    ['map key', { ...closed, AttrMap: { type: 'map', key: 'Gone', value: 'String' } }, '/services/0/shapes/AttrMap/key', 'Gone'],
    ['map value', { ...closed, AttrMap: { type: 'map', key: 'String', value: 'Gone' } }, '/services/0/shapes/AttrMap/value', 'Gone'],
  ])('%s', (_, shapes, path, target) => {
    expect(validateIR(irWith(shapes))).toEqual([{ path, message: `refers to missing shape "${target}"` }]);
  });

  it('reports an operation input and output that name no shape, and every broken reference of a map', () => {
    const { In: _, ...withoutIn } = closed;
    expect(validateIR(irWith({ ...withoutIn, AttrMap: { type: 'map', key: 'K', value: 'V' } }, 'In', 'Nope'))).toEqual([
      { path: '/services/0/operations/0/input', message: 'refers to missing shape "In"' },
      { path: '/services/0/operations/0/output', message: 'refers to missing shape "Nope"' },
      { path: '/services/0/shapes/AttrMap/key', message: 'refers to missing shape "K"' },
      { path: '/services/0/shapes/AttrMap/value', message: 'refers to missing shape "V"' },
    ]);
  });
});
