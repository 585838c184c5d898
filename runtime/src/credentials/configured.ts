/**
 * What the AWS SDKs let the environment and the shared config files configure besides credentials,
 * for one service: the region (`AWS_DEFAULT_REGION`, after the `AWS_REGION` the client reads itself,
 * then the profile's `region`) and a configured endpoint, in the SDKs' order —
 * `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `services` section entry for the
 * service, the profile's `endpoint_url`; none of them with `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`.
 * Part of the lazily loaded ./node.ts: outside Node there is no environment or file to read.
 *
 * @packageDocumentation
 */
import type { ChainInput } from './default-chain.ts';
import { profileSettings } from './shared-files.ts';

/** A configured endpoint and where it came from (for messages). */
export interface ConfiguredEndpoint {
  /** The URL as configured. */
  url: string;
  /** E.g. `AWS_ENDPOINT_URL_DIRECT_CONNECT`, `endpoint_url of profile dev`. */
  from: string;
}

/**
 * The `<SERVICE>` of `AWS_ENDPOINT_URL_<SERVICE>`: the service id upper-cased with spaces as
 * underscores, as the AWS SDKs specify (`Direct Connect` → `DIRECT_CONNECT`). Hyphens become
 * underscores too: a schema without the model's `serviceId` falls back to its package id
 * (`partnercentral-account`), and a hyphen cannot appear in a shell variable's name.
 */
export function serviceEnvSuffix(serviceId: string): string {
  return serviceId.trim().replace(/[\s-]+/g, '_').toUpperCase();
}

/**
 * The region and endpoint the environment and the profile configure for `serviceId`. `needRegion`:
 * the options and `AWS_REGION` gave none. The files are read only when what is still missing could
 * come from them. `note`: for a missing region's message.
 */
export async function configuredSettings(
  input: ChainInput,
  serviceId: string,
  needRegion: boolean,
): Promise<{ region?: string; endpoint?: ConfiguredEndpoint; note: string }> {
  const { env } = input;
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true';
  const specific = `AWS_ENDPOINT_URL_${serviceEnvSuffix(serviceId)}`;
  let endpoint: ConfiguredEndpoint | undefined = ignore
    ? undefined
    : env[specific]
      ? { url: env[specific]!, from: specific }
      : env.AWS_ENDPOINT_URL
        ? { url: env.AWS_ENDPOINT_URL, from: 'AWS_ENDPOINT_URL' }
        : undefined;
  let region = needRegion ? env.AWS_DEFAULT_REGION || undefined : undefined;
  let note = '';
  if ((needRegion && !region) || (!endpoint && !ignore)) {
    const files = await input.files();
    const p = files && profileSettings(files, env, serviceEnvSuffix(serviceId).toLowerCase());
    if (p) {
      if (needRegion) region ??= p.region;
      note = ` (profile ${p.profile} has none)`;
      if (!endpoint && !ignore) {
        if (p.serviceEndpointUrl) endpoint = { url: p.serviceEndpointUrl, from: `the services section of profile ${p.profile}` };
        else if (p.endpointUrl) endpoint = { url: p.endpointUrl, from: `endpoint_url of profile ${p.profile}` };
      }
    }
  }
  return { ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}), note };
}
