/**
 * The report renderers on a hand-made report: Markdown table cells stay one cell (pipes escaped, code
 * spans fenced around backticks), informational API rows are in parentheses, unchanged packages are
 * left out; JSON counts documentation changes and lists them only when asked.
 */
import { describe, expect, test } from 'vitest';
import { renderJson } from '../../generator/diff/render-json.ts';
import { renderMarkdown } from '../../generator/diff/render-markdown.ts';
import type { DiffReport } from '../../generator/diff/report.ts';
import { change } from '../../generator/diff/rules.ts';

const report: DiffReport = {
  old: 'main',
  new: 'HEAD',
  breaking: true,
  packages: [
    {
      service: 'aws/demo',
      folder: 'aws-demo',
      packageName: '@docsdk/aws-demo',
      changes: [change('input-enum-constraint-added', 'PutRequest.mode', 'FAST | SLOW')],
      documentation: [change('documentation-changed', 'PutRequest.note', '')],
      api: [{ ...change('api-symbol-changed', 'Mode (TypeAlias)', '`x` | y'), informational: true }],
      breaking: true,
      bump: 'major',
    },
    { service: 'aws/same', folder: 'aws-same', packageName: '@docsdk/aws-same', changes: [], documentation: [], api: [], breaking: false },
  ],
};

describe('renderers', () => {
  test('Markdown: escaped cells, parenthesised informational rows, unchanged packages left out', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('| **breaking** | `PutRequest.mode` | `input-enum-constraint-added` | FAST \\| SLOW |');
    expect(md).toContain('| (breaking) | `Mode (TypeAlias)` | `api-symbol-changed` | `x` \\| y |');
    expect(md).toContain('| `@docsdk/aws-demo` | major | yes | 1 | 1 | 1 |');
    expect(md).not.toContain('aws-same');
    expect(md).not.toContain('PutRequest.note');
    expect(renderMarkdown(report, { allDocs: true })).toContain('| compatible | `PutRequest.note` | `documentation-changed` |  |');
  });

  test('JSON: documentation counted, listed with allDocs; unchanged packages have a null bump', () => {
    const json = JSON.parse(renderJson(report));
    expect(json.packages.map((p: { documentationChanges: number; bump: string | null }) => [p.documentationChanges, p.bump])).toEqual([
      [1, 'major'],
      [0, null],
    ]);
    expect(json.packages[0].documentation).toBeUndefined();
    expect(JSON.parse(renderJson(report, { allDocs: true })).packages[0].documentation).toHaveLength(1);
  });
});
