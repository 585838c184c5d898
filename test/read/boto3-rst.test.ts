import { describe, expect, it } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { memberOf, operationOf, serviceOf, shapeOf, targetOf } from '../helpers/ir.ts';

// The issue's own command: a folder and a single file together.
const { ir, diagnostics } = loadIR(['specs/aws/odb', 'specs/aws/partnercentral-account/get_connection.rst']);

describe('boto3 RST reader on the seeds', () => {
  it('produces a schema-valid IR without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(validateIR(ir)).toEqual([]);
    expect(ir.services.map((s) => s.id)).toEqual(['odb', 'partnercentral-account']);
  });

  describe('odb GetOdbPeeringConnection', () => {
    const odb = serviceOf(ir, 'odb');
    const op = operationOf(odb, 'GetOdbPeeringConnection');
    const conn = () => memberOf(odb, op.output, 'odbPeeringConnection').target;

    it('takes its names and version from the page', () => {
      expect(odb.apiVersion).toBe('2024-08-20');
      expect(odb.clientName).toBe('odb');
      expect(op.method).toBe('get_odb_peering_connection');
      expect(op.documentation).toBe('Retrieves information about an ODB peering connection.');
      expect(op.sources).toEqual([{ file: 'specs/aws/odb/get_odb_peering_connection.rst', line: 9 }]);
    });

    it('has required input odbPeeringConnectionId, a string', () => {
      expect(op.input).toBe('GetOdbPeeringConnectionRequest');
      const m = memberOf(odb, op.input, 'odbPeeringConnectionId');
      expect(m.required).toBe(true);
      expect(shapeOf(odb, m.target).type).toBe('string');
      expect(Object.keys((shapeOf(odb, op.input) as { members: object }).members)).toEqual(['odbPeeringConnectionId']);
    });

    it('reads status as an enum of the 7 documented values', () => {
      const status = targetOf(odb, conn(), 'status');
      expect(status).toMatchObject({ type: 'string' });
      expect(status.type === 'string' && status.enum).toEqual([
        'AVAILABLE', 'FAILED', 'PROVISIONING', 'TERMINATED', 'TERMINATING', 'UPDATING', 'MAINTENANCE_IN_PROGRESS',
      ]);
    });

    it('reads percentProgress as float, createdAt as timestamp, peerNetworkCidrs as a list of strings', () => {
      expect(targetOf(odb, conn(), 'percentProgress').type).toBe('float');
      expect(targetOf(odb, conn(), 'createdAt').type).toBe('timestamp');
      const cidrs = targetOf(odb, conn(), 'peerNetworkCidrs');
      expect(cidrs.type).toBe('list');
      expect(cidrs.type === 'list' && shapeOf(odb, cidrs.member)).toEqual({ type: 'string' });
    });

    it('lists the 5 exceptions in document order', () => {
      expect(op.errors).toEqual([
        'ThrottlingException', 'ValidationException', 'AccessDeniedException', 'InternalServerException', 'ResourceNotFoundException',
      ]);
    });

    it('keeps documentation, inline markup removed', () => {
      expect(memberOf(odb, conn(), 'odbPeeringConnectionArn').documentation).toBe(
        'The Amazon Resource Name (ARN) of the ODB peering connection.\n\nExample: arn:aws:odb:us-east-1:123456789012:odb-peering-connection/odbpcx-abcdefgh12345678',
      );
    });
  });

  describe('partnercentral-account GetConnection', () => {
    const pc = serviceOf(ir, 'partnercentral-account');
    const op = operationOf(pc, 'GetConnection');

    it('names the client and version as the docs do', () => {
      expect(pc.clientName).toBe('PartnerCentralAccountAPI');
      expect(pc.apiVersion).toBe('2025-04-04');
    });

    it('has required Catalog and Identifier', () => {
      expect(memberOf(pc, op.input, 'Catalog').required).toBe(true);
      expect(memberOf(pc, op.input, 'Identifier').required).toBe(true);
    });

    it('reads ConnectionTypes as a map from string to a structure holding the OtherParticipant union', () => {
      const map = targetOf(pc, op.output, 'ConnectionTypes');
      expect(map.type).toBe('map');
      if (map.type !== 'map') return;
      expect(shapeOf(pc, map.key).type).toBe('string');
      const value = shapeOf(pc, map.value);
      expect(value.type).toBe('structure');
      const other = targetOf(pc, map.value, 'OtherParticipant');
      expect(other.type).toBe('union');
      expect(other.type === 'union' && Object.keys(other.members)).toEqual(['PartnerProfile', 'SellerProfile', 'Account']);
      const status = targetOf(pc, map.value, 'Status');
      expect(status.type === 'string' && status.enum).toEqual(['ACTIVE', 'CANCELED']);
    });

    it('keeps the union note out of the documentation', () => {
      const map = targetOf(pc, op.output, 'ConnectionTypes');
      const doc = map.type === 'map' ? memberOf(pc, map.value, 'OtherParticipant').documentation : '';
      expect(doc).toBe('Information about the other participant in this connection type.');
    });
  });
});

describe('boto3 RST reader: deprecation', () => {
  it('takes the deprecation Danger note as the message, not as documentation', () => {
    const { ir } = loadIR(['test/fixtures/boto3/logs/list_tags_log_group.rst']);
    const op = ir.services[0]!.operations[0]!;
    expect(op.deprecated).toBe(true);
    expect(op.deprecationMessage).toMatch(/^This operation is deprecated and may not function as expected\./);
    expect(op.documentation).not.toMatch(/deprecated/i);
  });
});
