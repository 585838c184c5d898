/**
 * The public API surface (ts-morph) of a generated package, and its committed `api.json` snapshot.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { apiSurfaceOfDir, type ApiSymbol } from './checker-surface.ts';

describe('API surface', () => {
  const dir = path.resolve('generated/aws-partnercentral-account');
  const surface = apiSurfaceOfDir(dir);
  const byName = (n: string) => surface.find((s) => s.name === n);

  test('lists the client, its methods with their types, validators, unions, guards and errors', () => {
    const client = byName('PartnerCentralAccountAPIClient')!;
    expect(client.kind).toBe('Class');
    const method = client.members!.find((m) => m.name === 'getConnection')!;
    expect(method.type).toBe('(input: GetConnectionRequest, options?: CallOptions) => Promise<GetConnectionResponse & MetadataBearer>');
    expect(client.members!.map((m) => m.name)).not.toContain('#runtime');
    expect(byName('validateGetConnectionInput')!.type).toBe('(input: unknown) => asserts input is GetConnectionRequest');
    expect(byName('OtherParticipant')!.kind).toBe('TypeAlias');
    expect(byName('OtherParticipant')!.type).toContain('SDK_UNKNOWN_MEMBER: { name: string; value: unknown; }');
    expect(byName('isOtherParticipantAccount')!.kind).toBe('Function');
    expect(byName('ThrottlingException')!.kind).toBe('Class');
    expect(surface.filter((s) => s.name === 'Status').map((s) => s.kind)).toEqual(['TypeAlias', 'Variable']);
    // Module-private pieces are not public.
    expect(byName('errorRegistry')).toBeUndefined();
    expect(byName('serviceSchema')).toBeUndefined();
  });

  test('has no machine-specific text, and equals the committed api.json snapshot', () => {
    const text = JSON.stringify(surface);
    expect(text).not.toContain('import(');
    expect(text).not.toContain(process.cwd());
    const committed = JSON.parse(readFileSync(path.join(dir, 'api.json'), 'utf8')) as ApiSymbol[];
    expect(surface).toEqual(committed);
  });
});
