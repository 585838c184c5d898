/**
 * The bullet-text reader on seed 003 (Direct Connect's describe_hosted_connections as copied from
 * the HTML site): the facts the issue lists, one by one, and what a cut or garbled page gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shuffledPages } from './fuzz.ts';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import type { Service, Shape, StructureShape } from '../../generator/ir/model.ts';
import { readBoto3BulletText, isBoto3BulletText } from '../../generator/read/boto3-bullet-text.ts';
import { readDocument } from '../../generator/read/registry.ts';

const root = path.resolve(import.meta.dirname, '../..');
const SEED = 'specs/aws/directconnect/describe_hosted_connections.txt';
const seedText = readFileSync(path.join(root, SEED), 'utf8');

function structure(shape: Shape | undefined): StructureShape {
  if (!shape || (shape.type !== 'structure' && shape.type !== 'union')) throw new Error(`not a structure: ${JSON.stringify(shape)}`);
  return shape;
}

describe('seed 003 read as bullet text', () => {
  process.chdir(root);
  const { ir, diagnostics } = loadIR([SEED]);
  const service: Service = ir.services[0]!;
  const op = service.operations[0]!;
  const connection = () => {
    const response = structure(service.shapes[op.output]);
    const list = service.shapes[response.members.connections!.target]!;
    if (list.type !== 'list') throw new Error('connections is a list');
    return structure(service.shapes[list.member]);
  };
  const memberType = (name: string) => service.shapes[connection().members[name]!.target]!;

  it('is detected by content as bullet text and reads without diagnostics', () => {
    expect(isBoto3BulletText(seedText)).toBe(true);
    expect(readDocument(seedText, SEED).format).toBe('boto3-bullet-text');
    expect(diagnostics).toEqual([]);
  });

  it('is DescribeHostedConnections of DirectConnect 2012-10-25 (client and version from service.json)', () => {
    expect(service.operations).toHaveLength(1);
    expect(op.name).toBe('DescribeHostedConnections');
    expect(op.method).toBe('describe_hosted_connections');
    expect(service.clientName).toBe('DirectConnect');
    expect(service.apiVersion).toBe('2012-10-25');
    expect(op.sources).toEqual([{ file: SEED, line: 3 }]);
  });

  it('keeps the description with its note', () => {
    expect(op.documentation).toBe(
      'Lists the hosted connections that have been provisioned on the specified interconnect or link aggregation group (LAG).\n\nNote: Intended for use by Direct Connect Partners only.',
    );
  });

  it('has the required input connectionId', () => {
    const input = structure(service.shapes[op.input]);
    expect(Object.keys(input.members)).toEqual(['connectionId']);
    expect(input.members.connectionId).toEqual({ target: 'String', required: true, documentation: 'The ID of the interconnect or LAG.' });
  });

  it('outputs connections, a list of a structure of 22 members', () => {
    const response = structure(service.shapes[op.output]);
    expect(Object.keys(response.members)).toEqual(['connections']);
    expect(service.shapes[response.members.connections!.target]!.type).toBe('list');
    expect(Object.keys(connection().members)).toHaveLength(22);
  });

  it('connectionState is an enum of the 9 documented values', () => {
    expect(memberType('connectionState')).toMatchObject({
      type: 'string',
      enum: ['ordering', 'requested', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected', 'unknown'],
    });
    expect(connection().members.connectionState!.documentation).toContain('\n- ordering : The initial state of a hosted connection');
  });

  it('vlan is an integer, jumboFrameCapable a boolean, loaIssueTime a timestamp', () => {
    expect(memberType('vlan').type).toBe('integer');
    expect(memberType('jumboFrameCapable').type).toBe('boolean');
    expect(memberType('loaIssueTime').type).toBe('timestamp');
  });

  it('tags is a list of key/value structures', () => {
    const tags = memberType('tags');
    if (tags.type !== 'list') throw new Error('tags is a list');
    expect(Object.keys(structure(service.shapes[tags.member]).members)).toEqual(['key', 'value']);
  });

  it('macSecKeys is a list of 4-member structures', () => {
    const keys = memberType('macSecKeys');
    if (keys.type !== 'list') throw new Error('macSecKeys is a list');
    expect(Object.keys(structure(service.shapes[keys.member]).members)).toEqual(['secretARN', 'ckn', 'state', 'startOn']);
  });

  it('lists the two exceptions', () => {
    expect(op.errors).toEqual(['DirectConnectServerException', 'DirectConnectClientException']);
  });
});

describe('bullet text that is cut short or garbled', () => {
  const lines = seedText.split('\n');

  it('a page cut inside the Response Structure names the section and keeps what it read', () => {
    const page = readBoto3BulletText(lines.slice(0, 150).join('\n'), 'cut.txt');
    expect(page.diagnostics).toEqual([
      expect.objectContaining({ line: 150, severity: 'error', message: 'Response Structure ends without an entry for output.connections[].tags and 5 more (a page cut short?)' }),
    ]);
    expect(page.operations[0]!.output!.members).toHaveLength(1);
  });

  it('a page cut inside the Response Syntax reports the literal and the missing section', () => {
    const page = readBoto3BulletText(lines.slice(0, 40).join('\n'), 'cut.txt');
    expect(page.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '40:1: describe_hosted_connections: page ends without its Response Structure section',
      '40:37: Response Syntax of describe_hosted_connections: expected a quoted key or "}", found the end of the block',
    ]);
  });

  it('text in the Parameters section that is no entry is reported at its line', () => {
    const page = readBoto3BulletText(seedText.replace('Parameters\n', 'Parameters\nstray words\n'), 'stray.txt');
    expect(page.diagnostics).toEqual([expect.objectContaining({ line: 19, severity: 'error', message: expect.stringContaining('Parameters: unrecognised text "stray words"') })]);
  });

  it('a broken Response Syntax is reported at its line and column', () => {
    const page = readBoto3BulletText(seedText.replace("'vlan': 123,", "'vlan': 123,,"), 'broken.txt');
    expect(page.diagnostics).toEqual([expect.objectContaining({ line: 39, column: 25, severity: 'error' })]);
  });

  it('never throws on arbitrary input', () => {
    const pieces = [...lines, '  • (dict) --', 'Parameters', 'Response Structure', "{ 'a': [ {", 'Note', '    • x (list) --', ''];
    for (const page of shuffledPages(pieces, 'op(**kwargs)')) expect(() => readBoto3BulletText(page, 'fuzz.txt')).not.toThrow();
  });
});
