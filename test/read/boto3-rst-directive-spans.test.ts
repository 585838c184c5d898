/**
 * A page whose lines alone decide where its top-level `py:` directives run is read without the
 * reStructuredText parser (`directiveSpans`): on every real RST page of the fixtures and seeds, that
 * reading is the one the parser's structure gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesBelow } from '../../generator/files-below.ts';
import { isBoto3Rst, readBoto3RstChunk, requireDirectives, directiveSpans } from '../../generator/read/boto3-rst.ts';
import { overrideParseBudget } from '../../generator/read/bounded-parse.ts';

const pages = ['specs', 'test/fixtures'].flatMap((dir) =>
  filesBelow(dir, { skip: (name) => name.startsWith('.'), regularOnly: true })
    .filter((f) => f.endsWith('.rst'))
    .map((f) => path.join(dir, f)),
);

const read = (text: string, file: string, parse: 'when-needed' | 'always') => {
  const page = readBoto3RstChunk({ text, firstLine: 1 }, file, { parse });
  requireDirectives(page);
  return page;
};

const method = [
  ':doc:`Kinesis <../../kinesis>` / Client / list_streams',
  '',
  '************',
  'list_streams',
  '************',
  '',
  '.. py:method:: Kinesis.Client.list_streams(**kwargs)',
  '',
  '  Lists your Kinesis data streams.',
  '',
  '  :rtype: dict',
  '  ',
  '',
].join('\n');

const span = (first: number, last: number, directive = 'py:method', argument = 'Kinesis.Client.list_streams(**kwargs)') => ({ directive, argument, first, last });

describe('directiveSpans', () => {
  it('a per-method page: from the directive line to the last non-blank line', () => {
    expect(directiveSpans(method)).toEqual([span(7, 11)]);
  });

  it('an index page: each directive at column 0 ends at the last non-blank line before the next line at column 0', () => {
    const index = `${method}These are the available methods:\n\n.. toctree::\n  :maxdepth: 1\n\n.. py:class:: Kinesis.Paginator.ListStreams\n\n  text\n`;
    expect(directiveSpans(index)).toEqual([span(7, 11), span(18, 20, 'py:class', 'Kinesis.Paginator.ListStreams')]);
  });

  it('none when the parser may see the lines otherwise', () => {
    // A line at column 0 right after a directive's body, with no blank line between.
    expect(directiveSpans(`${method.trimEnd()}\nParagraph\n`)).toBeUndefined();
    // A directive that a blank line does not separate from what precedes it, or that follows a "::" (a quoted literal block).
    expect(directiveSpans(method.replace('************\n\n.. py:', '************\n.. py:'))).toBeUndefined();
    expect(directiveSpans(method.replace('************\n\n.. py:', 'Example::\n\n.. py:'))).toBeUndefined();
    // A py: directive inside something else (here a note), or one not written as restructured recognises it.
    expect(directiveSpans(`${method}.. note::\n\n  .. py:method:: Kinesis.Client.other(**kwargs)\n`)).toBeUndefined();
    expect(directiveSpans(method.replace('.. py:method:: Kinesis', '.. py:method::Kinesis'))).toBeUndefined();
    // A carriage return, which the parser may take as a line break.
    expect(directiveSpans(method.replace('\n\n  Lists', '\r\n\r\n  Lists'))).toBeUndefined();
  });

  it('none for a page whose first directive is indented, or without a directive', () => {
    expect(directiveSpans(method.replace('\n.. py:method::', '\n  .. py:method::'))).toBeUndefined();
    expect(directiveSpans('Title\n=====\n\ntext\n')).toBeUndefined();
  });
});

describe('pages read without the parser read as with it', () => {
  // About what is read, not time: no budget a loaded machine could overrun.
  beforeAll(() => overrideParseBudget(600_000));
  afterAll(() => overrideParseBudget(undefined));

  it(`every real RST page of the seeds and fixtures (${pages.length}) gives the same reading either way`, () => {
    let spans = 0;
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      if (!isBoto3Rst(text)) continue;
      // Every one of these pages is read without the parser: a test of the readings' agreement, not of the parser alone.
      spans += directiveSpans(text)?.length ?? Number.NaN;
      expect(read(text, file, 'when-needed'), file).toEqual(read(text, file, 'always'));
    }
    // Whole-service files hold many top-level directives (cloudcontrol: its client class and paginators).
    expect(spans).toBeGreaterThan(pages.length);
  });
});
