/**
 * The runtime's export of each protocol and signature scheme, by the name a schema gives it. A generated
 * client imports the two its schema names and hands them to the runtime's `WireClient`, instead of the
 * runtime looking them up in its `PROTOCOLS` and `SIGNERS` tables: a bundler then keeps those two and
 * drops every other (an AWS bundle holds no Baidu REST protocol nor bce-auth signer). A protocol or
 * signer the runtime's schema type gains without a row here is a type error; that each export is its
 * table's row is tested (test/emit/runtime-wire.test.ts).
 *
 * @packageDocumentation
 */
import type { ServiceSchema } from '../../runtime/src/schema.ts';

/** Export names of `@docsdk/runtime`, by `ServiceSchema.protocol` and by `ServiceSchema.signatureVersion`. */
export const RUNTIME_WIRE = {
  protocol: { awsJson1_0: 'awsJson1_0', awsJson1_1: 'awsJson1_1', 'rest-json': 'bceRestJson' },
  signatureScheme: { v4: 'sigV4', 'bce-auth-v1': 'bceAuthV1' },
} as const satisfies {
  protocol: Record<ServiceSchema['protocol'], string>;
  signatureScheme: Record<NonNullable<ServiceSchema['signatureVersion']>, string>;
};

/** What a generated client imports for its wire: the runtime's export names of its protocol and signer. */
export interface WireImports {
  protocol: string;
  signatureScheme: string;
}

/**
 * The exports for a schema's `protocol` and signer (`signatureVersion`, which the caller resolves to the
 * provider's default when the schema names none). Throws on a name the table lacks (the IR's
 * invariants and the settings rules exclude it).
 */
export function wireImports(protocol: string, signatureVersion: string): WireImports {
  const own = (table: object, key: string) => Object.prototype.hasOwnProperty.call(table, key);
  if (!own(RUNTIME_WIRE.protocol, protocol)) throw new Error(`no runtime export for protocol ${JSON.stringify(protocol)}`);
  if (!own(RUNTIME_WIRE.signatureScheme, signatureVersion)) throw new Error(`no runtime export for signatureVersion ${JSON.stringify(signatureVersion)}`);
  return {
    protocol: RUNTIME_WIRE.protocol[protocol as keyof typeof RUNTIME_WIRE.protocol],
    signatureScheme: RUNTIME_WIRE.signatureScheme[signatureVersion as keyof typeof RUNTIME_WIRE.signatureScheme],
  };
}
