import { describe, expect, it } from 'vitest';
import { rankNames, ShapeNamer } from '../../generator/ir/shapes.ts';
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

/** The namer's shapes but the scalars and roots, as id → content. */
function dump(namer: ShapeNamer): Record<string, unknown> {
  return Object.fromEntries([...namer.shapes].filter(([id]) => id !== 'String' && !/^(Put|Get|Scan|BatchGet)\w*(Request|Response)$/.test(id)).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('one shape per shared shape, named by all its uses (rule 4)', () => {
  // DynamoDB's AttributeValue, as its pages show it: documented apart from any member, reached as
  // Item (a map's value), Key, ExpressionAttributeValues and AttributeValueList's element.
  const attributeValue = (): StructureNode => ({
    kind: 'structure',
    documentation: 'Represents the data for an attribute. Each attribute value is described as a name-value pair.',
    members: [
      { name: 'S', type: str, required: false },
      { name: 'N', type: str, required: false },
    ],
  });
  const mapOf = (value: TypeNode): TypeNode => ({ kind: 'map', key: str, value });

  it('AttributeValue under five names is one shape, AttributeValue: most words in its documentation', () => {
    const namer = new ShapeNamer();
    const roots: [StructureNode, string][] = [
      [struct([['Item', mapOf(attributeValue())]]), 'PutItemRequest'],
      [struct([['Key', mapOf(attributeValue())], ['ExpressionAttributeValues', mapOf(attributeValue())]]), 'GetItemRequest'],
      [struct([['Responses', mapOf({ kind: 'list', member: mapOf(attributeValue()) })]]), 'BatchGetItemResponse'],
      [struct([['AttributeValueList', { kind: 'list', member: attributeValue() }]]), 'ScanRequest'],
    ];
    for (const [node, id] of roots) namer.collect(node, id);
    for (const [node, id] of roots) namer.nameRoot(node, id);
    const holding = [...namer.shapes].filter(([, s]) => s.type === 'structure' && 'S' in s.members).map(([id]) => id);
    expect(holding).toEqual(['AttributeValue']);
    // The map of it is one shape too (Item, Key, ExpressionAttributeValues, Responses' element): KeyMap, the
    // shortest of the names members gave it; Responses' list keeps the only name it has.
    const { AttributeValue: _, ...others } = dump(namer);
    expect(others).toEqual({
      AttributeValueList: { type: 'list', member: 'AttributeValue' },
      KeyMap: { type: 'map', key: 'String', value: 'AttributeValue' },
      Response: { type: 'list', member: 'KeyMap' },
      ResponseMap: { type: 'map', key: 'String', value: 'Response' },
    });
    expect(namer.shapes.get('AttributeValueList')).toEqual({ type: 'list', member: 'AttributeValue' });
    expect([...namer.shapes.keys()].filter((id) => /\d$/.test(id))).toEqual([]);
  });

  it('without collect, each use names its own copy only where names differ (the old rule, kept for error bodies)', () => {
    const namer = new ShapeNamer();
    namer.nameRoot(struct([['Item', mapOf(attributeValue())]]), 'PutItemRequest');
    namer.nameRoot(struct([['Key', mapOf(attributeValue())]]), 'GetItemRequest');
    // Met once, a shape is that shape: the second use refers to the first ids.
    expect(Object.keys(dump(namer))).toEqual(['Item', 'ItemMap']);
    expect((namer.shapes.get('GetItemRequest') as { members: Record<string, { target: string }> }).members.Key!.target).toBe('ItemMap');
  });

  it('ranks candidates: words found in the documentation, then fewest not found, then uses, words, length, order', () => {
    const doc = 'Represents the data for an attribute. Each attribute value is described as a name-value pair.';
    const u = (direct: number, all: number) => ({ direct, all });
    expect(rankNames(new Map([['ExpressionAttributeValue', u(9, 9)], ['Item', u(9, 9)], ['AttributeValue', u(0, 1)], ['Attribute', u(3, 3)]]), doc)).toEqual(['AttributeValue', 'ExpressionAttributeValue', 'Attribute', 'Item']);
    // Undocumented: uses as a member's name, uses, then fewest words, then shortest, then code-unit order.
    expect(rankNames(new Map([['Response', u(0, 3)], ['Item', u(2, 2)], ['Parameter', u(2, 2)], ['ItemValue', u(2, 2)], ['KeyMap', u(1, 1)]]), undefined)).toEqual(['Item', 'Parameter', 'ItemValue', 'KeyMap', 'Response']);
  });

  it('a name another shape was given is not taken by a shape reached earlier that only wanted it', () => {
    const namer = new ShapeNamer();
    const a: TypeNode = { kind: 'string', enum: ['A'] };
    const b: TypeNode = { kind: 'string', enum: ['B'] };
    const roots: [StructureNode, string][] = [
      [struct([['status', a]]), 'ARequest'],
      [struct([['status', b], ['x', struct([['status', b]])]]), 'BRequest'],
    ];
    for (const [node, id] of roots) namer.collect(node, id);
    for (const [node, id] of roots) namer.nameRoot(node, id);
    // a is first reached, so it takes Status; b, wanting only that name, falls back to its parent's prefix once.
    expect(namer.shapes.get('Status')).toEqual({ type: 'string', enum: ['A'] });
    expect(namer.shapes.get('BRequestStatus')).toEqual({ type: 'string', enum: ['B'] });
    expect((namer.shapes.get('X') as { members: Record<string, { target: string }> }).members.status!.target).toBe('BRequestStatus');
  });
});
