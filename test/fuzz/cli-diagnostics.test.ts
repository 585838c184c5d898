/**
 * Diagnostics are collected, not thrown (issue 8): `docsdk ir` over several broken files in
 * several folders reports every problem of every file, sorted, as `file:line:col: severity:
 * message`, then exits 1; warnings alone exit 0 unless `--strict`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../generator/cli.ts';

/** Runs the CLI in-process and captures what it prints. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('docsdk ir over broken files', () => {
  it('reports every problem of every file, sorted and located, then exits 1', async () => {
    // test/fuzz/fixtures/broken: a syntax block nested 300 deep, a breadcrumb linking out of the
    // tree, a compact page cut in half, a page with NUL and invalid UTF-8 bytes (read; its service,
    // odb, is also documented by test/fixtures/bad/broken-syntax — one more error).
    const r = await run('ir', 'test/fuzz/fixtures/broken', 'test/fixtures/bad/not-a-page', 'test/fixtures/bad/broken-syntax');
    expect(r.code).toBe(1);
    // The IR of what could be read is printed all the same: one service per provider and id.
    const ir = JSON.parse(r.stdout) as { services: { id: string; operations: { name: string; incomplete?: unknown }[] }[] };
    expect(ir.services.map((s) => s.id)).toEqual(['cut', 'escaping-breadcrumb', 'odb']);
    expect(ir.services[2]!.operations[0]!.incomplete).toEqual([{ section: 'Request Syntax', state: 'cut' }, { section: 'Response Syntax', state: 'cut' }]);
    const lines = r.stderr.trimEnd().split('\n');
    // After the diagnostics, the count of recognised sections that are not operations (a helper method).
    expect(lines.pop()).toBe('skipped (not client operations): 1 other');
    const expected = [
      'test/fixtures/bad/broken-syntax/page.rst:24:32: error: Request Syntax of get_odb_peering_connection: unterminated string',
      `test/fixtures/bad/broken-syntax/page.rst:47:29: error: Response Syntax of get_odb_peering_connection: expected ":" after`,
      'test/fixtures/bad/not-a-page/page.txt:1:1: error: no reader recognises this document; expected one of: boto3-rst',
      'test/fuzz/fixtures/broken/binary.rst:1:1: error: service aws/odb is documented in two folders; expected one folder per service',
      'test/fuzz/fixtures/broken/cut.txt:112:1: error: Response Structure ends without an entry for output.connections[].bandwidth and 15 more',
      'test/fuzz/fixtures/broken/deep-syntax.rst:24:1568: error: Request Syntax of get_odb_peering_connection: nesting deeper than 256 levels',
      'test/fuzz/fixtures/broken/escaping-breadcrumb.rst:1:1: error: breadcrumb link <../../../Etc Passwd> does not end in a service id',
    ];
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => expect(line.startsWith(expected[i]!), `${line}\n  should start with\n${expected[i]}`).toBe(true));
    // Sorted by file, then line and column.
    const keys = lines.map((l) => /^(.*?):(\d+):(\d+):/.exec(l)!).map((m) => [m[1]!, Number(m[2]), Number(m[3])] as const);
    expect([...keys].sort((a, b) => compare(a[0], b[0]) || a[1] - b[1] || a[2] - b[2])).toEqual(keys);
  });

  it('warnings alone exit 0 with the IR printed; --strict makes them fail the run', async () => {
    // The Baidu seed without the facts that settle its page's mistakes (documentedAs, exampleRepairs):
    // the page's example typo and repaired JSON are warnings again.
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'docsdk-warn-')), 'baidu', 'vpc');
    mkdirSync(dir, { recursive: true });
    copyFileSync('specs/baidu/vpc/peering-connections.txt', path.join(dir, 'peering-connections.txt'));
    const settings = JSON.parse(readFileSync('specs/baidu/vpc/service.json', 'utf8')) as { shapes: Record<string, { members: Record<string, { documentedAs?: unknown }> }>; operations: Record<string, { exampleRepairs?: unknown }> };
    delete settings.shapes.PeerConn!.members.bandwidthInMbps!.documentedAs;
    for (const op of Object.values(settings.operations)) delete op.exampleRepairs;
    writeFileSync(path.join(dir, 'service.json'), `${JSON.stringify(settings, null, 2)}\n`);
    const lenient = await run('ir', dir);
    expect(lenient.code).toBe(0);
    const lenientLines = lenient.stderr.trimEnd().split('\n');
    expect(lenientLines).toHaveLength(5);
    // The page's general sections (not operations) are counted, not listed.
    expect(lenientLines[4]).toBe('skipped (not client operations): 4 other');
    expect(lenientLines[0]).toMatch(/^\/.*\/peering-connections\.txt:869:2: warning: the response example of list_peerconns is not valid JSON/);
    expect(JSON.parse(lenient.stdout).services[0].id).toBe('vpc');
    const strict = await run('ir', '--strict', dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(lenient.stdout);
    expect(strict.stderr).toBe(lenient.stderr);
    // The seed itself, with those facts, passes --strict.
    const seed = await run('ir', '--strict', 'specs/baidu/vpc');
    expect(seed.code).toBe(0);
    expect(seed.stderr).toBe('skipped (not client operations): 4 other\n');
  });
});
