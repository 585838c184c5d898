/**
 * Every ```ts snippet of a generated package's README compiles under `tsc --strict` against the package
 * (issue 18 §4): the committed packages (generated/*), the DynamoDB package of boto3's real pages
 * (test/fixtures/boto3-helpers/dynamodb), and two whole services of the conformance corpus (dynamodb's
 * AttributeValue everywhere, ecs's long inputs; git-ignored, skipped when not built). A README reads as
 * one program: operation snippets use the `client` of its Usage snippet, so each is checked with that
 * snippet before it, as its own module. The corpus services' READMEs also carry each page's API-reference
 * link. Slow tier: a strict type-check per package (~5-10 s each).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { typeCheckPackage } from '../../generator/emit/check-types.ts';
import { emitService, type EmittedFile } from '../../generator/emit/emit-service.ts';
import { handlebarsRenderer } from '../../generator/emit/render.ts';
import { loadIR } from '../../generator/pipeline/load-ir.ts';

/** The ```ts blocks of a README, in order. */
export function snippetsOf(readme: string): string[] {
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** Each snippet as a module of the package (`src/readme-N.ts`), its imports of the package made relative. */
function snippetFiles(readme: string, packageName: string): EmittedFile[] {
  const blocks = snippetsOf(readme);
  const usage = blocks.find((b) => /const client = new /.test(b));
  if (!usage) throw new Error(`${packageName}: README has no Usage snippet`);
  const local = (s: string) => s.replaceAll(`'${packageName}/mock'`, "'./mock.js'").replaceAll(`'${packageName}'`, "'./index.js'");
  return blocks.map((b, i) => ({ path: `src/readme-${i}.ts`, content: `${local(/^import /m.test(b) ? b : `${usage}\n${b}`)}\nexport {};\n` }));
}

/** Type errors of `files`' package with its README's snippets. */
function check(folder: string, packageName: string, files: EmittedFile[], extra: EmittedFile[] = []): { snippets: number; errors: string[] } {
  const readme = files.find((f) => f.path === 'README.md')!.content;
  const snippets = [...snippetFiles(readme, packageName), ...extra];
  return { snippets: snippets.length, errors: typeCheckPackage(folder, files, snippets) };
}

function committed(folder: string): { packageName: string; files: EmittedFile[] } {
  const root = path.join('generated', folder);
  const files: EmittedFile[] = [{ path: 'README.md', content: readFileSync(path.join(root, 'README.md'), 'utf8') }];
  for (const f of readdirSync(path.join(root, 'src')).sort()) files.push({ path: `src/${f}`, content: readFileSync(path.join(root, 'src', f), 'utf8') });
  return { packageName: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).name, files };
}

function emitted(source: string): { folder: string; packageName: string; files: EmittedFile[] } {
  const { view, files } = emitService(loadIR([source]).ir.services[0]!, handlebarsRenderer(), { generator: '0.0.0', runtime: '0.0.0', typescript: '0.0.0' });
  return { folder: view.folder, packageName: view.packageName, files };
}

describe('README snippets compile under --strict', () => {
  test.for(readdirSync('generated').sort())('generated/%s', { timeout: 120_000 }, (folder) => {
    const { packageName, files } = committed(folder);
    const { snippets, errors } = check(folder, packageName, files);
    expect(snippets).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  test('DynamoDB from boto3 pages (fixture)', { timeout: 120_000 }, () => {
    const { folder, packageName, files } = emitted('test/fixtures/boto3-helpers/dynamodb');
    expect(check(folder, packageName, files).errors).toEqual([]);
  });

  test.for(['dynamodb', 'ecs'])('corpus %s', { timeout: 180_000 }, (name, ctx) => {
    const file = path.join('corpus', 'services', `${name}.rst`);
    ctx.skip(!existsSync(file), `${file} is not built (scripts/conformance-corpus ${name}; git-ignored, CI builds it)`);
    const { folder, packageName, files } = emitted(file);
    const { snippets, errors } = check(folder, packageName, files);
    expect(snippets).toBeGreaterThan(50);
    expect(errors).toEqual([]);
    // Every operation's "See also" link of the page is under its README section.
    const page = readFileSync(file, 'utf8');
    const readme = files.find((f) => f.path === 'README.md')!.content;
    const links = (text: string) => new Set(text.match(/https:\/\/docs\.aws\.amazon\.com\/goto\/WebAPI\/[a-z0-9-]+\/[A-Za-z0-9_]+/g));
    // Resource pages' load()/reload() link to `…/None` (boto3 writes no operation there): no client method.
    const pageLinks = new Set([...links(page)].filter((l) => !l.endsWith('/None')));
    expect(pageLinks.size).toBeGreaterThan(30);
    expect(links(readme)).toEqual(pageLinks);
  });

  test('a snippet that does not compile is reported at its line', { timeout: 120_000 }, () => {
    const { folder, packageName, files } = emitted('test/fixtures/boto3-helpers/dynamodb');
    // What the example builder wrote before issue 18: a list of `undefined` and every AttributeValue member.
    const bad = { path: 'src/readme-bad.ts', content: "import type { QueryRequest } from './index.js';\nexport const q: QueryRequest = { TableName: 't', ExclusiveStartKey: { k: { SS: [undefined] } } };\n" };
    expect(check(folder, packageName, files, [bad]).errors).toEqual([expect.stringMatching(/^src\/readme-bad\.ts:2:\d+: Type 'undefined' is not assignable to type 'string'\.$/)]);
  });
});
