/**
 * The text readers on real renderings of Sphinx HTML (test/fixtures/boto3-renderings/text: furo
 * and alabaster pages as chromium's innerText, w3m, lynx, html2text and pandoc give them), each
 * against the RST source of the same page, fact by fact; then the forms of older renderings and
 * copies, each made from a real rendering by the one change it describes; then pages cut at any
 * byte, which must claim nothing they cannot see.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import type { MemberNode, ReadOperation, StructureNode, TypeNode } from '../../generator/ir/input.ts';
import { readDocument } from '../../generator/read/registry.ts';
import { factsOf } from '../../scripts/renderings-agree.ts';
import { renderCompact } from './render.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/boto3-renderings');
const read = (file: string) => readFileSync(path.join(fixtures, file), 'utf8');
const SEED = path.resolve(import.meta.dirname, '../../specs/aws/partnercentral-account/get_connection.txt');

/** The one operation a text gives, and its error diagnostics. */
function operationOf(text: string, file = 'page.txt'): { op: ReadOperation; errors: string[]; format: string } {
  const page = readDocument(text, file);
  expect(page.operations).toHaveLength(1);
  return { op: page.operations[0]!, errors: page.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`), format: page.format };
}

/** A tree without its page lines (a copy that joins lines moves them). */
function withoutLines(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'line' ? undefined : v)));
}

/** Facts of `op` that differ from the RST's: wrong (another value) and not shown (absent or unknown). */
function compare(rst: ReadOperation, op: ReadOperation): { wrong: string[]; notShown: string[] } {
  const want = factsOf(rst);
  const got = factsOf(op);
  const wrong: string[] = [];
  const notShown: string[] = [];
  for (const key of new Set([...want.keys(), ...got.keys()])) {
    const value = got.get(key);
    if (value === want.get(key)) continue;
    if (value === undefined || value === 'null') notShown.push(key);
    else wrong.push(key);
  }
  return { wrong, notShown };
}

/** What chromium's innerText of describe_connections loses: the list items' dashes. */
const LISTS_AS_PARAGRAPHS = ['output.connections[].connectionState:doc', 'output.connections[].macSecKeys[].state:doc'];

/** The RST reading of a fixture page. */
const rstOf = (page: string) => operationOf(read(`rst/${page}.rst`), 'page.rst').op;

describe('real renderings read as their RST source reads', () => {
  // What each rendering loses is the page's loss, listed: anything else must agree.
  const cases: [theme: string, extractor: string, page: string, format: string, wrong: string[]][] = [
    ['furo', 'w3m', 'directconnect/client/describe_connections', 'boto3-bullet-text', []],
    ['furo', 'pandoc', 'directconnect/client/describe_connections', 'boto3-bullet-text', []],
    // innerText prints list items as paragraphs: two lists of values lose their dashes.
    ['furo', 'chromium', 'directconnect/client/describe_connections', 'boto3-bullet-text', LISTS_AS_PARAGRAPHS],
    ['furo', 'chromium', 'connectcampaigns/client/create_campaign', 'boto3-bullet-text', []],
    ['furo', 'w3m', 'connectcampaigns/client/create_campaign', 'boto3-bullet-text', []],
    ['furo', 'w3m', 'securityhub/client/get_findings_trends_v2', 'boto3-bullet-text', []],
    ['furo', 'chromium', 'glue/client/update_job', 'boto3-bullet-text', []],
    ['furo', 'w3m', 'glue/client/update_job', 'boto3-bullet-text', []],
    // lynx sets no blank line between paragraphs: the lines' fill tells where one ends.
    ['furo', 'lynx', 'directconnect/client/describe_connections', 'boto3-bullet-text', []],
    ['alabaster', 'lynx', 'connectcampaigns/client/create_campaign', 'boto3-compact-text', []],
  ];

  it.each(cases)('%s %s of %s', (theme, extractor, page, format, wrong) => {
    const text = operationOf(read(`text/${theme}/${extractor}/${page}.txt`));
    expect(text.format).toBe(format);
    expect(text.errors).toEqual([]);
    const diff = compare(rstOf(page), text.op);
    expect(diff.wrong).toEqual(wrong);
    // The text keeps the "See also" link's words, not its target: the PascalCase name is not shown.
    expect(diff.notShown).toEqual(['name']);
  });

  it('html2text drops the field list (Parameters, Returns): what it keeps is right, the rest not claimed', () => {
    const page = 'directconnect/client/describe_connections';
    const text = operationOf(read(`text/furo/html2text/${page}.txt`));
    const diff = compare(rstOf(page), text.op);
    // Without Return type and Response sections, whether it has an output is not claimed either.
    expect(diff.wrong).toEqual([]);
    expect(diff.notShown).toContain('output');
    expect(text.op.input.members.map((m) => [m.name, m.required])).toEqual([
      ['connectionId', undefined],
      ['maxResults', undefined],
      ['nextToken', undefined],
    ]);
    expect(text.op.errors).toEqual(['DirectConnectServerException', 'DirectConnectClientException']);
    expect(text.op.incomplete).toEqual(expect.arrayContaining([{ section: 'Parameters', state: 'missing' }]));
  });

  it('a map past the last indent, its glyph also naming a level above: the key holds its value (lynx cycles seven glyphs)', () => {
    // The real lynx page with two changes, as lynx prints mediaconvert's deep Response Structures:
    // the Response Syntax as boto3 writes it when too large, and every entry of the Response
    // Structure below its first level at one column, its level told by two alternating glyphs (lynx,
    // past column 35, cycles `* + o # @ - =`: a map's value may share its glyph with an entry seven
    // levels up).
    const lines = read('text/alabaster/lynx/connectcampaigns/client/create_campaign.txt').split('\n');
    const syntax = lines.indexOf('Response Syntax');
    const structure = lines.indexOf('Response Structure');
    const exceptions = lines.indexOf('Exceptions');
    let deep = false;
    const flat = lines.slice(structure + 1, exceptions).map((l) => {
      const m = /^( +)([o#@-]) (.*)$/.exec(l);
      if (!m) return l.trim() === '' || !deep ? l : `                      ${l.trim()}`;
      const depth = (m[1]!.length - 15) / 5;
      deep = depth > 0;
      return deep ? `                    ${depth % 2 === 0 ? '*' : '+'} ${m[3]}` : l;
    });
    const text = [...lines.slice(0, syntax + 1), '', '# This section is too large to render.', '# Please see the AWS API Documentation linked below.', '', ...lines.slice(structure, structure + 1), ...flat, ...lines.slice(exceptions)].join('\n');
    expect(flat.filter((l) => /^ {20}\+ \(string\) –/.test(l))).toHaveLength(1);
    const { op, errors } = operationOf(text);
    expect(errors).toEqual([]);
    const output = op.output as StructureNode;
    expect(output.members.map((m) => m.name)).toEqual(['id', 'arn', 'tags']);
    expect(output.members[2]!.type).toMatchObject({ kind: 'map', key: { kind: 'string' }, value: { kind: 'string' } });
  });

  it('html2text: a literal line broken inside a string is joined, and the page chrome after the literal is not read as it', () => {
    // html2text wraps the Request Syntax at `-` and `::` short of its width, at the block's column,
    // and drops the field list, so Sphinx's footer ("Next", "Copyright ©") follows the literal.
    const page = 'mediaconnect/client/add_flow_media_streams';
    const text = read(`text/furo/html2text/${page}.txt`);
    expect(text).toContain("|'ST428-\n      1'|");
    expect(text).toMatch(/ {6}\)\n(?:.*\n)*Copyright ©/);
    const { op, errors } = operationOf(text);
    expect(errors.filter((e) => /Request Syntax/.test(e))).toEqual([]);
    expect(op.incomplete?.map((g) => g.section)).not.toContain('Request Syntax');
    const member = (node: TypeNode, name: string) => (node as StructureNode).members.find((m) => m.name === name)!;
    const streams = member(op.input, 'MediaStreams').type as { member: TypeNode };
    const fmtp = member(member(streams.member, 'Attributes').type, 'Fmtp').type;
    expect(member(fmtp, 'Tcs').type).toEqual({ kind: 'string', enum: ['SDR', 'PQ', 'HLG', 'LINEAR', 'BT2100LINPQ', 'BT2100LINHLG', 'ST2065-1', 'ST428-1', 'DENSITY'] });
    expect(member(fmtp, 'ScanMode').type).toEqual({ kind: 'string', enum: ['progressive', 'interlace', 'progressive-segmented-frame'] });
    expect(member(streams.member, 'MediaStreamTags').type).toMatchObject({ kind: 'map', key: { kind: 'string' }, value: { kind: 'string' } });
  });

  it('a bare `...` in a syntax literal is a float (botocore writes py_default of float so): html2text keeps only the literal', () => {
    const page = 'mediapackagev2/client/update_origin_endpoint';
    const text = read(`text/furo/html2text/${page}.txt`);
    expect(text).toContain("'TimeOffset': ...,");
    expect(text).not.toContain('TimeOffset (float)');
    const { op } = operationOf(text);
    const member = (node: TypeNode, name: string) => (node as StructureNode).members.find((m) => m.name === name)!;
    const hls = member(op.input, 'HlsManifests').type;
    expect(hls.kind).toBe('list');
    const startTag = member((hls as { member: TypeNode }).member, 'StartTag');
    expect(member(startTag.type, 'TimeOffset').type).toEqual({ kind: 'float' });
    expect(member(startTag.type, 'Precise').type).toEqual({ kind: 'boolean' });
  });

  it('w3m stops indenting at column 34: deeper entries nest by glyph, read without the literal', () => {
    const page = 'securityhub/client/get_findings_trends_v2';
    const lines = read(`text/furo/w3m/${page}.txt`).split('\n');
    expect(lines.filter((l) => /^ {34}\S +[A-Za-z]+ \([a-z]+\) –/.test(l)).length).toBeGreaterThan(1);
    const start = lines.findIndex((l) => l.trim() === 'Request Syntax');
    const end = lines.findIndex((l, i) => i > start && l.trim() === 'Parameters:');
    // The Request Syntax as boto3 writes it when too large: the nesting must come from the entries.
    const hidden = [...lines.slice(0, start + 1), '', '        # This section is too large to render.', '', ...lines.slice(end)].join('\n');
    const text = operationOf(hidden);
    expect(text.errors).toEqual([]);
    const diff = compare(rstOf(page), text.op);
    // Only the literal shows where boto3 cut a recursive type short (the entries just stop).
    expect(diff.wrong).toEqual(['input.Filters.CompositeFilters[].NestedCompositeFilters:kind', 'input.Filters.CompositeFilters[].NestedCompositeFilters[]:kind']);
    // Enum values come from the literal only.
    expect(diff.notShown.filter((k) => !k.endsWith(':enum'))).toEqual(['name']);
  });

  it.each([
    ['furo/chromium/cloudformation/stack/timeout_in_minutes.txt', 'resource'],
    ['furo/chromium/accessanalyzer.txt', 'index'],
  ])('%s is recognised and skipped as a %s page', (file, kind) => {
    const page = readDocument(read(`text/${file}`), file);
    expect(page.diagnostics).toEqual([]);
    expect(page.operations).toEqual([]);
    expect(page.skipped.map((s) => s.kind)).toEqual([kind]);
  });
});

