/**
 * The botocore comparison helper on the seeds: seed 003 (bullet text) against Debian's botocore
 * model for Direct Connect (a copy in the fixtures, so no installed botocore is needed), seeds 000 and 002 (RST) against the current models of their services;
 * and a deliberately altered IR, to show the helper reports what is wrong.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import type { Service } from '../../generator/ir/model.ts';
import { formatMismatches, loadBotocoreModel, scoreService } from './botocore.ts';

const root = path.resolve(import.meta.dirname, '../..');
// The model seed 003 was written from: Debian python3-botocore 1.29.27's directconnect 2012-10-25,
// copied into the fixtures (see their README) so the test does not need Debian's package installed.
const DEBIAN_DIRECTCONNECT = new URL('../fixtures/facts/aws/debian-botocore-1.29.27/directconnect.service-2.json', import.meta.url).pathname;
// The botocore models of the seeds' services, copied from the facts the project was created with.
const FACTS = new URL('../fixtures/facts/aws/models', import.meta.url).pathname;

/** The one service read from a path under the repository. */
function serviceOf(...paths: string[]): Service {
  process.chdir(root);
  const { ir, diagnostics } = loadIR(paths);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(ir.services).toHaveLength(1);
  return ir.services[0]!;
}

describe('scoreService', () => {
  it('seed 003 (bullet text) matches botocore directconnect 2012-10-25 on every compared fact', () => {
    const score = scoreService(serviceOf('specs/aws/directconnect'), loadBotocoreModel(DEBIAN_DIRECTCONNECT));
    expect(formatMismatches(score.mismatches)).toBe('');
    expect(score.facts.length).toBe(71);
    const kinds = new Set(score.facts.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['enum', 'error', 'member', 'operation', 'required', 'type']);
    expect(score.facts).toContainEqual({ path: 'DescribeHostedConnections.output.connections[].vlan', kind: 'type' });
    expect(score.facts).toContainEqual({ path: 'DescribeHostedConnections.input.connectionId', kind: 'required' });
  });

  it('seed 003 against the newer model lists what the page predates instead of failing', () => {
    const score = scoreService(serviceOf('specs/aws/directconnect'), loadBotocoreModel(`${FACTS}/directconnect.service-2.json`), { modelMayBeNewer: true });
    expect(score.mismatches).toEqual([]);
    expect(score.notInDocs).toContain('DescribeHostedConnections.input.maxResults');
    const strict = scoreService(serviceOf('specs/aws/directconnect'), loadBotocoreModel(`${FACTS}/directconnect.service-2.json`));
    expect(strict.mismatches).toContainEqual({ path: 'DescribeHostedConnections.input.maxResults', kind: 'member', expected: 'maxResults', actual: '(absent)' });
  });

  it('seed 000 (odb, RST) matches its model on every compared fact', () => {
    const score = scoreService(serviceOf('specs/aws/odb'), loadBotocoreModel(`${FACTS}/odb.service-2.json`));
    expect(formatMismatches(score.mismatches)).toBe('');
    expect(score.facts.length).toBeGreaterThan(30);
    expect(score.facts).toContainEqual({ path: 'GetOdbPeeringConnection.output.odbPeeringConnection.status', kind: 'enum' });
  });

  it('seeds 001 + 002 (partnercentral-account) match their model, union and map included', () => {
    const score = scoreService(serviceOf('specs/aws/partnercentral-account'), loadBotocoreModel(`${FACTS}/partnercentral-account.service-2.json`));
    expect(formatMismatches(score.mismatches)).toBe('');
    expect(score.facts).toContainEqual({ path: 'GetConnection.output.ConnectionTypes{}.OtherParticipant', kind: 'type' });
  });

  it('a fact reached where the model recurses is marked as through recursion, even when the reader referred the cut to another shape', () => {
    // The model: Slot → values[] → Slot (recursive); Value.interpretedValue required. boto3 documents the
    // inner Slot as {'... recursive ...'}; here the reader referred it to a shape of its own, `Other`,
    // that lacks the [REQUIRED] mark.
    const model = {
      metadata: {},
      operations: { Put: { name: 'Put', input: { shape: 'PutRequest' } } },
      shapes: {
        PutRequest: { type: 'structure', members: { slot: { shape: 'Slot' } } },
        Slot: { type: 'structure', members: { value: { shape: 'Value' }, values: { shape: 'Slots' } } },
        Slots: { type: 'list', member: { shape: 'Slot' } },
        Value: { type: 'structure', required: ['interpretedValue'], members: { interpretedValue: { shape: 'S' } } },
        S: { type: 'string' },
      },
    } as unknown as Parameters<typeof scoreService>[1];
    const service = {
      id: 'x',
      provider: 'aws',
      clientName: 'X',
      wire: { protocol: 'awsJson1_1', endpoint: 'https://x', timestampFormat: 'epoch-seconds' },
      operations: [{ name: 'Put', method: 'put', documentation: '', input: 'PutRequest', output: 'PutRequest', errors: [], deprecated: false, sources: [] }],
      shapes: {
        PutRequest: { type: 'structure', members: { slot: { target: 'Slot' } } },
        Slot: { type: 'structure', members: { value: { target: 'Value' }, values: { target: 'OtherList' } } },
        OtherList: { type: 'list', member: 'Other' },
        Other: { type: 'structure', members: { value: { target: 'LooseValue' }, values: { target: 'OtherList' } } },
        Value: { type: 'structure', members: { interpretedValue: { target: 'S', required: true } } },
        LooseValue: { type: 'structure', members: { interpretedValue: { target: 'S' } } },
        S: { type: 'string' },
      },
    } as unknown as Service;
    const score = scoreService(service, model);
    expect(score.mismatches).toContainEqual({
      path: 'Put.input.slot.values[].value.interpretedValue',
      kind: 'required',
      expected: 'true',
      actual: 'false',
      throughRecursion: true,
    });
    // Outside the recursion the same fact is compared as usual, and right.
    expect(score.mismatches.filter((m) => m.path === 'Put.input.slot.value.interpretedValue')).toEqual([]);
    expect(score.facts).toContainEqual({ path: 'Put.input.slot.value.interpretedValue', kind: 'required' });
  });

  it('reports each altered fact of an IR as a mismatch with path, kind, expected and actual', () => {
    const service = structuredClone(serviceOf('specs/aws/directconnect'));
    const connection = service.shapes.Connection!;
    if (connection.type !== 'structure') throw new Error('Connection is a structure');
    connection.members.vlan!.target = 'String';
    delete connection.members.lagId;
    const state = service.shapes.ConnectionState!;
    if (state.type !== 'string') throw new Error('ConnectionState is a string');
    state.enum = ['ordering'];
    const request = service.shapes.DescribeHostedConnectionsRequest!;
    if (request.type !== 'structure') throw new Error('the request is a structure');
    request.members.connectionId!.required = false;
    service.operations[0]!.errors = ['DirectConnectServerException', 'Throttling'];
    const score = scoreService(service, loadBotocoreModel(DEBIAN_DIRECTCONNECT));
    const at = 'DescribeHostedConnections';
    expect(score.mismatches).toEqual(
      expect.arrayContaining([
        { path: `${at}.output.connections[].vlan`, kind: 'type', expected: 'integer', actual: 'string' },
        { path: `${at}.output.connections[].lagId`, kind: 'member', expected: 'lagId', actual: '(absent)' },
        { path: `${at}.output.connections[].connectionState`, kind: 'enum', expected: 'ordering|requested|pending|available|down|deleting|deleted|rejected|unknown', actual: 'ordering' },
        { path: `${at}.input.connectionId`, kind: 'required', expected: 'true', actual: 'false' },
        { path: `${at}.errors.DirectConnectClientException`, kind: 'error', expected: 'DirectConnectClientException', actual: '(absent)' },
        { path: `${at}.errors.Throttling`, kind: 'error', expected: '(absent)', actual: 'Throttling' },
      ]),
    );
    expect(score.mismatches).toHaveLength(6);
  });
});
