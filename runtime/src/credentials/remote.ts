/**
 * Credentials over HTTP from the machine's environment:
 * - the container credentials endpoint (ECS task roles, EKS Pod Identity):
 *   `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on `http://169.254.170.2`), else
 *   `AWS_CONTAINER_CREDENTIALS_FULL_URI` (https anywhere; http only to a loopback address or the ECS/EKS
 *   link-local hosts, as the SDKs allow), with `Authorization` from the file
 *   `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` names, else `AWS_CONTAINER_AUTHORIZATION_TOKEN`;
 * - EC2 instance metadata, IMDSv2 only: `PUT /latest/api/token`, then the role name from
 *   `/latest/meta-data/iam/security-credentials/`, then that role's credentials; on
 *   `AWS_EC2_METADATA_SERVICE_ENDPOINT` (else `http://169.254.169.254`, or `http://[fd00:ec2::254]` with
 *   `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`).
 *
 * Each request times out after `AWS_METADATA_SERVICE_TIMEOUT` seconds (default 1, the SDKs' default):
 * off EC2, the IMDS address does not answer at all.
 *
 * @packageDocumentation
 */
import type { Credentials } from './types.ts';
import type { CredentialSource } from '../errors.ts';
import { builtin, SourceError, type Env } from './node-support.ts';

/** The ECS agent's address, where a relative container URI points. */
export const CONTAINER_HOST = 'http://169.254.170.2';
/** The IMDS IPv4 address (the default endpoint). */
export const IMDS_IPV4 = 'http://169.254.169.254';
/** The IMDS IPv6 address (`AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`). */
export const IMDS_IPV6 = 'http://[fd00:ec2::254]';

// Hosts the SDKs accept a plain-http FULL_URI for: loopback, and the ECS and EKS Pod Identity agents.
const HTTP_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|169\.254\.170\.2|169\.254\.170\.23|\[fd00:ec2::23\])$/;

function timeoutMs(env: Env): number {
  const s = Number(env.AWS_METADATA_SERVICE_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 1000;
}

async function request(source: CredentialSource, url: string, init: RequestInit, env: Env): Promise<string> {
  let res: Response;
  try {
    res = await globalThis.fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs(env)) });
  } catch (e) {
    const reason = (e as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs(env)} ms` : ((e as Error & { cause?: Error }).cause?.message ?? (e as Error).message);
    throw new SourceError(source, `${init.method ?? 'GET'} ${url} failed: ${reason}`, e);
  }
  const body = await res.text();
  if (!res.ok) throw new SourceError(source, `${init.method ?? 'GET'} ${url} answered HTTP ${res.status}`);
  return body;
}

// The JSON both endpoints answer with: AccessKeyId, SecretAccessKey, Token, Expiration.
function parseCredentials(source: CredentialSource, url: string, body: string): Credentials {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(body) as Record<string, unknown>;
  } catch (e) {
    throw new SourceError(source, `${url} answered something other than JSON`, e);
  }
  if (data?.Code !== undefined && data.Code !== 'Success') throw new SourceError(source, `${url} answered Code ${JSON.stringify(data.Code)}`);
  if (typeof data?.AccessKeyId !== 'string' || typeof data.SecretAccessKey !== 'string' || !data.AccessKeyId || !data.SecretAccessKey) {
    throw new SourceError(source, `${url} answered no AccessKeyId or SecretAccessKey`);
  }
  const creds: Credentials = { accessKeyId: data.AccessKeyId, secretAccessKey: data.SecretAccessKey };
  if (typeof data.Token === 'string' && data.Token) creds.sessionToken = data.Token;
  if (typeof data.Expiration === 'string') {
    const d = new Date(data.Expiration);
    if (!Number.isNaN(d.getTime())) creds.expiration = d;
  }
  return creds;
}

/** Whether the environment points at a container credentials endpoint. */
export function containerConfigured(env: Env): boolean {
  return Boolean(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
}

/** The container credentials URL the environment names; a {@link SourceError} for a FULL_URI the SDKs refuse. */
export function containerUrl(env: Env): string {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (relative) return CONTAINER_HOST + (relative.startsWith('/') ? relative : '/' + relative);
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? '';
  let url: URL;
  try {
    url = new URL(full);
  } catch (e) {
    throw new SourceError('container', `AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL: ${JSON.stringify(full)}`, e);
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && HTTP_HOSTS.test(url.hostname)) return url.href;
  throw new SourceError(
    'container',
    `AWS_CONTAINER_CREDENTIALS_FULL_URI ${url.href}: plain http is allowed only to a loopback address, 169.254.170.2, 169.254.170.23 or [fd00:ec2::23]; use https`,
  );
}

/** Credentials from the container endpoint. */
export async function containerCredentials(env: Env): Promise<Credentials> {
  const url = containerUrl(env);
  let token = env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  const file = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
  if (file) {
    const fs = await builtin<{ readFile(path: string, encoding: 'utf8'): Promise<string> }>('node:fs/promises');
    try {
      token = (await fs.readFile(file, 'utf8')).trim();
    } catch (e) {
      throw new SourceError('container', `cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE ${file}: ${(e as Error).message}`, e);
    }
  }
  // A header value with a line break would smuggle a header: refuse it.
  if (token && /[\r\n]/.test(token)) throw new SourceError('container', 'the container authorization token contains a line break');
  return parseCredentials('container', url, await request('container', url, token ? { headers: { authorization: token } } : {}, env));
}

/** The IMDS base URL the environment names (no trailing slash). */
export function imdsEndpoint(env: Env): string {
  const base = env.AWS_EC2_METADATA_SERVICE_ENDPOINT || (env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE?.toLowerCase() === 'ipv6' ? IMDS_IPV6 : IMDS_IPV4);
  return base.replace(/\/+$/, '');
}

/** `AWS_EC2_METADATA_DISABLED=true`. */
export function imdsDisabled(env: Env): boolean {
  return env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === 'true';
}

/** Credentials of the instance's role, through IMDSv2 (a session token first). */
export async function imdsCredentials(env: Env): Promise<Credentials> {
  const base = imdsEndpoint(env);
  const token = await request('imds', `${base}/latest/api/token`, { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' } }, env);
  const headers = { 'x-aws-ec2-metadata-token': token.trim() };
  const list = `${base}/latest/meta-data/iam/security-credentials/`;
  const role = (await request('imds', list, { headers }, env)).split(/\r?\n/).find((l) => l.trim())?.trim();
  if (!role) throw new SourceError('imds', `${list} lists no role: the instance has no instance profile`);
  const url = list + encodeURIComponent(role);
  return parseCredentials('imds', url, await request('imds', url, { headers }, env));
}
