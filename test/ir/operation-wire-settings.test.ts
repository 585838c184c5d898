/**
 * `operations.<method>.auth` and `.hostPrefix` (issue 17): checked by service.json's schema, copied
 * into the IR operation, and a host prefix's `{Label}` must name a member of the operation's input.
 * On boto3's real Cognito `initiate_auth` page with service.json variants in a temp folder.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { tempDir } from '../emit/helpers.ts';

const FIXTURE = 'test/fixtures/cognito-idp';
const base = JSON.parse(readFileSync(`${FIXTURE}/service.json`, 'utf8')) as Record<string, unknown>;

/** Loads the page with `initiate_auth`'s settings replaced by `operation`. */
function load(operation: Record<string, unknown>) {
  const dir = path.join(tempDir('docsdk-opwire-'), 'cognito-idp');
  mkdirSync(dir);
  copyFileSync(`${FIXTURE}/initiate_auth.rst`, `${dir}/initiate_auth.rst`);
  const { $schema: _, ...settings } = base;
  writeFileSync(`${dir}/service.json`, `${JSON.stringify({ ...settings, operations: { initiate_auth: operation } }, null, 2)}\n`);
  const { ir, diagnostics } = loadIR([`${dir}/initiate_auth.rst`]);
  return { op: ir.services[0]?.operations[0], diagnostics: diagnostics.map((d) => ({ ...d, file: path.basename(d.file) })) };
}

describe('operations.<method>.auth and .hostPrefix', () => {
  it('are copied into the IR operation', () => {
    const { op, diagnostics } = load({ auth: 'none', hostPrefix: '{ClientId}.data-' });
    expect(diagnostics).toEqual([]);
    expect(op).toMatchObject({ name: 'InitiateAuth', auth: 'none', hostPrefix: '{ClientId}.data-' });
    expect(load({}).op).not.toHaveProperty('auth');
    expect(load({}).op).not.toHaveProperty('hostPrefix');
  });

  it('a {Label} that names no input member is an error at the setting’s line', () => {
    const { diagnostics } = load({ hostPrefix: '{AccountId}.' });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'service.json',
        line: 13,
        column: 21,
        severity: 'error',
        message: 'operations.initiate_auth.hostPrefix "{AccountId}.": {AccountId} names no member of InitiateAuth\'s input',
      }),
    ]);
  });

  it.each([
    [{ auth: 'sigv4' }, 'auth'],
    [{ hostPrefix: 'data/' }, 'hostPrefix'],
    [{ hostPrefix: '{Open' }, 'hostPrefix'],
  ])('the schema refuses %j', (operation, key) => {
    const errors = load(operation).diagnostics.filter((d) => d.severity === 'error' && d.file === 'service.json');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((d) => d.message).join('\n')).toContain(key);
  });
});
