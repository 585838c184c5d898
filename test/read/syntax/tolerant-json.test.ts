import { describe, expect, it } from 'vitest';
import { parseTolerantJson, type JsonNode } from '../../../generator/read/syntax/tolerant-json.ts';

/** The entries of an object node, or a failure. */
function entries(node: JsonNode | undefined) {
  if (!node || node.kind !== 'object') throw new Error(`expected an object, got ${node?.kind}`);
  return node.entries;
}

describe('tolerant JSON reader', () => {
  it('reads valid JSON without repairs, keeping integers apart from floats', () => {
    const r = parseTolerantJson('{"a": 1, "b": 1.5, "c": "x", "d": [true, null]}');
    expect(r.repairs).toEqual([]);
    expect(r.problems).toEqual([]);
    const [a, b, c, d] = entries(r.value);
    expect(a!.value).toMatchObject({ kind: 'number', integer: true, value: 1 });
    expect(b!.value).toMatchObject({ kind: 'number', integer: false, value: 1.5 });
    expect(c!.value).toMatchObject({ kind: 'string', value: 'x' });
    expect(d!.value).toMatchObject({ kind: 'array', items: [{ kind: 'boolean', value: true }, { kind: 'null' }] });
  });

  it('repairs a missing comma between members on separate lines, at the end of the first member', () => {
    const r = parseTolerantJson('{\n  "createdTime":"2018-08-03 20:38:43"\n  "expiredTime":null\n}');
    expect(r.problems).toEqual([]);
    expect(r.repairs).toEqual([{ kind: 'missing-comma', message: 'missing comma after member "createdTime"', at: { line: 2, column: 38 } }]);
    expect(entries(r.value).map((e) => e.key)).toEqual(['createdTime', 'expiredTime']);
  });

  it('repairs a missing comma after a list closes (the list example of the seed)', () => {
    const r = parseTolerantJson('{"peerConns":[\n {"a":1}\n]\n"marker":"m"}');
    expect(r.repairs.map((x) => [x.kind, x.at.line])).toEqual([['missing-comma', 3]]);
    expect(entries(r.value).map((e) => e.key)).toEqual(['peerConns', 'marker']);
  });

  it('reads a bare identifier as a placeholder value and records it', () => {
    const r = parseTolerantJson('{"expiredTime":expiredTime}');
    expect(entries(r.value)[0]!.value).toMatchObject({ kind: 'identifier', name: 'expiredTime', at: { line: 1, column: 16 } });
    expect(r.repairs).toEqual([{ kind: 'bare-identifier', message: 'bare identifier expiredTime read as a placeholder value', at: { line: 1, column: 16 } }]);
  });

  it('records tabs used as indentation and raw tabs inside strings', () => {
    const r = parseTolerantJson('{\n\t"a":"x\ty"\n}');
    expect(r.repairs.map((x) => [x.kind, x.message, x.at.line, x.at.column])).toEqual([
      ['tab', 'tab used as whitespace', 2, 1],
      ['tab', 'raw tab inside a string', 2, 8],
    ]);
    expect(entries(r.value)[0]!.value).toMatchObject({ kind: 'string', value: 'x\ty' });
  });

  it('repairs trailing commas in objects and lists', () => {
    const r = parseTolerantJson('{"a":[1,2,],}');
    expect(r.repairs.map((x) => [x.kind, x.at.column])).toEqual([
      ['trailing-comma', 10],
      ['trailing-comma', 12],
    ]);
    expect(entries(r.value)[0]!.value).toMatchObject({ kind: 'array', items: [{ value: 1 }, { value: 2 }] });
  });

  it('repairs unquoted keys, single quotes and line comments', () => {
    const r = parseTolerantJson("{ a: 'x', // note\n b: 2 }");
    expect(r.repairs.map((x) => x.kind)).toEqual(['unquoted-key', 'single-quotes', 'comment', 'unquoted-key']);
    expect(entries(r.value).map((e) => [e.key, e.value.kind])).toEqual([
      ['a', 'string'],
      ['b', 'number'],
    ]);
  });

  it('reports a member without a value as unrepairable, with its position, and gives no value', () => {
    const r = parseTolerantJson('{\n  "status": ,\n  "x": 1\n}');
    expect(r.value).toBeUndefined();
    expect(r.problems).toEqual([{ message: 'member "status" has no value', at: { line: 2, column: 13 } }]);
  });

  it('reports an unterminated string and an unclosed object at their start', () => {
    expect(parseTolerantJson('{"a": "abc\n}').problems).toEqual([{ message: 'unterminated string', at: { line: 1, column: 7 } }]);
    expect(parseTolerantJson('{\n "a": 1,\n "b": 2\n').problems).toEqual([{ message: 'object not closed: expected "}"', at: { line: 1, column: 1 } }]);
  });

  it('reports text after the value and empty input', () => {
    expect(parseTolerantJson('{} }').problems[0]!.message).toBe('unexpected "}" after the end of the JSON value');
    expect(parseTolerantJson('   ').problems[0]!.message).toBe('expected a JSON value, found nothing');
  });

  it('never throws on broken input: each gives no value and at least one problem', () => {
    for (const text of ['{', '[', '"', '{"a"', '{"a":', '[1 2 3', '@', '{"a":-}', '\u0000', '{{}}', ']']) {
      const r = parseTolerantJson(text);
      expect(r.value, text).toBeUndefined();
      expect(r.problems.length, text).toBeGreaterThan(0);
    }
  });
});
