/**
 * The one table of what the runtime knows about each cloud provider. Config resolution, the client core
 * and (later) the generator read it instead of branching on `provider === 'aws'`; a new provider is one
 * row here (and its name in `ServiceSchema.provider`).
 *
 * @packageDocumentation
 */
import { pick } from './errors.ts';
import type { ServiceSchema } from './schema.ts';

/** What the runtime knows about one provider. */
export interface Provider {
  /** Display name, e.g. `AWS`. */
  name: string;
  /** Environment variables read when the client's options do not say: credentials and region. */
  env: { id: string; secret: string; token: string; region: string };
  /** Response headers carrying the request id, in order of preference (else the error body's, if any). */
  requestIdHeaders: readonly string[];
  /** Region used when neither the options nor the environment give one. Set for neither provider today. */
  defaultRegion?: string;
  /**
   * The usual form of a service's endpoint (`{service}`, `{region}`), for people and the generator; a
   * service's own pattern is the schema's `endpoint` (some AWS services use `https://{service}.{region}.api.aws`).
   */
  endpointForm: string;
  /** The signer when the schema names no `signatureVersion`. */
  signatureVersion: NonNullable<ServiceSchema['signatureVersion']>;
  /** The protocol the generator writes when a service's settings name none. */
  protocol: ServiceSchema['protocol'];
  /**
   * Whether the AWS SDKs' configuration conventions apply: shared config and credentials files
   * (profiles: credentials, `credential_process`, `region`, `endpoint_url`), container and instance
   * metadata credentials, `AWS_DEFAULT_REGION`, `AWS_ENDPOINT_URL[_<SERVICE>]`, partitions' DNS suffixes. Baidu's SDKs define
   * none of these (see the runtime's README).
   */
  awsConventions: boolean;
  /** Send what the AWS SDKs send on every request: `x-amz-user-agent`, `amz-sdk-invocation-id`, `amz-sdk-request`. */
  sdkHeaders?: boolean;
}

/** Per provider (`ServiceSchema.provider`). */
export const PROVIDERS = {
  aws: {
    name: 'AWS',
    env: { id: 'AWS_ACCESS_KEY_ID', secret: 'AWS_SECRET_ACCESS_KEY', token: 'AWS_SESSION_TOKEN', region: 'AWS_REGION' },
    requestIdHeaders: ['x-amzn-requestid', 'x-amz-request-id'],
    endpointForm: 'https://{service}.{region}.amazonaws.com',
    signatureVersion: 'v4',
    protocol: 'awsJson1_1',
    awsConventions: true,
    sdkHeaders: true,
  },
  baidu: {
    name: 'Baidu AI Cloud',
    env: { id: 'BCE_ACCESS_KEY_ID', secret: 'BCE_SECRET_ACCESS_KEY', token: 'BCE_SESSION_TOKEN', region: 'BCE_REGION' },
    requestIdHeaders: ['x-bce-request-id'],
    endpointForm: 'http://{service}.{region}.baidubce.com',
    signatureVersion: 'bce-auth-v1',
    protocol: 'rest-json',
    awsConventions: false,
  },
} as const satisfies Record<ServiceSchema['provider'], Provider>;

/** The row of `service.provider`; a `ConfigError` naming the known ones when there is none. */
export function providerFor(service: ServiceSchema): Provider {
  return pick<Provider>(PROVIDERS, service.provider, 'provider', service.id);
}
