/**
 * Hostile docs (issue 8): page text full of comment closers, template syntax and control characters,
 * names that are reserved words, prototype keys, not identifiers, or differ only by case. The package
 * must compile, keep every wire name exactly, keep page text inside comments, and import cleanly
 * (compiling and importing: hostile.slow.test.ts, full tier).
 */
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateIR } from '../../generator/ir/validate.ts';
import { EVIL_ENUM, EVIL_MEMBERS, hostileIR } from './fixtures/hostile-ir.ts';
import { renderOrThrow, type GeneratedPackage } from './helpers.ts';

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

  test('a documentation link becomes {@link url | text} only when safe; no link target or text breaks out', () => {
    for (const f of ['src/types.ts', 'src/client.ts', 'src/errors.ts']) {
      const { comments } = tokens(file(f));
      const tags = comments.flatMap((c) => [...c.matchAll(/\{@link ([^}]*)\}/g)].map((m) => m[1]!));
      // The emitter's own `@throws {@link Class}` and `@see {@link url | API reference}`, and the one safe page link.
      for (const t of tags) expect(t, f).toMatch(/^(?:[A-Za-z_$][\w$]*|https:\/\/docs\.aws\.amazon\.com\/[\w./#-]+ \| [\w ]+)$/);
      const pageLinks = tags.filter((t) => t.endsWith('| Safe Guide'));
      if (f !== 'src/errors.ts') expect(pageLinks.length, f).toBeGreaterThan(0);
      for (const c of comments.filter((x) => x.includes('Safe Guide'))) {
        expect(c.slice(3, -2), 'comment closes early').not.toContain('*/');
        expect(c).toContain('{@link https://docs.aws.amazon.com/guide/x.html#Y | Safe Guide}');
        expect(c).toContain('[js](javascript:alert(2))');
        expect(c).toContain('[a}b \\@c *\\/ d](https://e.com/ok)');
      }
    }
    // In the README, outside code blocks (where `//` lines keep the link text only), the safe link alone.
    const outsideCode = file('README.md').replace(/^```[a-z]*\n[\s\S]*?^```$/gm, '');
    expect(outsideCode).toContain('Links: [Safe Guide](https://docs.aws.amazon.com/guide/x.html#Y)\n');
    expect(outsideCode).not.toMatch(/\]\((?!https:\/\/docs\.aws\.amazon\.com\/)/);
  });

  test('names are safe identifiers, collision-free, and case-distinct shapes get distinct types', () => {
    const types = file('src/types.ts');
    expect(types).toMatch(/export interface Item \{/);
    expect(types).toMatch(/export interface Item2 \{/); // shape `item`
    expect(types).toMatch(/export interface Object_ \{/); // shape `Object`
    expect(types).toMatch(/export interface Proto \{/); // shape `__proto__`
    expect(types).toMatch(/export interface ValidationError2 \{/); // the runtime's name is taken
    const errors = file('src/errors.ts');
    // The class name is a safe, free identifier; its literal `name` stays the code the service sends.
    expect(errors).toMatch(/export class ValidationError3 extends DefaultServiceError \{\n.*\n  override readonly name = 'ValidationError';/);
    expect(errors).toMatch(/export class EvilException extends DefaultServiceError \{\n/);
    expect(errors).toMatch(/export class Default extends DefaultServiceError \{\n/);
    const client = file('src/client.ts');
    expect(client).toMatch(/export class DefaultClient \{/);
    expect(client).toMatch(/\n  constructor_\(/);
    expect(client).toMatch(/\n  delete_\(/);
    expect(client).toContain("'Evil*/Exception': EvilException");
  });
});
