import { afterEach, describe, expect, it } from 'vitest';
import { loadSharedFiles, profileCredentials, profileSettings } from '../../src/credentials/shared-files.ts';
import { processCommand, tempHome, type TempHome } from './temp-home.ts';

let home: TempHome | undefined;
afterEach(() => home?.remove());

const CONFIG = `[default]
region = eu-west-1

[profile dev]
region = cn-north-1
endpoint_url = http://127.0.0.1:4566
services = local

[services local]
direct_connect =
  endpoint_url = http://127.0.0.1:4567

[stray]
region = ignored-without-profile-prefix
`;
const CREDENTIALS = `[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = default-secret

[dev]
aws_access_key_id = AKIDDEV
aws_secret_access_key = dev-secret
aws_session_token = dev-token
`;

describe('shared config and credentials files', () => {
  it('reads ~/.aws/config and ~/.aws/credentials under HOME: [profile x] in config, [x] in credentials, merged', async () => {
    home = tempHome({ config: CONFIG, credentials: CREDENTIALS });
    const files = await loadSharedFiles({ HOME: home.dir }, true);
    expect(files.paths).toEqual({ config: `${home.dir}/.aws/config`, credentials: `${home.dir}/.aws/credentials` });
    expect(Object.keys(files.profiles).sort()).toEqual(['default', 'dev']);
    expect(files.profiles.dev).toMatchObject({ region: 'cn-north-1', aws_access_key_id: 'AKIDDEV' });
    expect(await profileCredentials(files, { HOME: home.dir })).toEqual({ accessKeyId: 'AKIDDEFAULT', secretAccessKey: 'default-secret' });
    expect(await profileCredentials(files, { AWS_PROFILE: 'dev' })).toEqual({ accessKeyId: 'AKIDDEV', secretAccessKey: 'dev-secret', sessionToken: 'dev-token' });
  });

  it('a key in both files takes the credentials file value', async () => {
    home = tempHome({ config: '[default]\naws_access_key_id = FROMCONFIG\naws_secret_access_key = c\n', credentials: '[default]\naws_access_key_id = FROMCREDS\n' });
    const files = await loadSharedFiles({ HOME: home.dir }, true);
    expect(await profileCredentials(files, {})).toEqual({ accessKeyId: 'FROMCREDS', secretAccessKey: 'c' });
  });

  it('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE (with ~/) replace the default paths', async () => {
    home = tempHome({ credentials: CREDENTIALS });
    home.write('elsewhere/conf', '[profile other]\nregion = us-gov-west-1\n');
    home.write('elsewhere/creds', '[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = o\n');
    const env = { HOME: home.dir, AWS_CONFIG_FILE: '~/elsewhere/conf', AWS_SHARED_CREDENTIALS_FILE: `${home.dir}/elsewhere/creds`, AWS_PROFILE: 'other' };
    const files = await loadSharedFiles(env, true);
    expect(Object.keys(files.profiles)).toEqual(['other']);
    expect(profileSettings(files, env, 'x')).toEqual({ profile: 'other', region: 'us-gov-west-1' });
    expect((await profileCredentials(files, env))?.accessKeyId).toBe('AKIDOTHER');
  });

  it('profile settings: region, endpoint_url, and the services section entry of the service', async () => {
    home = tempHome({ config: CONFIG });
    const files = await loadSharedFiles({ HOME: home.dir }, true);
    expect(profileSettings(files, { AWS_PROFILE: 'dev' }, 'direct_connect')).toEqual({
      profile: 'dev',
      region: 'cn-north-1',
      endpointUrl: 'http://127.0.0.1:4566',
      serviceEndpointUrl: 'http://127.0.0.1:4567',
    });
    expect(profileSettings(files, { AWS_PROFILE: 'dev' }, 'odb')).not.toHaveProperty('serviceEndpointUrl');
    expect(profileSettings(files, {}, 'odb')).toEqual({ profile: 'default', region: 'eu-west-1' });
  });

  it('no HOME in a given env: no file is read (not the OS home directory either)', async () => {
    const files = await loadSharedFiles({}, true);
    expect(files.paths).toEqual({ config: undefined, credentials: undefined });
    expect(files.profiles).toEqual({});
  });

  it('missing files are empty; a named profile neither has is an error; the default one missing is not', async () => {
    home = tempHome();
    const files = await loadSharedFiles({ HOME: home.dir }, true);
    expect(await profileCredentials(files, {})).toBeUndefined();
    const e = (await profileCredentials(files, { AWS_PROFILE: 'nope' }).catch((x: unknown) => x)) as Error & { source: string };
    expect([e.source, e.message]).toEqual(['shared-config', `profile nope (AWS_PROFILE) is not in ${home.dir}/.aws/config or ${home.dir}/.aws/credentials`]);
  });

  it('half a key pair, and credential kinds not implemented (assume-role, SSO, web identity), are errors, not a fall-through', async () => {
    home = tempHome({
      config: '[profile half]\naws_access_key_id = AKID\n[profile role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = default\naws_access_key_id = AKID\naws_secret_access_key = s\n[profile sso]\nsso_session = corp\n[profile web]\nweb_identity_token_file = /t\n',
    });
    const files = await loadSharedFiles({ HOME: home.dir }, true);
    const msg = async (p: string) => ((await profileCredentials(files, { AWS_PROFILE: p }).catch((x: unknown) => x)) as Error).message;
    expect(await msg('half')).toBe(`profile half in ${home.dir}/.aws/config or ${home.dir}/.aws/credentials has no aws_secret_access_key`);
    expect(await msg('role')).toMatch(/^profile role uses assume-role \(role_arn\), which docsdk's runtime does not implement: pass \{ credentials \}/);
    expect(await msg('sso')).toMatch(/^profile sso uses IAM Identity Center \/ SSO \(sso_session\)/);
    expect(await msg('web')).toMatch(/^profile web uses web identity \(web_identity_token_file\)/);
  });

  it('a profile with credential_process runs it (static keys win when both are there)', async () => {
    home = tempHome();
    const cmd = processCommand(home, 'ok', { Version: 1, AccessKeyId: 'AKIDPROC', SecretAccessKey: 'proc-secret', SessionToken: 'proc-token' });
    home.write('.aws/config', `[profile p]\ncredential_process = ${cmd}\n[profile both]\ncredential_process = ${cmd}\naws_access_key_id = AKIDSTATIC\naws_secret_access_key = s\n`);
    const files = await loadSharedFiles({ HOME: home.dir }, true);
    expect(await profileCredentials(files, { AWS_PROFILE: 'p' })).toEqual({ accessKeyId: 'AKIDPROC', secretAccessKey: 'proc-secret', sessionToken: 'proc-token' });
    expect((await profileCredentials(files, { AWS_PROFILE: 'both' }))?.accessKeyId).toBe('AKIDSTATIC');
  });
});
