/**
 * Links in documentation text (generator/ir/links.ts): kept as `[text](url)` only when both are safe
 * wherever documentation lands (a TSDoc comment, a `{@link}` tag, a Markdown link, a line comment).
 */
import { describe, expect, it } from 'vitest';
import { docLink, docSegments, linksOf, linkTextOnly } from '../../generator/ir/links.ts';

describe('docLink', () => {
  it('keeps an http(s) link as a Markdown link', () => {
    expect(docLink('Data Types', 'https://docs.aws.amazon.com/a/b.html#X.Y')).toBe('[Data Types](https://docs.aws.amazon.com/a/b.html#X.Y)');
    expect(docLink(' spaced ', 'http://example.com/?a=1&b=2')).toBe('[spaced](http://example.com/?a=1&b=2)');
    // ECS's "Amazon Resource Name (ARN)": brackets in the text end neither the link nor the tag.
    expect(docLink('Amazon Resource Name (ARN)', 'https://e.com/a')).toBe('[Amazon Resource Name (ARN)](https://e.com/a)');
  });

  it('keeps only the text of a link whose target is not http(s) or could end a comment, tag, link or line', () => {
    for (const url of ['javascript:alert(1)', 'mailto:a@b.c', 'ftp://x/', 'https://x/*/', 'https://x/}', 'https://x/`y`', 'https://x/a b', 'https://x/a\nb', 'https://x/)', 'https://x/]', 'https://x/\\', 'https://x/@', 'https://x/"', "https://x/'"]) {
      expect(docLink('text', url), url).toBe('text');
    }
  });

  it('keeps only the text when the text could end the tag or the link', () => {
    for (const text of ['a}b', 'a]b', 'a[b', '`code`', 'a*/b', 'a\nb', 'a|b', 'a@b', '<b>']) {
      expect(docLink(text, 'https://example.com/'), text).toBe(text.trim());
    }
  });
});

describe('reading documentation with links', () => {
  const doc = 'See [Data Types](https://e.com/dt) and [Limits](http://e.com/l?x=1) here. Not [a link](javascript:x) nor [x](https://e.com/*/).';

  it('lists the safe links in order', () => {
    expect(linksOf(doc)).toEqual([
      { text: 'Data Types', url: 'https://e.com/dt' },
      { text: 'Limits', url: 'http://e.com/l?x=1' },
    ]);
  });

  it('gives the link text alone, as a rendering without targets shows it', () => {
    expect(linkTextOnly(doc)).toBe('See Data Types and Limits here. Not [a link](javascript:x) nor [x](https://e.com/*/).');
  });

  it('cuts text into prose and link segments that join back to the text', () => {
    const segments = docSegments(doc);
    expect(segments.filter((s) => 'link' in s).map((s) => s.text)).toEqual(['Data Types', 'Limits']);
    expect(segments.map((s) => ('link' in s ? `[${s.text}](${s.url})` : s.text)).join('')).toBe(doc);
  });
});
