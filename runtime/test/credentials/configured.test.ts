import { afterEach, describe, expect, it } from 'vitest';
import { configuredSettings, serviceEnvSuffix } from '../../src/credentials/configured.ts';
import { loadSharedFiles } from '../../src/credentials/shared-files.ts';
import type { Env } from '../../src/credentials/node-support.ts';
import { tempHome, type TempHome } from './temp-home.ts';

let home: TempHome | undefined;
afterEach(() => home?.remove());

// The chain's input, counting how often the files are read.
function input(env: Env) {
  const seen = { reads: 0 };
  return { seen, input: { env, hermetic: true, files: () => (seen.reads++, loadSharedFiles(env, true)) } };
}

describe('configured region and endpoint (environment, then profile)', () => {
  it('service id → variable suffix, as the SDKs specify (spaces → _, upper case); the fallback id\'s hyphens too', () => {
    expect(serviceEnvSuffix('Direct Connect')).toBe('DIRECT_CONNECT');
    expect(serviceEnvSuffix('partnercentral-account')).toBe('PARTNERCENTRAL_ACCOUNT');
  });

  it('AWS_ENDPOINT_URL_<SERVICE> wins over AWS_ENDPOINT_URL; with both env region and endpoint the files are not read', async () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_DIRECT_CONNECT: 'http://127.0.0.1:2', AWS_DEFAULT_REGION: 'eu-west-3' };
    const a = input(env);
    expect(await configuredSettings(a.input, 'Direct Connect', true)).toEqual({
      region: 'eu-west-3',
      endpoint: { url: 'http://127.0.0.1:2', from: 'AWS_ENDPOINT_URL_DIRECT_CONNECT' },
      note: '',
    });
    expect(await configuredSettings(a.input, 'odb', false)).toEqual({ endpoint: { url: 'http://127.0.0.1:1', from: 'AWS_ENDPOINT_URL' }, note: '' });
    expect(a.seen.reads).toBe(0);
  });

  it('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true ignores the variables and the profile', async () => {
    home = tempHome({ config: '[default]\nendpoint_url = http://127.0.0.1:4/\n' });
    const env = { HOME: home.dir, AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE' };
    expect(await configuredSettings(input(env).input, 'odb', false)).toEqual({ note: '' });
  });

  it('the profile: region after AWS_DEFAULT_REGION, services entry before endpoint_url', async () => {
    home = tempHome({ config: '[default]\nregion = ap-east-1\nendpoint_url = http://127.0.0.1:4/\nservices = s\n[services s]\nodb =\n  endpoint_url = http://127.0.0.1:3/\n' });
    expect(await configuredSettings(input({ HOME: home.dir }).input, 'odb', true)).toEqual({
      region: 'ap-east-1',
      endpoint: { url: 'http://127.0.0.1:3/', from: 'the services section of profile default' },
      note: ' (profile default has none)',
    });
    expect((await configuredSettings(input({ HOME: home.dir }).input, 'Direct Connect', false)).endpoint).toEqual({ url: 'http://127.0.0.1:4/', from: 'endpoint_url of profile default' });
    expect((await configuredSettings(input({ HOME: home.dir, AWS_DEFAULT_REGION: 'me-south-1' }).input, 'odb', true)).region).toBe('me-south-1');
  });
});
