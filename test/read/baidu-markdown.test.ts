import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildService } from '../../generator/ir/build.ts';
import type { IR } from '../../generator/ir/model.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { detectReader, readDocument } from '../../generator/read/registry.ts';
import type { ReaderContext } from '../../generator/ir/input.ts';
import { loadServiceSettings } from '../../generator/settings/service-settings.ts';

const PAGE = 'specs/baidu/vpc/peering-connections.txt';
const FIXTURE = 'test/fixtures/baidu/peering-connections.md';
const SETTINGS = 'specs/baidu/vpc/service.json';
const markdown = readFileSync(FIXTURE, 'utf8');
const loaded = loadServiceSettings(SETTINGS, SETTINGS);
const context: ReaderContext = { settings: loaded.settings, settingsFile: SETTINGS, locate: loaded.locate };
const input = { folderId: 'vpc', settings: loaded.settings, settingsFile: SETTINGS, locateSetting: loaded.locate };

const textPage = readDocument(readFileSync(PAGE, 'utf8'), PAGE, context);
const mdPage = readDocument(markdown, FIXTURE, context);
const fromText: IR = { irVersion: 1, services: [buildService({ ...input, pages: [textPage] })] };
const fromMarkdown: IR = { irVersion: 1, services: [buildService({ ...input, pages: [mdPage] })] };

/** The IR without where facts came from: what both forms of one page must share. */
const withoutSources = (ir: IR) => JSON.parse(JSON.stringify(ir, (key, value: unknown) => (key === 'sources' ? undefined : value))) as unknown;

const mdLine = (needle: string) => markdown.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('Baidu Markdown reader', () => {
  it('is chosen by content: fenced code with @required/def', () => {
    expect(detectReader(markdown)?.format).toBe('baidu-markdown');
    expect(mdPage.format).toBe('baidu-markdown');
    expect(textPage.format).toBe('baidu-text');
  });

  it('reads the fixture without errors into a schema-valid IR of 11 operations', () => {
    expect(mdPage.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(validateIR(fromMarkdown)).toEqual([]);
    expect(fromMarkdown.services[0]!.operations).toHaveLength(11);
  });

  it('gives the same IR as the rendered text of the same page, sources aside', () => {
    expect(withoutSources(fromMarkdown)).toEqual(withoutSources(fromText));
  });

  it('locates operations and warnings in the Markdown file', () => {
    const create = fromMarkdown.services[0]!.operations.find((o) => o.name === 'CreatePeerconn')!;
    expect(create.sources).toEqual([{ file: FIXTURE, line: mdLine('## Create peering connections') }]);
    // The seed's facts settle the page's typo (documentedAs); without that fact, its two places are warnings.
    expect(fromMarkdown.services[0]!.warnings ?? []).toEqual([]);
    const bare = structuredClone(loaded.settings);
    const peerConn = bare.shapes!.PeerConn!;
    if (peerConn.type === 'structure') delete peerConn.members.bandwidthInMbps!.documentedAs;
    const bareContext: ReaderContext = { ...context, settings: bare };
    const warnings = buildService({ ...input, settings: bare, pages: [readDocument(markdown, FIXTURE, bareContext)] }).warnings ?? [];
    expect(warnings.map((w) => w.sources[0])).toEqual([
      { file: FIXTURE, line: mdLine('"bandwithInMbp":500') },
      { file: FIXTURE, line: mdLine('"bandwithInMbp":1000') },
    ]);
    expect(warnings.every((w) => w.sources[1]!.file === SETTINGS)).toBe(true);
  });

  it('skips the client, endpoint and access-key sections', () => {
    expect(mdPage.skipped.map((s) => s.name)).toEqual(['Peering Connections', 'Retrieve Endpoint', 'Retrieve access key', 'peerconn_client', 'Create peerconn_client']);
    expect(mdPage.service.clientName).toBe('PeerConnClient');
  });

  it('reports an unrepairable example at its Markdown line', () => {
    const broken = markdown.replace('"peerConnId": "peerconn-9td54fmx143e"', '"peerConnId": "peerconn-9td54fmx143e');
    const page = readDocument(broken, FIXTURE, context);
    expect(page.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      {
        file: FIXTURE,
        line: mdLine('"peerConnId": "peerconn-9td54fmx143e"'),
        column: 19,
        severity: 'error',
        message: "the response example of create_peerconn can't be repaired: unterminated string",
      },
    ]);
    expect(page.operations).toHaveLength(11);
  });
});
