/**
 * Links inside documentation text (docs/ir.md, "Documentation"): written as Markdown `[text](url)`,
 * the one piece of markup the clean text keeps. Docs are untrusted, so a link is kept only when its
 * target is an http(s) URL and neither target nor text holds anything that could end a comment, a
 * TSDoc tag, a Markdown link or a line (`*`, `}`, `]`, `)`, backticks, whitespace, …); otherwise only
 * the link text stays, as text renderings (which show no targets) give it.
 *
 * @packageDocumentation
 */

/** A link target that is safe everywhere documentation lands: http(s), no character that ends anything. */
const SAFE_URL = /^https?:\/\/[A-Za-z0-9\-._~%:/?#=&+,;!$]+$/;

/** Link text that cannot end a Markdown link or a TSDoc tag, open code, or break a line. */
const SAFE_TEXT = /^[^\[\]{}`\n\r\u2028\u2029*\\<>@|]+$/;

/** A kept link in documentation text. */
const LINK = /\[([^\[\]\n]+)\]\((https?:\/\/[^\s()]+)\)/g;

/** One link of documentation text. */
export interface DocLink {
  text: string;
  url: string;
}

/**
 * The documentation form of a link the page gives as `text` pointing at `url`: `[text](url)` when both
 * are safe (see the module's note), else `text` alone. Surrounding whitespace of the text is dropped.
 */
export function docLink(text: string, url: string): string {
  const t = text.trim();
  if (!t || !SAFE_URL.test(url) || !SAFE_TEXT.test(t) || t.includes('*/')) return t;
  return `[${t}](${url})`;
}

/** Whether `url` is a link target documentation may carry. */
export function isSafeLinkUrl(url: string): boolean {
  return SAFE_URL.test(url);
}

/** The documentation text with each link replaced by its text: what a rendering without targets shows. */
export function linkTextOnly(documentation: string): string {
  return documentation.replace(LINK, (m, text: string, url: string) => (SAFE_URL.test(url) && SAFE_TEXT.test(text) ? text : m));
}

/** The links of documentation text, in order. */
export function linksOf(documentation: string): DocLink[] {
  const out: DocLink[] = [];
  for (const m of documentation.matchAll(LINK)) {
    if (SAFE_URL.test(m[2]!) && SAFE_TEXT.test(m[1]!)) out.push({ text: m[1]!, url: m[2]! });
  }
  return out;
}

/**
 * Documentation text cut into text and link segments, in order (what emitters escape and render
 * separately). Text segments are everything between the links, verbatim.
 */
export function docSegments(documentation: string): ({ text: string } | DocLink & { link: true })[] {
  const out: ({ text: string } | (DocLink & { link: true }))[] = [];
  let at = 0;
  for (const m of documentation.matchAll(LINK)) {
    if (!SAFE_URL.test(m[2]!) || !SAFE_TEXT.test(m[1]!)) continue;
    if (m.index > at) out.push({ text: documentation.slice(at, m.index) });
    out.push({ link: true, text: m[1]!, url: m[2]! });
    at = m.index + m[0].length;
  }
  if (at < documentation.length) out.push({ text: documentation.slice(at) });
  return out;
}
