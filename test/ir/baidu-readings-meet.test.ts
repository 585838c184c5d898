/**
 * An SDK page and an API-reference page of one operation are one operation in the IR: the
 * API-reference reading (which names no method) takes the SDK reading's method when its title is
 * the SDK page's heading (or the settings list it), its HTTP binding wins over service.json's,
 * and every disagreement — between the pages, between page and settings — is a warning naming both
 * locations. Types the API-reference page only names are the settings' shapes of those names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.ts';
import { buildService } from '../../generator/ir/build.ts';
import type { ReadPage } from '../../generator/ir/input.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { formatRank, readDocument } from '../../generator/read/registry.ts';
import { loadServiceSettings } from '../../generator/settings/service-settings.ts';
import type { ServiceSettings } from '../../generator/settings/model.ts';
import { memberOf, operationOf, shapeOf } from '../helpers/ir.ts';

const SEED = 'specs/baidu/vpc/peering-connections.txt';
const SETTINGS = 'specs/baidu/vpc/service.json';
const FORMS = 'test/fixtures/baidu-forms';
const loaded = loadServiceSettings(SETTINGS, SETTINGS);
const context = { settings: loaded.settings, settingsFile: SETTINGS, locate: loaded.locate };

const page = (file: string): ReadPage => readDocument(readFileSync(file, 'utf8'), file, context);
const lineOf = (file: string, needle: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

function build(pages: ReadPage[], settings: ServiceSettings = loaded.settings) {
  const diagnostics: Diagnostic[] = [];
  const service = buildService({ folderId: 'vpc', settings, settingsFile: SETTINGS, locateSetting: loaded.locate, pages }, diagnostics, formatRank);
  return { service, diagnostics };
}

describe('an SDK page and the API-reference page of one operation', () => {
  const api = `${FORMS}/api-current-create-peerconn.whole.txt`;
  const { service, diagnostics } = build([page(SEED), page(api)]);
  const op = operationOf(service, 'CreatePeerconn');

  it('are one operation, named by the SDK page, documented by both', () => {
    expect(service.operations.map((o) => o.name)).not.toContain('CreatePeeringConnections');
    expect(op.method).toBe('create_peerconn');
    const seed = readFileSync(SEED, 'utf8');
    const heading = seed.slice(0, seed.indexOf('Create peering connections\n\nWhen')).split('\n').length;
    expect(op.sources).toEqual([
      { file: SEED, line: heading },
      { file: api, line: 1 },
    ]);
    expect(validateIR({ irVersion: 1, services: [service] })).toEqual([]);
  });

  it("takes the API-reference page's HTTP binding over service.json's", () => {
    expect(op.http?.method).toBe('POST');
    expect(op.http?.uri).toBe('/v{version}/peerconn');
    expect(op.http?.members).toMatchObject({ version: { location: 'path' }, clientToken: { location: 'query' }, bandwidthInMbps: { location: 'body' } });
  });

  it('takes the input from the API reference (it ranks first): wire names, types and required as its table says', () => {
    expect(memberOf(service, op.input, 'version')).toMatchObject({ target: 'String', required: true });
    // The SDK page's def gives client_token a default; the API reference says it is required.
    expect(memberOf(service, op.input, 'clientToken')).toMatchObject({ required: true, idempotencyToken: true });
    expect(memberOf(service, op.input, 'bandwidthInMbps').target).toBe('Integer');
  });

  it("names the settings' Billing for the type the table only names, instead of a placeholder", () => {
    expect(memberOf(service, op.input, 'billing').target).toBe('Billing');
    expect(Object.keys((shapeOf(service, 'Billing') as { members: object }).members)).toEqual(['paymentTiming', 'reservation']);
    expect(memberOf(service, op.input, 'billing').unknown).toBeUndefined();
  });

  it('reports the binding against service.json as a warning naming the page and the settings line', () => {
    const w = service.warnings?.find((x) => x.message.startsWith("create_peerconn: the page's HTTP binding differs from the settings'"));
    expect(w?.message).toContain('URI /v{version}/peerconn against /v1/peerconn');
    expect(w?.sources).toEqual([{ file: api, line: 1 }, { file: SETTINGS, line: lineOf(SETTINGS, '"create_peerconn": {') + 1 }]);
    expect(diagnostics.some((d) => d.severity === 'warning' && d.file === api && d.message.includes(`(settings: ${SETTINGS}:`))).toBe(true);
  });

  it('reports where the two pages disagree, with both locations', () => {
    const input = service.warnings?.find((x) => x.message === `create_peerconn: the input differs between ${api}:1 and ${SEED}:${op.sources.find((s) => s.file === SEED)!.line}`);
    expect(input?.sources).toEqual([{ file: api, line: 1 }, op.sources.find((s) => s.file === SEED)]);
  });

  it('has no binding error: the API reference binds the operation', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('titles that differ between renderings', () => {
  const older = `${FORMS}/api-older-compact-view-peerconn.whole.txt`;

  it('an older title the SDK page does not use stays an operation of its own', () => {
    const { service } = build([page(SEED), page(older)]);
    expect(service.operations.map((o) => o.name)).toContain('ViewPeerConnectionDetails');
    expect(operationOf(service, 'GetPeerconn').http?.uri).toBe('/v1/peerconn/{peerConnId}');
  });

  it('meets the SDK reading when the settings list the title for the method', () => {
    const settings: ServiceSettings = JSON.parse(JSON.stringify(loaded.settings));
    settings.operations!.get_peerconn!.titles = ['View Peer Connection Details'];
    const { service } = build([page(SEED), page(older)], settings);
    expect(service.operations.map((o) => o.name)).not.toContain('ViewPeerConnectionDetails');
    const op = operationOf(service, 'GetPeerconn');
    expect(op.http).toEqual({ method: 'GET', uri: '/v{version}/peerconn/{peerConnId}', members: { version: { location: 'path' }, peerConnId: { location: 'path' }, role: { location: 'query' } } });
  });

  it('a title two methods claim is a warning, and the page keeps its own operation', () => {
    const settings: ServiceSettings = JSON.parse(JSON.stringify(loaded.settings));
    settings.operations!.get_peerconn!.titles = ['View Peer Connection Details'];
    settings.operations!.list_peerconns!.titles = ['View Peer Connection Details'];
    const { service, diagnostics } = build([page(SEED), page(older)], settings);
    expect(service.operations.map((o) => o.name)).toContain('ViewPeerConnectionDetails');
    expect(diagnostics).toContainEqual({
      file: older,
      line: 1,
      column: 1,
      severity: 'warning',
      message: '"View Peer Connection Details" is the title of get_peerconn, list_peerconns: the page is kept as an operation of its own (view_peer_connection_details)',
    });
  });
});

describe('other SDKs meet their API reference the same way', () => {
  it('Java createNat and "Create NAT gateway": CreateNat, bound by the API reference, its input from there', () => {
    const java = `${FORMS}/java-current-nat.whole.txt`;
    const api = `${FORMS}/api-current-create-nat.whole.txt`;
    const { service, diagnostics } = build([page(java), page(api)], { provider: 'baidu', protocol: 'rest-json', endpoint: 'http://bcc.{region}.baidubce.com' });
    const op = operationOf(service, 'CreateNat');
    expect(op.method).toBe('createNat');
    expect(op.http?.uri).toBe('/v{version}/nat');
    expect(Object.keys((shapeOf(service, op.input) as { members: object }).members)).toContain('cuNum');
    // listNat has no API-reference page here and service.json binds nothing: a REST operation without a binding.
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'listNat has no HTTP binding: expected "operations" › "listNat" › "http" in specs/baidu/vpc/service.json',
    ]);
  });

  it('Python create_eni and "Create elastic network interface"', () => {
    const { service } = build([page(`${FORMS}/python-current-eni.whole.txt`), page(`${FORMS}/api-current-create-eni.whole.txt`)], { provider: 'baidu' });
    expect(service.operations.map((o) => `${o.name}=${o.method} ${o.http?.method} ${o.http?.uri}`)).toEqual(['CreateEni=create_eni POST /v{version}/eni']);
  });
});

describe('an API-reference page alone', () => {
  it('gives an operation named by its title, bound as it shows, unknown facts unknown', () => {
    const { service } = build([page(`${FORMS}/api-current-create-nat.cut.txt`)], { provider: 'baidu' });
    const op = operationOf(service, 'CreateNatGateway');
    expect(op.http?.members?.dnatEips).toEqual({ location: 'body' });
    // Its location cell is cut, but the request structure's body holds it.
    // The same list as `eips`: one shape, named by the shorter of its uses (shapes.ts, rule 4).
    expect(memberOf(service, op.input, 'dnatEips')).toEqual({ target: 'EipList', unknown: ['type'] });
    expect(memberOf(service, op.input, 'eips')).toMatchObject({ target: 'EipList' });
    expect(memberOf(service, op.input, 'resourceGroupId')).toEqual({ target: 'Document', unknown: ['required', 'type'] });
    expect(op.incomplete?.[0]).toEqual({ section: 'Request parameters', state: 'cut' });
  });
});
