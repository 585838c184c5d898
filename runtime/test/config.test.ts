/**
 * Region and endpoint resolution (../src/config.ts): options, environment variables, then the shared
 * config files' profile; resolved without any request (resolveConfig + settleConfig), except the last
 * test, a real call to the 127.0.0.1 server configured entirely from a temp HOME and the environment.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeClient } from '../src/client.ts';
import { resolveConfig, settleConfig, type ClientConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';
import { PROVIDERS } from '../src/providers.ts';
import type { ServiceSchema } from '../src/schema.ts';
import { tempHome, type TempHome } from './credentials/temp-home.ts';
import { bcc, describeHostedConnections, directConnect } from './fixtures/schemas.ts';
import { respond, TestServer } from './server.ts';

const creds = { accessKeyId: 'AKIDCONFIGTEST000001', secretAccessKey: 'config-secret' };
let home: TempHome | undefined;
afterEach(() => home?.remove());

async function resolved(config: ClientConfig, service: ServiceSchema = directConnect) {
  const provider = service.provider === 'aws' ? PROVIDERS.aws : PROVIDERS.baidu;
  return settleConfig(resolveConfig(service, { credentials: creds, ...config }, provider, service.provider === 'aws'));
}

describe('region', () => {
  it('option → AWS_REGION → AWS_DEFAULT_REGION → the profile region', async () => {
    home = tempHome({ config: '[default]\nregion = eu-central-1\n[profile cn]\nregion = cn-north-1\n' });
    const env = { HOME: home.dir, AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'ap-south-1' };
    expect((await resolved({ region: 'sa-east-1', env })).region).toBe('sa-east-1');
    expect((await resolved({ env })).region).toBe('us-west-2');
    expect((await resolved({ env: { ...env, AWS_REGION: undefined } })).region).toBe('ap-south-1');
    expect((await resolved({ env: { HOME: home.dir } })).region).toBe('eu-central-1');
    expect((await resolved({ env: { HOME: home.dir, AWS_PROFILE: 'cn' } })).region).toBe('cn-north-1');
  });

  it('none anywhere → the ConfigError names every place a region can come from', async () => {
    home = tempHome({ config: '[default]\noutput = json\n' });
    const r = await resolved({ env: { HOME: home.dir } });
    expect(r.endpointProblem).toBe(
      'no region for directconnect: pass { region } to the client or set AWS_REGION, AWS_DEFAULT_REGION, or a region in the profile (profile default has none)',
    );
  });

  it('Baidu reads BCE_REGION only (its SDKs define no files); AWS variables and files do not apply', async () => {
    home = tempHome({ config: '[default]\nregion = eu-central-1\n' });
    const r = await resolved({ env: { HOME: home.dir, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' } }, bcc);
    expect([r.region, r.endpointProblem, r.unsettled]).toEqual([undefined, 'no region for vpc: pass { region } to the client or set BCE_REGION (or pass { endpoint })', undefined]);
  });
});

describe('endpoint', () => {
  const CONFIG = '[profile dev]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:4/profile\nservices = local\n[services local]\ndirect_connect =\n  endpoint_url = http://127.0.0.1:3/services\n';

  it('option → AWS_ENDPOINT_URL_<SERVICE> → AWS_ENDPOINT_URL → services section → endpoint_url → pattern', async () => {
    home = tempHome({ config: CONFIG });
    const dx: ServiceSchema = { ...directConnect, serviceId: 'Direct Connect' };
    const env = {
      HOME: home.dir,
      AWS_PROFILE: 'dev',
      AWS_ENDPOINT_URL_DIRECT_CONNECT: 'http://127.0.0.1:1/service-env',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:2/global-env',
    };
    const at = async (config: ClientConfig, service = dx) => (await resolved(config, service)).endpoint?.href;
    expect(await at({ endpoint: 'http://127.0.0.1:0/option', env })).toBe('http://127.0.0.1:0/option');
    expect(await at({ env })).toBe('http://127.0.0.1:1/service-env');
    expect(await at({ env: { ...env, AWS_ENDPOINT_URL_DIRECT_CONNECT: undefined } })).toBe('http://127.0.0.1:2/global-env');
    expect(await at({ env: { HOME: home.dir, AWS_PROFILE: 'dev' } })).toBe('http://127.0.0.1:3/services');
    // Without the model's serviceId the variable and the services key come from the schema id.
    expect(await at({ env: { HOME: home.dir, AWS_PROFILE: 'dev' } }, directConnect)).toBe('http://127.0.0.1:4/profile');
    expect(await at({ env: { HOME: home.dir, AWS_ENDPOINT_URL_DIRECTCONNECT: 'http://127.0.0.1:5/' } }, directConnect)).toBe('http://127.0.0.1:5/');
    expect(await at({ region: 'eu-west-1', env: { HOME: home.dir } })).toBe('https://directconnect.eu-west-1.amazonaws.com/');
  });

  it('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true ignores the variables and the profile, not the option', async () => {
    home = tempHome({ config: CONFIG });
    const env = { HOME: home.dir, AWS_PROFILE: 'dev', AWS_ENDPOINT_URL: 'http://127.0.0.1:2/', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' };
    expect((await resolved({ env })).endpoint?.href).toBe('https://directconnect.us-east-1.amazonaws.com/');
    expect((await resolved({ env, endpoint: 'http://127.0.0.1:0/' })).endpoint?.href).toBe('http://127.0.0.1:0/');
  });

  it('the pattern in the region partition: cn-north-1 → .amazonaws.com.cn (known at construction, no call)', () => {
    const c = new RuntimeClient(directConnect, { region: 'cn-north-1', credentials: creds, env: {} });
    expect(c.endpoint).toBe('https://directconnect.cn-north-1.amazonaws.com.cn/');
    expect(new RuntimeClient(directConnect, { region: 'us-gov-east-1', credentials: creds, env: {} }).endpoint).toBe('https://directconnect.us-gov-east-1.amazonaws.com/');
  });

  it('a configured endpoint that is not a URL names where it came from', async () => {
    expect((await resolved({ region: 'us-east-1', env: { AWS_ENDPOINT_URL: 'localhost:4566' } })).endpointProblem).toBe('AWS_ENDPOINT_URL is not an http(s) URL: "localhost:4566"');
    expect((await resolved({ region: 'us-east-1', endpoint: 'http//x', env: {} })).endpointProblem).toBe('endpoint is not an http(s) URL: "http//x"');
  });

  it('an unreadable config file is a ConfigError at the first call, with the cause', async () => {
    home = tempHome();
    home.write('conf/x', '');
    // A folder where the file should be: reading it fails with EISDIR (not ENOENT, which means "no file").
    const c = new RuntimeClient(directConnect, { credentials: creds, env: { HOME: home.dir, AWS_CONFIG_FILE: `${home.dir}/conf` } });
    const e = (await c.send(describeHostedConnections, {}).catch((x: unknown) => x)) as ConfigError;
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toMatch(new RegExp(`^cannot read the shared config files for directconnect: cannot read ${home.dir}/conf: EISDIR`));
    expect((e.cause as Error).name).toBe('SourceError');
  });
});

describe('a call configured from a profile and the environment', () => {
  let server: TestServer;
  const dev = { accessKeyId: 'AKIDPROFILEDEV000001', secretAccessKey: 'profile-dev-secret' };
  beforeAll(async () => {
    server = await TestServer.start({ credentials: [dev] });
  });
  afterAll(() => server.close());

  it('AWS_PROFILE picks the keys (credentials file) and the region (config file); AWS_ENDPOINT_URL the endpoint; signature valid', async () => {
    home = tempHome({
      config: '[default]\nregion = us-east-1\n[profile dev]\nregion = eu-north-1\n',
      credentials: `[dev]\naws_access_key_id = ${dev.accessKeyId}\naws_secret_access_key = ${dev.secretAccessKey}\n`,
    });
    const c = new RuntimeClient(directConnect, { env: { HOME: home.dir, AWS_PROFILE: 'dev', AWS_ENDPOINT_URL: server.url } });
    expect(c.region).toBeUndefined(); // not read before the first call: construction does no I/O
    server.enqueue(respond.json({ connections: [] }));
    await c.send(describeHostedConnections, { connectionId: 'dxcon-1' });
    expect(c.region).toBe('eu-north-1');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.signature.valid).toBe(true);
    expect(server.requests[0]!.headers.authorization).toMatch(/Credential=AKIDPROFILEDEV000001\/\d{8}\/eu-north-1\/directconnect\/aws4_request/);
  });
});
