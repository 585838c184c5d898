import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.ts';
import { buildService } from '../../generator/ir/build.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { readBaiduMarkdown } from '../../generator/read/baidu-markdown.ts';
import { readBaiduText } from '../../generator/read/baidu-text.ts';
import type { ReaderContext } from '../../generator/ir/input.ts';
import { loadServiceSettings, parseServiceSettings } from '../../generator/settings/service-settings.ts';

const PAGE = 'specs/baidu/vpc/peering-connections.txt';
const SETTINGS = 'specs/baidu/vpc/service.json';
const seed = readFileSync(PAGE, 'utf8');
const lines = seed.split('\n');
const loaded = loadServiceSettings(SETTINGS, SETTINGS);
const context: ReaderContext = { settings: loaded.settings, settingsFile: SETTINGS, locate: loaded.locate };

/** The 1-based line holding `needle` (after `after`, when given). */
function lineOf(needle: string, after?: string): number {
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, k) => k >= from && l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in the seed`);
  return i + 1;
}

const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');

describe('Baidu pages with problems', () => {
  it('a section whose definition is missing: one error at its sentence, the other 10 operations read', () => {
    const start = lineOf('Plain Text', 'The update_peerconn function');
    const cut = [...lines.slice(0, start - 1), ...lines.slice(start + 3)].join('\n');
    const page = readBaiduText(cut, 'cut.txt', context);
    expect(errors(page.diagnostics)).toEqual([
      {
        file: 'cut.txt',
        line: lineOf('The update_peerconn function'),
        column: 1,
        severity: 'error',
        message: 'section "Update the local API name and remarks for peering connections" is cut short: expected the definition of update_peerconn ("def update_peerconn(self, …)") in a code block',
      },
    ]);
    expect(page.operations.map((o) => o.method)).toHaveLength(10);
    expect(page.operations.map((o) => o.method)).toContain('handle_peerconn');
    expect(page.operations.map((o) => o.method)).not.toContain('update_peerconn');
  });

  it('then the binding for the missing operation is an error naming both files', () => {
    const start = lineOf('Plain Text', 'The update_peerconn function');
    const page = readBaiduText([...lines.slice(0, start - 1), ...lines.slice(start + 3)].join('\n'), 'cut.txt', context);
    const diagnostics: Diagnostic[] = [];
    buildService({ folderId: 'vpc', settings: loaded.settings, settingsFile: SETTINGS, locateSetting: loaded.locate, pages: [page] }, diagnostics);
    expect(errors(diagnostics)).toEqual([
      {
        file: SETTINGS,
        line: readFileSync(SETTINGS, 'utf8').split('\n').findIndex((l) => l.includes('"update_peerconn": {')) + 1,
        column: 1,
        severity: 'error',
        message: `${SETTINGS} binds update_peerconn, which is not documented in cut.txt`,
      },
    ]);
  });

  it('an operation without a binding is an error at the page naming the settings file', () => {
    const text = readFileSync(SETTINGS, 'utf8').replace('"delete_peerconn": {', '"delete_peerconn_old": {');
    const settings = parseServiceSettings(text, SETTINGS);
    const page = readBaiduText(seed, PAGE, { settings: settings.settings, settingsFile: SETTINGS, locate: settings.locate });
    const diagnostics: Diagnostic[] = [];
    buildService({ folderId: 'vpc', settings: settings.settings, settingsFile: SETTINGS, locateSetting: settings.locate, pages: [page] }, diagnostics);
    const messages = errors(diagnostics).map((d) => `${d.file}:${d.line}: ${d.message}`);
    expect(messages).toEqual([
      `${PAGE}:${lines.indexOf('Release peering connections') + 1}: delete_peerconn has no HTTP binding: expected "operations" › "delete_peerconn" › "http" in ${SETTINGS}`,
      `${SETTINGS}:${text.split('\n').findIndex((l) => l.includes('"delete_peerconn_old"')) + 1}: ${SETTINGS} binds delete_peerconn_old, which is not documented in ${PAGE}`,
    ]);
  });

  it('a page cut inside a JSON example: error at the example, earlier operations read, facts give the output', () => {
    const cutAt = lineOf('"peerAccountId":"75c14a239bb24b9e88b695e8e9e47952",', 'get_peerconn function');
    const page = readBaiduText(lines.slice(0, cutAt).join('\n'), 'cut.txt', context);
    expect(page.operations.map((o) => o.method)).toEqual(['create_peerconn', 'list_peerconns', 'get_peerconn']);
    expect(errors(page.diagnostics)).toEqual([
      {
        file: 'cut.txt',
        line: lineOf('1{', 'get_peerconn function'),
        column: 2,
        severity: 'error',
        message: 'the response example of get_peerconn can\'t be repaired: object not closed: expected "}"',
      },
    ]);
    expect(page.operations[2]!.output?.shapeName).toBe('PeerConn');
  });

  it('a page cut inside a definition: error at the def line', () => {
    const cutAt = lineOf('2def resize_peerconn(self, peer_conn_id, new_bandwidth_in_mbps,');
    const page = readBaiduText(lines.slice(0, cutAt).join('\n'), 'cut.txt', context);
    const found = errors(page.diagnostics).map((d) => `${d.line}: ${d.message}`);
    expect(found).toContain(`${cutAt}: section "Bandwidth resizing for peering connections": the definition of resize_peerconn is cut short: expected ")" closing its arguments`);
    expect(page.operations.map((o) => o.method)).toEqual([
      'create_peerconn', 'list_peerconns', 'get_peerconn', 'update_peerconn', 'handle_peerconn', 'delete_peerconn',
    ]);
  });

  it('a section that ends before its response: error at its last line', () => {
    const cutAt = lineOf('Parameter Meaning', 'def purchase_reserved_peerconn');
    const page = readBaiduText(lines.slice(0, cutAt).join('\n'), 'cut.txt', context);
    expect(errors(page.diagnostics).map((d) => `${d.line}: ${d.message}`)).toEqual([
      `${cutAt}: section "Peering connection renewal" is cut short: expected the response of purchase_reserved_peerconn (a JSON example or "There are no special response parameters")`,
    ]);
    expect(page.operations.at(-1)?.method).toBe('purchase_reserved_peerconn');
  });

  it('an unrepairable JSON example: error at file:line:col, every operation still read', () => {
    const at = lineOf('"status":"active",', 'get_peerconn function');
    const broken = lines.map((l, i) => (i === at - 1 ? l.replace('"status":"active",', '"status": ,') : l)).join('\n');
    const page = readBaiduText(broken, 'broken.txt', context);
    expect(errors(page.diagnostics)).toEqual([
      { file: 'broken.txt', line: at, column: 16, severity: 'error', message: 'the response example of get_peerconn can\'t be repaired: member "status" has no value' },
    ]);
    expect(page.operations).toHaveLength(11);
    expect(page.operations.find((o) => o.method === 'get_peerconn')?.output?.shapeName).toBe('PeerConn');
    const service = buildService({ folderId: 'vpc', settings: loaded.settings, settingsFile: SETTINGS, locateSetting: loaded.locate, pages: [page] });
    expect(validateIR({ irVersion: 1, services: [service] })).toEqual([]);
  });

  it('without facts: output inferred from the example (nested, lists, null → optional)', () => {
    const page = readBaiduText(seed, PAGE);
    const get = page.operations.find((o) => o.method === 'get_peerconn')!;
    const members = Object.fromEntries(get.output!.members.map((m) => [m.name, m]));
    expect(members.bandwithInMbp).toMatchObject({ type: { kind: 'integer' }, required: true });
    expect(members.status).toMatchObject({ type: { kind: 'string' }, required: true });
    expect(members.deleteProtect).toMatchObject({ type: { kind: 'boolean' } });
    expect(members.expiredTime).toMatchObject({ type: { kind: 'string' }, required: false });
    expect(members.tags!.type).toEqual({
      kind: 'list',
      member: { kind: 'structure', members: [expect.objectContaining({ name: 'tagKey', type: { kind: 'string' } }), expect.objectContaining({ name: 'tagValue' })] },
    });
    // Without facts no wire name is known; the Python name is camel-cased and a warning says so.
    expect(page.diagnostics.some((d) => d.message.includes('the facts give no wire name for argument "bandwidth_in_mbps"; "bandwidthInMbps" assumed'))).toBe(true);
  });
});
