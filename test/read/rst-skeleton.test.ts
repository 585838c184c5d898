import { describe, expect, it } from 'vitest';
import { rstSkeleton } from '../../generator/read/rst-skeleton.ts';

const page = [
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
  '  **Request Syntax**',
  '  ::',
  '',
  '    response = client.list_streams(',
  '        Limit=123',
  '    )',
].join('\n');

describe('rstSkeleton', () => {
  it('blanks the breadcrumb and title before the first directive (they bound no directive) and keeps the lines mapped', () => {
    const skeleton = rstSkeleton(page)!;
    const lines = skeleton.text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['', '', '', '', '', '']);
    expect(lines[6]).toBe('.. py:method:: Kinesis.Client.list_streams(**kwargs)');
    // The body, deeper than the (only) directive line, is one placeholder standing for lines 9-16.
    expect(lines.slice(7)).toEqual(['', '  x']);
    expect(skeleton.first.slice(0, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(skeleton.last[8]).toBe(16);
  });

  it('keeps what precedes a directive that a blank line does not separate from it (it could continue that text)', () => {
    const glued = page.replace('list_streams\n************\n\n.. py:', 'list_streams\n************\n.. py:');
    const lines = rstSkeleton(glued)!.text.split('\n');
    expect(lines.slice(0, 5)).toEqual(glued.split('\n').slice(0, 5));
  });

  it('keeps what precedes a first directive that is indented (it may sit inside what precedes it)', () => {
    const indented = page.replace('\n.. py:method::', '\n  .. py:method::');
    expect(rstSkeleton(indented)!.text.split('\n')[0]).toBe(':doc:`Kinesis <../../kinesis>` / Client / list_streams');
  });
});
