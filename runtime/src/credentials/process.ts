/**
 * A profile's `credential_process`: the command runs through the shell (as the AWS CLI runs it) and
 * prints JSON on stdout — `{ "Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?,
 * "Expiration"? }` (ISO 8601), the format the AWS SDKs define. Credentials already expired are refused.
 *
 * Messages quote the command's exit status and stderr (its own diagnostics), never its stdout, which
 * holds the secret.
 *
 * @packageDocumentation
 */
import type { Credentials } from './types.ts';
import { builtin, SourceError, type Env } from './node-support.ts';

type Exec = (
  command: string,
  options: { env: Record<string, string | undefined>; maxBuffer: number; windowsHide: boolean; timeout: number },
  callback: (error: (Error & { code?: number | string; signal?: string }) | null, stdout: string, stderr: string) => void,
) => unknown;

/** Runs `command` (profile `profile`'s) with `env`; `now` (ms) decides what has expired. */
export async function runCredentialProcess(command: string, profile: string, env: Env, now: () => number = Date.now): Promise<Credentials> {
  const { exec } = await builtin<{ exec: Exec }>('node:child_process');
  const what = `credential_process of profile ${profile}`;
  const stdout = await new Promise<string>((resolve, reject) => {
    // A minute, as botocore allows none and the JS SDK none either: only so a hung helper cannot hang
    // every call forever. Not a tuning knob.
    exec(command, { env: { ...env }, maxBuffer: 1 << 20, windowsHide: true, timeout: 60_000 }, (error, out, err) => {
      if (!error) return resolve(out);
      const status = error.signal ? `killed by ${error.signal}` : typeof error.code === 'number' ? `exit status ${error.code}` : error.message;
      const said = err.trim().split(/\r?\n/).slice(-3).join(' | ').slice(0, 500);
      reject(new SourceError('process', `${what} failed (${status})${said ? `: ${said}` : ''}`, error));
    });
  });
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(stdout) as Record<string, unknown>;
  } catch (e) {
    throw new SourceError('process', `${what} did not print JSON (${(e as Error).message})`, e);
  }
  if (!data || typeof data !== 'object') throw new SourceError('process', `${what} did not print a JSON object`);
  if (data.Version !== 1) throw new SourceError('process', `${what} printed Version ${JSON.stringify(data.Version)}; only Version 1 is defined`);
  if (typeof data.AccessKeyId !== 'string' || !data.AccessKeyId || typeof data.SecretAccessKey !== 'string' || !data.SecretAccessKey) {
    throw new SourceError('process', `${what} printed no AccessKeyId or SecretAccessKey`);
  }
  const creds: Credentials = { accessKeyId: data.AccessKeyId, secretAccessKey: data.SecretAccessKey };
  if (typeof data.SessionToken === 'string' && data.SessionToken) creds.sessionToken = data.SessionToken;
  if (data.Expiration !== undefined) {
    const expiration = new Date(String(data.Expiration));
    if (Number.isNaN(expiration.getTime())) throw new SourceError('process', `${what} printed an Expiration that is not a date: ${JSON.stringify(data.Expiration)}`);
    if (expiration.getTime() <= now()) throw new SourceError('process', `${what} printed credentials that expired at ${expiration.toISOString()}`);
    creds.expiration = expiration;
  }
  return creds;
}
