/**
 * Client configuration and its resolution (options first, then environment variables).
 *
 * Credentials are turned into a provider function as soon as they are read, so that a client or config
 * object never holds a secret in an enumerable property: `JSON.stringify` drops functions and
 * `util.inspect` prints `[Function]`.
 *
 * @packageDocumentation
 */
import { ConfigError, CredentialsError } from './errors.ts';
import type { Interceptor, Logger } from './interceptors.ts';
import { PROVIDERS, type Provider } from './providers.ts';
import type { RetryTuning } from './retry.ts';
import type { ServiceSchema } from './schema.ts';

/** Static credentials. */
export interface Credentials {
  /** AWS access key id / Baidu AK. */
  accessKeyId: string;
  /** AWS secret access key / Baidu SK. */
  secretAccessKey: string;
  /** Session token (AWS STS `x-amz-security-token`, Baidu STS `x-bce-security-token`). */
  sessionToken?: string;
}

/** A function returning credentials, called once per call (cache inside it if fetching is costly). */
export type CredentialsProvider = () => Promise<Credentials>;

export type { RetryTuning };

/** Options of a generated client. */
export interface ClientConfig {
  /** Region, e.g. `us-east-1` or `bj`. Else `AWS_REGION` / `BCE_REGION`. */
  region?: string;
  /** Full endpoint URL overriding the service's pattern, e.g. `http://127.0.0.1:8080`. */
  endpoint?: string;
  /**
   * Credentials or a provider of them. Else, AWS: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
   * `AWS_SESSION_TOKEN`; Baidu: `BCE_ACCESS_KEY_ID`, `BCE_SECRET_ACCESS_KEY`, `BCE_SESSION_TOKEN`.
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
  /** Where environment fallbacks are read. Default `process.env` when it exists. */
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
}

function defaultEnv(): Readonly<Record<string, string | undefined>> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

/**
 * Reads options and environment once, at client construction, for `service` of `provider`; `regional`:
 * its signature is scoped by region (a region is needed even with an `endpoint`). Never throws: problems
 * surface per call.
 */
export function resolveConfig(service: ServiceSchema, config: ClientConfig, provider: Provider, regional: boolean): ResolvedConfig {
  const env = config.env ?? defaultEnv();
  const names = provider.env;
  const region = config.region ?? (env[names.region] || undefined) ?? provider.defaultRegion;

  let credentials: CredentialsProvider | undefined;
  const c = config.credentials;
  if (typeof c === 'function') credentials = c;
  else if (c) credentials = constant({ ...c });
  else if (env[names.id] || env[names.secret]) {
    const token = env[names.token];
    credentials = constant({
      accessKeyId: env[names.id] ?? '',
      secretAccessKey: env[names.secret] ?? '',
      ...(token ? { sessionToken: token } : {}),
    });
  }

  let endpoint: URL | undefined;
  let endpointProblem: string | undefined;
  if (config.endpoint) {
    try {
      endpoint = new URL(config.endpoint);
    } catch {
      endpointProblem = `endpoint is not a URL: ${JSON.stringify(config.endpoint)}`;
    }
  } else if (!service.endpoint) {
    // No service.json when the client was generated: no pattern to fill, whatever the region.
    endpointProblem = `no endpoint for ${service.id}: its schema has none; pass { endpoint } to the client (a URL)`;
  } else if (!region) {
    endpointProblem =
      `no region for ${service.id}: pass { region } to the client or set ${names.region}` +
      (regional ? '' : ' (or pass { endpoint })');
  } else if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i.test(region)) {
    // A region goes into a host name: refuse anything that could change the host.
    endpointProblem = `invalid region ${JSON.stringify(region)}`;
  } else {
    const url = service.endpoint.replace('{region}', region);
    try {
      endpoint = new URL(url);
    } catch {
      endpointProblem =
        `invalid endpoint for ${service.id}: its schema's pattern ${JSON.stringify(service.endpoint)} gives ` +
        `${JSON.stringify(url)}, not a URL; pass { endpoint } to the client`;
    }
  }
  // SigV4 scopes signatures by region even when the endpoint is overridden.
  if (regional && !region && !endpointProblem) {
    endpointProblem = `no region for ${service.id}: pass { region } to the client or set ${names.region}`;
  }

  return {
    region,
    endpoint,
    ...(endpointProblem ? { endpointProblem } : {}),
    // A NaN or infinite value would mean endless retries: fall back to the default.
    maxAttempts: Number.isFinite(config.maxAttempts) ? Math.max(1, Math.floor(config.maxAttempts!)) : 3,
    requestTimeoutMs: config.requestTimeoutMs,
    validate: config.validate ?? true,
    validateResponses: config.validateResponses ?? false,
    credentials,
  };
}

function constant(creds: Credentials): CredentialsProvider {
  const p = Promise.resolve(creds);
  return () => p;
}

/**
 * Calls the provider and checks the result; every failure is a {@link CredentialsError}, secret-free,
 * naming the environment variables `names` (the service provider's).
 */
export async function loadCredentials(
  provider: CredentialsProvider | undefined,
  service: ServiceSchema,
  names: Provider['env'],
): Promise<Credentials> {
  if (!provider) {
    throw new CredentialsError(
      `no credentials for ${service.id}: pass { credentials } to the client or set ${names.id} and ${names.secret}`,
    );
  }
  let creds: Credentials;
  try {
    creds = await provider();
  } catch (e) {
    // The provider's own message might quote what it read; keep only its class name.
    throw new CredentialsError(`credentials provider failed (${(e as Error)?.name ?? 'error'})`);
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
