/**
 * A page whose lines alone decide where its one top-level `py:` directive runs is read without the
 * reStructuredText parser (`soleDirective`): on every real RST page of the fixtures and seeds, that
 * reading is the one the parser's structure gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesBelow } from '../../generator/files-below.ts';
import { isBoto3Rst, readBoto3RstChunk, requireDirectives, soleDirective } from '../../generator/read/boto3-rst.ts';
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

describe('soleDirective', () => {
  it('a per-method page: from the directive line to the last non-blank line', () => {
    expect(soleDirective(method)).toEqual({ first: 7, last: 11 });
  });

  it('none when a line after the directive is at column 0, when a blank line does not precede it, or with a carriage return', () => {
    expect(soleDirective(`${method}Paginators\n`)).toBeUndefined();
    expect(soleDirective(method.replace('************\n\n.. py:', '************\n.. py:'))).toBeUndefined();
    expect(soleDirective(method.replace('\n\n  Lists', '\r\n\r\n  Lists'))).toBeUndefined();
    expect(soleDirective(method.replace('.. py:method:: Kinesis', '.. py:method::Kinesis'))).toBeUndefined();
  });

  it('none for a page whose first directive is indented, or without a directive', () => {
    expect(soleDirective(method.replace('\n.. py:method::', '\n  .. py:method::'))).toBeUndefined();
    expect(soleDirective('Title\n=====\n\ntext\n')).toBeUndefined();
  });
});

describe('pages read without the parser read as with it', () => {
  // About what is read, not time: no budget a loaded machine could overrun.
  beforeAll(() => overrideParseBudget(600_000));
  afterAll(() => overrideParseBudget(undefined));

  it(`every real RST page of the seeds and fixtures (${pages.length}) gives the same reading either way`, () => {
    let sole = 0;
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      if (!isBoto3Rst(text)) continue;
      if (soleDirective(text)) sole++;
      expect(read(text, file, 'when-needed'), file).toEqual(read(text, file, 'always'));
    }
    // Most of them are per-method pages, which the reader reads without a parse.
    console.log("SOLE", sole);
    expect(sole).toBeGreaterThan(40);
  });
});
