/**
 * Hostile docs (issue 8): page text full of comment closers, template syntax and control characters,
 * names that are reserved words, prototype keys, not identifiers, or differ only by case. The package
 * must compile, keep every wire name exactly, keep page text inside comments, and import cleanly.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { typeCheckPackage } from '../../generator/emit/check-types.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { EVIL_ENUM, EVIL_MEMBERS, hostileIR } from './fixtures/hostile-ir.ts';
import { bundlePackage, problemsOf, renderOrThrow, tempDir, writePackage, type GeneratedPackage } from './helpers.ts';

let pkg: GeneratedPackage;
const file = (p: string) => pkg.files.find((f) => f.path === p)!.content;

beforeAll(async () => {
  expect(validateIR(hostileIR)).toEqual([]);
  [pkg] = (await renderOrThrow(hostileIR)) as [GeneratedPackage];
});

/** Every comment and every string literal of a TypeScript file, via the real scanner. */
function tokens(text: string): { comments: string[]; strings: string[]; identifiers: string[] } {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true);
  const comments: string[] = [];
  const strings: string[] = [];
  const identifiers: string[] = [];
  const visit = (node: ts.Node) => {
    for (const r of ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []) comments.push(text.slice(r.pos, r.end));
    if (ts.isStringLiteral(node)) strings.push(node.text);
    if (ts.isIdentifier(node)) identifiers.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { comments, strings, identifiers };
}

describe('hostile-docs fixture', () => {
  test('the package type-checks under strict', () => {
    expect(typeCheckPackage(pkg.folder, pkg.files)).toEqual([]);
  });

  test('every wire name and enum value survives exactly, as a property key or string literal', () => {
    const types = tokens(file('src/types.ts'));
    const schema = tokens(file('src/schema.ts'));
    const keys = new Set([...types.identifiers, ...types.strings]);
    for (const m of EVIL_MEMBERS) {
      expect(keys.has(m), `types.ts key ${m}`).toBe(true);
      expect(schema.strings.includes(m) || schema.identifiers.includes(m), `schema.ts key ${m}`).toBe(true);
    }
    for (const v of EVIL_ENUM) expect(types.strings, `enum value ${JSON.stringify(v)}`).toContain(v);
    // `__proto__` keys are computed, so object literals create a property instead of setting a prototype.
    expect(file('src/schema.ts')).toContain("['__proto__']: { target: 'String' }");
    expect(file('src/schema.ts')).not.toMatch(/[^'[]__proto__:/);
  });

  test('page text lands only inside comments, escaped; none of it is code', () => {
    for (const f of ['src/types.ts', 'src/client.ts', 'src/errors.ts', 'src/validators.ts']) {
      const text = file(f);
      const { comments } = tokens(text);
      const code = comments.reduce((t, c) => t.replace(c, ''), text);
      expect(code, f).not.toContain('alert(1)');
      expect(code, f).not.toContain('process.exit');
      expect(code, f).not.toContain('</script>');
      expect(text, f).not.toMatch(/[\u2028\u2029\u0000\u0007]/);
      const evil = comments.filter((c) => c.includes('alert(1)'));
      if (f === 'src/types.ts' || f === 'src/client.ts') expect(evil.length, f).toBeGreaterThan(0);
      for (const c of evil) {
        expect(c.slice(3, -2), 'comment closes early').not.toContain('*/');
        expect(c).toContain('*\\/ alert(1)');
        expect(c).not.toMatch(/^\s*\*\s*@deprecated fake/m);
      }
    }
    // In the README, page text is prose-free: only `//` comment lines inside fenced code blocks carry it,
    // where Markdown shows it as text.
    const readme = file('README.md');
    const outsideCode = readme.replace(/^```[a-z]*\n[\s\S]*?^```$/gm, '');
    expect(outsideCode).not.toContain('<script>');
    expect(outsideCode).not.toContain('alert(1)');
    const carrying = readme.split('\n').filter((l) => l.includes('alert(1)'));
    expect(carrying.length).toBeGreaterThan(0);
    for (const l of carrying) expect(l).toMatch(/^\/\/ /);
  });

  test('names are safe identifiers, collision-free, and case-distinct shapes get distinct types', () => {
    const types = file('src/types.ts');
    expect(types).toMatch(/export interface Item \{/);
    expect(types).toMatch(/export interface Item2 \{/); // shape `item`
    expect(types).toMatch(/export interface Object_ \{/); // shape `Object`
    expect(types).toMatch(/export interface Proto \{/); // shape `__proto__`
    expect(types).toMatch(/export interface ValidationError2 \{/); // the runtime's name is taken
    const errors = file('src/errors.ts');
    expect(errors).toMatch(/export class ValidationError3 extends DefaultServiceError \{\}/);
    expect(errors).toMatch(/export class EvilException extends DefaultServiceError \{\}/);
    expect(errors).toMatch(/export class Default extends DefaultServiceError \{\}/);
    const client = file('src/client.ts');
    expect(client).toMatch(/export class DefaultClient \{/);
    expect(client).toMatch(/\n  constructor_\(/);
    expect(client).toMatch(/\n  delete_\(/);
    expect(client).toContain("'Evil*/Exception': EvilException");
  });

  test('the emitted module imports without side effects, and its validators keep exact wire names', async () => {
    const dir = tempDir();
    const pkgDir = writePackage(dir, pkg);
    const out = path.join(dir, 'bundle');
    mkdirSync(out);
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const mod = await import(await bundlePackage(pkgDir, out));
    expect(Object.getOwnPropertyNames(globalThis).filter((n) => !before.has(n))).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);

    expect(Object.isFrozen(mod.Kind)).toBe(true);
    expect(Object.hasOwn(mod.Kind, '__proto__')).toBe(true);
    expect(mod.Kind["it's"]).toBe("it's");

    const input = JSON.parse(
      '{"default":"x","__proto__":5,"constructor":7,"a-b":1,"1st":"ok","items":[{"Key":"k"},{"prototype":2}],"choice":{"delete":"d","A-B":1}}',
    );
    expect(problemsOf(() => mod.validateDeleteInput(input))).toEqual([
      { path: '__proto__', message: 'expected string' },
      { path: 'constructor', message: 'expected string' },
      { path: '["a-b"]', message: 'expected string' },
      { path: 'items[1].Key', message: 'required' },
      { path: 'items[1].prototype', message: 'expected string' },
      { path: 'choice', message: 'exactly one of delete, __proto__, A-B must be set, found 2' },
    ]);
    // An inherited `constructor` or `toString` is not a member that is set.
    expect(() => mod.validateDeleteInput({ default: 'x' })).not.toThrow();
    const visited = mod.visitChoice(JSON.parse('{"__proto__":{"Key":"k"}}'), {
      delete: () => 'delete',
      ['__proto__']: (v: { Key: string }) => `proto ${v.Key}`,
      'A-B': () => 'ab',
      SDK_UNKNOWN_MEMBER: (n: string) => `unknown ${n}`,
    });
    expect(visited).toBe('proto k');
  });
});
