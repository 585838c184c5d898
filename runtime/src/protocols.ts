/**
 * The wire protocols, by the name a schema gives (`ServiceSchema.protocol`). A new protocol is one file
 * implementing {@link Protocol} plus one row here (and its name in `ServiceSchema.protocol`, and the
 * name of its export in the generator's `RUNTIME_WIRE` table, which generated clients import: they do
 * not read this table, so their bundles hold only their own protocol).
 *
 * @packageDocumentation
 */
import { awsJson1_0, awsJson1_1 } from './aws-json.ts';
import { bceRestJson } from './bce-rest-json.ts';
import { pick } from './errors.ts';
import type { ServiceSchema } from './schema.ts';
import type { Protocol } from './wire.ts';

/** Protocol per `ServiceSchema.protocol`. */
export const PROTOCOLS: Readonly<Record<ServiceSchema['protocol'], Protocol>> = {
  awsJson1_0,
  awsJson1_1,
  'rest-json': bceRestJson,
};

/** The protocol of `service`; a `ConfigError` naming the known ones when the schema names another. */
export function protocolFor(service: ServiceSchema): Protocol {
  return pick(PROTOCOLS, service.protocol, 'protocol', service.id);
}
