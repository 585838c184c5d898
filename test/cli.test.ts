import { describe, expect, it } from 'vitest';
import { runCli } from '../generator/cli.ts';
import { validateIR } from '../generator/ir/validate.ts';
import type { IR } from '../generator/ir/model.ts';

/** Runs the CLI in-process and captures what it prints. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('docsdk ir', () => {
  it('prints schema-valid IR for the seeds and exits 0', async () => {
    const r = await run('ir', 'specs/aws/odb', 'specs/aws/partnercentral-account/get_connection.rst');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const ir = JSON.parse(r.stdout);
    expect(validateIR(ir)).toEqual([]);
    expect(ir.services.map((s: { id: string }) => s.id)).toEqual(['odb', 'partnercentral-account']);
  });

  it('--summary prints counts per service and in total instead of the IR', async () => {
    const r = await run('ir', 'specs', '--summary');
    expect(r.code).toBe(0);
    const ir = JSON.parse((await run('ir', 'specs')).stdout) as IR;
    const shapes = ir.services.map((s) => Object.keys(s.shapes).length);
    expect(r.stdout).toBe(
      [
        ...ir.services.map((s, i) => `${s.provider}-${s.id}: ${s.operations.length} operations, ${shapes[i]} shapes, 0 warnings in the IR`),
        `4 services, 14 operations, ${shapes.reduce((a, b) => a + b, 0)} shapes; diagnostics: 0 errors, 0 warnings`,
        '',
      ].join('\n'),
    );
    expect(r.stdout).toMatch(/^baidu-vpc: 11 operations, /m);
  });

  it('gives byte-identical output on a second run', async () => {
    const a = await run('ir', 'specs/aws/odb');
    const b = await run('ir', 'specs/aws/odb');
    expect(a.stdout).toBe(b.stdout);
  });

  it('reports a truncated page at file:line:col with the missing section, exit 1, and prints the IR of what precedes the cut', async () => {
    const r = await run('ir', 'test/fixtures/bad/truncated');
    expect(r.code).toBe(1);
    const ir = JSON.parse(r.stdout) as IR;
    const service = ir.services[0]!;
    const op = service.operations[0]!;
    expect(op.name).toBe('GetOdbPeeringConnection');
    expect(op.incomplete).toEqual([
      { section: 'Response Structure', state: 'missing' },
      { section: 'Response Syntax', state: 'cut' },
    ]);
    // Read before the cut: the required input, and the one output member whose key the cut literal still shows.
    expect(service.shapes[op.input]).toMatchObject({ members: { odbPeeringConnectionId: { target: 'String', required: true } } });
    // Its entry was cut off: whether it is required is unknown, not false.
    expect(service.shapes[op.output]).toEqual({ type: 'structure', members: { odbPeeringConnection: { target: 'OdbPeeringConnection', unknown: ['required'] } } });
    expect(r.stderr).toContain(
      'test/fixtures/bad/truncated/page.rst:45:36: error: Response Syntax of get_odb_peering_connection: expected a quoted key or "}", found the end of the block',
    );
    expect(r.stderr).toContain('test/fixtures/bad/truncated/page.rst:45:1: error: get_odb_peering_connection: page ends without its Response Structure section');
  });

  it('reports every problem of a page with broken syntax blocks, not only the first', async () => {
    const r = await run('ir', 'test/fixtures/bad/broken-syntax');
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'test/fixtures/bad/broken-syntax/page.rst:24:32: error: Request Syntax of get_odb_peering_connection: unterminated string: expected a closing quote before the end of the line',
      `test/fixtures/bad/broken-syntax/page.rst:47:29: error: Response Syntax of get_odb_peering_connection: expected ":" after key 'displayName', found 'string'`,
    ]);
  });

  it('names the known formats when no reader recognises a document', async () => {
    const r = await run('ir', 'test/fixtures/bad/not-a-page/page.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^test\/fixtures\/bad\/not-a-page\/page\.txt:1:1: error: no reader recognises this document; expected one of: boto3-rst/);
  });

  it('reports a missing path', async () => {
    const r = await run('ir', 'specs/aws/no-such-service');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('specs/aws/no-such-service:1:1: error: no such file or folder\n');
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('ir')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });
});
