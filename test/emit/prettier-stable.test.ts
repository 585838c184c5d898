/**
 * Emitted files are already formatted (issue 6): generate runs no formatter, so Prettier, with the
 * options of `format.ts`, must change nothing in what it writes. Checked on the seeds' committed
 * packages, the hostile-docs fixture, seeded random services whose names reach ~150 characters (every
 * line that can break is tried on both sides of the 110-column limit), and real services of the
 * conformance corpus (`npm run bench` checks every service of the corpus the same way).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesUnder } from '../../generator/diff/check.ts';
import type { EmittedFile } from '../../generator/emit/emit-service.ts';
import { prettierDifference, prettierParserFor } from '../../generator/emit/format.ts';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { hostileIR } from './fixtures/hostile-ir.ts';
import { randomIR } from './fixtures/random-ir.ts';
import { renderOrThrow } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Every emitted file Prettier would change, with the first line that differs. */
async function unformatted(folder: string, files: readonly EmittedFile[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    const d = await prettierDifference(f.path, f.content);
    if (d) out.push(`${folder}/${f.path}:${d.line}: have ${JSON.stringify(d.have)}, Prettier ${JSON.stringify(d.want)}`);
  }
  return out;
}

/** A package's files as `docsdk check` lists them: build outputs (`dist/`, git-ignored) left out. */
function filesOf(dir: string): EmittedFile[] {
  return filesUnder(dir).map((rel) => ({ path: rel, content: readFileSync(path.join(dir, rel), 'utf8') }));
}

describe('emitted code is Prettier-formatted without running Prettier', () => {
  test('the committed seed packages', async () => {
    const dirs = readdirSync(path.join(ROOT, 'generated'));
    expect(dirs).toEqual(expect.arrayContaining(['aws-odb', 'aws-partnercentral-account', 'aws-directconnect', 'baidu-vpc']));
    const problems: string[] = [];
    let checked = 0;
    for (const d of dirs) {
      const files = filesOf(path.join(ROOT, 'generated', d));
      checked += files.filter((f) => prettierParserFor(f.path)).length;
      problems.push(...(await unformatted(d, files)));
    }
    expect(checked).toBeGreaterThanOrEqual(4 * 9);
    expect(problems).toEqual([]);
  });

  test('the hostile-docs fixture', async () => {
    const [pkg] = await renderOrThrow(hostileIR);
    expect(await unformatted(pkg!.folder, pkg!.files)).toEqual([]);
  });

  test('unions with no documented member, as input (never) and as output (only the unknown member)', async () => {
    const service = structuredClone(hostileIR.services[0]!);
    service.id = 'emptyunion';
    service.shapes = {
      String: { type: 'string' },
      Nothing: { type: 'union', members: {} },
      In: { type: 'structure', members: { choice: { target: 'Nothing' } } },
      Out: { type: 'structure', members: { choice: { target: 'OutNothing' } } },
      OutNothing: { type: 'union', members: {} },
    };
    service.operations = [{ ...service.operations[0]!, name: 'Do', method: 'do', input: 'In', output: 'Out', errors: [], paginator: undefined }];
    delete service.operations[0]!.paginator;
    const [pkg] = await renderOrThrow({ irVersion: 1, services: [service] });
    const types = pkg!.files.find((f) => f.path === 'src/types.ts')!.content;
    expect(types).toContain('export type Nothing = never;');
    expect(types).toContain('export type OutNothing = {\n  SDK_UNKNOWN_MEMBER: { name: string; value: unknown };\n};');
    expect(await unformatted(pkg!.folder, pkg!.files)).toEqual([]);
  });

  test('60 seeded random services with names of 1 to ~150 characters', async () => {
    const packages = await renderOrThrow(randomIR(Array.from({ length: 60 }, (_, i) => i + 1)));
    expect(packages).toHaveLength(60);
    // The seeds reach past the width where it matters: some lines had to break, some stayed too long.
    const lines = packages.flatMap((p) => p.files.filter((f) => f.path.endsWith('.ts')).flatMap((f) => f.content.split('\n')));
    expect(lines.some((l) => l.length > 110 && !l.trimStart().startsWith('*'))).toBe(true);
    expect(lines.filter((l) => /^\s*\($/.test(l) || /^\s*\w+: \($/.test(l) || l.endsWith('(')).length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const p of packages) problems.push(...(await unformatted(p.folder, p.files)));
    expect(problems).toEqual([]);
  }, 120_000);

  // Services of the conformance corpus that CI builds (scripts/conformance/services.ts), chosen for long
  // generated names, open enums, unions, paginators, REST bindings and long error names.
  const SAMPLE = ['appmesh', 'ssm-incidents', 'amplifyuibuilder', 'sesv2', 'cloudfront', 'kms', 'lex-runtime', 'rds-data'];
  const corpus = path.join(ROOT, 'corpus/services');
  const present = SAMPLE.filter((s) => existsSync(path.join(corpus, `${s}.rst`)));
  test.skipIf(present.length === 0)(`real services from the corpus (${SAMPLE.join(', ')}; built by scripts/conformance-corpus)`, async () => {
    const { ir, diagnostics } = loadIR(present.map((s) => path.join(corpus, `${s}.rst`)));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const packages = await renderOrThrow(ir);
    expect(packages.length).toBe(present.length);
    const problems: string[] = [];
    for (const p of packages) problems.push(...(await unformatted(p.folder, p.files)));
    expect(problems).toEqual([]);
  }, 300_000);
});
