import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBindings } from '../../generator/ir/bindings.ts';
import { readBaiduText } from '../../generator/read/baidu-text.ts';
import { loadServiceSettings, parseServiceSettings } from '../../generator/settings/service-settings.ts';

const SETTINGS = 'specs/baidu/vpc/service.json';
const text = readFileSync(SETTINGS, 'utf8');
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The settings text with one JSON edit applied to the parsed object, re-serialised the way the file is. */
function edited(edit: (json: Record<string, any>) => void): string {
  const json = JSON.parse(text) as Record<string, any>;
  edit(json);
  return `${JSON.stringify(json, null, 2)}\n`;
}

describe('specs/baidu/vpc/service.json', () => {
  const { settings, diagnostics } = loadServiceSettings(SETTINGS, SETTINGS);

  it('is valid against the schema and refers only to shapes it defines', () => {
    expect(diagnostics).toEqual([]);
  });

  it('carries the wire facts of the Baidu VPC service', () => {
    expect(settings).toMatchObject({
      provider: 'baidu',
      protocol: 'rest-json',
      signatureVersion: 'bce-auth-v1',
      endpoint: 'http://bcc.{region}.baidubce.com',
      clientName: 'PeerConnClient',
      packageName: '@docsdk/baidu-vpc',
    });
  });

  it('binds all 11 operations, each under /v1/peerconn', () => {
    const ops = Object.entries(settings.operations ?? {});
    expect(ops).toHaveLength(11);
    for (const [method, op] of ops) expect(op.http?.uri, method).toMatch(/^\/v1\/peerconn(\/\{peerConnId\}(\/deleteProtect)?)?$/);
  });

  it('maps Python arguments to wire names, client_token to the idempotent clientToken', () => {
    expect(settings.parameters?.bandwidth_in_mbps).toMatchObject({ name: 'bandwidthInMbps', target: 'Integer' });
    expect(settings.parameters?.max_keys).toMatchObject({ name: 'maxKeys', target: 'Integer' });
    expect(settings.parameters?.client_token).toMatchObject({ name: 'clientToken', idempotencyToken: true });
  });

  it('defines the shared models in the IR shape vocabulary', () => {
    expect(settings.shapes?.TagModel).toEqual({ type: 'structure', members: { tagKey: { target: 'String', required: true }, tagValue: { target: 'String', required: true } } });
    expect(settings.shapes?.DnsStatus).toEqual({ type: 'string', enum: ['close', 'wait', 'syncing', 'open', 'closing'] });
    expect(settings.operations?.get_peerconn?.output).toBe('PeerConn');
  });
});

describe('service.json schema and references', () => {
  it('rejects a marker that is not a boolean, located at its line', () => {
    const bad = edited((j) => (j.operations.handle_peerconn.http.members.action.marker = 'yes'));
    const { diagnostics } = parseServiceSettings(bad, 'x.json');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'x.json', severity: 'error', line: lineOf(bad, '"marker": "yes"') });
    expect(diagnostics[0]!.message).toContain('/operations/handle_peerconn/http/members/action/marker');
  });

  it('rejects a structure shape without members and an unknown parameter field', () => {
    const bad = edited((j) => {
      j.shapes.TagModel = { type: 'structure' };
      j.parameters.role.wire = 'role';
    });
    const messages = parseServiceSettings(bad, 'x.json').diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.startsWith('/shapes/TagModel') && m.includes('members'))).toBe(true);
    expect(messages.some((m) => m.startsWith('/parameters/role') && m.includes('wire'))).toBe(true);
  });

  it('reports a target that names no shape, at the line of the member', () => {
    const bad = edited((j) => (j.shapes.PeerConn.members.status.target = 'PeerConnState'));
    const { diagnostics } = parseServiceSettings(bad, 'x.json');
    expect(diagnostics).toEqual([
      {
        file: 'x.json',
        line: lineOf(bad, '"target": "PeerConnState"'),
        column: bad.split('\n')[lineOf(bad, '"target": "PeerConnState"') - 1]!.indexOf('"PeerConnState"') + 1,
        severity: 'error',
        message: expect.stringMatching(/^\/shapes\/PeerConn\/members\/status\/target: refers to shape "PeerConnState", which is neither a scalar/),
      },
    ]);
  });
});

describe('binding checks against the page', () => {
  const page = readBaiduText(readFileSync('specs/baidu/vpc/peering-connections.txt', 'utf8'), 'page.txt', loadServiceSettings(SETTINGS, SETTINGS));
  const check = (source: string) => {
    const loaded = parseServiceSettings(source, 'x.json');
    expect(loaded.diagnostics).toEqual([]);
    return checkBindings({ settings: loaded.settings, settingsFile: 'x.json', locateSetting: loaded.locate, operations: page.operations }).map((d) => `${d.file}:${d.line}: ${d.message}`);
  };

  it('accepts the real bindings', () => {
    expect(check(text)).toEqual([]);
  });

  it('rejects a member the input lacks, a URI placeholder without a path member, a marker outside the query', () => {
    const bad = edited((j) => {
      j.operations.get_peerconn.http.members.role = { location: 'query' };
      j.operations.delete_peerconn.http.members.peerConnId.location = 'query';
      j.operations.handle_peerconn.http.members.action.location = 'body';
    });
    expect(check(bad)).toEqual([
      `x.json:${lineOf(bad, '"role": {')}: the binding of get_peerconn places "role", which its input (page.txt:${readFileSync('specs/baidu/vpc/peering-connections.txt', 'utf8').split('\n').indexOf('Query peering connections details') + 1}) does not have`,
      expect.stringMatching(/^x\.json:\d+: the binding of handle_peerconn marks "action" as a query marker but places it in the body$/),
      expect.stringMatching(/^x\.json:\d+: the URI of delete_peerconn has \{peerConnId\}, but no input member \(page\.txt:\d+\) is bound to the path under that name$/),
    ]);
  });

  it('puts each binding problem at the column of its key (the member, the paginator field)', () => {
    const bad = edited((j) => {
      j.operations.get_peerconn.http.members.role = { location: 'query' };
      j.operations.list_peerconns.paginator.outputToken = 'next';
    });
    const loaded = parseServiceSettings(bad, 'x.json');
    const found = checkBindings({ settings: loaded.settings, settingsFile: 'x.json', locateSetting: loaded.locate, settingsPositions: loaded.positions, operations: page.operations });
    const keyAt = (needle: string, after: string) => {
      const offset = bad.indexOf(needle, bad.indexOf(after));
      const before = bad.slice(0, offset).split('\n');
      return { line: before.length, column: before.at(-1)!.length + 1 };
    };
    expect(found.map((d) => ({ line: d.line, column: d.column }))).toEqual([keyAt('"outputToken"', '"list_peerconns"'), keyAt('"role"', '"get_peerconn"')]);
    expect(found.map((d) => d.column)).toEqual([9, 11]);
  });

  it('rejects a paginator naming members the operation lacks', () => {
    const bad = edited((j) => (j.operations.list_peerconns.paginator.outputToken = 'next'));
    expect(check(bad)).toEqual([expect.stringMatching(/the paginator of list_peerconns names outputToken "next", which its output \(page\.txt:\d+\) does not have$/)]);
  });
});
