/**
 * The signature schemes, by `ServiceSchema.signatureVersion`. A new signer is one file implementing
 * {@link SignatureScheme} plus one row here (and its name in `ServiceSchema.signatureVersion`).
 *
 * @packageDocumentation
 */
import { bceAuthV1 } from './bce-auth.ts';
import { pick } from './errors.ts';
import { providerFor } from './providers.ts';
import type { ServiceSchema } from './schema.ts';
import { sigV4 } from './sigv4.ts';
import type { SignatureScheme } from './wire.ts';

/** Signature scheme per `ServiceSchema.signatureVersion`. */
export const SIGNERS: Readonly<Record<NonNullable<ServiceSchema['signatureVersion']>, SignatureScheme>> = {
  v4: sigV4,
  'bce-auth-v1': bceAuthV1,
};

/**
 * The signature scheme of `service`: its `signatureVersion`, else its provider's default; a
 * `ConfigError` naming the known ones when there is no such scheme.
 */
export function signatureSchemeFor(service: ServiceSchema): SignatureScheme {
  return pick(SIGNERS, service.signatureVersion ?? providerFor(service).signatureVersion, 'signatureVersion', service.id);
}
