import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../generator/cli.ts';
import { validateIR } from '../generator/ir/validate.ts';

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

  it('gives byte-identical output on a second run', async () => {
    const a = await run('ir', 'specs/aws/odb');
    const b = await run('ir', 'specs/aws/odb');
    expect(a.stdout).toBe(b.stdout);
  });

  it('reports a truncated page at file:line:col with the missing section, exit 1', async () => {
    const r = await run('ir', 'test/fixtures/bad/truncated');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
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

describe('bin/docsdk.js', () => {
  it('runs as a program: --version, and a bad input exits 1 without a stack trace', () => {
    const version = spawnSync(process.execPath, ['bin/docsdk.js', '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = spawnSync(process.execPath, ['bin/docsdk.js', 'ir', 'test/fixtures/bad/truncated'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
