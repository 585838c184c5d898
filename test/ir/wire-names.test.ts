/**
 * The protocol and signer names are listed in the runtime's tables (what a client can speak) and in
 * three enumerations the generator validates against (the IR schema, the service.json schema, the
 * IR's types). A protocol or signer added to the runtime's table and not to the schemas — or the other
 * way round — fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PROTOCOLS } from '../../runtime/src/protocols.ts';
import { PROVIDERS } from '../../runtime/src/providers.ts';
import { SIGNERS } from '../../runtime/src/signers.ts';
import type { WireSettings } from '../../generator/ir/model.ts';

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
type Schema = { properties: Record<string, { enum?: string[] }>; definitions?: Record<string, Schema> };

describe('wire names agree between the runtime tables and the generator', () => {
  const ir = json('generator/ir/ir.schema.json') as unknown as { definitions: Record<string, { properties: { wire: Schema } }> };
  const wire = ir.definitions['service']!.properties.wire;
  const settings = json('generator/settings/service.schema.json') as unknown as Schema;

  test('protocols', () => {
    const names = Object.keys(PROTOCOLS).sort();
    expect(names).toEqual(['awsJson1_0', 'awsJson1_1', 'rest-json']);
    expect([...wire.properties['protocol']!.enum!].sort()).toEqual(names);
    expect([...settings.properties['protocol']!.enum!].sort()).toEqual(names);
    const typed: Record<WireSettings['protocol'], true> = { awsJson1_0: true, awsJson1_1: true, 'rest-json': true };
    expect(Object.keys(typed).sort()).toEqual(names);
  });

  test('signers, and each provider’s default among them', () => {
    const names = Object.keys(SIGNERS).sort();
    expect([...wire.properties['signatureVersion']!.enum!].sort()).toEqual(names);
    expect([...settings.properties['signatureVersion']!.enum!].sort()).toEqual(names);
    for (const p of Object.values(PROVIDERS)) expect(names).toContain(p.signatureVersion);
  });
});
