import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCredentialProcess } from '../../src/credentials/process.ts';
import { processCommand, tempHome, type TempHome } from './temp-home.ts';

let home: TempHome;
beforeAll(() => {
  home = tempHome();
});
afterAll(() => home.remove());

const NOW = Date.parse('2026-06-01T00:00:00Z');
const now = () => NOW;

describe('credential_process (a real node script through the shell)', () => {
  it('Version 1 output with SessionToken and Expiration', async () => {
    const cmd = processCommand(home, 'ok', { Version: 1, AccessKeyId: 'AKIDP', SecretAccessKey: 'ps', SessionToken: 'pt', Expiration: '2026-06-01T01:00:00Z' });
    expect(await runCredentialProcess(cmd, 'p', {}, now)).toEqual({
      accessKeyId: 'AKIDP',
      secretAccessKey: 'ps',
      sessionToken: 'pt',
      expiration: new Date('2026-06-01T01:00:00Z'),
    });
  });

  it('the command sees the environment it is given', async () => {
    const script = home.write('bin/env.mjs', 'process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: process.env.WHO, SecretAccessKey: "s" }));\n');
    expect((await runCredentialProcess(`"${process.execPath}" "${script}"`, 'p', { WHO: 'AKIDFROMENV' }, now)).accessKeyId).toBe('AKIDFROMENV');
  });

  it('failures: exit status with stderr; not JSON; another Version; no keys; already expired — each a SourceError (source process), never quoting stdout', async () => {
    const fail = async (cmd: string) => (await runCredentialProcess(cmd, 'p', {}, now).catch((x: unknown) => x)) as Error & { source: string; cause?: unknown };
    const exit = await fail(processCommand(home, 'exit', '{"SecretAccessKey":"leaked-secret"}', 3, 'token expired, run login\n'));
    expect([exit.source, exit.message]).toEqual(['process', 'credential_process of profile p failed (exit status 3): token expired, run login']);
    expect(exit.cause).toBeInstanceOf(Error);
    expect((await fail(processCommand(home, 'notjson', 'SecretAccessKey=leaked-secret'))).message).toMatch(/^credential_process of profile p did not print JSON \(/);
    expect((await fail(processCommand(home, 'v2', { Version: 2, AccessKeyId: 'A', SecretAccessKey: 's' }))).message).toBe(
      'credential_process of profile p printed Version 2; only Version 1 is defined',
    );
    expect((await fail(processCommand(home, 'nokeys', { Version: 1, AccessKeyId: 'A' }))).message).toBe('credential_process of profile p printed no AccessKeyId or SecretAccessKey');
    expect((await fail(processCommand(home, 'expired', { Version: 1, AccessKeyId: 'A', SecretAccessKey: 's', Expiration: '2026-05-31T23:59:59Z' }))).message).toBe(
      'credential_process of profile p printed credentials that expired at 2026-05-31T23:59:59.000Z',
    );
    for (const name of ['exit', 'notjson']) {
      const e = await fail(processCommand(home, name, 'SecretAccessKey=leaked-secret', name === 'exit' ? 1 : 0));
      expect(e.message).not.toContain('leaked-secret');
    }
  });
});
