/**
 * The Baidu API-reference reader on small pages written for one rule each: where the URI and the
 * table place a parameter, query markers with and without braces, rows that do not split, a request
 * structure without its request line, the navigation tree alone — each problem at file:line:col.
 */
import { describe, expect, it } from 'vitest';
import { detectReader, readDocument } from '../../generator/read/registry.ts';

const page = (lines: string[]) => lines.join('\n') + '\n';

const CURRENT = (structure: string[], rows: string[], tail: string[] = []) =>
  page([
    'Resize widget',
    'Updated at:2025-10-16',
    'Description',
    'Resizes a widget.',
    'Request structure',
    'Plain Text',
    ...structure.map((l, i) => `${i + 1}${l}`),
    'Request parameters',
    '| Parameter name | Types | Whether required | Parameter location | Description |',
    '|---|---|---|---|---|',
    ...rows,
    'Response headers',
    'No special headers.',
    'Response parameters',
    'There are no special response parameters.',
    'Request example',
    'Plain Text',
    '1PUT /v1/widget/w-1?resize HTTP/1.1',
    'Response example',
    'Plain Text',
    '1HTTP/1.1 200 OK',
    ...tail,
  ]);

describe('Baidu API-reference pages, rule by rule', () => {
  it('is recognised by its request structure and read as baidu-api-text', () => {
    const text = CURRENT(['PUT /v{version}/widget/{widgetId}?resize HTTP/1.1'], ['| version | String | Yes | URL parameter | v. |']);
    expect(detectReader(text)?.format).toBe('baidu-api-text');
    const op = readDocument(text, 'w.txt').operations[0]!;
    expect(op.http).toEqual({ method: 'PUT', uri: '/v{version}/widget/{widgetId}', queryMarkers: ['resize'], members: { version: { location: 'path' }, widgetId: { location: 'path' } } });
    // {widgetId} has no row: a text path segment, required (the URI is not whole without it).
    expect(op.input.members.find((m) => m.name === 'widgetId')).toMatchObject({ type: { kind: 'string' }, required: true });
  });

  it('a URL parameter is where the request line puts it; a table location the request line contradicts is a warning at the row', () => {
    const text = CURRENT(
      ['GET /v{version}/widget?colour={colour}&size={size} HTTP/1.1'],
      ['| version | String | Yes | URL parameter | v. |', '| colour | String | No | URL parameter | c. |', '| size | Integer | No | RequestBody | s. |'],
    );
    const read = readDocument(text, 'w.txt');
    const op = read.operations[0]!;
    expect(op.http?.members).toEqual({ version: { location: 'path' }, colour: { location: 'query' }, size: { location: 'query' } });
    const row = text.split('\n').findIndex((l) => l.startsWith('| size')) + 1;
    expect(read.diagnostics).toContainEqual({
      file: 'w.txt',
      line: row,
      column: 1,
      severity: 'warning',
      message: '"Resize widget": the table places "size" in the body where the request line puts it in the query; the request line is used',
    });
  });

  it('a bare {action} is a member sent as a valueless key (marker); a key=value pair is a query member under the key', () => {
    const op = readDocument(CURRENT(['PUT /v1/widget/{widgetId}?{action}&tag={tagId} HTTP/1.1'], ['| action | String | Yes | Query | resize or shrink. |']), 'w.txt').operations[0]!;
    expect(op.http?.members?.action).toEqual({ location: 'query', marker: true });
    expect(op.http?.members?.tagId).toEqual({ location: 'query', name: 'tag' });
    expect(op.input.members.find((m) => m.name === 'tagId')?.required).toBeUndefined();
  });

  it('a row whose cells are not a parameter is a warning at its line, the others are read', () => {
    const text = CURRENT(['PUT /v1/widget HTTP/1.1'], ['| size | Integer | Maybe | RequestBody | s. |', '| two words | String | No | Query | x. |', '| colour | String | No | Query | c. |']);
    const read = readDocument(text, 'w.txt');
    const line = (s: string) => text.split('\n').findIndex((l) => l.startsWith(s)) + 1;
    const warnings = read.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.line}:${d.column}: ${d.message}`);
    expect(warnings).toContain(`${line('| size')}:1: "Resize widget": Request parameters: "Maybe" in the required column: expected Yes or No`);
    expect(warnings).toContain(`${line('| two words')}:1: "Resize widget": Request parameters: "two words" is not a parameter name`);
    const op = read.operations[0]!;
    expect(op.input.members.map((m) => `${m.name}:${m.required}`)).toEqual(['size:undefined', 'colour:false']);
  });

  it('a request structure without its request line is an error at its first line and column', () => {
    const text = CURRENT(['Host: bcc.bj.baidubce.com', 'Authorization: authorization string'], ['| version | String | Yes | URL parameter | v. |']);
    const read = readDocument(text, 'w.txt');
    const at = text.split('\n').indexOf('1Host: bcc.bj.baidubce.com') + 1;
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      { file: 'w.txt', line: at, column: 2, severity: 'error', message: '"Resize widget": Request structure: expected a request line "<METHOD> <URI template> HTTP/1.1"' },
    ]);
    expect(read.operations[0]!.http).toBeUndefined();
  });

  it('a page that ends before its response parameters: the part it ends in cut, the rest missing, an error at the last line', () => {
    const whole = CURRENT(['PUT /v1/widget HTTP/1.1'], ['| size | Integer | Yes | RequestBody | s. |']);
    const cut = whole.slice(0, whole.indexOf('| size | Integer | Y') + '| size | Integer | Y'.length);
    const read = readDocument(cut, 'w.txt');
    const op = read.operations[0]!;
    expect(op.incomplete).toEqual([
      { section: 'Request parameters', state: 'cut' },
      { section: 'Response headers', state: 'missing' },
      { section: 'Response parameters', state: 'missing' },
      { section: 'Request example', state: 'missing' },
      { section: 'Response example', state: 'missing' },
    ]);
    // The required cell is cut: unknown, never false; the type cell is whole.
    expect(op.input.members[0]).toMatchObject({ name: 'size', type: { kind: 'integer' }, required: undefined });
    expect(op.output).toBeUndefined();
    const last = cut.split('\n').length;
    expect(read.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column}`)).toEqual([`${last}:1`]);
  });

  it('the whole page has no gap, no error, and its output is the none note', () => {
    const read = readDocument(CURRENT(['PUT /v1/widget HTTP/1.1'], ['| size | Integer | Yes | RequestBody | s. |']), 'w.txt');
    expect(read.operations[0]!.incomplete).toBeUndefined();
    expect(read.operations[0]!.output).toEqual({ kind: 'structure', members: [] });
    expect(read.diagnostics).toEqual([]);
  });

  it("a page that is only the site's navigation tree: an error at its last line, no operation", () => {
    const text = ['General Description', '', 'VPC VPC', '', '  • API Reference', '    • ACL-Related Interfaces', '      • Add ACL rule', '      • Delete AC'].join('\n');
    expect(detectReader(text)?.format).toBe('baidu-api-text');
    const read = readDocument(text, 'nav.txt');
    expect(read.operations).toEqual([]);
    expect(read.diagnostics).toEqual([
      { file: 'nav.txt', line: 8, column: 1, severity: 'error', message: `only the site's navigation tree is shown (4 entries after "General Description"): the page's body is not reached (a page cut short?)` },
    ]);
  });

  it('a flattened row (older renderings) is split by what its columns hold, a location of two words included', () => {
    const text = [
      '百度智能云',
      '',
      'All Product Document',
      '',
      '          Virtual Private Cloud',
      '',
      '          Resize Widget',
      '',
      '          Request Structure',
      '',
      '          PUT /v{version}/widget/{widgetId}?{action} HTTP/1.1',
      '          Host: bcc.bj.baidubce.com',
      '',
      '          Request Parameter',
      '',
      '          Parameter name Type Required or not Parameter position Description',
      '          widgetId String Yes URL parameter The widget, as the console shows it.',
      '          action String Yes Query parameter resize or shrink',
      '          size int No RequestBody parameter The new size in GB.',
      '',
    ].join('\n');
    const op = readDocument(text, 'old.txt').operations[0]!;
    expect(op.title).toBe('Resize Widget');
    expect(op.input.members.map((m) => `${m.name}:${m.type.kind}:${m.required}:${m.documentation}`)).toEqual([
      'widgetId:string:true:The widget, as the console shows it.',
      'action:string:true:resize or shrink',
      'size:integer:false:The new size in GB.',
      'version:string:true:undefined',
    ]);
    expect(op.http?.members).toEqual({ widgetId: { location: 'path' }, action: { location: 'query', marker: true }, size: { location: 'body' }, version: { location: 'path' } });
  });
});
