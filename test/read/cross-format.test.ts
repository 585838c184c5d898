/**
 * Cross-format agreement: the RST source of a boto3 page and its two text renderings give the
 * same IR, except for `sources`. Checked on the seeds (001 compact vs 002 RST, side by side in
 * specs/) and on every RST fixture re-rendered by `render.ts`, so a new construct can't drift
 * between the readers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIR } from '../../generator/ir/build.ts';
import type { IR } from '../../generator/ir/model.ts';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { readDocument } from '../../generator/read/registry.ts';
import type { DocumentFormat } from '../../generator/read/format.ts';
import type { ServiceSettings } from '../../generator/settings/service-settings.ts';
import { renderBullets, renderCompact } from './render.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/boto3');

/**
 * The IR with every operation's `sources` removed, and its `apiReference`: what must agree between
 * renderings. The text renderings lose the "See also" link's target, so only the RST (and HTML) reading
 * has the API-reference URL (checked below).
 */
function withoutSources(ir: IR): IR {
  const copy = structuredClone(ir);
  for (const s of copy.services)
    for (const op of s.operations) {
      op.sources = [];
      delete op.apiReference;
    }
  return copy;
}

/**
 * Reads one document by content, checks which reader took it, and builds its IR alone with the
 * settings a service folder would give (the text renderings lose the "See also" link target).
 */
function irOf(text: string, file: string, format: DocumentFormat, settings: ServiceSettings): { ir: IR; errors: string[] } {
  const page = readDocument(text, file);
  expect(page.format).toBe(format);
  // The fixture's folder is its service folder, as in specs/.
  const ir = buildIR([{ folderId: path.dirname(file), settings, pages: [page] }]);
  return { ir: withoutSources(ir), errors: page.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`) };
}

/** The `service.json` facts of a page's folder, as the RST page's "See also" link states them. */
function settingsOf(rst: string): ServiceSettings {
  const page = readDocument(rst, 'settings.rst');
  const settings: ServiceSettings = { operations: {} };
  if (page.service.apiVersion) settings.apiVersion = page.service.apiVersion;
  if (page.service.clientName) settings.clientName = page.service.clientName;
  for (const op of page.operations) if (op.name) settings.operations![op.method] = { name: op.name };
  return settings;
}

/** Every RST fixture, as `service/page.rst`. */
const rstFixtures = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.rst'))
  .sort();

describe('seeds 001 (compact) and 002 (RST) of get_connection', () => {
  const dir = 'specs/aws/partnercentral-account';

  it('give the same IR except sources', () => {
    process.chdir(root);
    const rst = loadIR([`${dir}/get_connection.rst`]);
    const compact = loadIR([`${dir}/get_connection.txt`]);
    expect(rst.diagnostics).toEqual([]);
    expect(compact.diagnostics).toEqual([]);
    expect(compact.ir.services[0]!.operations[0]!.sources).toEqual([{ file: `${dir}/get_connection.txt`, line: 3 }]);
    expect(withoutSources(compact.ir)).toEqual(withoutSources(rst.ir));
    expect(rst.ir.services[0]!.operations[0]!.apiReference).toBe('https://docs.aws.amazon.com/goto/WebAPI/partnercentral-account-2025-04-04/GetConnection');
    expect(compact.ir.services[0]!.operations[0]!.apiReference).toBeUndefined();
  });

  it('are merged into one service with both sources and no disagreement', () => {
    process.chdir(root);
    const { ir, diagnostics } = loadIR([dir]);
    expect(diagnostics).toEqual([]);
    expect(ir.services).toHaveLength(1);
    const [op] = ir.services[0]!.operations;
    expect(ir.services[0]!.operations).toHaveLength(1);
    expect(op!.name).toBe('GetConnection');
    expect(op!.sources.map((s) => s.file)).toEqual([`${dir}/get_connection.rst`, `${dir}/get_connection.txt`]);
    expect(ir.services[0]!.warnings).toBeUndefined();
  });

  it('the compact seed alone takes its API version from service.json and its name from the method', () => {
    process.chdir(root);
    const { ir } = loadIR([`${dir}/get_connection.txt`]);
    expect(ir.services[0]!.apiVersion).toBe('2025-04-04');
    expect(ir.services[0]!.operations[0]!.name).toBe('GetConnection');
  });

  it('the renderer turns seed 002 into seed 001, line for line', () => {
    const rendered = renderCompact(readFileSync(path.join(root, dir, 'get_connection.rst'), 'utf8'));
    expect(rendered.trimEnd()).toBe(readFileSync(path.join(root, dir, 'get_connection.txt'), 'utf8').trimEnd());
  });
});

describe('every RST fixture rendered into both text styles', () => {
  it('has the fixtures the readers must agree on', () => {
    expect(rstFixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const fixture of rstFixtures) {
    describe(fixture, () => {
      const rst = readFileSync(path.join(fixtures, fixture), 'utf8');
      const settings = settingsOf(rst);
      const source = irOf(rst, fixture, 'boto3-rst', settings);

      it('reads as RST without errors and documents an operation', () => {
        expect(source.errors).toEqual([]);
        expect(source.ir.services[0]!.operations).toHaveLength(1);
      });

      it('compact text gives the same IR', () => {
        const compact = irOf(renderCompact(rst), `${fixture}.compact.txt`, 'boto3-compact-text', settings);
        expect(compact.errors).toEqual([]);
        expect(compact.ir).toEqual(source.ir);
      });

      it('bullet text gives the same IR', () => {
        const bullets = irOf(renderBullets(rst), `${fixture}.bullets.txt`, 'boto3-bullet-text', settings);
        expect(bullets.errors).toEqual([]);
        expect(bullets.ir).toEqual(source.ir);
      });
    });
  }
});
