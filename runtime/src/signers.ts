/**
 * The signature schemes, by `ServiceSchema.signatureVersion`. A new signer is one file implementing
 * {@link SignatureScheme} plus one row here (and its name in `ServiceSchema.signatureVersion`, and the
 * name of its export in the generator's `RUNTIME_WIRE` table: generated clients import their signer by
 * name, not through this table).
 *
 * @packageDocumentation
 */
import { bceAuthV1 } from './bce-auth.ts';
import { pick } from './errors.ts';
import { providerFor } from './providers.ts';
import type { ServiceSchema } from './schema.ts';
import { SigV4Signer } from './sigv4.ts';
import type { SignatureScheme } from './wire.ts';

/**
 * The `v4` signature scheme: one {@link SigV4Signer} per client, for the schema's `signingName` (else its
 * id) and the client's region, which SigV4 scopes every signature by. Here, not in ./sigv4.ts: the
 * runtime's index exports it (generated clients import it by name), and ./sigv4.ts's declarations name
 * smithy's types, which the published package does not install.
 */
export const sigV4: SignatureScheme = {
  regional: true,
  create: (service, region) => new SigV4Signer(service.signingName ?? service.id, region!),
};

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
