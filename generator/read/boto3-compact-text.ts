/**
 * Reader for the compact text rendering of a boto3 client page (seed 001): text copied from the
 * HTML site whose headings keep their `¶` permalink — in the copy the seed is, each paragraph is
 * one line, the Request and Response Syntax are folded onto one line each, and the Parameters and
 * Response Structure lists are flattened to `Name (type) –` lines with no indentation. The page is
 * read as every rendered page is (`boto3/rendered.ts`: flattened entries are nested along the
 * syntax literal, `boto3/literal-entries.ts`) and assembled as the RST reader's parts are.
 */
import { splitLines } from './indent-tree.ts';
import type { ReadPage } from '../ir/input.ts';
import { isBoto3Rst } from './boto3-rst.ts';
import { looksLikeRenderedClientPage, readRenderedPage } from './boto3/rendered.ts';

/** Whether text is a compact rendering: a rendered client page whose headings end in `¶`. */
export function isBoto3CompactText(text: string): boolean {
  return /¶[ \t]*$/m.test(text) && looksLikeRenderedClientPage(text) && !isBoto3Rst(text);
}

/** Reads a compact-text boto3 page into one operation (or diagnostics saying why not). */
export function readBoto3CompactText(text: string, file: string): ReadPage {
  return readRenderedPage(splitLines(text), file, { format: 'boto3-compact-text', endsMidLine: text.trim() !== '' && !/\n[ \t]*$/.test(text) });
}
