/**
 * exampleOf (generator/emit/view/example.ts): the usage example's input value, per shape kind, with
 * recursion and depth cut off.
 */
import { describe, expect, it } from 'vitest';
import type { Service, Shape } from '../../generator/ir/model.ts';
import { exampleOf } from '../../generator/emit/view/example.ts';

const shapes: Record<string, Shape> = {
  In: { type: 'structure', members: { name: { target: 'Name' }, tags: { target: 'TagList' } } },
  TagList: { type: 'list', member: 'Tag' },
  Tag: { type: 'structure', members: { Key: { target: 'String' } } },
  Attrs: { type: 'map', key: 'String', value: 'Integer' },
  Pick: { type: 'union', members: { first: { target: 'Boolean' }, second: { target: 'String' } } },
  Node: { type: 'structure', members: { next: { target: 'Node' } } },
  Name: { type: 'string', enum: ['alpha', 'beta'] },
  String: { type: 'string' },
  Integer: { type: 'integer' },
  Float: { type: 'float' },
  Boolean: { type: 'boolean' },
  Timestamp: { type: 'timestamp' },
  Blob: { type: 'blob' },
  Stream: { type: 'stream' },
  Document: { type: 'document' },
};
const service: Service = { id: 'ex', provider: 'aws', clientName: 'Ex', operations: [], shapes };

describe('exampleOf', () => {
  it.each([
    ['In', { isObject: true, object: [{ name: 'name', value: { string: 'alpha' } }, { name: 'tags', value: { list: { isObject: true, object: [{ name: 'Key', value: { string: 'string' } }] } } }] }],
    ['Attrs', { isObject: true, object: [{ name: 'key', value: { number: true } }] }],
    ['Pick', { isObject: true, object: [{ name: 'first', value: { boolean: true } }] }],
    ['Node', { isObject: true, object: [{ name: 'next', value: { empty: true } }] }],
    ['String', { string: 'string' }],
    ['Integer', { number: true }],
    ['Float', { number: true }],
    ['Boolean', { boolean: true }],
    ['Timestamp', { date: true }],
    ['Blob', { bytes: true }],
    ['Stream', { bytes: true }],
    ['Document', { empty: true }],
    ['Gone', { empty: true }],
  ])('%s', (id, want) => expect(exampleOf(service, id)).toEqual(want));

  it('stops below the depth limit even without a repeat', () => {
    const deep: Record<string, Shape> = { S: { type: 'string' } };
    for (let i = 0; i < 10; i++) deep[`L${i}`] = { type: 'list', member: i < 9 ? `L${i + 1}` : 'S' };
    let value = exampleOf({ ...service, shapes: deep }, 'L0');
    let lists = 0;
    while (value.list) (value = value.list), lists++;
    expect([lists, value]).toEqual([7, { empty: true }]);
  });
});
