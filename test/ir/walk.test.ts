/**
 * The IR walker (generator/ir/walk.ts): the children of every shape kind with their roles and paths,
 * a visitor that must handle every kind, and reachability over a recursive service, iteratively.
 */
import { describe, expect, it } from 'vitest';
import type { Service, Shape } from '../../generator/ir/model.ts';
import { childrenOf, reachableShapes, visitShape, type ShapeKind, type ShapeVisitor } from '../../generator/ir/walk.ts';

// Every shape kind once, a recursive structure (Node ↔ NodeList), shared targets, and an orphan that
// refers to a shape nobody defines.
const shapes: Record<string, Shape> = {
  Root: {
    type: 'structure',
    members: {
      a: { target: 'String', required: true },
      n: { target: 'Integer' },
      f: { target: 'Float' },
      b: { target: 'Boolean' },
      t: { target: 'Timestamp' },
      blob: { target: 'Blob' },
      s: { target: 'Stream' },
      d: { target: 'Document' },
      tags: { target: 'TagList' },
      attrs: { target: 'AttrMap' },
      choice: { target: 'Choice' },
      node: { target: 'Node' },
    },
  },
  Tag: { type: 'structure', members: { Key: { target: 'String' } } },
  TagList: { type: 'list', member: 'Tag' },
  AttrMap: { type: 'map', key: 'String', value: 'Tag' },
  Choice: { type: 'union', members: { x: { target: 'String' }, y: { target: 'TagList' } } },
  Node: { type: 'structure', members: { next: { target: 'Node' }, children: { target: 'NodeList' } } },
  NodeList: { type: 'list', member: 'Node' },
  Orphan: { type: 'structure', members: { gone: { target: 'Gone' } } },
  Empty: { type: 'structure', members: {} },
  String: { type: 'string', enum: ['A', 'B'] },
  Integer: { type: 'integer' },
  Float: { type: 'float' },
  Boolean: { type: 'boolean' },
  Timestamp: { type: 'timestamp' },
  Blob: { type: 'blob' },
  Stream: { type: 'stream' },
  Document: { type: 'document' },
};

const service: Service = {
  id: 'walk',
  provider: 'aws',
  clientName: 'Walk',
  operations: [
    { name: 'Put', method: 'put', documentation: '', input: 'Root', output: 'Empty', errors: [], deprecated: false, sources: [] },
  ],
  shapes,
};

describe('childrenOf', () => {
  it.each<[string, [string, string | undefined, string, string][]]>([
    [
      'Root',
      [
        ['member', 'a', 'String', 'members/a/target'],
        ['member', 'n', 'Integer', 'members/n/target'],
        ['member', 'f', 'Float', 'members/f/target'],
        ['member', 'b', 'Boolean', 'members/b/target'],
        ['member', 't', 'Timestamp', 'members/t/target'],
        ['member', 'blob', 'Blob', 'members/blob/target'],
        ['member', 's', 'Stream', 'members/s/target'],
        ['member', 'd', 'Document', 'members/d/target'],
        ['member', 'tags', 'TagList', 'members/tags/target'],
        ['member', 'attrs', 'AttrMap', 'members/attrs/target'],
        ['member', 'choice', 'Choice', 'members/choice/target'],
        ['member', 'node', 'Node', 'members/node/target'],
      ],
    ],
    ['TagList', [['list-member', undefined, 'Tag', 'member']]],
    [
      'AttrMap',
      [
        ['map-key', undefined, 'String', 'key'],
        ['map-value', undefined, 'Tag', 'value'],
      ],
    ],
    [
      'Choice',
      [
        ['member', 'x', 'String', 'members/x/target'],
        ['member', 'y', 'TagList', 'members/y/target'],
      ],
    ],
    [
      'Node',
      [
        ['member', 'next', 'Node', 'members/next/target'],
        ['member', 'children', 'NodeList', 'members/children/target'],
      ],
    ],
    ['Orphan', [['member', 'gone', 'Gone', 'members/gone/target']]],
    ['Empty', []],
    ...['String', 'Integer', 'Float', 'Boolean', 'Timestamp', 'Blob', 'Stream', 'Document'].map((id): [string, []] => [id, []]),
  ])('%s', (id, want) => {
    const got = childrenOf(shapes[id]!).map((c) => [c.role, c.name, c.target, c.path.join('/')]);
    expect(got).toEqual(want);
  });

  it('reads the shapes of a service.json the same way (it needs only the references)', () => {
    expect(childrenOf({ type: 'map', key: 'String', value: 'PeerConn' }).map((c) => c.path)).toEqual([['key'], ['value']]);
  });

  it('throws on a kind the model does not have', () => {
    expect(() => childrenOf({ type: 'set' } as never)).toThrow('unknown shape kind "set"');
  });
});