describe('paginator and waiter pages (issue 18): read into the page\'s paginators and waiters as the RST source of the same page', () => {
  /** A helper's reading without its place on the page and its text (the renderings' typography differs). */
  const facts = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'line' || k === 'source' || k === 'documentation' ? undefined : v))) as unknown;
  const rstPage = (page: string) => readDocument(read(`rst/${page}.rst`), `${page}.rst`);

  test.each([
    ['furo/chromium', 'directconnect/paginator/DescribeDirectConnectGateways'],
    // lynx breaks a word longer than its line: "…Client.list_configured_table_association" / "s()."
    ['alabaster/lynx', 'cleanrooms/paginator/ListConfiguredTableAssociations'],
  ])('%s %s: the method paged, its configuration, parameters and page output', (rendering, page) => {
    const file = `text/${rendering}/${page}.txt`;
    const read_ = readDocument(read(file), file);
    expect(read_.diagnostics).toEqual([]);
    expect(read_.operations).toEqual([]);
    expect(read_.skipped).toEqual([]);
    expect(read_.paginators).toHaveLength(1);
    expect(facts(read_.paginators)).toEqual(facts(rstPage(page).paginators));
  });

  test('alabaster/lynx ListConfiguredTableAssociations pages list_configured_table_associations, whole', () => {
    const file = 'text/alabaster/lynx/cleanrooms/paginator/ListConfiguredTableAssociations.txt';
    expect(readDocument(read(file), file).paginators![0]).toMatchObject({ name: 'ListConfiguredTableAssociations', method: 'list_configured_table_associations' });
  });

  test('furo/chromium StreamExists: the method polled, every 10 seconds, 18 checks', () => {
    const file = 'text/furo/chromium/kinesis/waiter/StreamExists.txt';
    const page = readDocument(read(file), file);
    expect(page.diagnostics).toEqual([]);
    expect(page.skipped).toEqual([]);
    expect(facts(page.waiters)).toEqual([{ name: 'StreamExists', method: 'describe_stream', delay: 10, maxAttempts: 18 }]);
  });
});

