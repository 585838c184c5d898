/**
 * The generator's table of the runtime's protocol and signer exports (generator/emit/runtime-wire.ts):
 * each name is exported by `@docsdk/runtime` and is that table's row, and every seed client imports the
 * two its schema names (and so a bundle of it holds no other).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RUNTIME_WIRE, wireImports } from '../../generator/emit/runtime-wire.ts';
import * as runtime from '../../runtime/src/index.ts';

describe('RUNTIME_WIRE', () => {
  test('every protocol and signer of the runtime’s tables has a row naming its export', () => {
    const exported = runtime as unknown as Record<string, unknown>;
    expect(Object.keys(RUNTIME_WIRE.protocol)).toEqual(Object.keys(runtime.PROTOCOLS));
    expect(Object.keys(RUNTIME_WIRE.signatureScheme)).toEqual(Object.keys(runtime.SIGNERS));
    for (const [name, exportName] of Object.entries(RUNTIME_WIRE.protocol)) {
      expect(exported[exportName], name).toBe(runtime.PROTOCOLS[name as keyof typeof runtime.PROTOCOLS]);
    }
    for (const [name, exportName] of Object.entries(RUNTIME_WIRE.signatureScheme)) {
      expect(exported[exportName], name).toBe(runtime.SIGNERS[name as keyof typeof runtime.SIGNERS]);
    }
  });

  test('wireImports names the exports, and throws on a name the runtime lacks', () => {
    expect(wireImports('awsJson1_1', 'v4')).toEqual({ protocol: 'awsJson1_1', signatureScheme: 'sigV4' });
    expect(wireImports('rest-json', 'bce-auth-v1')).toEqual({ protocol: 'bceRestJson', signatureScheme: 'bceAuthV1' });
    expect(() => wireImports('restXml', 'v4')).toThrow('no runtime export for protocol "restXml"');
    expect(() => wireImports('awsJson1_0', 'toString')).toThrow('no runtime export for signatureVersion "toString"');
  });

  test.each([
    ['aws-directconnect', 'awsJson1_1', 'sigV4'],
    ['aws-odb', 'awsJson1_0', 'sigV4'],
    ['aws-partnercentral-account', 'awsJson1_0', 'sigV4'],
    ['baidu-vpc', 'bceRestJson', 'bceAuthV1'],
  ])('generated/%s imports %s and %s, no other protocol or signer, and hands them to WireClient', (folder, protocol, signer) => {
    const client = readFileSync(`generated/${folder}/src/client.ts`, 'utf8');
    const runtimeImport = /import \{([^}]*)\} from '@docsdk\/runtime';/.exec(client)![1]!;
    const names = runtimeImport.split(',').map((n) => n.trim()).filter(Boolean);
    const wireNames: string[] = [...Object.values(RUNTIME_WIRE.protocol), ...Object.values(RUNTIME_WIRE.signatureScheme)];
    expect(names.filter((n) => wireNames.includes(n))).toEqual([protocol, signer]);
    expect(names).not.toContain('RuntimeClient');
    expect(client).toContain(`const wire: ServiceWire = { protocol: ${protocol}, signatureScheme: ${signer} };`);
    expect(client).toContain('new WireClient(serviceSchema, wire, config, errorRegistry)');
  });
});