describe('visitShape', () => {
  // What each kind's handler saw: the narrowed shape's own field, proving each gets its kind.
  const describeShape: ShapeVisitor<string, string> = {
    structure: (s, ctx) => `${ctx}structure(${Object.keys(s.members).join(',')})`,
    union: (s, ctx) => `${ctx}union(${Object.keys(s.members).join(',')})`,
    list: (s, ctx) => `${ctx}list(${s.member})`,
    map: (s, ctx) => `${ctx}map(${s.key}→${s.value})`,
    string: (s, ctx) => `${ctx}string(${(s.enum ?? []).join('|')})`,
    integer: (_, ctx) => `${ctx}integer`,
    float: (_, ctx) => `${ctx}float`,
    boolean: (_, ctx) => `${ctx}boolean`,
    timestamp: (_, ctx) => `${ctx}timestamp`,
    blob: (_, ctx) => `${ctx}blob`,
    stream: (_, ctx) => `${ctx}stream`,
    document: (_, ctx) => `${ctx}document`,
  };

  it.each([
    ['Tag', '>structure(Key)'],
    ['Choice', '>union(x,y)'],
    ['TagList', '>list(Tag)'],
    ['AttrMap', '>map(String→Tag)'],
    ['String', '>string(A|B)'],
    ['Integer', '>integer'],
    ['Float', '>float'],
    ['Boolean', '>boolean'],
    ['Timestamp', '>timestamp'],
    ['Blob', '>blob'],
    ['Stream', '>stream'],
    ['Document', '>document'],
  ])('%s → %s', (id, want) => expect(visitShape(shapes[id]!, describeShape, '>')).toBe(want));

  it('covers every kind of the model (the table above has one row per kind)', () => {
    const kinds = new Set(Object.values(shapes).map((s) => s.type));
    expect([...kinds].sort()).toEqual(Object.keys(describeShape).sort());
  });

  it('throws on a kind it has no handler for, including names on Object.prototype', () => {
    expect(() => visitShape({ type: 'set' } as never, describeShape, '')).toThrow('unknown shape kind "set"');
    expect(() => visitShape({ type: 'toString' } as never, describeShape, '')).toThrow('unknown shape kind "toString"');
  });

  it('requires a handler per kind (checked by tsc)', () => {
    const { document: _, ...partial } = describeShape;
    // @ts-expect-error — `document` has no handler
    const incomplete: ShapeVisitor<string, string> = partial;
    expect(Object.keys(incomplete)).not.toContain('document' satisfies ShapeKind);
  });
});

describe('reachableShapes', () => {
  it.each<[string, string[], string[]]>([
    [
      'every kind, depth first, children in document order, each once',
      ['Root'],
      ['Root', 'String', 'Integer', 'Float', 'Boolean', 'Timestamp', 'Blob', 'Stream', 'Document', 'TagList', 'Tag', 'AttrMap', 'Choice', 'Node', 'NodeList'],
    ],
    ['a recursive shape ends where it began', ['NodeList'], ['NodeList', 'Node']],
    ['a map reaches its key and value', ['AttrMap'], ['AttrMap', 'String', 'Tag']],
    ['several roots, in order, shared shapes once', ['TagList', 'Choice'], ['TagList', 'Tag', 'String', 'Choice']],
    ['ids with no shape are left out, as roots and as targets', ['Gone', 'Orphan'], ['Orphan']],
    ['no roots, nothing', [], []],
  ])('%s', (_, roots, want) => expect([...reachableShapes(service, roots)]).toEqual(want));

  it('walks a chain far deeper than the call stack allows', () => {
    const depth = 50_000; // a recursive walk overflows Node's default stack at about 11 000 frames
    const deep: Record<string, Shape> = { S: { type: 'string' } };
    for (let i = 0; i < depth; i++) deep[`L${i}`] = { type: 'list', member: i + 1 < depth ? `L${i + 1}` : 'S' };
    const reached = reachableShapes({ ...service, shapes: deep }, ['L0']);
    expect(reached.size).toBe(depth + 1);
    expect([...reached].at(-1)).toBe('S');
  });
});
