/**
 * The HTML reader on real Sphinx pages (test/fixtures/boto3-renderings/html: boto3 1.43's RST built
 * by Sphinx 5.3 with furo and alabaster): the same IR as the RST source of the same page, the
 * placeholder sections boto3 writes recorded as hidden, and a page cut at any byte read for what
 * precedes the cut, claiming nothing it cannot see.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { buildIR } from '../../generator/ir/build.ts';
import type { IR } from '../../generator/ir/model.ts';
import type { MemberNode, ReadOperation, StructureNode, TypeNode } from '../../generator/ir/input.ts';
import { isBoto3Html, readBoto3Html } from '../../generator/read/boto3-html.ts';
import { isBoto3BulletText } from '../../generator/read/boto3-bullet-text.ts';
import { isBoto3CompactText } from '../../generator/read/boto3-compact-text.ts';
import { isBoto3Rst } from '../../generator/read/boto3-rst.ts';
import { formatRank, readDocument } from '../../generator/read/registry.ts';
import { foldTypography } from '../../generator/read/doc-text.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/boto3-renderings');
const read = (file: string) => readFileSync(path.join(fixtures, file), 'utf8');

/** The IR of one page alone, without `sources`. */
function irOf(text: string, file: string): { ir: IR; errors: string[] } {
  const page = readDocument(text, file);
  const ir = buildIR([{ folderId: 'svc', settings: {}, pages: [page] }]);
  for (const s of ir.services) for (const op of s.operations) op.sources = [];
  return { ir, errors: page.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`) };
}

/** Pages whose HTML (theme) and RST source are both fixtures. */
const PAIRS = [
  ['furo', 'directconnect/client/describe_connections'],
  ['alabaster', 'glue/client/update_job'],
  ['alabaster', 'connectcampaigns/client/create_campaign'],
] as const;

describe.each(PAIRS)('%s HTML of %s', (theme, page) => {
  const html = read(`html/${theme}/${page}.html`);
  const rst = read(`rst/${page}.rst`);

  it('is recognised as HTML by content, by no other boto3 reader', () => {
    expect(isBoto3Html(html)).toBe(true);
    expect([isBoto3Rst(html), isBoto3CompactText(html), isBoto3BulletText(html)]).toEqual([false, false, false]);
    expect(isBoto3Html(rst)).toBe(false);
    expect(readDocument(html, 'page.html').format).toBe('boto3-html');
  });

  it('gives the IR its RST source gives', () => {
    const fromHtml = irOf(html, 'page.html');
    const fromRst = irOf(rst, 'page.rst');
    expect(fromHtml.errors).toEqual([]);
    expect(fromRst.errors).toEqual([]);
    expect(fromHtml.ir.services[0]!.operations).toHaveLength(1);
    expect(fromHtml.ir).toEqual(fromRst.ir);
  });
});

describe('what the HTML shows, read from its structure', () => {
  it('reads the breadcrumb, the See also link and the nested entries (create_campaign, alabaster)', () => {
    const page = readBoto3Html(read('html/alabaster/connectcampaigns/client/create_campaign.html'), 'create_campaign.html');
    expect(page.service).toEqual({ provider: 'aws', clientName: 'ConnectCampaignService', id: 'connectcampaigns', apiVersion: '2021-01-30' });
    const op = page.operations[0]!;
    expect(op.name).toBe('CreateCampaign');
    const dialer = op.input.members.find((m) => m.name === 'dialerConfig')!;
    expect(dialer.required).toBe(true);
    expect(dialer.type.kind).toBe('union');
    const progressive = (dialer.type as StructureNode).members.find((m) => m.name === 'progressiveDialerConfig')!;
    expect((progressive.type as StructureNode).members.map((m) => [m.name, m.required])).toEqual([
      ['bandwidthAllocation', true],
      ['dialingCapacity', false],
    ]);
    expect(op.input.members.find((m) => m.name === 'tags')!.type.kind).toBe('map');
  });

  it('opens the block quote boto3 placeholders fall into and records them as hidden (update_job, alabaster)', () => {
    const op = readBoto3Html(read('html/alabaster/glue/client/update_job.html'), 'update_job.html').operations[0]!;
    expect(op.incomplete).toEqual([
      { section: 'Request Syntax', state: 'hidden' },
      { section: 'Parameters', state: 'hidden' },
    ]);
    expect(op.input.members).toEqual([]);
    expect(op.errors).toEqual(['InvalidInputException', 'EntityNotFoundException', 'InternalServiceException', 'OperationTimeoutException', 'ConcurrentModificationException']);
  });

  it('ends a Request Syntax at the Parameters placeholder it swallowed, leaving required unknown (create_insight, furo)', () => {
    const page = readBoto3Html(read('html/furo/securityhub/client/create_insight.html'), 'create_insight.html');
    expect(page.diagnostics).toEqual([]);
    const op = page.operations[0]!;
    expect(op.incomplete).toEqual([{ section: 'Parameters', state: 'hidden' }]);
    expect(op.input.members.map((m) => [m.name, m.required])).toEqual([
      ['Name', undefined],
      ['Filters', undefined],
      ['GroupByAttribute', undefined],
    ]);
  });

  it('takes [REQUIRED] opening the paragraph after a lone parameter head', () => {
    const html = read('html/furo/directconnect/client/describe_connections.html').replace(
      '<li><p><strong>connectionId</strong> (<em>string</em>) – The ID of the connection.</p></li>',
      '<li><p><strong>connectionId</strong> (<em>string</em>) – <p><strong>[REQUIRED]</strong> The ID of the connection.</p></p></li>',
    );
    const member = readBoto3Html(html, 'x.html').operations[0]!.input.members[0]!;
    expect([member.name, member.required, member.documentation]).toEqual(['connectionId', true, 'The ID of the connection.']);
  });

  it("gives the RST's ASCII where Sphinx printed it typographically (smartquotes)", () => {
    expect(foldTypography('It\u2019s \u201cset\u201d \u2013 or \u2014 not\u2026')).toBe('It\'s "set" -- or --- not...');
    const html = read('html/furo/directconnect/client/describe_connections.html').replace(
      'The ID of the connection.</p></li>',
      'The ID of the connection\u2019s \u201cowner\u201d.</p></li>',
    );
    expect(readBoto3Html(html, 'x.html').operations[0]!.input.members[0]!.documentation).toBe('The ID of the connection\'s "owner".');
  });

  it('ranks after the RST source and before the text renderings', () => {
    expect(formatRank('boto3-rst')).toBeLessThan(formatRank('boto3-html'));
    expect(formatRank('boto3-html')).toBeLessThan(formatRank('boto3-bullet-text'));
    expect(formatRank('boto3-html')).toBeLessThan(formatRank('boto3-compact-text'));
  });

  it('an operation whose Returns field says None returns nothing, and its last parameter is whole', () => {
    const html = read('html/furo/directconnect/client/describe_connections.html');
    const start = html.indexOf('<dt class="field-even">Return type');
    const end = html.indexOf('<h3>Exceptions</h3>');
    const none = `${html.slice(0, start)}<dt class="field-even">Returns<span class="colon">:</span></dt>\n<dd class="field-even"><p>None</p>\n</dd>\n</dl>\n${html.slice(end)}`;
    const page = readBoto3Html(none.replace(/<h3>Exceptions<\/h3>[\s\S]*?<\/ul>/, ''), 'none.html');
    expect(page.diagnostics).toEqual([]);
    const op = page.operations[0]!;
    expect(op.output).toBeUndefined();
    expect(op.input.members.map((m) => m.required)).toEqual([false, false, false]);
  });

  it('elements nested past 1,000 levels are read up to there, with an error at the line, not a stack overflow', () => {
    const deep = '<li><p><strong>a</strong> (<em>dict</em>) – x</p><ul>\n'.repeat(20_000);
    const html = `<!DOCTYPE html><html><body><dl class="py method"><dt id="X.Client.op">op(**kwargs)</dt><dd><h3>Request Syntax</h3>\n<ul>\n${deep}</body></html>`;
    const page = readBoto3Html(html, 'deep.html');
    const deepest = page.diagnostics.find((d) => d.message.includes('nested deeper than 1000 levels'));
    // html, body, dl, dd, ul open on lines 1-2; each line then opens li and ul: level 1,001 is on line 500.
    expect(deepest).toMatchObject({ severity: 'error', line: 500 });
    expect(page.operations.map((o) => o.method)).toEqual(['op']);
  });

  it('reports HTML with no object description, at line 1', () => {
    const page = readBoto3Html('<!DOCTYPE html><html><body><p>Nothing here</p></body></html>', 'empty.html');
    expect(page.diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'error' })]);
  });
});

/** Every member of a structure tree, by path. */
function membersOf(node: TypeNode, at: string, into = new Map<string, MemberNode>()): Map<string, MemberNode> {
  if (node.kind === 'structure' || node.kind === 'union') {
    for (const m of node.members) {
      into.set(`${at}.${m.name}`, m);
      membersOf(m.type, `${at}.${m.name}`, into);
    }
  } else if (node.kind === 'list') membersOf(node.member, `${at}[]`, into);
  else if (node.kind === 'map') membersOf(node.value, `${at}{}`, into);
  return into;
}

function withoutLines(op: ReadOperation): unknown {
  return JSON.parse(JSON.stringify(op, (k, v: unknown) => (k === 'line' || k === 'source' ? undefined : v)));
}

describe.each([
  ['furo', 'directconnect/client/describe_connections'],
  ['alabaster', 'connectcampaigns/client/create_campaign'],
  ['alabaster', 'glue/client/update_job'],
])('%s HTML of %s cut at random bytes', (theme, page) => {
  const text = read(`html/${theme}/${page}.html`);
  const whole = readBoto3Html(text, 'page.html').operations[0]!;
  const wholeMembers = new Map([...membersOf(whole.input, 'input'), ...(whole.output ? membersOf(whole.output, 'output') : [])]);

  test('the prefix claims nothing the page does not show, and says what it lacks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), (cut) => {
        const page = readBoto3Html(text.slice(0, cut), 'page.html');
        const errors = page.diagnostics.filter((d) => d.severity === 'error').length;
        const op = page.operations[0];
        if (!op) {
          expect(errors).toBeGreaterThan(0);
          return;
        }
        expect(op.method).toBe(whole.method);
        const members = new Map([...membersOf(op.input, 'input'), ...(op.output ? membersOf(op.output, 'output') : [])]);
        for (const [at, m] of members) {
          const want = wholeMembers.get(at);
          expect(want, `${at} is not on the whole page`).toBeDefined();
          if (m.required !== undefined) expect(m.required, `${at}: required claimed ${m.required}`).toBe(want!.required);
        }
        for (const e of op.errors) expect(whole.errors).toContain(e);
        if (JSON.stringify(withoutLines(op)) !== JSON.stringify(withoutLines(whole))) {
          expect(errors + (op.incomplete?.length ?? 0), `cut at ${cut} changed the reading silently`).toBeGreaterThan(0);
        }
      }),
      { seed: 1404, numRuns: 120 },
    );
  });
});

describe('paginator and waiter pages (issue 18): read into the page\'s paginators and waiters as the RST source of the same page', () => {
  /** A helper's reading without its place on the page (the two files number their lines differently). */
  const placeless = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'line' || k === 'source' ? undefined : v))) as unknown;
  const rst = (page: string) => readDocument(read(`rst/${page}.rst`), `${page}.rst`);

  test('furo: DirectConnect DescribeDirectConnectGateways — its method, configuration, parameters and page output', () => {
    const file = 'html/furo/directconnect/paginator/DescribeDirectConnectGateways.html';
    const page = readBoto3Html(read(file), file);
    expect(page.diagnostics).toEqual([]);
    expect(page.operations).toEqual([]);
    expect(page.skipped).toEqual([]);
    const [p] = page.paginators!;
    expect(p).toMatchObject({ name: 'DescribeDirectConnectGateways', method: 'describe_direct_connect_gateways', config: ['MaxItems', 'PageSize', 'StartingToken'] });
    expect(p!.input.members.map((m) => m.name)).toEqual(['directConnectGatewayId']);
    expect(p!.output!.members.map((m) => m.name)).toEqual(['directConnectGateways', 'NextToken']);
    expect(p!.source).toEqual({ file, line: 344 });
    expect(placeless(page.paginators)).toEqual(placeless(rst('directconnect/paginator/DescribeDirectConnectGateways').paginators));
  });

  test('alabaster: Kinesis StreamExists — the method polled, every 10 seconds, 18 checks', () => {
    const file = 'html/alabaster/kinesis/waiter/StreamExists.html';
    const page = readBoto3Html(read(file), file);
    expect(page.diagnostics).toEqual([]);
    expect(page.skipped).toEqual([]);
    expect(placeless(page.waiters)).toEqual([{ name: 'StreamExists', method: 'describe_stream', delay: 10, maxAttempts: 18 }]);
    expect(placeless(page.waiters)).toEqual(placeless(rst('kinesis/waiter/StreamExists').waiters));
  });

  test('alabaster: ECR LifecyclePolicyPreviewComplete — a U+2028 in a description ends the class for docutils, its wait() in a block quote', () => {
    const file = 'html/alabaster/ecr/waiter/LifecyclePolicyPreviewComplete.html';
    const page = readBoto3Html(read(file), file);
    expect(placeless(page.waiters)).toEqual([{ name: 'LifecyclePolicyPreviewComplete', method: 'get_lifecycle_policy_preview', delay: 5, maxAttempts: 20 }]);
    expect(placeless(page.waiters)).toEqual(placeless(rst('ecr/waiter/LifecyclePolicyPreviewComplete').waiters));
    // What docutils put after the break (the last parameters, Returns) is outside the method: said, not guessed.
    expect(page.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual(['error: wait: page ends without its Return type section']);
  });
});
