/**
 * exampleOf (generator/emit/view/example.ts): the usage example's input value, per shape kind, with
 * recursion and depth cut off, one union member, nested optional members and idempotency tokens left out.
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
    // The input shows every member; nested structures their required ones, else their first.
    ['In', { isObject: true, object: [{ name: 'name', value: { string: 'alpha' } }, { name: 'tags', value: { list: { isObject: true, object: [{ name: 'Key', value: { string: 'string' } }] } } }] }],
    ['Attrs', { isObject: true, object: [{ name: 'key', value: { number: true } }] }],
    ['Pick', { isObject: true, object: [{ name: 'first', value: { boolean: true } }] }],
    // A recursion is left out where optional, never `undefined`.
    ['Node', { isObject: true, object: [] }],
    ['String', { string: 'string' }],
    ['Integer', { number: true }],
    ['Float', { number: true }],
    ['Boolean', { boolean: true }],
    ['Timestamp', { date: true }],
    ['Blob', { bytes: true }],
    ['Stream', { bytes: true }],
    ['Document', { isObject: true, object: [] }],
    ['Gone', { empty: true }],
  ])('%s', (id, want) => expect(exampleOf(service, id)).toEqual(want));

  it('a nested structure shows its required members; one with none required its first (AttributeValue: S alone)', () => {
    const s: Service = {
      ...service,
      shapes: {
        ...shapes,
        PutRequest: { type: 'structure', members: { Item: { target: 'Item' } } },
        Put: { type: 'structure', members: { Req: { target: 'Required' }, Attr: { target: 'AttributeValue' } } },
        Required: { type: 'structure', members: { a: { target: 'String' }, b: { target: 'String', required: true }, c: { target: 'Integer', required: true } } },
        Item: { type: 'map', key: 'String', value: 'AttributeValue' },
        AttributeValue: { type: 'structure', members: { S: { target: 'String' }, N: { target: 'String' }, M: { target: 'Item' }, L: { target: 'AttributeList' } } },
        AttributeList: { type: 'list', member: 'AttributeValue' },
      },
    };
    expect(exampleOf(s, 'Put')).toEqual({
      isObject: true,
      object: [
        { name: 'Req', value: { isObject: true, object: [{ name: 'b', value: { string: 'string' } }, { name: 'c', value: { number: true } }] } },
        { name: 'Attr', value: { isObject: true, object: [{ name: 'S', value: { string: 'string' } }] } },
      ],
    });
  });

  it('a union shows its first member that can be built; a list or map of what cannot be built is empty', () => {
    const s: Service = {
      ...service,
      shapes: {
        ...shapes,
        U: { type: 'union', members: { self: { target: 'U' }, other: { target: 'String' } } },
        R: { type: 'structure', members: { loop: { target: 'R', required: true } } },
        Holder: { type: 'structure', members: { rs: { target: 'RList', required: true }, rm: { target: 'RMap', required: true }, r: { target: 'R' } } },
        RList: { type: 'list', member: 'R' },
        RMap: { type: 'map', key: 'String', value: 'R' },
      },
    };
    expect(exampleOf(s, 'U')).toEqual({ isObject: true, object: [{ name: 'other', value: { string: 'string' } }] });
    expect(exampleOf(s, 'Holder')).toEqual({ isObject: true, object: [{ name: 'rs', value: { emptyList: true } }, { name: 'rm', value: { isObject: true, object: [] } }] });
  });

  it('idempotency tokens are left out: autopopulated ones and optional ...Token members the docs call idempotency tokens', () => {
    const s: Service = {
      ...service,
      shapes: {
        ...shapes,
        Create: {
          type: 'structure',
          members: {
            name: { target: 'String', required: true },
            clientToken: { target: 'String', documentation: 'An identifier that you provide to ensure the idempotency of the request.' },
            ClientRequestToken: { target: 'String', idempotencyToken: true },
            nextToken: { target: 'String', documentation: 'The token for the next page.' },
          },
        },
      },
    };
    expect(exampleOf(s, 'Create').object!.map((e) => e.name)).toEqual(['name', 'nextToken']);
  });

  it('stops below the depth limit even without a repeat', () => {
    const deep: Record<string, Shape> = { S: { type: 'string' } };
    for (let i = 0; i < 20; i++) deep[`L${i}`] = { type: 'list', member: i < 19 ? `L${i + 1}` : 'S' };
    let value = exampleOf({ ...service, shapes: deep }, 'L0');
    let lists = 0;
    while (value.list) (value = value.list), lists++;
    expect([lists, value]).toEqual([12, { emptyList: true }]);
  });
});
