/**
 * Rules of the templates and helpers: no triple-stash anywhere, every interpolation goes through an
 * escaping helper, and the helpers escape for where the text lands.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { lineCommentLines, markdownText, propertyKey, stringLiteral, tsdocLines } from '../../generator/emit/escape.ts';
import { camelCase, nameService } from '../../generator/emit/names.ts';
import { handlebarsRenderer, TEMPLATES_DIR, templateFiles } from '../../generator/emit/render.ts';
import { hostileIR } from './fixtures/hostile-ir.ts';

const HELPERS = new Set(['tsdoc', 'str', 'int', 'key', 'ident', 'md', 'pkg', 'jsonstr', 'tmpl', 'lineComment', 'url', 'linkUrl']);
// Helpers that write layout markers or fixed characters, never a value.
const LAYOUT = new Set(['line', 'softline', 'trailingComma', 'leadingPipe', 'fluid', 'lbrace', 'rbrace']);

/**
 * Where the templates below `dir` could write a value unescaped: a triple-stash, or a mustache that
 * is neither an escaping helper, a bare layout helper, a block/partial/comment nor fixed text.
 */
function unescapedOutput(dir: string): string[] {
  const offenders: string[] = [];
  for (const f of templateFiles(dir)) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    if (text.includes('{{{')) offenders.push(`${f}: triple-stash`);
    for (const m of text.matchAll(/\{\{~?\s*([^}]*?)\s*~?\}\}/g)) {
      const body = m[1]!;
      if (/^[#/>!]/.test(body) || body === 'else' || body.startsWith('else ')) continue;
      const head = body.split(/\s+/)[0]!;
      const fixedText = /^breakOnly "[()]"$/.test(body);
      if (!HELPERS.has(head) && !(LAYOUT.has(head) && head === body) && !fixedText) offenders.push(`${f}: {{${body}}}`);
    }
  }
  return offenders;
}

describe('templates', () => {
  const files = templateFiles();

  test('the template set is the expected one', () => {
    expect(files).toContain('src/client.ts.hbs');
    expect(files).toContain('partials/union.hbs');
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  test('no template uses triple-stash, and every value reaches output through an escaping helper', () => {
    expect(unescapedOutput(TEMPLATES_DIR)).toEqual([]);
  });

  test('a template that interpolated without a helper, or with triple-stash, would be caught', () => {
    // A copy of the real templates with three faults put in; the real folder is not touched.
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'docsdk-templates-')), 'templates');
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    expect(unescapedOutput(dir)).toEqual([]);
    appendFileSync(path.join(dir, 'partials/union.hbs'), 'x {{name}} y\n');
    appendFileSync(path.join(dir, 'src/client.ts.hbs'), '{{{raw}}}\n{{line member}}\n');
    expect(unescapedOutput(dir)).toEqual([
      'partials/union.hbs: {{name}}',
      'src/client.ts.hbs: triple-stash',
      'src/client.ts.hbs: {{{raw}}',
      'src/client.ts.hbs: {{line member}}',
    ]);
  });

  test('the renderer refuses a non-identifier where an identifier goes', () => {
    const r = handlebarsRenderer();
    expect(() => r.render('src/index.ts', {})).not.toThrow();
    expect(() => r.render('src/errors.ts', { errors: { baseError: 'a-b', errors: [] } })).toThrow(/not a safe identifier/);
  });
});

describe('escaping helpers', () => {
  test('TSDoc: comment closers, tags and line separators are neutralised', () => {
    expect(tsdocLines('a */ b /* c @param x {@link y}\u2028d\u0007')).toEqual(['a *\\/ b /\\* c \\@param x {\\@link y}', 'd']);
  });

  test("string literals: backslashes, newlines, U+2028 and layout markers escaped, quoted as Prettier quotes; ${ and ` stay inert", () => {
    const evil = 'a"b\\c\nd\u2028e</script>${x}`\uE001';
    const lit = stringLiteral(evil);
    // Single quotes unless the text has more single than double quotes (Prettier's choice).
    expect(lit).toBe("'a\"b\\\\c\\nd\\u2028e</script>${x}`\\uE001'");
    expect(new Function(`return ${lit};`)()).toBe(evil);
    const quoted = stringLiteral("it's");
    expect(quoted).toBe('"it\'s"');
    expect(stringLiteral(`'"'`)).toBe(`"'\\"'"`);
    for (const text of [evil, "it's", `'"'`, "a'b\"c'"]) expect(new Function(`return ${stringLiteral(text)};`)()).toBe(text);
  });

  test('property keys: identifiers bare, others quoted, __proto__ computed', () => {
    expect(propertyKey('Key')).toBe('Key');
    expect(propertyKey('default')).toBe('default');
    expect(propertyKey('a-b')).toBe("'a-b'");
    expect(propertyKey('1st')).toBe("'1st'");
    // Prettier unquotes any identifier name, ASCII or not.
    expect(propertyKey('café')).toBe('café');
    expect(propertyKey('__proto__')).toBe("['__proto__']");
    const obj = new Function(`return { ${propertyKey('__proto__')}: 1 };`)();
    expect(Object.hasOwn(obj, '__proto__')).toBe(true);
  });

  test('line comments: one `//` per line, control characters and markers dropped, blank runs collapsed', () => {
    expect(lineCommentLines('First line.\u2028Second */ ${x} ```\n\n\n\u0007\uE001Third  ')).toEqual([
      '// First line.',
      '// Second */ ${x} ```',
      '//',
      '// Third',
    ]);
    expect(lineCommentLines('  \n ')).toEqual([]);
  });

  test('Markdown: no HTML, no headings or fences from page text', () => {
    expect(markdownText('<script>x</script> & `code`')).toBe('&lt;script&gt;x&lt;/script&gt; &amp; \\`code\\`');
    expect(markdownText('# Heading')).toBe('\\# Heading');
    expect(markdownText('version 0.1.0')).toBe('version 0.1.0');
  });
});

describe('naming pass', () => {
  test('reserved words, runtime names, case twins and non-identifiers get distinct safe names', () => {
    const names = nameService(hostileIR.services[0]!);
    expect(names.client).toBe('DefaultClient');
    expect(names.types.get('Item')).toBe('Item');
    expect(names.types.get('item')).toBe('Item2');
    expect(names.types.get('Object')).toBe('Object_');
    expect(names.types.get('__proto__')).toBe('Proto');
    expect(names.types.get('ValidationError')).toBe('ValidationError2');
    expect(names.errors.get('ValidationError')).toBe('ValidationError3');
    expect(names.errors.get('default')).toBe('Default');
    expect(names.methods.get('Constructor')).toBe('constructor_');
    expect(names.methods.get('Delete')).toBe('delete_');
    expect(names.guards.get('Choice')).toEqual(new Map([['delete', 'isChoiceDelete'], ['__proto__', 'isChoiceProto'], ['A-B', 'isChoiceAB']]));
    const all = [names.client, names.config, names.baseError, ...names.types.values(), ...names.errors.values()];
    expect(new Set(all).size).toBe(all.length);
  });

  test('camelCase of operation names', () => {
    expect(camelCase('GetConnection')).toBe('getConnection');
    expect(camelCase('DescribeHostedConnections')).toBe('describeHostedConnections');
    expect(camelCase('list_peerconns')).toBe('listPeerconns');
  });
});