it('an index page whose class line lost its space (html2text: `classAccessAnalyzer.Client#`) is skipped as an index', () => {
  const text = read('text/furo/chromium/accessanalyzer.txt');
  const glued = text.replace('class AccessAnalyzer.Client', 'classAccessAnalyzer.Client#');
  expect(glued).not.toBe(text);
  const page = readDocument(glued, 'index.txt');
  expect(page.diagnostics).toEqual([]);
  expect(page.skipped.map((s) => [s.kind, s.name])).toEqual([['index', 'AccessAnalyzer.Client']]);
});

describe('older renderings and copies (each a real rendering with one change)', () => {
  const chromium = read('text/furo/chromium/directconnect/client/describe_connections.txt');
  const rst = rstOf('directconnect/client/describe_connections');
  const same = (text: string) => {
    const { op, errors } = operationOf(text);
    expect(errors).toEqual([]);
    expect(compare(rst, op).wrong).toEqual(LISTS_AS_PARAGRAPHS);
    return op;
  };

  it('the signature split over lines', () => {
    same(chromium.replace('DirectConnect.Client.describe_connections(**kwargs)', 'DirectConnect.Client.describe_connections(\n**kwargs\n)'));
  });

  it('the signature glued to the description behind its permalink', () => {
    const op = same(chromium.replace('describe_connections(**kwargs)\n\nDisplays', 'describe_connections(**kwargs)¶Displays'));
    expect(op.documentation).toBe('Displays the specified connection or all connections in this Region.');
  });

  it('no breadcrumb, `--` separators, furo `#` permalinks', () => {
    const text = chromium
      .replace('DirectConnect / Client / describe_connections\n', '')
      .replace('describe_connections\nDirectConnect', 'describe_connections#\nDirectConnect')
      .replace('(**kwargs)', '(**kwargs)#')
      .replaceAll(') –', ') --');
    expect(operationOf(text).op.method).toBe('describe_connections');
    same(text);
  });

  it('parameter names stripped: each entry stands for the literal member at its place', () => {
    const text = chromium.replace('connectionId (string) –', '(string) –').replace('maxResults (integer) –', '(integer) –');
    const op = same(text);
    expect(op.input.members.map((m) => m.name)).toEqual(['connectionId', 'maxResults', 'nextToken']);
  });

  it('the "- … -" style: headings with a dash and their content on the line, entries with " - "', () => {
    const text = chromium.replace('PARAMETERS:\n\nconnectionId (string) –', '- Parameters: connectionId (string) -').replace('RETURN TYPE:\n\ndict', '- Return type: dict');
    same(text);
  });

  it('an entry head wrapped before its separator or its type', () => {
    same(chromium.replace('connectionId (string) – The ID', 'connectionId (string)\n– The ID').replace('ownerAccount (string) –', 'ownerAccount\n(string) –'));
  });

  it('an entry head wrapped before its type and its separator both (pandoc deep in a narrow column)', () => {
    same(chromium.replace('ownerAccount (string) –', 'ownerAccount\n(string)\n–'));
  });

  it('[REQUIRED] opening the entry’s first paragraph (Sphinx’s <p><strong>[REQUIRED]</strong> text)', () => {
    const campaign = read('text/furo/chromium/connectcampaigns/client/create_campaign.txt');
    const joined = campaign.replace('[REQUIRED]\n\nThe name of an Amazon Connect Campaign name.', '[REQUIRED] The name of an Amazon Connect Campaign name.');
    expect(joined).not.toBe(campaign);
    const member = operationOf(joined).op.input.members[0]!;
    expect([member.name, member.required, member.documentation]).toEqual(['name', true, 'The name of an Amazon Connect Campaign name.']);
  });

  it('a URL a wrapping rendering broke after a `/` is one word again', () => {
    const w3m = read('text/furo/w3m/directconnect/client/describe_connections.txt');
    const wrapped = w3m.replace(
      '                The connections.\n',
      '                The connections. See https://docs.aws.amazon.com/directconnect/latest/\n                UserGuide/WorkingWithConnections.html for more.\n',
    );
    expect(wrapped).not.toBe(w3m);
    expect(operationOf(wrapped).op.output!.members[0]!.documentation).toBe(
      'The connections. See https://docs.aws.amazon.com/directconnect/latest/UserGuide/WorkingWithConnections.html for more.',
    );
  });

  it('prose in parentheses wrapped to a line start is not an entry (the type must be a boto3 type)', () => {
    const { op, errors } = operationOf(chromium.replace('The ID of the VLAN.', 'The ID of the VLAN,\n(given as a number.) – see VLANs.'));
    expect(errors).toEqual([]);
    const connection = (op.output!.members[0]!.type as { member: StructureNode }).member;
    expect(connection.members.find((m) => m.name === 'vlan')!.documentation).toBe('The ID of the VLAN, (given as a number.) -- see VLANs.');
    expect(compare(rst, op).wrong.sort()).toEqual(['output.connections[].vlan:doc', ...LISTS_AS_PARAGRAPHS].sort());
  });

  it('flattened entries with the literal hidden: where they belong is not shown, so it is not claimed', () => {
    const campaign = read('text/furo/chromium/connectcampaigns/client/create_campaign.txt');
    const lines = campaign.split('\n');
    const start = lines.indexOf('Request Syntax');
    const end = lines.findIndex((l, i) => i > start && /^PARAMETERS:$/.test(l));
    const hidden = [...lines.slice(0, start + 1), '# This section is too large to render.', '', ...lines.slice(end)].join('\n');
    const { op, errors } = operationOf(hidden);
    expect(errors).toEqual([expect.stringContaining('the entries are flattened and the syntax block is not shown')]);
    expect(op.incomplete).toEqual(expect.arrayContaining([{ section: 'Parameters', state: 'cut' }, { section: 'Request Syntax', state: 'hidden' }]));
    expect(op.input.members.map((m) => m.name)).toEqual(['name', 'connectInstanceId', 'dialerConfig']);
    expect((op.input.members[2]!.type as StructureNode).members).toEqual([]);
  });
});

