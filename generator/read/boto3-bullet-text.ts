/**
 * Reader for the bullet text rendering of a boto3 client page (seed 003) and every other text
 * rendering of the HTML site without `¶` permalinks: copied from a browser (`•` bullets indented by
 * depth, or entries flattened), dumped by a text browser or converter (w3m, lynx, html2text,
 * pandoc; furo's `#` permalinks), multi-line syntax blocks, notes as a `Note` line followed by its
 * paragraph. It is read as every rendered page is (`boto3/rendered.ts`: nesting from indentation,
 * or from the syntax literal when the entries are flattened) and assembled as the RST reader's
 * parts are.
 */
import { splitLines } from './indent-tree.ts';
import type { ReadPage } from '../ir/input.ts';
import { isBoto3Rst } from './boto3-rst.ts';
import { looksLikeRenderedClientPage, readRenderedPage } from './boto3/rendered.ts';

/** Whether text is a bullet rendering: a rendered client page without the compact rendering's `¶`. */
export function isBoto3BulletText(text: string): boolean {
  return !/¶[ \t]*$/m.test(text) && looksLikeRenderedClientPage(text) && !isBoto3Rst(text);
}

/** Reads a bullet-text boto3 page into one operation (or diagnostics saying why not). */
export function readBoto3BulletText(text: string, file: string): ReadPage {
  return readRenderedPage(splitLines(text), file, { format: 'boto3-bullet-text', endsMidLine: text.trim() !== '' && !/\n[ \t]*$/.test(text) });
}
