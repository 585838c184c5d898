/**
 * Hostile docs read from pages (issue 8, the readers' half): `test/fixtures/hostile/hostile/` is a
 * service folder of two boto3 RST pages whose text holds comment closers, template syntax,
 * `</script>`, quotes, backslashes, U+2028/U+2029 and control characters, and whose operations
 * and members are named `delete`, `constructor`, `default`, `class`, `__proto__`, `prototype`,
 * `toString`, `my-name`, `a.b`, `with space`, `1leading`, `Name`/`name`. The IR must keep every
 * wire name exactly (the emitter's tests take it from there).
 */
import { describe, expect, it } from 'vitest';
import type { StructureShape } from '../../generator/ir/model.ts';
import { linksOf } from '../../generator/ir/links.ts';
import { validateIR } from '../../generator/ir/validate.ts';
import { loadIR } from '../../generator/pipeline/load-ir.ts';

const { ir, diagnostics } = loadIR(['test/fixtures/hostile']);
const service = ir.services[0]!;
const structure = (id: string) => service.shapes[id] as StructureShape;

describe('hostile pages', () => {
  it('read without a diagnostic into a valid IR', () => {
    expect(diagnostics).toEqual([]);
    expect(validateIR(ir)).toEqual([]);
    expect(service.id).toBe('hostile');
  });

  it('keep operation wire names and methods that are reserved words', () => {
    expect(service.operations.map((o) => [o.name, o.method])).toEqual([
      ['Constructor', 'constructor'],
      ['Delete', 'delete'],
    ]);
  });

  it('keep every member name exactly, in page order — __proto__ included, as an own member', () => {
    const request = structure('DeleteRequest').members;
    expect(Object.keys(request)).toEqual(['default', 'delete', 'class', 'constructor', '__proto__', 'prototype', 'toString', 'Name', 'name', 'Quote', 'Weird']);
    // Found by this fixture: `members[name] = …` with name "__proto__" set the record's prototype instead.
    expect(Object.getPrototypeOf(request)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(request, '__proto__')).toBe(true);
    expect(request.default!.required).toBe(true);
    expect(Object.keys(structure('Weird').members)).toEqual(['my-name', 'a.b', 'with space', '1leading', '__proto__', 'constructor']);
    expect(Object.keys(structure('DeleteResponse').members)).toEqual(['toString', '__proto__', 'valueOf']);
    expect(Object.keys(structure('ConstructorRequest').members)).toEqual(['hasOwnProperty']);
  });

  it('keep enum values with quotes and backslashes exactly', () => {
    expect(service.shapes.Quote).toEqual({ type: 'string', enum: ["it's", 'say "hi"', 'back\\slash', '*/'] });
  });

  it('keep hostile text in the documentation (escaping is the emitter’s job), minus RST markup', () => {
    const doc = service.operations[1]!.documentation;
    for (const piece of ['${process.exit(1)}', '{{template}}', '{{{raw}}}', '</script><script>alert(1)</script>', '"double"', "'single'", '\x01\x1b']) {
      expect(doc).toContain(piece);
    }
    // RST's own rules: `*…*` is emphasis, a backslash escapes, and line separators are whitespace.
    expect(doc).toContain('Ends a comment / opens one / runs');
    expect(doc).toContain('backslash line separator paragraph separator');
    expect(structure('Weird').members['my-name']!.documentation).toBe(doc);
  });

  it('keep a link only when its target is http(s) and neither target nor text could end a comment or tag', () => {
    const doc = service.operations[0]!.documentation;
    expect(linksOf(doc)).toEqual([{ text: 'Safe Guide', url: 'https://docs.aws.amazon.com/guide/x.html#Y' }]);
    // The others keep their text, without their targets.
    expect(doc).toContain('Links: [Safe Guide](https://docs.aws.amazon.com/guide/x.html#Y), script, closer, brace, at, quote, a}b */ c.');
  });
});