describe('compact copies that keep entries apart', () => {
  it('a list item ending an entry’s text is not glued onto the next entry’s head (that is lynx’s name broken at its width, indented under it)', () => {
    const rst = read('rst-1.26/ce/get_usage_forecast.rst');
    const compact = renderCompact(rst);
    expect(compact).toContain('- NORMALIZED_USAGE_AMOUNT\nGranularity (string) –');
    const { op, errors } = operationOf(compact);
    expect(errors).toEqual([]);
    expect(op.input.members.map((m) => [m.name, m.required])).toEqual(operationOf(rst, 'page.rst').op.input.members.map((m) => [m.name, m.required]));
    expect(op.input.members.find((m) => m.name === 'Granularity')?.required).toBe(true);
  });
});

describe('compact copies that glue the next entry onto the line before it', () => {
  const seed = readFileSync(SEED, 'utf8');
  const whole = operationOf(seed).op;

  it('after a union note’s key list', () => {
    const glued = seed.replace(
      "'SDK_UNKNOWN_MEMBER': {'name': 'UnknownMemberName'}\nPartnerProfile (dict) –",
      "'SDK_UNKNOWN_MEMBER': {'name': 'UnknownMemberName'}.PartnerProfile (dict) –",
    );
    expect(glued).not.toBe(seed);
    const { op, errors } = operationOf(glued);
    expect(errors).toEqual([]);
    expect(withoutLines(op.output)).toEqual(withoutLines(whole.output));
  });

  it('after an input union note’s key list (the issue’s form: `a,b,c.a (dict) –`)', () => {
    const compact = renderCompact(read('rst/connectcampaigns/client/create_campaign.rst'));
    const glued = compact.replace(
      'progressiveDialerConfig,predictiveDialerConfig,agentlessDialerConfig.\nprogressiveDialerConfig (dict) –',
      'progressiveDialerConfig,predictiveDialerConfig,agentlessDialerConfig.progressiveDialerConfig (dict) –',
    );
    expect(glued).not.toBe(compact);
    const { op, errors } = operationOf(glued);
    expect(errors).toEqual([]);
    expect(withoutLines(op)).toEqual(withoutLines(operationOf(compact).op));
    const dialer = op.input.members.find((m) => m.name === 'dialerConfig')!;
    expect(dialer.type.kind).toBe('union');
    expect((dialer.type as StructureNode).members.map((m) => m.name)).toEqual(['progressiveDialerConfig', 'predictiveDialerConfig', 'agentlessDialerConfig']);
  });

  it('after a sentence’s final period, keeping [REQUIRED] on its own entry', () => {
    const glued = seed.replace('The catalog identifier where the connection exists.\nIdentifier (string) –', 'The catalog identifier where the connection exists.Identifier (string) –');
    expect(glued).not.toBe(seed);
    const { op, errors } = operationOf(glued);
    expect(errors).toEqual([]);
    expect(op.input.members.map((m) => [m.name, m.required, m.documentation])).toEqual(whole.input.members.map((m) => [m.name, m.required, m.documentation]));
  });
});

