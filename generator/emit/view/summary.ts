/**
 * The one-line summary a README example carries (`// Creates a backup for an existing table.`): whole
 * sentences, never a fragment. Documentation is clean text (docs/ir.md): paragraphs separated by a
 * blank line, list items as `- ` lines, admonitions as `Note: …` paragraphs.
 *
 * @packageDocumentation
 */

/** A paragraph that ends a sentence (`.`, `!` or `?`, maybe inside closing quotes or brackets). */
const SENTENCE_END = /[.!?]["')\]]*$/;

/** Admonitions, and lines that only point elsewhere: not what an operation does. */
const NOT_A_SUMMARY = /^(?:note|warning|important|tip|caution|attention|danger|see also|openapi documentation)\b/i;

/**
 * The summary of `documentation`: its first paragraph that is prose — not a list, not an admonition,
 * not one that introduces what follows (`…, note the following:`) — and ends a sentence (so a paragraph
 * a page broke off, like Baidu's `"available.\`, is passed over); failing that, its first prose
 * paragraph however it ends (a page that writes no final period). Empty when there is none (the caller
 * writes its own).
 */
export function summaryOf(documentation: string): string {
  const prose = documentation
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('- ') && !p.includes('\n') && !p.endsWith(':') && !NOT_A_SUMMARY.test(p));
  return prose.find((p) => SENTENCE_END.test(p)) ?? prose[0] ?? '';
}
