/**
 * Documentation links from a real page to the generated package (issue 18 §4): DynamoDB's Query page
 * (boto3 1.43, test/fixtures/boto3-helpers) links the AWS docs 37 times besides its "See also". Every
 * one of them reaches the TSDoc as `{@link url | text}` — once per declaration: the shared
 * AttributeValue shape and its "Data Types" link are emitted once, not at each of the page's uses —
 * and the operation's own links are Markdown links in the README.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { linksOf } from '../../generator/ir/links.ts';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { renderOrThrow, type GeneratedPackage } from './helpers.ts';

const PAGE = 'test/fixtures/boto3-helpers/dynamodb/client/query.rst';
let pkg: GeneratedPackage;
let operationDoc: string;

beforeAll(async () => {
  const { ir, diagnostics } = loadIR([PAGE]);
  expect(diagnostics).toEqual([]);
  operationDoc = ir.services[0]!.operations[0]!.documentation;
  [pkg] = (await renderOrThrow(ir)) as [GeneratedPackage];
});

/** The page's hyperlinks but the "See also" one: text and target. */
function pageLinks(): { text: string; url: string }[] {
  const rst = readFileSync(PAGE, 'utf8');
  // RST escapes with a backslash (`http\\://` in a link text): the text is what it reads as.
  return [...rst.matchAll(/`([^`<]+?)\s*<(https?:[^>]+)>`__?/g)].filter((m) => !/goto\/WebAPI/.test(m[2]!)).map((m) => ({ text: m[1]!.replace(/\\(.)/g, '$1').replace(/\s+/g, ' '), url: m[2]! }));
}

/** The `{@link url | text}` tags of the package's TSDoc, but `@see` (the API reference). */
function tsdocLinks(): { text: string; url: string }[] {
  return pkg.files
    .filter((f) => f.path.endsWith('.ts'))
    .flatMap((f) => f.content.split('\n'))
    .filter((l) => /^\s*\*/.test(l) && !/@see /.test(l))
    .flatMap((l) => [...l.matchAll(/\{@link (https?:\/\/\S+) \| ([^}]+)\}/g)].map((m) => ({ text: m[2]!, url: m[1]! })));
}

const key = (l: { text: string; url: string }) => `${l.text} <${l.url}>`;

describe('links of a real page', () => {
  it('are all in the TSDoc, each declaration carrying its own', () => {
    const page = pageLinks();
    const emitted = tsdocLinks();
    expect(page).toHaveLength(37);
    expect(emitted).toHaveLength(18);
    expect(new Set(emitted.map(key))).toEqual(new Set(page.map(key)));
    // "Data Types" is in AttributeValue's documentation, written on the page at each of its 18 uses.
    expect(page.filter((l) => l.text === 'Data Types')).toHaveLength(18);
    expect(emitted.filter((l) => l.text === 'Data Types')).toHaveLength(1);
  });

  it("are Markdown links in the README under the operation's example", () => {
    const links = linksOf(operationDoc);
    expect(links.length).toBeGreaterThan(0);
    const readme = pkg.files.find((f) => f.path === 'README.md')!.content;
    expect(readme).toContain(`Links: ${links.map((l) => `[${l.text}](${l.url})`).join(', ')}\n`);
    // The example's summary comment keeps the link text only.
    expect(readme).not.toMatch(/^\/\/.*\]\(http/m);
  });
});
