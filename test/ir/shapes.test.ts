import { describe, expect, it } from 'vitest';
import { ShapeNamer } from '../../generator/ir/shapes.ts';
import { pascalCase, singular } from '../../generator/ir/naming.ts';
import type { StructureNode, TypeNode } from '../../generator/ir/input.ts';

const str: TypeNode = { kind: 'string' };
const struct = (members: [string, TypeNode][]): StructureNode => ({
  kind: 'structure',
  members: members.map(([name, type]) => ({ name, type, required: false })),
});

describe('naming helpers', () => {
  it.each([
    ['odbPeeringConnection', 'OdbPeeringConnection'],
    ['get_connection', 'GetConnection'],
    ['peer-vpc id', 'PeerVpcId'],
    ['3dModel', 'N3dModel'],
    ['', 'Shape'],
  ])('pascalCase(%j) = %j', (given, want) => expect(pascalCase(given)).toBe(want));

  it.each([
    ['Tags', 'Tag'],
    ['MacSecKeys', 'MacSecKey'],
    ['PeerNetworkCidrs', 'PeerNetworkCidr'],
    ['Status', 'Status'],
    ['Metadata', 'Metadata'],
  ])('singular(%j) = %j', (given, want) => expect(singular(given)).toBe(want));
});

describe('ShapeNamer (the shape id rule of docs/ir.md)', () => {
  it('names lists <Singular>List of <Singular>, maps <Singular>Map of <Singular>, scalars by type', () => {
    const namer = new ShapeNamer();
    namer.nameRoot(
      struct([
        ['tags', { kind: 'list', member: struct([['key', str]]) }],
        ['connectionTypes', { kind: 'map', key: str, value: struct([['id', str]]) }],
      ]),
      'OpResponse',
    );
    expect([...namer.shapes.keys()].sort()).toEqual(['ConnectionType', 'ConnectionTypeMap', 'OpResponse', 'String', 'Tag', 'TagList']);
    expect(namer.shapes.get('TagList')).toEqual({ type: 'list', member: 'Tag' });
    expect(namer.shapes.get('ConnectionTypeMap')).toEqual({ type: 'map', key: 'String', value: 'ConnectionType' });
  });

  it('shares identical shapes and prefixes the parent on a collision, then numbers', () => {
    const namer = new ShapeNamer();
    const enumA: TypeNode = { kind: 'string', enum: ['A'] };
    const enumB: TypeNode = { kind: 'string', enum: ['B'] };
    const enumC: TypeNode = { kind: 'string', enum: ['C'] };
    namer.nameRoot(struct([['status', enumA], ['x', struct([['status', enumA]])]]), 'OneRequest');
    namer.nameRoot(struct([['thing', struct([['status', enumB]])]]), 'TwoRequest');
    namer.nameRoot(struct([['thing', struct([['status', enumC]])]]), 'ThreeRequest');
    expect(namer.shapes.get('Status')).toEqual({ type: 'string', enum: ['A'] });
    expect(namer.shapes.get('ThingStatus')).toEqual({ type: 'string', enum: ['B'] });
    // "Thing" itself collided (different content), so the third is ThreeRequestThing; its enum collides twice.
    expect(namer.shapes.get('ThreeRequestThing')).toBeDefined();
    expect(namer.shapes.get('ThreeRequestThingStatus')).toEqual({ type: 'string', enum: ['C'] });
  });

  it('resolves a recursion cut short to the enclosing structure reached through the same member name', () => {
    const namer = new ShapeNamer();
    const filter: StructureNode = struct([
      ['name', str],
      ['and', { kind: 'list', member: { kind: 'recursive', memberName: 'filter' } }],
    ]);
    namer.nameRoot(struct([['filter', filter]]), 'SearchRequest');
    expect(namer.shapes.get('AndList')).toEqual({ type: 'list', member: 'Filter' });
  });
});
