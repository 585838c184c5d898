/**
 * Client configuration and its resolution: options first, then environment variables, then (AWS, on
 * Node) the shared config and credentials files and the machine's credential endpoints, as the AWS
 * SDKs' default chain does (./credentials/chain.ts, ./endpoints.ts).
 *
 * Credentials are turned into a provider function as soon as they are read, so that a client or config
 * object never holds a secret in an enumerable property: `JSON.stringify` drops functions and
 * `util.inspect` prints `[Function]`.
 *
 * @packageDocumentation
 */
import { cachedProvider } from './credentials/cache.ts';
import type { Credentials, CredentialsProvider } from './credentials/types.ts';
import { defaultChain, nodeSources, SharedConfig, toCredentialsError } from './credentials/chain.ts';
import type { ConfiguredEndpoint } from './credentials/configured.ts';
import { awsEndpoint } from './endpoints.ts';
import { ConfigError, CredentialsError } from './errors.ts';
import type { Interceptor, Logger } from './interceptors.ts';
import { PROVIDERS, type Provider } from './providers.ts';
import type { RetryTuning } from './retry.ts';
import type { ServiceSchema } from './schema.ts';

export type { Credentials, CredentialsProvider };

export type { RetryTuning };

/** Options of a generated client. */
export interface ClientConfig {
  /** Region, e.g. `us-east-1` or `bj`. Else AWS: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`; Baidu: `BCE_REGION`. */
  region?: string;
  /**
   * Full endpoint URL overriding the service's pattern, e.g. `http://127.0.0.1:8080`. Else, AWS:
   * `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `services` section, its
   * `endpoint_url`; then the pattern, in the region's partition (`cn-north-1` → `.amazonaws.com.cn`).
   */
  endpoint?: string;
  /**
   * Credentials or a provider of them. Else, AWS: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
   * `AWS_SESSION_TOKEN`, then (on Node) the profile `AWS_PROFILE` names in the shared config and
   * credentials files (keys or `credential_process`), the container credentials endpoint, IMDSv2;
   * Baidu: `BCE_ACCESS_KEY_ID`, `BCE_SECRET_ACCESS_KEY`, `BCE_SESSION_TOKEN`.
   */
  credentials?: Credentials | CredentialsProvider;
  /** Attempts per call, including the first. Default 3; 1 disables retries. */
  maxAttempts?: number;
  /** Timeout of each attempt (request and response body), ms. Default: none. */
  requestTimeoutMs?: number;
  /** The `fetch` to send with (a custom one, a proxy's, a test's). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * `'node-http'` sends with `node:http`/`node:https` instead of `fetch` (Node ≥ 20.16 only; ignored
   * elsewhere): several times cheaper per request than Node 20's `fetch` (bench/clients.md), without
   * redirects or compression, which AWS JSON and Baidu APIs don't use. Default `'fetch'`.
   */
  transport?: 'fetch' | 'node-http';
  /** Run the generated validator before sending. Default true. */
  validate?: boolean;
  /** Also check every response against its documented shape ({@link RuntimeClient.call}; throws `ValidationError`). Default false. */
  validateResponses?: boolean;
  /** Retry backoff tuning / test hooks. */
  retry?: RetryTuning;
  /**
   * Where environment fallbacks are read. Default `process.env` when it exists. When given, it is the
   * whole environment: the shared files are found by its `HOME` only and IMDS is asked only at its
   * `AWS_EC2_METADATA_SERVICE_ENDPOINT` (tests stay off the machine's files and network).
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Hooks around serialize → sign → send → parse, run in list order (./interceptors.ts). */
  interceptors?: readonly Interceptor[];
  /** Receives a debug line per attempt, retry and clock correction; never a secret. `console` will do. */
  logger?: Logger;
  /** Send to the endpoint's host as is, without operations' host prefixes (`data-`): for custom endpoints. Default false. */
  disableHostPrefix?: boolean;
}

/** Environment variable names per provider: the `env` of each {@link PROVIDERS} row, kept for importers. */
export const ENV_NAMES = { aws: PROVIDERS.aws.env, baidu: PROVIDERS.baidu.env } as const;

