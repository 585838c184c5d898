/**
 * The shared config and credentials files (`~/.aws/config`, `~/.aws/credentials`, or
 * `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`) and what a profile says: its credentials (keys,
 * or a `credential_process`), its `region`, its endpoint (`endpoint_url`, or its `services` section's).
 *
 * Profiles as the AWS CLI reads them: `[default]` and `[profile name]` in the config file, `[name]` in
 * the credentials file; a key in both files takes the credentials file's value. `AWS_PROFILE` picks
 * the profile (default `default`); a profile named that way that neither file has is an error, not a
 * silent fall-through to another identity.
 *
 * @packageDocumentation
 */
import type { Credentials } from './types.ts';
import { parseIni } from './ini.ts';
import { builtin, homeDir, SourceError, type Env } from './node-support.ts';
import { runCredentialProcess } from './process.ts';

/** Both files, parsed. */
export interface SharedFiles {
  /** Paths read (whether or not they existed), for messages. */
  paths: { config: string | undefined; credentials: string | undefined };
  /** Profiles by name, both files merged. */
  profiles: Record<string, Record<string, string>>;
  /** `[services name]` sections of the config file, by name. */
  services: Record<string, Record<string, string>>;
}

type Fs = { readFile(path: string, encoding: 'utf8'): Promise<string> };

// `~/x` → `<home>/x`, as the SDKs expand these variables.
function expand(path: string | undefined, home: string | undefined): string | undefined {
  if (!path) return undefined;
  return path.startsWith('~/') || path === '~' ? (home === undefined ? undefined : home + path.slice(1)) : path;
}

async function read(fs: Fs, path: string | undefined): Promise<string> {
  if (!path) return '';
  try {
    return await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return '';
    throw new SourceError('shared-config', `cannot read ${path}: ${(e as Error).message}`, e);
  }
}

/**
 * Reads both files. `hermetic`: the environment was given to the client (`env` option), so only its
 * `HOME`/`USERPROFILE` locate the files (never the OS's home directory). A missing file is empty.
 */
export async function loadSharedFiles(env: Env, hermetic: boolean): Promise<SharedFiles> {
  const home = await homeDir(env, hermetic);
  const paths = {
    config: expand(env.AWS_CONFIG_FILE, home) ?? (home === undefined ? undefined : `${home}/.aws/config`),
    credentials: expand(env.AWS_SHARED_CREDENTIALS_FILE, home) ?? (home === undefined ? undefined : `${home}/.aws/credentials`),
  };
  const fs = await builtin<Fs>('node:fs/promises');
  const [config, credentials] = await Promise.all([read(fs, paths.config), read(fs, paths.credentials)]);
  const profiles: SharedFiles['profiles'] = Object.create(null) as SharedFiles['profiles'];
  const services: SharedFiles['services'] = Object.create(null) as SharedFiles['services'];
  for (const [header, keys] of Object.entries(parseIni(config))) {
    const [kind, name] = header.includes(' ') ? [header.slice(0, header.indexOf(' ')), header.slice(header.indexOf(' ') + 1)] : [header, ''];
    // The config file names profiles `[profile x]` (and `[default]`); a bare `[x]` there is not a profile.
    if (header === 'default' || kind === 'profile') Object.assign((profiles[name || 'default'] ??= Object.create(null) as Record<string, string>), keys);
    else if (kind === 'services' && name) services[name] = keys;
  }
  for (const [name, keys] of Object.entries(parseIni(credentials))) {
    Object.assign((profiles[name] ??= Object.create(null) as Record<string, string>), keys);
  }
  return { paths, profiles, services };
}

/** The profile `AWS_PROFILE` names (`explicit`), else `default`. */
export function profileName(env: Env): { name: string; explicit: boolean } {
  return env.AWS_PROFILE ? { name: env.AWS_PROFILE, explicit: true } : { name: 'default', explicit: false };
}

function where(files: SharedFiles): string {
  return [files.paths.config, files.paths.credentials].filter(Boolean).join(' or ') || 'no file (no HOME)';
}

/** What a profile says about the region and the endpoint of the service whose config key is `serviceKey`. */
export function profileSettings(files: SharedFiles, env: Env, serviceKey: string): { profile: string; region?: string; endpointUrl?: string; serviceEndpointUrl?: string } {
  const { name } = profileName(env);
  const p = files.profiles[name];
  if (!p) return { profile: name };
  const section = p.services ? files.services[p.services] : undefined;
  return {
    profile: name,
    ...(p.region ? { region: p.region } : {}),
    ...(p.endpoint_url ? { endpointUrl: p.endpoint_url } : {}),
    ...(section?.[`${serviceKey}.endpoint_url`] ? { serviceEndpointUrl: section[`${serviceKey}.endpoint_url`] } : {}),
  };
}

// What the profile keys of credential kinds docsdk does not implement are, and why they fail loudly:
// using the profile's other keys (or the next source) would sign as a different identity.
const UNSUPPORTED: readonly [key: string, what: string][] = [
  ['role_arn', 'assume-role (role_arn)'],
  ['web_identity_token_file', 'web identity (web_identity_token_file)'],
  ['sso_session', 'IAM Identity Center / SSO (sso_session)'],
  ['sso_start_url', 'IAM Identity Center / SSO (sso_start_url)'],
  ['login_session', 'console login (login_session)'],
];

/**
 * The credentials of the profile `AWS_PROFILE` names (else `default`): its `aws_access_key_id` /
 * `aws_secret_access_key` / `aws_session_token`, else its `credential_process`'s. `undefined` when the
 * default profile is absent or has no credentials (the chain goes on); a {@link SourceError} when the
 * profile named is absent, its keys are half there, or it asks for a kind docsdk does not implement.
 */
export async function profileCredentials(files: SharedFiles, env: Env): Promise<Credentials | undefined> {
  const { name, explicit } = profileName(env);
  const p = files.profiles[name];
  if (!p) {
    if (explicit) throw new SourceError('shared-config', `profile ${name} (AWS_PROFILE) is not in ${where(files)}`);
    return undefined;
  }
  if (p.role_arn) throw unsupported(name, UNSUPPORTED[0]![1]);
  if (p.aws_access_key_id || p.aws_secret_access_key) {
    if (!p.aws_access_key_id || !p.aws_secret_access_key) {
      const missing = p.aws_access_key_id ? 'aws_secret_access_key' : 'aws_access_key_id';
      throw new SourceError('shared-config', `profile ${name} in ${where(files)} has no ${missing}`);
    }
    return {
      accessKeyId: p.aws_access_key_id,
      secretAccessKey: p.aws_secret_access_key,
      ...(p.aws_session_token ? { sessionToken: p.aws_session_token } : {}),
    };
  }
  for (const [key, what] of UNSUPPORTED) if (p[key]) throw unsupported(name, what);
  if (p.credential_process) return runCredentialProcess(p.credential_process, name, env);
  return undefined;
}

function unsupported(profile: string, what: string): SourceError {
  return new SourceError(
    'shared-config',
    `profile ${profile} uses ${what}, which docsdk's runtime does not implement: pass { credentials } (e.g. from @aws-sdk/credential-providers) to the client`,
  );
}
