/**
 * The wire protocols, by the name a schema gives (`ServiceSchema.protocol`). A new protocol is one file
 * implementing {@link Protocol} plus one row here (and its name in `ServiceSchema.protocol`).
 *
 * @packageDocumentation
 */
import { awsJson } from './aws-json.ts';
import { bceRestJson } from './bce-rest-json.ts';
import { pick } from './errors.ts';
import type { ServiceSchema } from './schema.ts';
import type { Protocol } from './wire.ts';

/** Protocol per `ServiceSchema.protocol`. */
export const PROTOCOLS: Readonly<Record<ServiceSchema['protocol'], Protocol>> = {
  awsJson1_0: awsJson('1.0'),
  awsJson1_1: awsJson('1.1'),
  'rest-json': bceRestJson,
};

/** The protocol of `service`; a `ConfigError` naming the known ones when the schema names another. */
export function protocolFor(service: ServiceSchema): Protocol {
  return pick(PROTOCOLS, service.protocol, 'protocol', service.id);
}
