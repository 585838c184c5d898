/**
 * Hostile and broken pages through every reader (issue 8): what fuzzing found, each kept as a
 * fixture or a recipe over a real page, and the named mutations of the issue applied to every
 * seed. Each input must give a schema-valid IR and located diagnostics (test/fuzz/check.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/diagnostics.ts';
import { buildService } from '../../generator/ir/build.ts';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { overrideParseBudget, parseBudget, parseMarkdownBounded, parseRstBounded } from '../../generator/read/bounded-parse.ts';
import { readDocument } from '../../generator/read/registry.ts';
import { parseTolerantJson } from '../../generator/read/syntax/tolerant-json.ts';
import { checkPage } from './check.ts';
import { DEEP, grow, mutate, nesting, seedText } from './mutations.ts';
import { loadSeeds, ROOT, seedOf } from './seeds.ts';

const seeds = loadSeeds();
const texts = seeds.map((s) => seedText(s.bytes));
const seed = (file: string) => seeds.find((s) => s.file === file)!;
const errors = (text: string, file: string) => checkPage(seed(file), text).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

describe('what fuzzing found', () => {
  it('a 10,000-deep JSON example is an error at its line, not a stack overflow (tolerant JSON recursion)', () => {
    const deep = nesting('json', DEEP);
    expect(parseTolerantJson(deep).problems).toEqual([{ message: 'nesting deeper than 256 levels: expected a shallower example', at: { line: 1, column: 1537 } }]);
    const file = 'test/fixtures/baidu/peering-connections.md';
    const page = texts[seeds.indexOf(seed(file))]!.replace('"peerConnId": "peerconn-9td54fmx143e"', `"peerConnId": ${deep}`);
    const line = page.split('\n').findIndex((l) => l.includes('"peerConnId": {"a"')) + 1;
    const outcome = checkPage(seed(file), page);
    expect(outcome.violations).toEqual([]);
    expect(outcome.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([
      `${file}:${line}:1549: error: the response example of create_peerconn can't be repaired: nesting deeper than 256 levels: expected a shallower example`,
    ]);
    expect(outcome.operations).toBe(11);
  });

  it('an RST page indented with tabs and spaces is parsed within its budget (restructured backtracked for 6 s)', () => {
    // test/fuzz/fixtures/rst-tabs-backtracking.rst: logs get_query_results, tabs for 4 spaces, cut, spliced, shifted.
    const file = 'test/fuzz/fixtures/rst-tabs-backtracking.rst';
    const text = readFileSync(`${ROOT}/${file}`, 'utf8');
    readDocument('.. py:method:: X.Client.warm_up(**kwargs)\n', 'warm.rst'); // the parser thread starts once
    const page = readDocument(text, file);
    // The reader's budget for this page (parseBudget: 2 s) is kept: a backtracking parse would overrun it
    // and leave a "the reStructuredText parser gave up after 2007 ms" warning; the page reads without one.
    expect(parseBudget(text.length)).toBe(2007);
    expect(page.diagnostics.filter((d) => d.message.includes('parser gave up')).map(formatDiagnostic)).toEqual([]);
    // A tab is 8 columns, as reStructuredText says: the same reading as the page with tabs expanded.
    const expanded = readDocument(text.replace(/^[^\S\n]+/gm, (ws) => ws.replace(/ {0,7}\t/g, (run) => ' '.repeat(8 - (run.length - 1)))), file);
    expect(page).toEqual(expanded);
    // The page is cut before the method's Request Syntax and return type: an operation it cannot show
    // whole (once skipped as a helper, silently), with the missing sections said.
    expect(page.skipped).toEqual([]);
    expect(page.operations.map((o) => [o.method, o.incomplete])).toEqual([
      ['get_query_results', [{ section: 'Request Syntax', state: 'missing' }, { section: 'Return type', state: 'missing' }]],
    ]);
    expect(page.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['get_query_results: page ends without its Request Syntax, :rtype: sections']);
  });

  it('restructured over its time budget: abandoned, then the page is read by indentation with a warning', () => {
    // 4 MB take the parsers a second or more: a 1 ms budget is overrun even if this thread is descheduled.
    const big = grow(texts[seeds.indexOf(seed('specs/aws/odb/get_odb_peering_connection.rst'))]!, 4 << 20);
    expect(parseRstBounded(big, 1)).toEqual({ timedOut: 1 });
    // The thread is replaced: the next parse works.
    const again = parseRstBounded('.. py:method:: X.Client.op(**kwargs)\n');
    expect('doc' in again && again.doc.type).toBe('document');
    expect(parseMarkdownBounded(big, 1)).toEqual({ timedOut: 1 });
    const md = parseMarkdownBounded('# x\n');
    expect('doc' in md && md.doc.children[0]!.type).toBe('heading');
  });

  it('every parse gets the tree of its own text: 200 Markdown and RST parses in turn', () => {
    // Found by a 100,000-input run: once an answer showed late, every later page got the tree of
    // the page before it. Answers are now matched to jobs by id; this checks the pairing holds.
    for (let i = 0; i < 100; i++) {
      const md = parseMarkdownBounded(`# title ${i}\n`);
      expect('doc' in md && md.doc.children[0]!.position!.start.line, `markdown ${i}`).toBe(1);
      expect('doc' in md && JSON.stringify(md.doc)).toContain(`title ${i}`);
      const rst = parseRstBounded(`${'\n'.repeat(i)}.. py:method:: X.Client.op${i}(**kwargs)\n`);
      expect('doc' in rst && JSON.stringify(rst.doc)).toContain(`op${i}`);
    }
  });

  it('Markdown with lists nested 1,000 deep (remark: 45 s) is an error within its time budget', () => {
    const file = 'test/fixtures/baidu/peering-connections.md';
    const text = `${nesting('md-list', 1000)}\n\n${texts[seeds.indexOf(seed(file))]}`;
    // Cut off at the budget given, whatever it is, and reported as over it.
    expect(parseMarkdownBounded(text, 1)).toEqual({ timedOut: 1 });
    // The reader gives the page its own budget (parseBudget) and reports the cut with it.
    const outcome = checkPage(seed(file), text);
    expect(outcome.violations).toEqual([]);
    expect(outcome.diagnostics.map(formatDiagnostic)).toEqual([
      `test/fixtures/baidu/peering-connections.md:1:1: error: the Markdown parser gave up after ${parseBudget(text.length)} ms: the page is too large or its lists nest too deep`,
    ]);
  }, 20_000);
});

describe('Markdown syntax trees past what threads can pass', () => {
  const file = 'test/fixtures/baidu/peering-connections.md';

  it('a blockquote nested 10,000 deep is an error; the parsing thread survives for the next page', () => {
    // Found by fuzzing: cloning the tree back from the parsing thread overflowed its stack, the
    // thread died with an unhandled error, and that error ended the program a page later.
    const deep = `${nesting('blockquote', DEEP)}\n\n${texts[seeds.indexOf(seed(file))]}`;
    // About the tree passed back, not time: a budget no load can overrun, so only the depth decides.
    overrideParseBudget(600_000);
    let outcome: ReturnType<typeof checkPage>;
    try {
      outcome = checkPage(seed(file), deep);
    } finally {
      overrideParseBudget(undefined);
    }
    expect(outcome.violations).toEqual([]);
    expect(outcome.diagnostics.map(formatDiagnostic)).toEqual([`${file}:1:1: error: not readable as Markdown: syntax tree too deep to pass back: Maximum call stack size exceeded`]);
    expect(checkPage(seed(file), texts[seeds.indexOf(seed(file))]!).operations).toBe(11);
  });

  it('a page cut inside code indented by 4+ spaces (no fence) reports at a line of the page', () => {
    // test/fuzz/fixtures/cut-indented-code.md: the fixture page with lines swapped, shifted by 5, cut, spliced.
    // Code lines were numbered as if a fence took the first line: the last one fell past the end.
    const fixture = 'test/fuzz/fixtures/cut-indented-code.md';
    const text = readFileSync(`${ROOT}/${fixture}`, 'utf8');
    const outcome = checkPage({ ...seed(file), file: fixture }, text);
    expect(outcome.violations).toEqual([]);
    const cut = outcome.diagnostics.find((d) => d.message.startsWith('section "List of peering connections to be queried." is cut short'));
    expect(cut?.line).toBe(text.split('\n').length); // the last line ("m", where the page was cut)
  });
});

describe('pages with more items than a call has room for arguments', () => {
  // Found by fuzzing: Math.min(...indents) and push(...diagnostics) overflow past ~120,000 items.
  it('a bullet page with 200,000 parameter entries is read (Math.min over the entry indents)', () => {
    const file = 'specs/aws/directconnect/describe_hosted_connections.txt';
    const text = texts[seeds.indexOf(seed(file))]!.replace(/^Parameters\n/m, `Parameters\n${Array.from({ length: 200_000 }, (_, k) => `• M${k} (string) --`).join('\n')}\n`);
    const outcome = checkPage(seed(file), text);
    expect(outcome.violations).toEqual([]);
    expect(outcome.operations).toBe(1);
  }, 30_000);

  it('loadIR of a compact page with 300,000 unrecognised lines reports all 300,000 (push of every diagnostic)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'docsdk-fuzz-'));
    try {
      const page = texts[seeds.indexOf(seed('specs/aws/partnercentral-account/get_connection.txt'))]!.replace(/^(- Parameters:)\n/m, `$1\n${'garbage line\n'.repeat(300_000)}`);
      writeFileSync(path.join(dir, 'page.txt'), page);
      const { diagnostics } = loadIR([dir]);
      expect(diagnostics.filter((d) => d.message.startsWith('Parameters: unrecognised text "garbage line"'))).toHaveLength(300_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('pages past linear time', () => {
  it('a Baidu definition with 100,000 arguments reads in seconds, every argument located', () => {
    // Found looking for quadratic spots: each argument's line was found by slicing the text before
    // it (20,000 arguments: 2.6 s; 100,000: about a minute).
    const file = 'specs/baidu/vpc/peering-connections.txt';
    const args = Array.from({ length: 100_000 }, (_, i) => `a${i}=None`).join(', ');
    const text = texts[seeds.indexOf(seed(file))]!.replace(/def create_peerconn\(self, /, `def create_peerconn(self, ${args}, `);
    // No clock here: the quadratic reading took about a minute, past this test's timeout.
    const outcome = checkPage(seed(file), text);
    expect(outcome.violations).toEqual([]);
    const line = text.split('\n').findIndex((l) => l.includes('def create_peerconn(self, a0=None')) + 1;
    const a99999 = outcome.diagnostics.find((d) => d.message.includes('"a99999"'));
    expect(a99999 && formatDiagnostic(a99999)).toBe(`${file}:${line}:1: warning: create_peerconn: neither the page nor the facts give a type for argument "a99999"; string assumed`);
  }, 30_000);
});

describe('service ids taken from pages can not name a path', () => {
  const file = 'specs/aws/odb/get_odb_peering_connection.rst';
  const odb = texts[seeds.indexOf(seed(file))]!;

  it('a breadcrumb linking to ../../../Etc Passwd is an error at the breadcrumb, and gives no id', () => {
    const hostile = odb.replace(/^:doc:`(\w+) <[^>]*>`/m, ':doc:`$1 <../../../Etc Passwd>`');
    expect(hostile).not.toBe(odb);
    const page = readDocument(hostile, file);
    // (The "See also" link gives no service id: it names the model, fa5e935.)
    expect(page.service.id).toBeUndefined();
    expect(page.diagnostics.map(formatDiagnostic)).toContain(
      `${file}:1:1: error: breadcrumb link <../../../Etc Passwd> does not end in a service id: expected lowercase letters, digits and "-" (^[a-z0-9][a-z0-9-]*$)`,
    );
    expect(checkPage(seed(file), hostile).violations).toEqual([]);
  });

  it('a "See also" link naming -x or X_Y gives no service id', () => {
    const link = odb.replace(/goto\/WebAPI\/odb-/, 'goto/WebAPI/-odb-');
    expect(readDocument(link, file).operations[0]!.name).toBeUndefined();
  });

  it('a folder named "My Service" or a settings id "../x" is an error located at its source, and the IR stays valid', () => {
    const page = readDocument(odb, file);
    delete page.service.id;
    const diagnostics: Parameters<typeof buildService>[1] = [];
    const service = buildService({ folderId: 'My Service', settings: {}, pages: [page] }, diagnostics);
    expect(diagnostics.map(formatDiagnostic)).toContain(
      `${file}:1:1: error: service id "My Service" (from the folder name) is not a safe id: expected lowercase letters, digits and "-" (^[a-z0-9][a-z0-9-]*$); it would name an output folder`,
    );
    expect(service.id).toBe('my-service');
    const fromSettings: Parameters<typeof buildService>[1] = [];
    buildService({ folderId: 'odb', settings: { id: '../x' }, settingsFile: 'specs/aws/odb/service.json', locateSetting: () => 3, pages: [page] }, fromSettings);
    expect(fromSettings.map(formatDiagnostic)).toContain(
      'specs/aws/odb/service.json:3:1: error: service id "../x" (from the settings) is not a safe id: expected lowercase letters, digits and "-" (^[a-z0-9][a-z0-9-]*$); it would name an output folder',
    );
  });
});

describe('the mutations issue 8 names, on every seed', () => {
  const named: [string, (text: string) => string][] = [
    ['a NUL byte', (t) => mutate(t, { op: 'nul', at: Math.floor(t.length / 3) }, texts)],
    ['a BOM (bytes, through decode)', (t) => mutate(t, { op: 'bom' }, texts)],
    ['invalid UTF-8 bytes (through decode)', (t) => mutate(t, { op: 'invalidUtf8', at: Math.floor(t.length / 2), bytes: [0xc3, 0x28, 0xff, 0x80] }, texts)],
    ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
    ['tabs for spaces', (t) => mutate(t, { op: 'tabs', at: 0, count: 1e6, width: 4 }, texts)],
    ['indentation shifted', (t) => mutate(t, { op: 'shiftIndent', at: 20, count: 30, by: 3 }, texts)],
    ['cut in the middle', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['10,000-deep dict in a syntax block', (t) => mutate(t, { op: 'nest', at: 0, depth: DEEP, style: 'dict' }, texts)],
    ['10,000-deep list in a syntax block', (t) => mutate(t, { op: 'nest', at: 1, depth: DEEP, style: 'list' }, texts)],
    ['10,000-deep call in a syntax block', (t) => mutate(t, { op: 'nest', at: 2, depth: DEEP, style: 'call' }, texts)],
    ['10,000-deep JSON example', (t) => mutate(t, { op: 'nest', at: 0, depth: DEEP, style: 'json' }, texts)],
  ];
  for (const [name, change] of named) {
    it(`${name}: a valid IR and located diagnostics on all ${seeds.length} seeds`, () => {
      for (const [i, s] of seeds.entries()) expect(checkPage(s, change(texts[i]!)).violations, s.file).toEqual([]);
    });
  }

  it('a syntax block nested 10,000 deep is reported as too deep, at its line', () => {
    const file = 'specs/aws/odb/get_odb_peering_connection.rst';
    const text = mutate(texts[seeds.indexOf(seed(file))]!, { op: 'nest', at: 0, depth: DEEP, style: 'dict' }, texts);
    const line = text.split('\n').findIndex((l) => l.includes("{'a': {'a'")) + 1;
    expect(errors(text, file)).toEqual([expect.stringMatching(new RegExp(`^${file}:${line}:\\d+: error: Request Syntax of get_odb_peering_connection: nesting deeper than 256 levels`))]);
  });

  /** `depth` entry lines, each one column deeper, written with tabs (8 columns) to keep the page ~6 MB. */
  const deepEntries = (depth: number, base: number, line: (i: number) => string) =>
    Array.from({ length: depth }, (_, i) => '\t'.repeat(Math.floor((base + i) / 8)) + ' '.repeat((base + i) % 8) + line(i)).join('\n');

  // Depths past the stack (readEntry alone overflowed at 6,000); the RST one smaller, as restructured reads it slowly.
  for (const [file, depth, entry, make] of [
    ['test/fixtures/boto3/logs/get_log_fields.rst', 6000, /^\s*- \*\*\w+\*\* \*\(/, (i: number) => `- **M${i}** *(dict) --*`],
    ['specs/aws/directconnect/describe_hosted_connections.txt', DEEP, /^\s*• \w+ \(\w+\) --/, (i: number) => `• M${i} (dict) --`],
  ] as const) {
    it(`entries nested ${depth} deep by indentation (no literal bounds them) are cut at 256 levels with an error: ${file}`, () => {
      // Found by fuzzing: readEntry recursed once per level and overflowed the stack.
      const lines = texts[seeds.indexOf(seed(file))]!.split('\n');
      const at = lines.findIndex((l) => entry.test(l));
      const indent = lines[at]!.length - lines[at]!.trimStart().length;
      lines.splice(at + 1, 0, deepEntries(depth, indent + 2, make));
      const outcome = checkPage(seed(file), lines.join('\n'));
      expect(outcome.violations).toEqual([]);
      const cut = outcome.diagnostics.filter((d) => /nesting deeper than 256 levels: expected a shallower page; the deeper lines are left out$/.test(d.message));
      expect(cut).toHaveLength(1);
      // The first line cut is an inserted one, a few levels below 256 (the entry tree starts below the page's own levels).
      expect(cut[0]!.line).toBeGreaterThan(at + 200);
      expect(cut[0]!.line).toBeLessThan(at + 258);
    }, 30_000);
  }
});
