/**
 * The AWS SDKs' default credentials chain past the client's options and the environment variables
 * (which ../config.ts reads at construction): the profile's keys or `credential_process` (shared
 * config and credentials files), then the container credentials endpoint, then EC2 instance metadata
 * (IMDSv2). Part of the lazily loaded ./node.ts; ./chain.ts calls it and turns its errors into
 * `CredentialsError`s, keeping message, source and cause.
 *
 * @packageDocumentation
 */
import type { Credentials } from './types.ts';
import type { Provider } from '../providers.ts';
import { SourceError, type Env } from './node-support.ts';
import { containerConfigured, containerCredentials, imdsCredentials, imdsDisabled } from './remote.ts';
import { profileCredentials, profileName, type SharedFiles } from './shared-files.ts';

/** What the chain reads: the environment, whether it is the client's `env` option, and the parsed files. */
export interface ChainInput {
  env: Env;
  /** The environment is the client's `env` option: IMDS is asked only where it points. */
  hermetic: boolean;
  /** The shared files, read once per client. */
  files(): Promise<SharedFiles | undefined>;
}

/**
 * The first source that has credentials. A source that is configured but fails ends the chain with
 * its error (as in the SDKs: a broken profile is not silently replaced by the instance's role); when
 * none has any, the error says what was tried.
 */
export async function chainCredentials(input: ChainInput, serviceId: string, names: Provider['env']): Promise<Credentials> {
  const { env } = input;
  const none = `no credentials for ${serviceId}: pass { credentials } to the client, set ${names.id} and ${names.secret}, or configure a profile`;
  const files = await input.files();
  const fromProfile = files && (await profileCredentials(files, env));
  if (fromProfile) return fromProfile;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) {
    // EKS IRSA: the next sources would give the node's identity, not the pod's: say so instead.
    throw new SourceError(
      'chain',
      "AWS_WEB_IDENTITY_TOKEN_FILE is set (web identity), which docsdk's runtime does not implement: pass { credentials } (e.g. from @aws-sdk/credential-providers) to the client",
    );
  }
  if (containerConfigured(env)) return containerCredentials(env);
  const paths = [files?.paths.config, files?.paths.credentials].filter(Boolean).join(', ') || 'none: no HOME';
  const tried = `tried: environment, profile ${profileName(env).name} (files ${paths}), container (not configured)`;
  if (imdsDisabled(env)) throw new SourceError('chain', `${none}; ${tried}, IMDS (AWS_EC2_METADATA_DISABLED)`);
  if (input.hermetic && !env.AWS_EC2_METADATA_SERVICE_ENDPOINT) {
    throw new SourceError('chain', `${none}; ${tried}, IMDS (not tried: the env option names no AWS_EC2_METADATA_SERVICE_ENDPOINT)`);
  }
  try {
    return await imdsCredentials(env);
  } catch (e) {
    // Off EC2 this is the usual "no credentials": say everything that was tried, keep IMDS's cause.
    const err = e as Error;
    throw new SourceError('imds', `${none}; ${tried}, IMDS: ${err.message}`, err.cause ?? err);
  }
}
