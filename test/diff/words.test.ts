/**
 * The word-level before/after of documentation changes: which words are marked, how much context is
 * kept, what is escaped, and the fallback for texts too different to diff word by word.
 */
import { describe, expect, test } from 'vitest';
import { MAX_EDITS, wordDiff, wordDiffMarkdown } from '../../generator/diff/words.ts';

describe('wordDiff', () => {
  test('marks only the changed words; white space runs read as one space', () => {
    expect(wordDiff('Returns the\n   table status.', 'Returns the current table status.')).toEqual([
      { kind: 'same', text: 'Returns the ' },
      { kind: 'added', text: 'current ' },
      { kind: 'same', text: 'table status.' },
    ]);
  });

  test('long unchanged runs keep a few words of context on the side of each change', () => {
    const words = (from: number, n: number) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
    const before = `${words(0, 20)} old ${words(20, 20)}`;
    const after = `${words(0, 20)} new ${words(20, 20)}`;
    expect(wordDiffMarkdown(wordDiff(before, after, 3))).toBe('… w17 w18 w19 <del>old</del><ins>new</ins> w20 w21 w22 …');
  });

  test('Markdown: page text cannot open tags, code or emphasis', () => {
    expect(wordDiffMarkdown(wordDiff('Use `a` *or* <b>', 'Use `b` *or* <b>'))).toBe('Use \\`<del>a</del><ins>b</ins>\\` \\*or\\* &lt;b&gt;');
  });

  test(`past ${MAX_EDITS} edits the texts are shown replaced whole`, () => {
    const many = (p: string) => Array.from({ length: MAX_EDITS + 10 }, (_, i) => `${p}${i}`).join(' ');
    expect(wordDiff(many('a'), many('b')).map((p) => p.kind)).toEqual(['removed', 'added']);
  });
});
