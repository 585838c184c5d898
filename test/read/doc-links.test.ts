/**
 * Links in documentation read from boto3 pages: RST hyperlinks (`` `text <url>`__ ``) and their HTML
 * (`<a class="reference external" href>`) give the same `[text](url)` (docs/ir.md, "Documentation");
 * the "See also" API-reference link stays out of the text (it is the operation's `apiReference`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MemberNode, ReadOperation, TypeNode } from '../../generator/ir/input.ts';
import { linksOf } from '../../generator/ir/links.ts';
import { readDocument } from '../../generator/read/registry.ts';

const PAGE = 'test/fixtures/boto3-143/rst/reference/services/kinesis/client/subscribe_to_shard.rst';
const HTML = ['alabaster', 'furo'].map((theme) => `test/fixtures/boto3-143/html/${theme}/reference/services/kinesis/client/subscribe_to_shard.html`);

/** Every documentation string of an operation, in reading order. */
function docsOf(op: ReadOperation): string[] {
  const out = [op.documentation];
  const visit = (t: TypeNode | undefined) => {
    if (!t) return;
    if ('documentation' in t && t.documentation) out.push(t.documentation);
    if (t.kind === 'structure' || t.kind === 'union') for (const m of t.members as MemberNode[]) member(m);
    if (t.kind === 'list') visit(t.member);
    if (t.kind === 'map') visit(t.value);
  };
  const member = (m: MemberNode) => {
    if (m.documentation) out.push(m.documentation);
    visit(m.type);
  };
  visit(op.input);
  visit(op.output);
  return out;
}

const linksOfPage = (file: string) => {
  const page = readDocument(readFileSync(file, 'utf8'), file);
  expect(page.operations).toHaveLength(1);
  return docsOf(page.operations[0]!).flatMap(linksOf);
};

describe('documentation links', () => {
  it('are read from RST hyperlinks: every one of the page but "See also"', () => {
    const rst = readFileSync(PAGE, 'utf8');
    const onPage = [...rst.matchAll(/`([^`<]+?)\s*<(https?:[^>]+)>`__?/g)].filter((m) => !/goto\/WebAPI/.test(m[2]!));
    const links = linksOfPage(PAGE);
    expect(onPage.length).toBe(3);
    expect(links.map((l) => l.url)).toEqual(onPage.map((m) => m[2]));
    expect(links.map((l) => l.text)).toEqual(onPage.map((m) => m[1]!.replace(/\s+/g, ' ')));
    expect(links.some((l) => /goto\/WebAPI/.test(l.url))).toBe(false);
  });

  it.each(HTML)('read from the HTML of the same page give the same links: %s', (file) => {
    expect(linksOfPage(file)).toEqual(linksOfPage(PAGE));
  });
});
