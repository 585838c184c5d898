/**
 * The generated `mockClient` is typed by its client (issue 16 §6): tsc (strict) accepts a test that
 * mocks directconnect's operation with handlers of its input and output types, and rejects a wrong
 * operation name, a handler returning the wrong output and one reading a member the input lacks
 * (`@ts-expect-error` on each: tsc fails when one of them is not an error). A second file without the
 * directives fails with exactly those errors, so the check can fail.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from './helpers.ts';

const REPO = path.resolve('.');
const TSC = path.join(REPO, 'node_modules/typescript/bin/tsc');

const USE = `import { DirectConnectClient, DirectConnectClientException } from '${REPO}/generated/aws-directconnect/src/index.ts';
import { mockClient, serviceError } from '${REPO}/generated/aws-directconnect/src/mock.ts';

const mock = mockClient(DirectConnectClient);
mock.on('describeHostedConnections', (input) => ({ connections: [{ connectionId: input.connectionId, loaIssueTime: new Date() }] }));
mock.on('describeHostedConnections', async () => {
  throw serviceError(DirectConnectClientException, 'no');
});
const inputs: { connectionId: string }[] = mock.calls('describeHostedConnections');
//@@ts-expect-error: not an operation of DirectConnectClient
mock.on('describeConnections', () => ({}));
//@@ts-expect-error: connections is a list of Connection
mock.on('describeHostedConnections', () => ({ connections: 'none' }));
//@@ts-expect-error: the input has no lagId
mock.on('describeHostedConnections', (input) => ({ connections: [{ connectionId: input.lagId }] }));
//@@ts-expect-error: toJSON is not an operation
mock.calls('toJSON');
mock.restore();
export { inputs };
`;

function tsc(dir: string, source: string): { status: number; out: string } {
  writeFileSync(path.join(dir, 'main.ts'), source);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        // @docsdk/runtime (the workspace link) resolved to its sources, as the tests resolve it.
        customConditions: ['source'],
        allowImportingTsExtensions: true,
        lib: ['ES2023', 'DOM'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files: ['main.ts'],
    }),
  );
  try {
    return { status: 0, out: execFileSync(process.execPath, [TSC, '-p', dir], { cwd: dir, encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { status: err.status, out: err.stdout };
  }
}

describe('mockClient types', () => {
  test('handlers take the operation input and return its output; a wrong name or output is an error', () => {
    const dir = tempDir('docsdk-mock-types-');
    const ok = tsc(dir, USE.replaceAll('//@@', '// @'));
    expect(ok.out).toBe('');
    expect(ok.status).toBe(0);
    const bad = tsc(dir, USE.replace(/^\/\/@@.*\n/gm, ''));
    expect(bad.status).toBe(2);
    const errors = bad.out.split('\n').filter((l) => l.startsWith('main.ts(')).map((l) => /^main\.ts\((\d+),\d+\): error (TS\d+)/.exec(l)!.slice(1).join(' '));
    expect(errors).toEqual(['10 TS2345', '11 TS2322', '12 TS2339', '13 TS2345']);
  }, 120_000);
});