/** Every member of an operation's input and output, by path. */
function membersOf(op: ReadOperation): Map<string, MemberNode> {
  const out = new Map<string, MemberNode>();
  const walk = (node: TypeNode, at: string) => {
    if (node.kind === 'structure' || node.kind === 'union') {
      for (const m of node.members) {
        out.set(`${at}.${m.name}`, m);
        walk(m.type, `${at}.${m.name}`);
      }
    } else if (node.kind === 'list') walk(node.member, `${at}[]`);
    else if (node.kind === 'map') walk(node.value, `${at}{}`);
  };
  walk(op.input, 'input');
  if (op.output) walk(op.output, 'output');
  return out;
}

describe.each([
  ['the compact seed 001', readFileSync(SEED, 'utf8')],
  ['the bullet seed 003', readFileSync(path.resolve(import.meta.dirname, '../../specs/aws/directconnect/describe_hosted_connections.txt'), 'utf8')],
  ['chromium of describe_connections', read('text/furo/chromium/directconnect/client/describe_connections.txt')],
  ['w3m of describe_connections', read('text/furo/w3m/directconnect/client/describe_connections.txt')],
])('%s cut at random bytes', (_name, text) => {
  const whole = operationOf(text).op;
  const wholeMembers = membersOf(whole);
  // A text says nothing after its Exceptions list (a copy may end right there, or after a footer):
  // a cut inside that list is not visible, and the name it cuts may be claimed as far as it goes.
  const exceptionsAt = text.search(/^\s*(?:- )?exceptions\s*[:¶#]?\s*$/im);

  test('the prefix claims nothing the page does not show, and says what it lacks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), (cut) => {
        const page = readDocument(text.slice(0, cut), 'page.txt');
        const errors = page.diagnostics.filter((d) => d.severity === 'error').length;
        const op = page.operations[0];
        if (!op) {
          expect(errors).toBeGreaterThan(0);
          return;
        }
        expect(op.method).toBe(whole.method);
        for (const [at, m] of membersOf(op)) {
          const want = wholeMembers.get(at);
          expect(want, `${at} is not on the whole page (cut at ${cut})`).toBeDefined();
          if (m.required !== undefined) expect(m.required, `${at}: required claimed ${m.required} (cut at ${cut})`).toBe(want!.required);
        }
        op.errors.forEach((e, i) => expect(whole.errors[i]!.startsWith(e), `exception ${e} (cut at ${cut})`).toBe(true));
        const same = JSON.stringify(withoutLines({ ...op, source: undefined })) === JSON.stringify(withoutLines({ ...whole, source: undefined }));
        // A cut between lines may leave a whole page's text (one without Exceptions would end there).
        const betweenLines = /\n\s*$/.test(text.slice(0, cut));
        if (!same && cut < exceptionsAt && !betweenLines) expect(errors + (op.incomplete?.length ?? 0), `cut at ${cut} changed the reading silently`).toBeGreaterThan(0);
      }),
      { seed: 1414, numRuns: 100 },
    );
  });
});

describe('text nested deeper than the readers recurse', () => {
  /** 20,000 lines, each one column deeper than the one before (tabs keep the page small). */
  const deep = Array.from({ length: 20_000 }, (_, i) => '\t'.repeat(Math.floor(i / 8)) + ' '.repeat(i % 8) + 'word').join('\n');

  it.each([
    ['a description', 'Lists the hosted connections', (t: string) => t.replace('Lists the hosted connections', `${deep}\nLists the hosted connections`)],
    ['an entry’s text', 'The ID of the interconnect or LAG.', (t: string) => t.replace('The ID of the interconnect or LAG.', `The ID of the interconnect or LAG.\n${deep}`)],
  ])('in %s is cut at 256 levels with an error, not a stack overflow', (_where, anchor, change) => {
    const seed = readFileSync(path.resolve(import.meta.dirname, '../../specs/aws/directconnect/describe_hosted_connections.txt'), 'utf8');
    expect(seed).toContain(anchor);
    const page = readDocument(change(seed), 'deep.txt');
    expect(page.operations).toHaveLength(1);
    expect(page.diagnostics.filter((d) => /nesting deeper than 256 levels/.test(d.message))).toHaveLength(1);
  });
});
