/**
 * The schema view reads the provider table: the protocol of a service without settings is its
 * provider's, and `signatureVersion` is written only where it is not the provider's own signer
 * (which the runtime then takes), so the committed schemas stay as they are.
 */
import { describe, expect, test } from 'vitest';
import { schemaView } from '../../../generator/emit/view/schema.ts';
import type { Service } from '../../../generator/ir/model.ts';
import { hostileIR } from '../fixtures/hostile-ir.ts';

const base = (): Service => structuredClone(hostileIR.services[0]!);

describe('schema view and the provider table', () => {
  test('the provider’s own signer is not written; another one is', () => {
    const aws = base();
    aws.wire = { protocol: 'awsJson1_0', signatureVersion: 'v4', endpoint: 'https://x.{region}.amazonaws.com', timestampFormat: 'epoch-seconds' };
    expect(schemaView(aws).signatureVersion).toBeUndefined();
    aws.wire.signatureVersion = 'bce-auth-v1';
    expect(schemaView(aws).signatureVersion).toBe('bce-auth-v1');
  });

  test('without wire settings the protocol is the provider’s default', () => {
    const aws = base();
    delete aws.wire;
    expect(schemaView(aws).protocol).toBe('awsJson1_1');
    const baidu = { ...base(), provider: 'baidu' as const };
    delete baidu.wire;
    expect(schemaView(baidu).protocol).toBe('rest-json');
  });
});
