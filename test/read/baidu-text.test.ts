import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { buildService } from '../../generator/ir/build.ts';
import type { ReaderContext } from '../../generator/ir/input.ts';
import { detectReader, readDocument } from '../../generator/read/registry.ts';
import { parseServiceSettings } from '../../generator/settings/service-settings.ts';
import { memberOf, operationOf, serviceOf, shapeOf, targetOf } from '../helpers/ir.ts';

const PAGE = 'specs/baidu/vpc/peering-connections.txt';
const SETTINGS = 'specs/baidu/vpc/service.json';
const { ir, diagnostics } = loadIR(['specs/baidu/vpc']);
const vpc = serviceOf(ir, 'vpc');

/** The line of the first occurrence of `needle` after `after` in a file, counted independently of the reader. */
function lineOf(file: string, needle: string, after = ''): number {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (at < 0) throw new Error(`${needle} not in ${file}`);
  return text.slice(0, at).split('\n').length;
}

describe('Baidu text reader on the seed (docsdk ir specs/baidu/vpc)', () => {
  it('is chosen by content and gives a schema-valid IR without errors', () => {
    expect(detectReader(readFileSync(PAGE, 'utf8'))?.format).toBe('baidu-text');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(validateIR(ir)).toEqual([]);
  });

  it('gives one Baidu service with the wire facts of service.json', () => {
    expect(ir.services).toHaveLength(1);
    expect(vpc.provider).toBe('baidu');
    expect(vpc.clientName).toBe('PeerConnClient');
    expect(vpc.packageName).toBe('@docsdk/baidu-vpc');
    expect(vpc.wire).toEqual({ protocol: 'rest-json', signatureVersion: 'bce-auth-v1', endpoint: 'http://bcc.{region}.baidubce.com', timestampFormat: 'iso8601' });
  });

  it('has exactly the 11 operations of the page, PascalCase from the Python names', () => {
    expect(vpc.operations.map((o) => `${o.name}=${o.method}`)).toEqual([
      'ClosePeerconnDnsSync=close_peerconn_dns_sync',
      'CreatePeerconn=create_peerconn',
      'DeletePeerconn=delete_peerconn',
      'GetPeerconn=get_peerconn',
      'HandlePeerconn=handle_peerconn',
      'ListPeerconns=list_peerconns',
      'OpenPeerconnDnsSync=open_peerconn_dns_sync',
      'PurchaseReservedPeerconn=purchase_reserved_peerconn',
      'ResizePeerconn=resize_peerconn',
      'UpdatePeerconn=update_peerconn',
      'UpdatePeerconnDeleteProtect=update_peerconn_delete_protect',
    ]);
    expect(operationOf(vpc, 'CreatePeerconn').sources).toEqual([{ file: PAGE, line: lineOf(PAGE, 'Create peering connections\n\nWhen') }]);
  });

  describe('CreatePeerconn input', () => {
    const op = operationOf(vpc, 'CreatePeerconn');
    it('lists the def arguments under their wire names, without self and config', () => {
      expect(Object.keys((shapeOf(vpc, op.input) as { members: object }).members)).toEqual([
        'bandwidthInMbps', 'localVpcId', 'peerVpcId', 'peerRegion', 'description', 'localIfName', 'peerAccountId',
        'peerIfName', 'clientToken', 'billing', 'tags', 'resourceGroupId', 'deleteProtect',
      ]);
    });
    it('bandwidthInMbps is a required integer (@required int)', () => {
      expect(memberOf(vpc, op.input, 'bandwidthInMbps')).toMatchObject({ target: 'Integer', required: true });
      expect(targetOf(vpc, op.input, 'bandwidthInMbps').type).toBe('integer');
    });
    it('localVpcId, peerVpcId, peerRegion are required strings ((bytes, str))', () => {
      for (const name of ['localVpcId', 'peerVpcId', 'peerRegion']) {
        expect(memberOf(vpc, op.input, name), name).toMatchObject({ target: 'String', required: true });
      }
    });
    it('billing, tags and deleteProtect are optional, typed by the facts', () => {
      expect(memberOf(vpc, op.input, 'billing').required).toBeUndefined();
      expect(memberOf(vpc, op.input, 'billing').target).toBe('Billing');
      expect(memberOf(vpc, op.input, 'tags')).toEqual({ target: 'TagModelList' });
      expect(shapeOf(vpc, 'TagModelList')).toEqual({ type: 'list', member: 'TagModel' });
      expect(memberOf(vpc, 'TagModel', 'tagKey')).toEqual({ target: 'String', required: true });
      expect(memberOf(vpc, op.input, 'deleteProtect').target).toBe('Boolean');
      expect(memberOf(vpc, op.input, 'deleteProtect').required).toBeUndefined();
      expect(memberOf(vpc, 'Billing', 'paymentTiming').target).toBe('PaymentTiming');
      expect(shapeOf(vpc, 'PaymentTiming')).toEqual({ type: 'string', enum: ['Prepaid', 'Postpaid'] });
    });
    it('clientToken is the idempotency token, sent in the query', () => {
      expect(memberOf(vpc, op.input, 'clientToken')).toMatchObject({ target: 'String', idempotencyToken: true });
      expect(memberOf(vpc, op.input, 'clientToken').required).toBeUndefined();
      expect(op.http?.members?.clientToken).toEqual({ location: 'query' });
    });
    it('goes as POST /v1/peerconn with the model in the body, and answers peerConnId', () => {
      expect(op.http?.method).toBe('POST');
      expect(op.http?.uri).toBe('/v1/peerconn');
      expect(op.http?.members?.bandwidthInMbps).toEqual({ location: 'body' });
      expect(op.http?.queryMarkers).toBeUndefined();
      expect(op.output).toBe('CreatePeerconnResponse');
      expect(memberOf(vpc, op.output, 'peerConnId').target).toBe('String');
    });
    it('keeps the bullet notes and the OpenAPI link as documentation', () => {
      expect(op.documentation).toContain('\n- Only one peering connection is allowed between any two VPCs.\n');
      expect(op.documentation).toContain('The create_peerconn function can be used to create peering connections between specified VPCs.');
      expect(op.documentation).not.toContain('defined as follows');
      expect(op.documentation.endsWith('OpenAPI documentation: https://cloud.baidu.com/doc/VPC/s/bjwvyue8y')).toBe(true);
    });
  });

  describe('ListPeerconns', () => {
    const op = operationOf(vpc, 'ListPeerconns');
    it('is paginated by marker', () => {
      expect(op.paginator).toEqual({ inputToken: 'marker', outputToken: 'nextMarker', items: 'peerConns', limitKey: 'maxKeys', moreResults: 'isTruncated' });
    });
    it('sends vpcId (required by the page), marker and maxKeys in the query of GET /v1/peerconn', () => {
      expect(op.http).toEqual({
        method: 'GET',
        uri: '/v1/peerconn',
        members: { vpcId: { location: 'query' }, marker: { location: 'query' }, maxKeys: { location: 'query' } },
      });
      expect(memberOf(vpc, op.input, 'vpcId').required).toBe(true);
      expect(memberOf(vpc, op.input, 'maxKeys').target).toBe('Integer');
    });
    it('answers a list of the shared PeerConn model and the paging members', () => {
      expect(op.output).toBe('ListPeerconnsResponse');
      expect(memberOf(vpc, op.output, 'peerConns').target).toBe('PeerConnList');
      expect(shapeOf(vpc, 'PeerConnList')).toEqual({ type: 'list', member: 'PeerConn' });
      expect(memberOf(vpc, op.output, 'isTruncated').target).toBe('Boolean');
      expect(memberOf(vpc, op.output, 'maxKeys').target).toBe('Integer');
      expect(memberOf(vpc, op.output, 'nextMarker').target).toBe('String');
    });
  });

  describe('GetPeerconn output', () => {
    const op = operationOf(vpc, 'GetPeerconn');
    it('is the PeerConn model, named once and shared with the list', () => {
      expect(op.output).toBe('PeerConn');
      expect(Object.keys(vpc.shapes).filter((id) => id.startsWith('PeerConn'))).toEqual(['PeerConn', 'PeerConnAction', 'PeerConnList', 'PeerConnRole', 'PeerConnStatus']);
    });
    it('has status, an enum of the 12 values', () => {
      expect(memberOf(vpc, 'PeerConn', 'status').target).toBe('PeerConnStatus');
      expect(shapeOf(vpc, 'PeerConnStatus')).toEqual({
        type: 'string',
        enum: ['creating', 'consulting', 'consult_failed', 'active', 'down', 'starting', 'stopping', 'deleting', 'deleted', 'expired', 'error', 'updating'],
      });
    });
    it('has dnsStatus, an enum of the 5 values, and role initiator|acceptor', () => {
      expect(shapeOf(vpc, memberOf(vpc, 'PeerConn', 'dnsStatus').target)).toEqual({ type: 'string', enum: ['close', 'wait', 'syncing', 'open', 'closing'] });
      expect(shapeOf(vpc, memberOf(vpc, 'PeerConn', 'role').target)).toEqual({ type: 'string', enum: ['initiator', 'acceptor'] });
    });
    it('spells bandwidth as the facts do (bandwidthInMbps), not as the page (bandwithInMbp)', () => {
      expect(memberOf(vpc, 'PeerConn', 'bandwidthInMbps').target).toBe('Integer');
      expect(Object.keys((shapeOf(vpc, 'PeerConn') as { members: object }).members)).not.toContain('bandwithInMbp');
    });
    it('goes as GET /v1/peerconn/{peerConnId} with peerConnId in the path', () => {
      expect(op.http).toEqual({ method: 'GET', uri: '/v1/peerconn/{peerConnId}', members: { peerConnId: { location: 'path' } } });
      expect(memberOf(vpc, op.input, 'peerConnId')).toMatchObject({ target: 'String', required: true });
    });
  });

  describe('HTTP bindings of the action operations', () => {
    it('HandlePeerconn sends its action (accept|reject) as a valueless query marker', () => {
      const op = operationOf(vpc, 'HandlePeerconn');
      expect(op.http?.method).toBe('PUT');
      expect(op.http?.members?.action).toEqual({ location: 'query', marker: true });
      expect(memberOf(vpc, op.input, 'action').required).toBe(true);
      expect(targetOf(vpc, op.input, 'action')).toMatchObject({ type: 'string', enum: ['accept', 'reject'] });
    });
    it('ResizePeerconn: PUT ?resize with newBandwidthInMbps (required integer) in the body', () => {
      const op = operationOf(vpc, 'ResizePeerconn');
      expect(op.http).toMatchObject({ method: 'PUT', uri: '/v1/peerconn/{peerConnId}', queryMarkers: ['resize'] });
      expect(op.http?.members?.newBandwidthInMbps).toEqual({ location: 'body' });
      expect(memberOf(vpc, op.input, 'newBandwidthInMbps')).toMatchObject({ target: 'Integer', required: true });
    });
    it('OpenPeerconnDnsSync and ClosePeerconnDnsSync: ?open / ?close with role in the query', () => {
      expect(operationOf(vpc, 'OpenPeerconnDnsSync').http).toMatchObject({ queryMarkers: ['open'], members: { role: { location: 'query' } } });
      expect(operationOf(vpc, 'ClosePeerconnDnsSync').http).toMatchObject({ queryMarkers: ['close'], members: { role: { location: 'query' } } });
    });
    it('PurchaseReservedPeerconn: ?purchaseReserved; DeletePeerconn: DELETE', () => {
      expect(operationOf(vpc, 'PurchaseReservedPeerconn').http?.queryMarkers).toEqual(['purchaseReserved']);
      expect(operationOf(vpc, 'DeletePeerconn').http?.method).toBe('DELETE');
    });
    it('UpdatePeerconnDeleteProtect: PUT …/deleteProtect with deleteProtect (required boolean, (bool,)) in the body', () => {
      const op = operationOf(vpc, 'UpdatePeerconnDeleteProtect');
      expect(op.http?.uri).toBe('/v1/peerconn/{peerConnId}/deleteProtect');
      expect(memberOf(vpc, op.input, 'deleteProtect')).toMatchObject({ target: 'Boolean', required: true });
    });
    it('"There are no special response parameters" gives an empty output', () => {
      for (const name of ['UpdatePeerconn', 'HandlePeerconn', 'DeletePeerconn', 'ResizePeerconn', 'UpdatePeerconnDeleteProtect']) {
        const op = operationOf(vpc, name);
        expect(shapeOf(vpc, op.output), name).toEqual({ type: 'structure', members: {} });
      }
    });
  });

  describe('page and facts disagreeing', () => {
    it('the seed’s facts settle every disagreement: the doc’s typo (documentedAs) and the repairs its examples need (exampleRepairs)', () => {
      expect(vpc.warnings ?? []).toEqual([]);
      expect(diagnostics).toEqual([]);
    });

    // Without those two facts, what the page gets wrong is reported.
    const bare = JSON.parse(readFileSync(SETTINGS, 'utf8')) as { shapes: Record<string, { members: Record<string, { documentedAs?: string[] }> }>; operations: Record<string, { exampleRepairs?: unknown }> };
    delete bare.shapes.PeerConn!.members.bandwidthInMbps!.documentedAs;
    for (const op of Object.values(bare.operations)) delete op.exampleRepairs;
    const bareText = `${JSON.stringify(bare, null, 2)}\n`;
    const bareLoaded = parseServiceSettings(bareText, SETTINGS);
    const bareContext: ReaderContext = { settings: bareLoaded.settings, settingsFile: SETTINGS, locate: bareLoaded.locate };
    const barePage = readDocument(readFileSync(PAGE, 'utf8'), PAGE, bareContext);
    const bareService = buildService({ folderId: 'vpc', settings: bareLoaded.settings, settingsFile: SETTINGS, locateSetting: bareLoaded.locate, pages: [barePage] });
    const at = bareText.indexOf('"bandwidthInMbps"', bareText.indexOf('"PeerConn": {'));
    const factsLine = bareText.slice(0, at).split('\n').length;
    const diagnosticsBare = barePage.diagnostics;
    it('records bandwithInMbp vs bandwidthInMbps as IR warnings with both sources', () => {
      expect(bareLoaded.diagnostics).toEqual([]);
      expect(bareService.warnings).toEqual([
        {
          message: 'list_peerconns: the response example names "bandwithInMbp" where the facts (PeerConn) name "bandwidthInMbps"; the facts\' name is used',
          sources: [{ file: PAGE, line: lineOf(PAGE, '"bandwithInMbp":500') }, { file: SETTINGS, line: factsLine }],
        },
        {
          message: 'get_peerconn: the response example names "bandwithInMbp" where the facts (PeerConn) name "bandwidthInMbps"; the facts\' name is used',
          sources: [{ file: PAGE, line: lineOf(PAGE, '"bandwithInMbp":1000') }, { file: SETTINGS, line: factsLine }],
        },
      ]);
    });
    it('reports them as warning diagnostics at the page line and column', () => {
      const d = diagnosticsBare.find((x) => x.message.startsWith('get_peerconn: the response example names'));
      expect(d).toMatchObject({ file: PAGE, line: 924, column: 6, severity: 'warning' });
      expect(d?.message).toContain(`(facts: ${SETTINGS}:${factsLine})`);
    });
    it('reports what was repaired in each example, located at the first repair', () => {
      const list = diagnosticsBare.find((x) => x.message.startsWith('the response example of list_peerconns'));
      expect(list).toMatchObject({ file: PAGE, line: lineOf(PAGE, '2\t "peerConns"'), severity: 'warning' });
      expect(list?.message).toMatch(/repaired \d+ place\(s\) \(tab, bare-identifier, missing-comma\)/);
      const get = diagnosticsBare.find((x) => x.message.startsWith('the response example of get_peerconn'));
      expect(get).toMatchObject({ line: lineOf(PAGE, '"createdTime":"2018-08-03 20:38:43"'), column: 42 });
      expect(get?.message).toContain('missing comma after member "createdTime"');
    });
  });

  it('makes no operation of the other sections (client creation, endpoint, access key)', () => {
    const page = readDocument(readFileSync(PAGE, 'utf8'), PAGE);
    expect(page.skipped.map((s) => s.name)).toEqual(['Retrieve Endpoint', 'Retrieve access key', 'peerconn_client', 'Create peerconn_client']);
    expect(page.operations.map((o) => o.method)).not.toContain('PeerConnClient');
    expect(page.operations).toHaveLength(11);
  });
});
