import { describe, expect, it } from 'vitest';
import { parseRstBounded, parseRstDirectivesBounded } from '../../generator/read/bounded-parse.ts';

const service = [
  'Title',
  '=====',
  '',
  '.. py:class:: Odb.Client',
  '',
  '  A low-level client.',
  '',
  '  .. py:method:: get_thing(**kwargs)',
  '',
  '    Gets a thing.',
  '',
  'Paginators',
  '==========',
  '',
  '.. py:class:: Odb.Paginator.ListThings',
  '',
  '  text',
  '',
].join('\n');

describe('parseRstDirectivesBounded', () => {
  it("answers with the top-level py: directives only, in order, with the parser's positions and arguments", () => {
    const parsed = parseRstDirectivesBounded(service, 600_000);
    expect(parsed).toEqual({
      doc: [
        { directive: 'py:class', start: { line: 4, offset: service.indexOf('.. py:class:: Odb.Client') }, end: { offset: expect.any(Number) }, argument: 'Odb.Client' },
        { directive: 'py:class', start: { line: 15, offset: service.indexOf('.. py:class:: Odb.Paginator') }, end: { offset: expect.any(Number) }, argument: 'Odb.Paginator.ListThings' },
      ],
    });
    // The same places as in the whole tree (found there under the sections).
    const tree = parseRstBounded(service, 600_000);
    if (!('doc' in tree) || !('doc' in parsed)) throw new Error('no parse');
    const sections = tree.doc.children!.filter((n) => n.type === 'section');
    const inTree = sections.flatMap((s) => s.children!.filter((n) => n.type === 'directive'));
    expect(parsed.doc.map((d) => d.end.offset)).toEqual(inTree.map((n) => n.position!.end.offset));
  });
});