/** The resolved, secret-free view of a config (what is safe to print). */
export interface ResolvedConfig {
  region: string | undefined;
  endpoint: URL | undefined;
  maxAttempts: number;
  requestTimeoutMs: number | undefined;
  validate: boolean;
  validateResponses: boolean;
  /** `undefined` when no credentials were found (the call then fails before I/O). */
  credentials: CredentialsProvider | undefined;
  /** Why `endpoint` is undefined, when it is. */
  endpointProblem?: string;
  /**
   * Present while the region or the endpoint may still come from the shared config files (AWS, no
   * option or variable gave them): {@link settleConfig} reads the files once and fills them in.
   */
  unsettled?: () => Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

function defaultEnv(): Env {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

/**
 * Reads options and environment once, at client construction, for `service` of `provider`; `regional`:
 * its signature is scoped by region (a region is needed even with an `endpoint`). Never throws: problems
 * surface per call. What the shared config files may add (an AWS profile's region or endpoint) is read
 * on the first call ({@link settleConfig}): construction does no I/O.
 */
export function resolveConfig(service: ServiceSchema, config: ClientConfig, provider: Provider, regional: boolean): ResolvedConfig {
  const env = config.env ?? defaultEnv();
  const names = provider.env;
  const shared = provider.awsConventions ? new SharedConfig(env, config.env !== undefined) : undefined;
  const region = config.region ?? (env[names.region] || undefined);

  let credentials: CredentialsProvider | undefined;
  const c = config.credentials;
  if (typeof c === 'function') credentials = cachedProvider(c);
  else if (c) credentials = constant({ ...c });
  else if (env[names.id] || env[names.secret]) {
    const token = env[names.token];
    credentials = constant({
      accessKeyId: env[names.id] ?? '',
      secretAccessKey: env[names.secret] ?? '',
      ...(token ? { sessionToken: token } : {}),
    });
  } else if (shared) credentials = cachedProvider(defaultChain(shared, service.id, names));

  const configured: ConfiguredEndpoint | undefined = config.endpoint ? { url: config.endpoint, from: 'endpoint' } : undefined;
  const resolved: ResolvedConfig = {
    region: region ?? provider.defaultRegion,
    endpoint: undefined,
    // A NaN or infinite value would mean endless retries: fall back to the default.
    maxAttempts: Number.isFinite(config.maxAttempts) ? Math.max(1, Math.floor(config.maxAttempts!)) : 3,
    requestTimeoutMs: config.requestTimeoutMs,
    validate: config.validate ?? true,
    validateResponses: config.validateResponses ?? false,
    credentials,
  };
  Object.assign(resolved, endpointOf(service, provider, resolved.region, configured, regional, ''));

  if (shared && (!region || !configured)) {
    // AWS_DEFAULT_REGION, AWS_ENDPOINT_URL… and the profile may still say the region or the endpoint:
    // the Node-only part reads them on the first call, once (the files only if needed).
    let settling: Promise<void> | undefined;
    resolved.unsettled = () =>
      (settling ??= (async () => {
        // Not loadable (outside Node, or a bundle without the file): nothing more to read; the
        // credentials chain reports it if it is needed.
        const mod = await nodeSources().catch(() => undefined);
        const s = await mod?.configuredSettings?.(shared, service.serviceId ?? service.id, !region).catch((e: unknown) => {
          throw new ConfigError(`cannot read the shared config files for ${service.id}: ${(e as Error).message}`, { cause: e });
        });
        if (!region && s?.region) resolved.region = s.region;
        delete resolved.endpointProblem;
        Object.assign(resolved, endpointOf(service, provider, resolved.region, configured ?? s?.endpoint, regional, s?.note ?? ''));
        delete resolved.unsettled;
      })());
  }
  return resolved;
}

/** Fills `resolved.endpoint` or says why it cannot (`profileNote`: appended to a missing region's message). */
function endpointOf(
  service: ServiceSchema,
  provider: Provider,
  region: string | undefined,
  configured: ConfiguredEndpoint | undefined,
  regional: boolean,
  profileNote: string,
): { endpoint: URL | undefined; endpointProblem?: string } {
  const noRegion =
    `no region for ${service.id}: pass { region } to the client or set ${provider.env.region}` +
    (provider.awsConventions ? `, AWS_DEFAULT_REGION, or a region in the profile${profileNote}` : '');
  let endpoint: URL | undefined;
  let endpointProblem: string | undefined;
  if (configured) {
    try {
      endpoint = new URL(configured.url);
    } catch {
      // Left undefined: the message below.
    }
    // `localhost:4566` parses (scheme `localhost:`): only http(s) URLs are endpoints.
    if (endpoint?.protocol !== 'http:' && endpoint?.protocol !== 'https:') {
      endpoint = undefined;
      endpointProblem = `${configured.from} is not an http(s) URL: ${JSON.stringify(configured.url)}`;
    }
  } else if (!service.endpoint) {
    // No service.json when the client was generated: no pattern to fill, whatever the region.
    endpointProblem = `no endpoint for ${service.id}: its schema has none; pass { endpoint } to the client (a URL)`;
  } else if (!region) {
    endpointProblem = noRegion + (regional ? '' : ' (or pass { endpoint })');
  } else if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i.test(region)) {
    // A region goes into a host name: refuse anything that could change the host.
    endpointProblem = `invalid region ${JSON.stringify(region)}`;
  } else {
    const url = provider.awsConventions ? awsEndpoint(service.endpoint, region) : service.endpoint.replace('{region}', region);
    try {
      endpoint = new URL(url);
    } catch {
      endpointProblem =
        `invalid endpoint for ${service.id}: its schema's pattern ${JSON.stringify(service.endpoint)} gives ` +
        `${JSON.stringify(url)}, not a URL; pass { endpoint } to the client`;
    }
  }
  // SigV4 scopes signatures by region even when the endpoint is overridden.
  if (regional && !region && !endpointProblem) endpointProblem = noRegion;
  return { endpoint, ...(endpointProblem ? { endpointProblem } : {}) };
}

/** `resolved` once what the shared config files add is in (reads them on the first call only). */
export async function settleConfig(resolved: ResolvedConfig): Promise<ResolvedConfig> {
  if (resolved.unsettled) await resolved.unsettled();
  return resolved;
}

function constant(creds: Credentials): CredentialsProvider {
  const p = Promise.resolve(creds);
  return () => p;
}

/**
 * Calls the provider and checks the result; every failure is a {@link CredentialsError}, secret-free,
 * naming the environment variables `names` (the service provider's). A provider's own error keeps its
 * message (prefixed) and is the `cause`; a source of the default chain's keeps its `source`.
 */
export async function loadCredentials(
  provider: CredentialsProvider | undefined,
  service: ServiceSchema,
  names: Provider['env'],
): Promise<Credentials> {
  if (!provider) {
    throw new CredentialsError(
      `no credentials for ${service.id}: pass { credentials } to the client or set ${names.id} and ${names.secret}`,
      { source: 'chain' },
    );
  }
  let creds: Credentials;
  try {
    creds = await provider();
  } catch (e) {
    throw toCredentialsError(e, 'options');
  }
  if (!creds || typeof creds.accessKeyId !== 'string' || !creds.accessKeyId) {
    throw new CredentialsError(`credentials for ${service.id} lack an access key id (${names.id})`);
  }
  if (typeof creds.secretAccessKey !== 'string' || !creds.secretAccessKey) {
    throw new CredentialsError(`credentials for ${service.id} lack a secret access key (${names.secret})`);
  }
  return creds;
}

/** Throws a {@link ConfigError} when the endpoint could not be resolved. */
export function requireEndpoint(resolved: ResolvedConfig): URL {
  if (!resolved.endpoint || resolved.endpointProblem) throw new ConfigError(resolved.endpointProblem ?? 'no endpoint');
  return resolved.endpoint;
}
