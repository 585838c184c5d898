/**
 * jsonSchemaOfInput (scripts/bench-clients/json-schema.ts): ajv, compiled from the schema, agrees with the
 * generated validator of the same IR (valid inputs pass; the invalid ones the validator rejects are
 * rejected), every operation of every committed package compiles under ajv's strict mode, and
 * unions, maps, recursion and scalar spellings come out as documented.
 */
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { jsonSchemaOfInput } from '../../scripts/bench-clients/json-schema.ts';
import type { IR, Service } from '../../generator/ir/model.ts';
import { validateDescribeHostedConnectionsInput } from '../../generated/aws-directconnect/src/index.ts';
import { validateGetConnectionInput } from '../../generated/aws-partnercentral-account/src/index.ts';
import { validateCreatePeerconnInput } from '../../generated/baidu-vpc/src/index.ts';
import { problemsOf } from '../emit/helpers.ts';

const GENERATED = path.resolve('generated');

function serviceOf(folder: string): Service {
  return (JSON.parse(readFileSync(path.join(GENERATED, folder, 'ir.json'), 'utf8')) as IR).services[0]!;
}

// Strict, except strictRequired: union branches (`oneOf: [{ required: ['A'] }, …]`) name members their
// parent declares, which is plain JSON Schema that only that ajv-specific check objects to.
function ajv(): Ajv {
  const a = new Ajv({ strict: true, strictRequired: false, allErrors: true });
  // ajv-formats is CommonJS: its function is the default export under Node's ESM interop.
  (formats as unknown as (a: Ajv) => void)(a);
  return a;
}

const validPeerconn = {
  bandwidthInMbps: 10,
  localVpcId: 'vpc-a',
  peerVpcId: 'vpc-b',
  peerRegion: 'bj',
  tags: [{ tagKey: 'env', tagValue: 'prod' }],
};

const cases: { folder: string; op: string; validate: (x: unknown) => void; valid: unknown[]; invalid: unknown[] }[] = [
  {
    folder: 'aws-directconnect',
    op: 'DescribeHostedConnections',
    validate: validateDescribeHostedConnectionsInput,
    valid: [{ connectionId: 'dxcon-1' }, { connectionId: 'dxcon-1', notInTheModel: 1 }],
    invalid: [{}, { connectionId: 42 }, { connectionId: null }, null, [], 'dxcon-1', 7],
  },
  {
    folder: 'aws-partnercentral-account',
    op: 'GetConnection',
    validate: validateGetConnectionInput,
    valid: [{ Catalog: 'AWS', Identifier: 'c-1' }],
    invalid: [{ Catalog: 7 }, { Identifier: 'c-1' }, { Catalog: 'AWS', Identifier: ['c-1'] }, [{ Catalog: 'AWS', Identifier: 'c' }]],
  },
  {
    folder: 'baidu-vpc',
    op: 'CreatePeerconn',
    validate: validateCreatePeerconnInput,
    valid: [validPeerconn, { ...validPeerconn, tags: [] }],
    invalid: [
      { ...validPeerconn, bandwidthInMbps: 1.5 },
      { ...validPeerconn, bandwidthInMbps: '10' },
      { ...validPeerconn, tags: [{ tagValue: 'no key' }] },
      { ...validPeerconn, tags: [{ tagKey: 'k', tagValue: 3 }] },
      { ...validPeerconn, tags: { 0: 'x' } },
      { ...validPeerconn, localVpcId: undefined },
    ],
  },
];

describe('jsonSchemaOfInput', () => {
  for (const c of cases) {
    test(`${c.folder} ${c.op}: ajv and the generated validator agree`, () => {
      const check = ajv().compile(jsonSchemaOfInput(serviceOf(c.folder), c.op));
      for (const x of c.valid) {
        expect(problemsOf(() => c.validate(x))).toEqual([]);
        expect(check(x), JSON.stringify(x)).toBe(true);
      }
      for (const x of c.invalid) {
        expect(problemsOf(() => c.validate(x)).length, JSON.stringify(x)).toBeGreaterThan(0);
        expect(check(x), JSON.stringify(x)).toBe(false);
      }
    });
  }

  test('every operation of every committed package compiles under the strict mode of ajv', () => {
    let n = 0;
    for (const folder of readdirSync(GENERATED).sort()) {
      const service = serviceOf(folder);
      for (const op of service.operations) {
        expect(() => ajv().compile(jsonSchemaOfInput(service, op.name)), `${folder} ${op.name}`).not.toThrow();
        n++;
      }
    }
    expect(n).toBeGreaterThan(3);
  });

  test('unions need exactly one known member; maps check values; recursive shapes; JSON spellings of scalars', () => {
    const service: Service = {
      id: 'demo',
      provider: 'aws',
      clientName: 'Demo',
      operations: [
        { name: 'Put', method: 'put', documentation: '', input: 'PutInput', output: 'Empty', errors: [], deprecated: false, sources: [] },
      ],
      shapes: {
        Empty: { type: 'structure', members: {} },
        PutInput: {
          type: 'structure',
          members: {
            Choice: { target: 'Choice', required: true },
            Labels: { target: 'Labels' },
            Tree: { target: 'Node' },
            At: { target: 'Time' },
            Data: { target: 'Bytes' },
            Any: { target: 'Doc' },
            Kind: { target: 'Kind' },
          },
        },
        Choice: { type: 'union', members: { A: { target: 'Str' }, B: { target: 'Int' } } },
        Labels: { type: 'map', key: 'Str', value: 'Int' },
        Node: { type: 'structure', members: { Name: { target: 'Str', required: true }, Children: { target: 'NodeList' } } },
        NodeList: { type: 'list', member: 'Node' },
        Str: { type: 'string' },
        Int: { type: 'integer' },
        Time: { type: 'timestamp' },
        Bytes: { type: 'blob' },
        Doc: { type: 'document' },
        Kind: { type: 'string', enum: ['X', 'Y'] },
      },
    };
    const schema = jsonSchemaOfInput(service, 'Put');
    expect(Object.keys(schema.definitions as object)).toEqual(['Choice', 'Labels', 'Node', 'NodeList', 'PutInput']);
    const check = ajv().compile(schema);
    const ok = {
      Choice: { A: 'a' },
      Labels: { x: 1 },
      Tree: { Name: 'r', Children: [{ Name: 'c', Children: [{ Name: 'g' }] }] },
      At: '2025-01-02T03:04:05Z',
      Data: 'aGk=',
      Any: { whatever: [1, 'two'] },
      Kind: 'SOMETHING_NEW',
    };
    expect(check(ok)).toBe(true);
    expect(check({ ...ok, Choice: { A: 'a', B: 1 } })).toBe(false);
    expect(check({ ...ok, Choice: {} })).toBe(false);
    expect(check({ ...ok, Labels: { x: 'one' } })).toBe(false);
    expect(check({ ...ok, Tree: { Name: 'r', Children: [{ Children: [] }] } })).toBe(false);
    expect(check({ ...ok, At: 'yesterday' })).toBe(false);
    expect(check({ ...ok, Data: 5 })).toBe(false);
    expect(() => jsonSchemaOfInput(service, 'Nope')).toThrow(/no operation Nope/);
  });
});
