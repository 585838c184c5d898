import { describe, expect, it } from 'vitest';
import {
  LiteralSyntaxError,
  MAX_LITERAL_DEPTH,
  parseRequestSyntax,
  parseResponseSyntax,
} from '../../../generator/read/syntax/python-literal.ts';

describe('parseRequestSyntax', () => {
  it('reads the method and keyword arguments in order', () => {
    const r = parseRequestSyntax("response = client.get_connection(\n    Catalog='string',\n    Identifier='string'\n)");
    expect(r.method).toBe('get_connection');
    expect(r.args.map((a) => a.key)).toEqual(['Catalog', 'Identifier']);
    expect(r.args[1]!.at).toEqual({ line: 3, column: 5 });
  });

  it('accepts a call without arguments and a trailing comma', () => {
    expect(parseRequestSyntax('response = client.list_things()').args).toEqual([]);
    expect(parseRequestSyntax("client.op(A=123,)").args.map((a) => a.value.kind)).toEqual(['integer']);
  });
});

describe('parseResponseSyntax', () => {
  // One table of given literal → wanted kind, in the style of openapi-typescript's tests.
  const table: [string, string][] = [
    ["'string'", 'string'],
    ["'A'|'B'", 'alternatives'],
    ['123', 'integer'],
    ['123.0', 'float'],
    ['True|False', 'alternatives'],
    ['datetime(2015, 1, 1)', 'call'],
    ["b'bytes'", 'bytes'],
    ['StreamingBody()', 'call'],
    ['...', 'ellipsis'],
    ["{'... recursive ...'}", 'recursive'],
    ["{...}|[...]|123|123.4|'string'|True|None", 'alternatives'],
    ["[ 'string', ]", 'list'],
    ["{ 'string': { 'Id': 'string' } }", 'dict'],
  ];
  it.each(table)('reads %s as %s', (given, want) => {
    expect(parseResponseSyntax(given).kind).toBe(want);
  });

  it('keeps enum values and dict keys exactly', () => {
    const v = parseResponseSyntax("{ 'status': 'AVAILABLE'|'MAINTENANCE_IN_PROGRESS', 'x-y': 1 }");
    expect(v.kind).toBe('dict');
    if (v.kind !== 'dict') return;
    expect(v.entries.map((e) => e.key)).toEqual(['status', 'x-y']);
    const status = v.entries[0]!.value;
    expect(status.kind === 'alternatives' && status.options.map((o) => (o.kind === 'string' ? o.value : o.kind))).toEqual([
      'AVAILABLE',
      'MAINTENANCE_IN_PROGRESS',
    ]);
  });

  it('reports a missing colon with its position', () => {
    expect(() => parseResponseSyntax("{\n  'a' 'string'\n}")).toThrow(LiteralSyntaxError);
    try {
      parseResponseSyntax("{\n  'a' 'string'\n}");
    } catch (e) {
      expect((e as LiteralSyntaxError).at).toEqual({ line: 2, column: 7 });
      expect((e as Error).message).toBe(`expected ":" after key 'a', found 'string'`);
    }
  });

  it('reports an unterminated string and a truncated block', () => {
    expect(() => parseResponseSyntax("{ 'a': 'str")).toThrow(/unterminated string/);
    expect(() => parseResponseSyntax("{ 'a': [ 'string',")).toThrow(/expected a value, found the end of the block/);
  });

  it('refuses nesting deeper than the bound instead of overflowing the stack', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(() => parseResponseSyntax(deep)).toThrow(`nesting deeper than ${MAX_LITERAL_DEPTH} levels`);
  });
});
